messages-title = Piši prijavljenima
messages-limit = Preostalo poruka za ovaj događaj danas: { $remaining } od { $limit }.
messages-limit-reached = Ovaj događaj je poslao najviše poruka dozvoljenih za 24 sata. Pokušajte ponovo kasnije.
messages-audience = Ko prima poruku
messages-audience-all = Svi prijavljeni (potvrđeni i na listi čekanja)
messages-audience-confirmed = Potvrđeni
messages-audience-waitlisted = Na listi čekanja
messages-audience-checked-in = Prisutni
messages-languages-hint = Svako čita poruku na svom jeziku ako ste je na njemu napisali; inače na glavnom jeziku događaja.
messages-required = obavezno
messages-subject = Naslov
messages-body = Poruka
messages-field-required = Popunite i naslov i poruku.
messages-preview = Pregled
messages-roster-link = Spisak prijavljenih
messages-preview-title = Pregled poruke
messages-counts = Brojevi
messages-count-recipients = Primiće je
messages-count-unsubscribed = Odjavljeni od poruka
messages-count-remaining = Preostalo poruka danas
messages-readers = { $count ->
    [one] { $count } primalac
    [few] { $count } primaoca
   *[other] { $count } primalaca
}
messages-nobody = Niko iz ove grupe neće primiti poruku.
messages-send = { $count ->
    [one] Pošalji { $count } osobi
   *[other] Pošalji za { $count } osoba
}
messages-edit = Izmeni
messages-notice-sent = Poruka je poslata.
