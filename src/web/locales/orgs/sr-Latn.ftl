orgs-country = Država
orgs-city = Grad
orgs-website = Veb-sajt
orgs-email = Adresa za kontakt
orgs-events-heading = Predstojeći događaji
orgs-events-none = Još nema najavljenih događaja.
orgs-events-all = Svi događaji ove organizacije
orgs-event-online = Onlajn
orgs-event-members-only = Samo za članove
orgs-join-heading = Članstvo
orgs-types-none = Ova organizacija trenutno ne prima prijave za članstvo ovde.
orgs-types-caption = Vrste članstva
orgs-type-name = Vrsta članstva
orgs-type-for = Za koga
orgs-type-for-people = za pojedince
orgs-type-for-organisations = za organizacije
orgs-type-duration = Trajanje
orgs-type-months = { $months ->
    [one] { $months } mesec
    [few] { $months } meseca
   *[other] { $months } meseci
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
orgs-apply-as-self-only = Prijavljujete se u svoje ime ({ $name }). Da biste prijavili organizaciju, njeni predstavnici prvo moraju da vas dodaju.
orgs-apply-note = Poruka organizatorima (nije obavezno)
orgs-apply-submit = Prijavi se za članstvo
orgs-apply-sign-in = Prijavite se na nalog da biste podneli prijavu za članstvo
orgs-error-choose-type = Izaberite jednu od vrsta članstva.
orgs-error-type-for-people = Ovo članstvo je za pojedince: prijavite se u svoje ime.
orgs-error-type-for-organisations = Ovo članstvo je za organizacije: izaberite organizaciju koju predstavljate.
orgs-refusal-unverified = Prvo potvrdite svoju imejl adresu: otvorite vezu iz imejla koji smo vam poslali pri otvaranju naloga.
orgs-refusal-not-representative = Samo predstavnik te organizacije može da je prijavi.
orgs-refusal-already = Za ovog člana ovde već postoji članstvo na čekanju ili aktivno članstvo.
orgs-refusal-already-link = Pogledajte to članstvo
orgs-notice-applied = Hvala: vaša prijava za članstvo je primljena.
orgs-embed-title = Događaji: { $name }
orgs-embed-about = O organizaciji { $name } na Kolu
