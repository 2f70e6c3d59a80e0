manage-home-nav = Menaxhimi
manage-home-title = Menaxhimi
manage-home-empty = Ende nuk jeni në ekipin e asnjë organizate. Kur një pronar i një organizate ju shton në ekip, ngjarjet dhe anëtarët e saj do të shfaqen këtu.
manage-home-empty-link = Shfletoni ngjarjet
manage-home-role-owner = Pronar
manage-home-role-organiser = Organizator
manage-home-role-admin = Administrator i platformës
manage-home-host-links = Faqet e { $name }
manage-home-org-nav = Menaxhimi: { $name }
manage-home-nav-dashboard = Pasqyra
manage-home-nav-new-event = Ngjarje e re
manage-home-nav-members = Anëtarët
manage-home-nav-staff = Ekipi
manage-home-nav-audit = Regjistri i ndryshimeve
manage-home-pending-memberships = { $count ->
    [one] { $count } anëtarësim pret miratimin
   *[other] { $count } anëtarësime presin miratimin
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } anëtarësim skadon në 30 ditët e ardhshme
   *[other] { $count } anëtarësime skadojnë në 30 ditët e ardhshme
}
manage-home-no-events = Nuk ka ngjarje të ardhshme.
manage-home-events-caption = Ngjarjet e ardhshme të { $name }
manage-home-col-event = Ngjarja
manage-home-col-when = Kur
manage-home-col-confirmed = Të konfirmuar / kapaciteti
manage-home-col-waitlisted = Në listën e pritjes
manage-home-col-pending = Të ftuar ende të pakonfirmuar
manage-home-col-checked-in = Të regjistruar në hyrje
manage-home-col-actions = Veprime
manage-home-draft = Draft
manage-home-untitled = (pa titull)
manage-home-roster = Lista e të regjistruarve
manage-home-checkin = Hyrja
manage-home-outbox-title = Email-e të padorëzuara
manage-home-outbox-total = { $count ->
    [one] { $count } mesazh nuk u dorëzua dot.
   *[other] { $count } mesazhe nuk u dorëzuan dot.
}
manage-home-outbox-caption = Mesazhet e fundit të padorëzuara
manage-home-outbox-recipient = Marrësi
manage-home-outbox-template = Mesazhi
manage-home-outbox-created = Shkruar
manage-home-outbox-attempts = Përpjekje
manage-home-outbox-error = Gabimi i fundit
manage-home-outbox-retry = Dërgoje përsëri
manage-home-outbox-retry-for = Dërgoje përsëri mesazhin për { $recipient }
manage-home-notice-retried = Mesazhi është përsëri në radhë për t'u dërguar.
manage-home-staff-title = Ekipi i { $name }
manage-home-staff-caption = Pronarët dhe organizatorët e { $name }
manage-home-staff-read-only = Vetëm pronarët mund ta ndryshojnë ekipin.
manage-home-staff-name = Emri
manage-home-staff-email = Email-i
manage-home-staff-email-hint = Email-i i një llogarie ekzistuese në Kolo.
manage-home-staff-role = Roli
manage-home-staff-since = Që nga
manage-home-staff-make-owner = Bëje pronar
manage-home-staff-make-owner-for = Bëje { $name } pronar
manage-home-staff-make-organiser = Bëje organizator
manage-home-staff-make-organiser-for = Bëje { $name } organizator
manage-home-staff-remove = Hiqe nga ekipi
manage-home-staff-remove-for = Hiqe { $name } nga ekipi
manage-home-staff-add-title = Shtoni një person në ekip
manage-home-staff-add = Shto në ekip
manage-home-staff-no-account = Asnjë llogari nuk e ka këtë email. Kërkojini personit të regjistrohet fillimisht.
manage-home-staff-email-invalid = Shkruani një adresë email të vlefshme.
manage-home-staff-last-owner = Ky është pronari i fundit i organizatës. Shtoni fillimisht një pronar tjetër.
manage-home-staff-not-host = Kjo organizatë nuk organizon ngjarje, prandaj nuk ka ekip.
manage-home-staff-conflict = Ky ndryshim nuk është i mundur tani.
manage-home-staff-remove-title = Heqja e { $name } nga ekipi
manage-home-staff-remove-text = { $name } nuk do t'i menaxhojë më ngjarjet dhe anëtarët e { $org }.
manage-home-staff-remove-confirm = Po, hiqeni këtë person nga ekipi
manage-home-staff-remove-confirm-needed = Shënoni kutinë për të konfirmuar heqjen.
manage-home-back-to-staff = Kthehu te ekipi
manage-home-notice-staff-added = Personi tani është në ekip.
manage-home-notice-staff-role = Roli u ndryshua.
manage-home-notice-staff-removed = Personi u hoq nga ekipi.
manage-home-audit-title = Regjistri i ndryshimeve i { $name }
manage-home-audit-caption = Regjistri i ndryshimeve i { $name }, më të rejat së pari
manage-home-audit-action = Veprimi
manage-home-audit-action-hint = Një kod veprimi ose fillimi i tij, p.sh. membership. ose event.published
manage-home-audit-from = Nga
manage-home-audit-to = Deri
manage-home-audit-filter = Filtro
manage-home-audit-clear = Pastro filtrat
manage-home-audit-date-invalid = Shkruani datën në formën VVVV-MM-DD.
manage-home-audit-total = { $count ->
    [one] { $count } regjistrim
   *[other] { $count } regjistrime
}
manage-home-audit-when = Kur
manage-home-audit-actor = Kush
manage-home-audit-subject = Objekti
manage-home-audit-before = Më parë
manage-home-audit-after = Më pas
manage-home-audit-system = Sistemi
