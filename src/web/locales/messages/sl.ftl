messages-title = Piši prijavljenim
messages-limit = Preostala sporočila za ta dogodek danes: { $remaining } od { $limit }.
messages-limit-reached = Ta dogodek je poslal največ sporočil, dovoljenih v 24 urah. Poskusite znova pozneje.
messages-audience = Kdo prejme sporočilo
messages-audience-all = Vsi prijavljeni (potrjeni in na čakalnem seznamu)
messages-audience-confirmed = Potrjeni
messages-audience-waitlisted = Na čakalnem seznamu
messages-audience-checked-in = Prisotni
messages-languages-hint = Vsak prebere sporočilo v svojem jeziku, če ste ga v njem napisali; sicer v glavnem jeziku dogodka.
messages-required = obvezno
messages-subject = Zadeva
messages-body = Sporočilo
messages-field-required = Izpolnite zadevo in sporočilo.
messages-preview = Predogled
messages-roster-link = Seznam prijavljenih
messages-preview-title = Predogled sporočila
messages-counts = Števila
messages-count-recipients = Ga bodo prejeli
messages-count-unsubscribed = Odjavljeni od sporočil
messages-count-remaining = Preostala sporočila danes
messages-readers = { $count ->
    [one] { $count } prejemnik
    [two] { $count } prejemnika
    [few] { $count } prejemniki
   *[other] { $count } prejemnikov
}
messages-nobody = Nihče iz te skupine ne bo prejel sporočila.
messages-send = { $count ->
    [one] Pošlji { $count } osebi
    [two] Pošlji { $count } osebama
   *[other] Pošlji { $count } osebam
}
messages-edit = Uredi
messages-notice-sent = Sporočilo je na poti.
