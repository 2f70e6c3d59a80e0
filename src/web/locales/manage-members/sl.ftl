manage-members-title = Člani organizacije { $host }
manage-members-nav-label = Strani o članih
manage-members-nav-members = Člani
manage-members-nav-applications = Prijave
manage-members-nav-types = Vrste članstva
manage-members-nav-directory = Imenik
manage-members-filters-title = Filtri
manage-members-filter-search = Ime, e-pošta ali organizacija
manage-members-filter-status = Stanje
manage-members-filter-type = Vrsta članstva
manage-members-filter-kind = Oseba ali organizacija
manage-members-filter-country = Država
manage-members-filter-expiring = Poteče v naslednjih (dneh)
manage-members-filter-expiring-hint = Na primer 30: aktivna članstva, ki potečejo v naslednjih 30 dneh.
manage-members-filter-any = Vse
manage-members-filter-choose = Izberite …
manage-members-filter-apply = Prikaži
manage-members-filter-clear = Počisti filtre
manage-members-expiring-invalid = Vnesite število dni, na primer 30.
manage-members-count = { $count ->
    [one] { $count } članstvo
    [two] { $count } članstvi
    [few] { $count } članstva
   *[other] { $count } članstev
}
manage-members-csv = Prenesi kot preglednico (CSV)
manage-members-none = Nobeno članstvo ne ustreza tem filtrom.
manage-members-table = Članstva
manage-members-col-member = Član
manage-members-col-name = Ime
manage-members-col-email = E-pošta
manage-members-col-kind = Vrsta člana
manage-members-col-type = Vrsta članstva
manage-members-col-status = Stanje
manage-members-col-applied = Prijava oddana
manage-members-col-starts = Od
manage-members-col-ends = Do
manage-members-col-applicant-note = Opomba prijavitelja
manage-members-col-reason = Opomba članu
manage-members-col-select = Izbira
manage-members-col-actions = Dejanja
manage-members-col-why = Razlog
manage-members-kind-person = Oseba
manage-members-kind-organisation = Organizacija
manage-members-status-pending = Čaka na odobritev
manage-members-status-active = Aktivno
manage-members-status-expired = Poteklo
manage-members-status-rejected = Ni sprejeto
manage-members-status-cancelled = Končano
manage-members-representatives = Zastopniki
manage-members-representatives-of = Osebe, ki zastopajo organizacijo { $name }
manage-members-representatives-none = Ta organizacija nima zastopnikov.
manage-members-decide-title = Odločitev o prijavi
manage-members-note = Opomba prijavitelju (neobvezno)
manage-members-note-hint = Prijavitelju jo pošljemo skupaj z odločitvijo.
manage-members-approve = Odobri
manage-members-approve-one = Odobri: { $name }
manage-members-reject = Zavrni
manage-members-reject-one = Zavrni: { $name }
manage-members-reject-title = Zavrnitev prijave: { $name }
manage-members-reject-intro = Prijavitelj prejme e-sporočilo, da prijava ni bila sprejeta, z vašo opombo, če jo napišete. Tega ni mogoče razveljaviti; prijavitelj se lahko prijavi znova.
manage-members-reject-confirm = Da, zavrni prijavo: { $name }
manage-members-reject-confirm-needed = Označite polje, da potrdite zavrnitev.
manage-members-keep = Nazaj brez sprememb
manage-members-decided-already = To članstvo se je medtem spremenilo in o njem ni več mogoče odločiti na ta način. Njegovo trenutno stanje je prikazano spodaj.
manage-members-notice-approved = Članstvo je odobreno. Član prejme e-sporočilo.
manage-members-notice-rejected = Prijava je zavrnjena. Prijavitelj prejme e-sporočilo.
manage-members-renew-title = Podaljšanje
manage-members-renew-intro = Podaljšanje članstvo podaljša za eno obdobje njegove vrste, od trenutnega konca (ali od danes, če je poteklo). Član prejme e-sporočilo.
manage-members-renew = Podaljšaj članstvo
manage-members-renew-lifetime = Dosmrtnega članstva ni treba podaljševati.
manage-members-renew-not-now = Tega članstva v trenutnem stanju ni mogoče podaljšati.
manage-members-notice-renewed = Članstvo je podaljšano.
manage-members-back = Vsi člani
manage-members-applications-title = Prijave za članstvo v organizaciji { $host }
manage-members-applications-count = { $count ->
    [one] { $count } prijava čaka
    [two] { $count } prijavi čakata
    [few] { $count } prijave čakajo
   *[other] { $count } prijav čaka
}
manage-members-applications-none = Nobena prijava ne čaka.
manage-members-applications-table = Prijave, ki čakajo na odobritev
manage-members-select-one = Izberi: { $name }
manage-members-bulk-selected = Odobri izbrane
manage-members-bulk-page = { $count ->
    [one] Odobri { $count } prijavo na tej strani
    [two] Odobri obe { $count } prijavi na tej strani
    [few] Odobri vse { $count } prijave na tej strani
   *[other] Odobri vseh { $count } prijav na tej strani
}
manage-members-bulk-none = Izberite vsaj eno prijavo.
manage-members-bulk-title = Odobritev prijav
manage-members-bulk-approved = { $count ->
    [one] Odobreno je { $count } članstvo.
    [two] Odobreni sta { $count } članstvi.
    [few] Odobrena so { $count } članstva.
   *[other] Odobrenih je { $count } članstev.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } prijave ni bilo mogoče odobriti:
    [two] { $count } prijav ni bilo mogoče odobriti:
    [few] { $count } prijav ni bilo mogoče odobriti:
   *[other] { $count } prijav ni bilo mogoče odobriti:
}
manage-members-bulk-failures = Neodobrene prijave
manage-members-bulk-failed-gone = Ni med članstvi te organizacije.
manage-members-bulk-failed-decided = O njej je že odločeno: ne čaka več na odobritev.
manage-members-bulk-failed-conflict = Član že ima drugo veljavno članstvo.
manage-members-bulk-failed-forbidden = Nimate pravice, da jo odobrite.
manage-members-bulk-failed-other = Nepričakovana napaka; poskusite znova.
manage-members-bulk-back = Nazaj na prijave
manage-members-directory-title = Imenik članov organizacije { $host }
manage-members-directory-intro = To je imenik natanko tak, kot ga vidijo člani: aktivni člani, ki so se odločili za objavo, samo z javnimi podatki.
manage-members-directory-empty = Noben član se še ni odločil za objavo v imeniku.
manage-members-directory-since = Član od { $date }
manage-members-types-title = Vrste članstva organizacije { $host }
manage-members-types-table = Vrste članstva
manage-members-types-none = Vrst članstva še ni.
manage-members-types-owners-only = Vrste članstva lahko spreminjajo samo lastniki organizacije.
manage-members-type-new = Nova vrsta članstva
manage-members-type-new-title = Nova vrsta članstva
manage-members-type-edit-title = Sprememba vrste članstva
manage-members-type-edit = Uredi: { $name }
manage-members-type-name = Ime
manage-members-type-name-hint = V vsaj enem jeziku; člani ga vidijo v svojem, če je naveden.
manage-members-type-duration = Trajanje
manage-members-type-duration-hint = V mesecih; pustite prazno za dosmrtno članstvo.
manage-members-type-duration-invalid = Vnesite celo število mesecev ali pustite prazno.
manage-members-type-months = { $count ->
    [one] { $count } mesec
    [two] { $count } meseca
    [few] { $count } meseci
   *[other] { $count } mesecev
}
manage-members-type-lifetime = Dosmrtno
manage-members-type-approval = Odobritev
manage-members-type-approval-label = Prijave mora odobriti osebje
manage-members-type-fee = Letna članarina
manage-members-type-fee-hint = Zabeleži se in prikaže, nikoli zaračuna; na primer 25.00. Pustite prazno, če je ni.
manage-members-type-currency = Valuta
manage-members-type-currency-hint = Tri črke, na primer EUR ali RSD; potrebna s članarino.
manage-members-type-create = Ustvari vrsto članstva
manage-members-type-save = Shrani spremembe
manage-members-type-open = Odprto
manage-members-type-retired = Umaknjeno
manage-members-type-retire = Umakni: { $name }
manage-members-type-retire-title = Umik vrste članstva: { $name }
manage-members-type-retire-intro = Umaknjena vrsta ne sprejema novih prijav. Članstva te vrste ostanejo, kot so, in jih je še vedno mogoče podaljšati. Pozneje jo lahko znova odprete.
manage-members-type-retire-confirm = Da, umakni: { $name }
manage-members-type-retire-confirm-needed = Označite polje za potrditev.
manage-members-type-reopen = Znova odpri: { $name }
manage-members-yes = Da
manage-members-no = Ne
manage-members-notice-type-created = Vrsta članstva je ustvarjena.
manage-members-notice-type-saved = Vrsta članstva je shranjena.
manage-members-notice-type-retired = Vrsta članstva je umaknjena: ne sprejema novih prijav.
manage-members-notice-type-reopened = Vrsta članstva je znova odprta za prijave.
