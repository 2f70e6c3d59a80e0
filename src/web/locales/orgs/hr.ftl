orgs-country = Država
orgs-city = Grad
orgs-website = Mrežna stranica
orgs-email = Adresa za kontakt
orgs-events-heading = Nadolazeća događanja
orgs-events-none = Još nema najavljenih događanja.
orgs-events-all = Sva događanja ove organizacije
orgs-event-online = Online
orgs-event-members-only = Samo za članove
orgs-join-heading = Članstvo
orgs-types-none = Ova organizacija trenutačno ovdje ne prima prijave za članstvo.
orgs-types-caption = Vrste članstva
orgs-type-name = Vrsta članstva
orgs-type-for = Za koga
orgs-type-for-people = za pojedince
orgs-type-for-organisations = za organizacije
orgs-type-duration = Trajanje
orgs-type-months = { $months ->
    [one] { $months } mjesec
    [few] { $months } mjeseca
   *[other] { $months } mjeseci
}
orgs-type-lifetime = Doživotno
orgs-type-fee = Godišnja članarina
orgs-type-no-fee = Nema
orgs-type-approval = Odobrenje
orgs-type-approval-yes = Odobravaju organizatori
orgs-type-approval-no = Aktivno odmah
orgs-apply-type = Koje članstvo želite?
orgs-apply-as = Prijava za
orgs-apply-as-self = Sebe ({ $name })
orgs-apply-as-self-only = Prijavljujete se u svoje ime ({ $name }). Da biste prijavili organizaciju, njezini vas predstavnici najprije moraju dodati.
orgs-apply-note = Poruka organizatorima (nije obvezno)
orgs-apply-submit = Prijavi se za članstvo
orgs-apply-sign-in = Prijavite se u račun kako biste podnijeli prijavu za članstvo
orgs-error-choose-type = Odaberite jednu od vrsta članstva.
orgs-error-type-for-people = Ovo je članstvo za pojedince: prijavite se u svoje ime.
orgs-error-type-for-organisations = Ovo je članstvo za organizacije: odaberite organizaciju koju predstavljate.
orgs-refusal-unverified = Najprije potvrdite svoju adresu e-pošte: otvorite poveznicu iz poruke koju smo vam poslali pri otvaranju računa.
orgs-refusal-not-representative = Samo predstavnik te organizacije može je prijaviti.
orgs-refusal-already = Za ovog člana ovdje već postoji članstvo na čekanju ili aktivno članstvo.
orgs-refusal-already-link = Pogledajte to članstvo
orgs-notice-applied = Hvala: vaša je prijava za članstvo zaprimljena.
orgs-embed-title = Događanja: { $name }
orgs-embed-about = O organizaciji { $name } na Kolu
