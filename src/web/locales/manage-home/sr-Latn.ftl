manage-home-nav = Upravljanje
manage-home-title = Upravljanje
manage-home-empty = Još niste u timu nijedne organizacije. Kada vas vlasnik organizacije doda u tim, ovde će se pojaviti njeni događaji i članovi.
manage-home-empty-link = Pregledajte događaje
manage-home-role-owner = Vlasnik
manage-home-role-organiser = Organizator
manage-home-role-admin = Administrator platforme
manage-home-host-links = Stranice organizacije { $name }
manage-home-org-nav = Upravljanje: { $name }
manage-home-nav-dashboard = Pregled
manage-home-nav-new-event = Novi događaj
manage-home-nav-members = Članovi
manage-home-nav-staff = Tim
manage-home-nav-audit = Dnevnik izmena
manage-home-pending-memberships = { $count ->
    [one] { $count } članstvo čeka odobrenje
    [few] { $count } članstva čekaju odobrenje
   *[other] { $count } članstava čeka odobrenje
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } članstvo ističe u narednih 30 dana
    [few] { $count } članstva ističu u narednih 30 dana
   *[other] { $count } članstava ističe u narednih 30 dana
}
manage-home-no-events = Nema predstojećih događaja.
manage-home-events-caption = Naredni događaji organizacije { $name }
manage-home-col-event = Događaj
manage-home-col-when = Kada
manage-home-col-confirmed = Potvrđeno / kapacitet
manage-home-col-waitlisted = Na listi čekanja
manage-home-col-pending = Gosti koji još nisu potvrdili
manage-home-col-checked-in = Prijavljeni na ulazu
manage-home-col-actions = Radnje
manage-home-draft = Nacrt
manage-home-untitled = (bez naslova)
manage-home-roster = Spisak prijavljenih
manage-home-checkin = Ulaz
manage-home-outbox-title = Neisporučena pošta
manage-home-outbox-total = { $count ->
    [one] { $count } poruka nije mogla biti isporučena.
    [few] { $count } poruke nisu mogle biti isporučene.
   *[other] { $count } poruka nije moglo biti isporučeno.
}
manage-home-outbox-caption = Poslednje neisporučene poruke
manage-home-outbox-recipient = Primalac
manage-home-outbox-template = Poruka
manage-home-outbox-created = Napisana
manage-home-outbox-attempts = Pokušaji
manage-home-outbox-error = Poslednja greška
manage-home-outbox-retry = Pošalji ponovo
manage-home-outbox-retry-for = Ponovo pošalji poruku za { $recipient }
manage-home-notice-retried = Poruka je ponovo u redu za slanje.
manage-home-staff-title = Tim organizacije { $name }
manage-home-staff-caption = Vlasnici i organizatori organizacije { $name }
manage-home-staff-read-only = Samo vlasnici mogu menjati tim.
manage-home-staff-name = Ime
manage-home-staff-email = Imejl
manage-home-staff-email-hint = Imejl postojećeg Kolo naloga.
manage-home-staff-role = Uloga
manage-home-staff-since = Od
manage-home-staff-make-owner = Postavi za vlasnika
manage-home-staff-make-owner-for = Postavi osobu { $name } za vlasnika
manage-home-staff-make-organiser = Postavi za organizatora
manage-home-staff-make-organiser-for = Postavi osobu { $name } za organizatora
manage-home-staff-remove = Ukloni iz tima
manage-home-staff-remove-for = Ukloni osobu { $name } iz tima
manage-home-staff-add-title = Dodajte osobu u tim
manage-home-staff-add = Dodaj u tim
manage-home-staff-no-account = Nijedan nalog nema ovaj imejl. Zamolite osobu da se prvo registruje.
manage-home-staff-email-invalid = Unesite ispravnu imejl adresu.
manage-home-staff-last-owner = Ovo je poslednji vlasnik organizacije. Prvo dodajte još jednog vlasnika.
manage-home-staff-not-host = Ova organizacija ne organizuje događaje, pa nema tim.
manage-home-staff-conflict = Ova izmena trenutno nije moguća.
manage-home-staff-remove-title = Uklanjanje osobe { $name } iz tima
manage-home-staff-remove-text = Osoba { $name } više neće upravljati događajima i članovima organizacije { $org }.
manage-home-staff-remove-confirm = Da, uklonite ovu osobu iz tima
manage-home-staff-remove-confirm-needed = Označite polje da potvrdite uklanjanje.
manage-home-back-to-staff = Nazad na tim
manage-home-notice-staff-added = Osoba je sada u timu.
manage-home-notice-staff-role = Uloga je promenjena.
manage-home-notice-staff-removed = Osoba je uklonjena iz tima.
manage-home-audit-title = Dnevnik izmena organizacije { $name }
manage-home-audit-caption = Dnevnik izmena organizacije { $name }, najnovije prvo
manage-home-audit-action = Radnja
manage-home-audit-action-hint = Kod radnje ili njegov početak, na primer membership. ili event.published
manage-home-audit-from = Od
manage-home-audit-to = Do
manage-home-audit-filter = Filtriraj
manage-home-audit-clear = Poništi filtere
manage-home-audit-date-invalid = Unesite datum u obliku GGGG-MM-DD.
manage-home-audit-total = { $count ->
    [one] { $count } zapis
    [few] { $count } zapisa
   *[other] { $count } zapisa
}
manage-home-audit-when = Kada
manage-home-audit-actor = Ko
manage-home-audit-subject = Predmet
manage-home-audit-before = Pre
manage-home-audit-after = Posle
manage-home-audit-system = Sistem
