orgs-country = Država
orgs-city = Kraj
orgs-website = Spletna stran
orgs-email = Kontaktni e-naslov
orgs-events-heading = Prihodnji dogodki
orgs-events-none = Napovedanih dogodkov še ni.
orgs-events-all = Vsi dogodki te organizacije
orgs-event-online = Na spletu
orgs-event-members-only = Samo za člane
orgs-join-heading = Članstvo
orgs-types-none = Ta organizacija tukaj trenutno ne sprejema prijav za članstvo.
orgs-types-caption = Vrste članstva
orgs-type-name = Vrsta članstva
orgs-type-for = Za koga
orgs-type-for-people = za posameznike
orgs-type-for-organisations = za organizacije
orgs-type-duration = Trajanje
orgs-type-months = { $months ->
    [one] { $months } mesec
    [two] { $months } meseca
    [few] { $months } meseci
   *[other] { $months } mesecev
}
orgs-type-lifetime = Doživljenjsko
orgs-type-fee = Letna članarina
orgs-type-no-fee = Brez
orgs-type-approval = Odobritev
orgs-type-approval-yes = Odobrijo organizatorji
orgs-type-approval-no = Velja takoj
orgs-apply-type = Katero članstvo želite?
orgs-apply-as = Prijava za
orgs-apply-as-self = Zase ({ $name })
orgs-apply-as-self-only = Prijavljate se v svojem imenu ({ $name }). Če želite prijaviti organizacijo, vas morajo njeni zastopniki najprej dodati.
orgs-apply-note = Sporočilo organizatorjem (neobvezno)
orgs-apply-submit = Prijavi se za članstvo
orgs-apply-sign-in = Prijavite se v račun, da oddate prijavo za članstvo
orgs-error-choose-type = Izberite eno od vrst članstva.
orgs-error-type-for-people = To članstvo je za posameznike: prijavite se v svojem imenu.
orgs-error-type-for-organisations = To članstvo je za organizacije: izberite organizacijo, ki jo zastopate.
orgs-refusal-unverified = Najprej potrdite svoj e-naslov: odprite povezavo iz sporočila, ki smo vam ga poslali ob odprtju računa.
orgs-refusal-not-representative = Organizacijo lahko prijavi le njen zastopnik.
orgs-refusal-already = Za tega člana tukaj že obstaja članstvo v obravnavi ali aktivno članstvo.
orgs-refusal-already-link = Oglejte si to članstvo
orgs-notice-applied = Hvala: vaša prijava za članstvo je prejeta.
orgs-embed-title = Dogodki: { $name }
orgs-embed-about = O organizaciji { $name } na Kolu
