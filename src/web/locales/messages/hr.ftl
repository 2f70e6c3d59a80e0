messages-title = Piši prijavljenima
messages-limit = Preostalo poruka za ovaj događaj danas: { $remaining } od { $limit }.
messages-limit-reached = Ovaj je događaj poslao najviše poruka dopuštenih u 24 sata. Pokušajte ponovno kasnije.
messages-audience = Tko prima poruku
messages-audience-all = Svi prijavljeni (potvrđeni i na listi čekanja)
messages-audience-confirmed = Potvrđeni
messages-audience-waitlisted = Na listi čekanja
messages-audience-checked-in = Nazočni
messages-languages-hint = Svatko čita poruku na svom jeziku ako ste je na njemu napisali; inače na glavnom jeziku događaja.
messages-required = obavezno
messages-subject = Naslov
messages-body = Poruka
messages-field-required = Ispunite i naslov i poruku.
messages-preview = Pregled
messages-roster-link = Popis prijavljenih
messages-preview-title = Pregled poruke
messages-counts = Brojevi
messages-count-recipients = Primit će je
messages-count-unsubscribed = Odjavljeni od poruka
messages-count-remaining = Preostalo poruka danas
messages-readers = { $count ->
    [one] { $count } primatelj
    [few] { $count } primatelja
   *[other] { $count } primatelja
}
messages-nobody = Nitko iz ove skupine neće primiti poruku.
messages-send = { $count ->
    [one] Pošalji { $count } osobi
   *[other] Pošalji za { $count } osoba
}
messages-edit = Uredi
messages-notice-sent = Poruka je poslana.
