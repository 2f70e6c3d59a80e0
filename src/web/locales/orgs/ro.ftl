orgs-country = Țara
orgs-city = Localitatea
orgs-website = Site web
orgs-email = E-mail de contact
orgs-events-heading = Evenimente viitoare
orgs-events-none = Încă nu sunt anunțate evenimente.
orgs-events-all = Toate evenimentele acestei organizații
orgs-event-online = Online
orgs-event-members-only = Doar pentru membri
orgs-join-heading = Calitatea de membru
orgs-types-none = Momentan, această organizație nu primește aici cereri de aderare.
orgs-types-caption = Tipuri de membru
orgs-type-name = Tip de membru
orgs-type-for = Pentru cine
orgs-type-for-people = pentru persoane
orgs-type-for-organisations = pentru organizații
orgs-type-duration = Durata
orgs-type-months = { $months ->
    [one] { $months } lună
    [few] { $months } luni
   *[other] { $months } de luni
}
orgs-type-lifetime = Pe viață
orgs-type-fee = Cotizație anuală
orgs-type-no-fee = Fără
orgs-type-approval = Aprobare
orgs-type-approval-yes = Aprobată de organizatori
orgs-type-approval-no = Activă imediat
orgs-apply-type = Ce tip de membru doriți?
orgs-apply-as = Cerere pentru
orgs-apply-as-self = Mine ({ $name })
orgs-apply-as-self-only = Depuneți cererea în nume propriu ({ $name }). Pentru a depune o cerere pentru o organizație, reprezentanții ei trebuie mai întâi să vă adauge.
orgs-apply-note = Mesaj pentru organizatori (opțional)
orgs-apply-submit = Depune cererea de aderare
orgs-apply-sign-in = Autentificați-vă pentru a depune o cerere de aderare
orgs-error-choose-type = Alegeți unul dintre tipurile de membru.
orgs-error-type-for-people = Acest tip este pentru persoane: depuneți cererea în nume propriu.
orgs-error-type-for-organisations = Acest tip este pentru organizații: alegeți o organizație pe care o reprezentați.
orgs-refusal-unverified = Mai întâi confirmați adresa de e-mail: deschideți linkul din mesajul pe care vi l-am trimis la crearea contului.
orgs-refusal-not-representative = Doar un reprezentant al acelei organizații poate depune cererea pentru ea.
orgs-refusal-already = Pentru acest membru există deja aici o calitate de membru în așteptare sau activă.
orgs-refusal-already-link = Vedeți calitatea de membru respectivă
orgs-notice-applied = Vă mulțumim: cererea dumneavoastră de aderare a fost primită.
orgs-embed-title = Evenimente: { $name }
orgs-embed-about = Despre { $name } pe Kolo
