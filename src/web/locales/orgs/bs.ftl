orgs-country = Država
orgs-city = Grad
orgs-website = Web stranica
orgs-email = Adresa za kontakt
orgs-events-heading = Predstojeći događaji
orgs-events-none = Još nema najavljenih događaja.
orgs-events-all = Svi događaji ove organizacije
orgs-event-online = Online
orgs-event-members-only = Samo za članove
orgs-join-heading = Članstvo
orgs-types-none = Ova organizacija trenutno ovdje ne prima prijave za članstvo.
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
orgs-apply-as-self-only = Prijavljujete se u svoje ime ({ $name }). Da biste prijavili organizaciju, njeni predstavnici vas prvo moraju dodati.
orgs-apply-note = Poruka organizatorima (nije obavezno)
orgs-apply-submit = Prijavi se za članstvo
orgs-apply-sign-in = Prijavite se na račun da biste podnijeli prijavu za članstvo
orgs-error-choose-type = Odaberite jednu od vrsta članstva.
orgs-error-type-for-people = Ovo članstvo je za pojedince: prijavite se u svoje ime.
orgs-error-type-for-organisations = Ovo članstvo je za organizacije: odaberite organizaciju koju predstavljate.
orgs-refusal-unverified = Prvo potvrdite svoju e-mail adresu: otvorite link iz e-maila koji smo vam poslali pri otvaranju računa.
orgs-refusal-not-representative = Samo predstavnik te organizacije je može prijaviti.
orgs-refusal-already = Za ovog člana ovdje već postoji članstvo na čekanju ili aktivno članstvo.
orgs-refusal-already-link = Pogledajte to članstvo
orgs-notice-applied = Hvala: vaša prijava za članstvo je zaprimljena.
orgs-embed-title = Događaji: { $name }
orgs-embed-about = O organizaciji { $name } na Kolu
