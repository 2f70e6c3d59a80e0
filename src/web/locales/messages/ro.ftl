messages-title = Scrie celor înscriși
messages-limit = Mesaje rămase azi pentru acest eveniment: { $remaining } din { $limit }.
messages-limit-reached = Acest eveniment a trimis numărul maxim de mesaje permis în 24 de ore. Încercați din nou mai târziu.
messages-audience = Cine primește mesajul
messages-audience-all = Toți înscrișii (confirmați și în așteptare)
messages-audience-confirmed = Confirmați
messages-audience-waitlisted = Pe lista de așteptare
messages-audience-checked-in = Prezenți
messages-languages-hint = Fiecare citește mesajul în limba sa dacă l-ați scris în ea; altfel în limba principală a evenimentului.
messages-required = obligatoriu
messages-subject = Subiect
messages-body = Mesaj
messages-field-required = Completați atât subiectul, cât și mesajul.
messages-preview = Previzualizare
messages-roster-link = Lista înscrișilor
messages-preview-title = Previzualizarea mesajului
messages-counts = Cifre
messages-count-recipients = Îl vor primi
messages-count-unsubscribed = Dezabonați de la mesaje
messages-count-remaining = Mesaje rămase azi
messages-readers = { $count ->
    [one] { $count } destinatar
    [few] { $count } destinatari
   *[other] { $count } de destinatari
}
messages-nobody = Nimeni din acest grup nu va primi mesajul.
messages-send = { $count ->
    [one] Trimite către { $count } persoană
    [few] Trimite către { $count } persoane
   *[other] Trimite către { $count } de persoane
}
messages-edit = Modifică
messages-notice-sent = Mesajul este pe drum.
