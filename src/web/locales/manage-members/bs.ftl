manage-members-title = Članovi organizacije { $host }
manage-members-nav-label = Stranice o članovima
manage-members-nav-members = Članovi
manage-members-nav-applications = Prijave
manage-members-nav-types = Vrste članstva
manage-members-nav-directory = Imenik
manage-members-filters-title = Filteri
manage-members-filter-search = Ime, e-mail ili organizacija
manage-members-filter-status = Status
manage-members-filter-type = Vrsta članstva
manage-members-filter-kind = Osoba ili organizacija
manage-members-filter-country = Država
manage-members-filter-expiring = Ističe u narednih (dana)
manage-members-filter-expiring-hint = Na primjer 30: aktivna članstva koja ističu u narednih 30 dana.
manage-members-filter-any = Sve
manage-members-filter-choose = Izaberite…
manage-members-filter-apply = Prikaži
manage-members-filter-clear = Poništi filtere
manage-members-expiring-invalid = Unesite broj dana, na primjer 30.
manage-members-count = { $count ->
    [one] { $count } članstvo
    [few] { $count } članstva
   *[other] { $count } članstava
}
manage-members-csv = Preuzmi kao tabelu (CSV)
manage-members-none = Nijedno članstvo ne odgovara ovim filterima.
manage-members-table = Članstva
manage-members-col-member = Član
manage-members-col-name = Ime
manage-members-col-email = E-mail
manage-members-col-kind = Vrsta člana
manage-members-col-type = Vrsta članstva
manage-members-col-status = Status
manage-members-col-applied = Prijava podnesena
manage-members-col-starts = Od
manage-members-col-ends = Do
manage-members-col-applicant-note = Napomena podnosioca
manage-members-col-reason = Napomena članu
manage-members-col-select = Izbor
manage-members-col-actions = Radnje
manage-members-col-why = Razlog
manage-members-kind-person = Osoba
manage-members-kind-organisation = Organizacija
manage-members-status-pending = Čeka odobrenje
manage-members-status-active = Aktivno
manage-members-status-expired = Isteklo
manage-members-status-rejected = Nije prihvaćeno
manage-members-status-cancelled = Prekinuto
manage-members-representatives = Predstavnici
manage-members-representatives-of = Osobe koje zastupaju organizaciju { $name }
manage-members-representatives-none = Ova organizacija nema predstavnika.
manage-members-decide-title = Odluka o prijavi
manage-members-note = Napomena podnosiocu (nije obavezno)
manage-members-note-hint = Šalje se podnosiocu zajedno sa odlukom.
manage-members-approve = Odobri
manage-members-approve-one = Odobri: { $name }
manage-members-reject = Odbij
manage-members-reject-one = Odbij: { $name }
manage-members-reject-title = Odbijanje prijave: { $name }
manage-members-reject-intro = Podnosilac dobija e-mail da prijava nije prihvaćena, sa vašom napomenom ako je napišete. Ovo se ne može poništiti; podnosilac može ponovo da se prijavi.
manage-members-reject-confirm = Da, odbij prijavu: { $name }
manage-members-reject-confirm-needed = Označite polje da potvrdite odbijanje.
manage-members-keep = Nazad bez izmjena
manage-members-decided-already = Ovo članstvo se u međuvremenu promijenilo i o njemu se više ne može odlučiti na ovaj način. Njegovo sadašnje stanje je prikazano ispod.
manage-members-notice-approved = Članstvo je odobreno. Član dobija e-mail.
manage-members-notice-rejected = Prijava je odbijena. Podnosilac dobija e-mail.
manage-members-renew-title = Obnova
manage-members-renew-intro = Obnova produžava članstvo za jedan period njegove vrste, od sadašnjeg isteka (ili od danas ako je isteklo). Član dobija e-mail.
manage-members-renew = Obnovi članstvo
manage-members-renew-lifetime = Doživotno članstvo ne treba obnavljati.
manage-members-renew-not-now = Ovo članstvo se ne može obnoviti u sadašnjem stanju.
manage-members-notice-renewed = Članstvo je obnovljeno.
manage-members-back = Svi članovi
manage-members-applications-title = Prijave za članstvo u organizaciji { $host }
manage-members-applications-count = { $count ->
    [one] { $count } prijava čeka
    [few] { $count } prijave čekaju
   *[other] { $count } prijava čeka
}
manage-members-applications-none = Nijedna prijava ne čeka.
manage-members-applications-table = Prijave koje čekaju odobrenje
manage-members-select-one = Izaberi: { $name }
manage-members-bulk-selected = Odobri izabrane
manage-members-bulk-page = { $count ->
    [one] Odobri { $count } prijavu na ovoj stranici
    [few] Odobri sve { $count } prijave na ovoj stranici
   *[other] Odobri svih { $count } prijava na ovoj stranici
}
manage-members-bulk-none = Izaberite bar jednu prijavu.
manage-members-bulk-title = Odobravanje prijava
manage-members-bulk-approved = { $count ->
    [one] Odobreno je { $count } članstvo.
    [few] Odobrena su { $count } članstva.
   *[other] Odobreno je { $count } članstava.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } prijava nije mogla biti odobrena:
    [few] { $count } prijave nisu mogle biti odobrene:
   *[other] { $count } prijava nije moglo biti odobreno:
}
manage-members-bulk-failures = Neodobrene prijave
manage-members-bulk-failed-gone = Nije pronađena među članstvima ove organizacije.
manage-members-bulk-failed-decided = Već je odlučeno: više ne čeka odobrenje.
manage-members-bulk-failed-conflict = Član već ima drugo važeće članstvo.
manage-members-bulk-failed-forbidden = Nemate pravo da je odobrite.
manage-members-bulk-failed-other = Neočekivana greška; pokušajte ponovo.
manage-members-bulk-back = Nazad na prijave
manage-members-directory-title = Imenik članova organizacije { $host }
manage-members-directory-intro = Ovo je imenik tačno onakav kakav ga vide članovi: aktivni članovi koji su pristali da budu navedeni, samo sa javnim podacima.
manage-members-directory-empty = Još se nijedan član nije odlučio da bude naveden.
manage-members-directory-since = Član od { $date }
manage-members-types-title = Vrste članstva organizacije { $host }
manage-members-types-table = Vrste članstva
manage-members-types-none = Još nema vrsta članstva.
manage-members-types-owners-only = Vrste članstva mogu da mijenjaju samo vlasnici organizacije.
manage-members-type-new = Nova vrsta članstva
manage-members-type-new-title = Nova vrsta članstva
manage-members-type-edit-title = Izmjena vrste članstva
manage-members-type-edit = Izmijeni: { $name }
manage-members-type-name = Naziv
manage-members-type-name-hint = Na bar jednom jeziku; članovi ga vide na svom jeziku kada je naveden.
manage-members-type-duration = Trajanje
manage-members-type-duration-hint = U mjesecima; ostavite prazno za doživotno članstvo.
manage-members-type-duration-invalid = Unesite cijeli broj mjeseci ili ostavite prazno.
manage-members-type-months = { $count ->
    [one] { $count } mjesec
    [few] { $count } mjeseca
   *[other] { $count } mjeseci
}
manage-members-type-lifetime = Doživotno
manage-members-type-approval = Odobrenje
manage-members-type-approval-label = Prijave mora da odobri osoblje
manage-members-type-fee = Godišnja članarina
manage-members-type-fee-hint = Bilježi se i prikazuje, nikada se ne naplaćuje; na primjer 25.00. Ostavite prazno ako je nema.
manage-members-type-currency = Valuta
manage-members-type-currency-hint = Tri slova, na primjer EUR ili RSD; potrebna uz članarinu.
manage-members-type-create = Napravi vrstu članstva
manage-members-type-save = Sačuvaj izmjene
manage-members-type-open = Otvoreno
manage-members-type-retired = Povučeno
manage-members-type-retire = Povuci: { $name }
manage-members-type-retire-title = Povlačenje vrste članstva: { $name }
manage-members-type-retire-intro = Povučena vrsta ne prima nove prijave. Članstva ove vrste ostaju kakva jesu i i dalje se mogu obnavljati. Kasnije je možete ponovo otvoriti.
manage-members-type-retire-confirm = Da, povuci: { $name }
manage-members-type-retire-confirm-needed = Označite polje da potvrdite.
manage-members-type-reopen = Ponovo otvori: { $name }
manage-members-yes = Da
manage-members-no = Ne
manage-members-notice-type-created = Vrsta članstva je napravljena.
manage-members-notice-type-saved = Vrsta članstva je sačuvana.
manage-members-notice-type-retired = Vrsta članstva je povučena: ne prima nove prijave.
manage-members-notice-type-reopened = Vrsta članstva je ponovo otvorena za prijave.
