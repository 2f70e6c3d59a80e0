manage-home-nav = Upravljanje
manage-home-title = Upravljanje
manage-home-empty = Niste še v ekipi nobene organizacije. Ko vas lastnik organizacije doda v ekipo, se bodo tu pokazali njeni dogodki in člani.
manage-home-empty-link = Prebrskajte dogodke
manage-home-role-owner = Lastnik
manage-home-role-organiser = Organizator
manage-home-role-admin = Skrbnik platforme
manage-home-host-links = Strani organizacije { $name }
manage-home-org-nav = Upravljanje: { $name }
manage-home-nav-dashboard = Pregled
manage-home-nav-new-event = Nov dogodek
manage-home-nav-members = Člani
manage-home-nav-staff = Ekipa
manage-home-nav-audit = Dnevnik sprememb
manage-home-pending-memberships = { $count ->
    [one] { $count } članstvo čaka na odobritev
    [two] { $count } članstvi čakata na odobritev
    [few] { $count } članstva čakajo na odobritev
   *[other] { $count } članstev čaka na odobritev
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } članstvo poteče v naslednjih 30 dneh
    [two] { $count } članstvi potečeta v naslednjih 30 dneh
    [few] { $count } članstva potečejo v naslednjih 30 dneh
   *[other] { $count } članstev poteče v naslednjih 30 dneh
}
manage-home-no-events = Ni prihajajočih dogodkov.
manage-home-events-caption = Naslednji dogodki organizacije { $name }
manage-home-col-event = Dogodek
manage-home-col-when = Kdaj
manage-home-col-confirmed = Potrjeni / zmogljivost
manage-home-col-waitlisted = Na čakalni listi
manage-home-col-pending = Gostje, ki še niso potrdili
manage-home-col-checked-in = Prijavljeni ob vstopu
manage-home-col-actions = Dejanja
manage-home-draft = Osnutek
manage-home-untitled = (brez naslova)
manage-home-roster = Seznam prijavljenih
manage-home-checkin = Vstop
manage-home-outbox-title = Nedostavljena pošta
manage-home-outbox-total = { $count ->
    [one] { $count } sporočila ni bilo mogoče dostaviti.
    [two] { $count } sporočil ni bilo mogoče dostaviti.
    [few] { $count } sporočil ni bilo mogoče dostaviti.
   *[other] { $count } sporočil ni bilo mogoče dostaviti.
}
manage-home-outbox-caption = Zadnja nedostavljena sporočila
manage-home-outbox-recipient = Prejemnik
manage-home-outbox-template = Sporočilo
manage-home-outbox-created = Napisano
manage-home-outbox-attempts = Poskusi
manage-home-outbox-error = Zadnja napaka
manage-home-outbox-retry = Pošlji znova
manage-home-outbox-retry-for = Znova pošlji sporočilo za { $recipient }
manage-home-notice-retried = Sporočilo je znova v vrsti za pošiljanje.
manage-home-staff-title = Ekipa organizacije { $name }
manage-home-staff-caption = Lastniki in organizatorji organizacije { $name }
manage-home-staff-read-only = Ekipo lahko spreminjajo samo lastniki.
manage-home-staff-name = Ime
manage-home-staff-email = E-pošta
manage-home-staff-email-hint = E-poštni naslov obstoječega računa Kolo.
manage-home-staff-role = Vloga
manage-home-staff-since = Od
manage-home-staff-make-owner = Naredi za lastnika
manage-home-staff-make-owner-for = Naredi osebo { $name } za lastnika
manage-home-staff-make-organiser = Naredi za organizatorja
manage-home-staff-make-organiser-for = Naredi osebo { $name } za organizatorja
manage-home-staff-remove = Odstrani iz ekipe
manage-home-staff-remove-for = Odstrani osebo { $name } iz ekipe
manage-home-staff-add-title = Dodajte osebo v ekipo
manage-home-staff-add = Dodaj v ekipo
manage-home-staff-no-account = Noben račun nima tega e-poštnega naslova. Prosite osebo, naj se najprej registrira.
manage-home-staff-email-invalid = Vnesite veljaven e-poštni naslov.
manage-home-staff-last-owner = To je zadnji lastnik organizacije. Najprej dodajte še enega lastnika.
manage-home-staff-not-host = Ta organizacija ne prireja dogodkov, zato nima ekipe.
manage-home-staff-conflict = Ta sprememba trenutno ni mogoča.
manage-home-staff-remove-title = Odstranitev osebe { $name } iz ekipe
manage-home-staff-remove-text = Oseba { $name } ne bo več upravljala dogodkov in članov organizacije { $org }.
manage-home-staff-remove-confirm = Da, odstranite to osebo iz ekipe
manage-home-staff-remove-confirm-needed = Označite polje, da potrdite odstranitev.
manage-home-back-to-staff = Nazaj na ekipo
manage-home-notice-staff-added = Oseba je zdaj v ekipi.
manage-home-notice-staff-role = Vloga je spremenjena.
manage-home-notice-staff-removed = Oseba je odstranjena iz ekipe.
manage-home-audit-title = Dnevnik sprememb organizacije { $name }
manage-home-audit-caption = Dnevnik sprememb organizacije { $name }, najnovejše najprej
manage-home-audit-action = Dejanje
manage-home-audit-action-hint = Koda dejanja ali njen začetek, npr. membership. ali event.published
manage-home-audit-from = Od
manage-home-audit-to = Do
manage-home-audit-filter = Filtriraj
manage-home-audit-clear = Počisti filtre
manage-home-audit-date-invalid = Vnesite datum v obliki LLLL-MM-DD.
manage-home-audit-total = { $count ->
    [one] { $count } vnos
    [two] { $count } vnosa
    [few] { $count } vnosi
   *[other] { $count } vnosov
}
manage-home-audit-when = Kdaj
manage-home-audit-actor = Kdo
manage-home-audit-subject = Predmet
manage-home-audit-before = Prej
manage-home-audit-after = Potem
manage-home-audit-system = Sistem
