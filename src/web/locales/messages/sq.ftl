messages-title = Shkruaju të regjistruarve
messages-limit = Mesazhe të mbetura sot për këtë aktivitet: { $remaining } nga { $limit }.
messages-limit-reached = Ky aktivitet ka dërguar numrin maksimal të mesazheve të lejuara në 24 orë. Provoni përsëri më vonë.
messages-audience = Kush e merr mesazhin
messages-audience-all = Të gjithë të regjistruarit (të konfirmuar dhe në pritje)
messages-audience-confirmed = Të konfirmuarit
messages-audience-waitlisted = Në listën e pritjes
messages-audience-checked-in = Të pranishmit
messages-languages-hint = Secili e lexon mesazhin në gjuhën e vet nëse e keni shkruar në të; përndryshe në gjuhën kryesore të aktivitetit.
messages-required = e detyrueshme
messages-subject = Subjekti
messages-body = Mesazhi
messages-field-required = Plotësoni edhe subjektin, edhe mesazhin.
messages-preview = Parapamje
messages-roster-link = Lista e të regjistruarve
messages-preview-title = Parapamja e mesazhit
messages-counts = Shifrat
messages-count-recipients = Do ta marrin
messages-count-unsubscribed = Të çregjistruar nga mesazhet
messages-count-remaining = Mesazhe të mbetura sot
messages-readers = { $count ->
    [one] { $count } marrës
   *[other] { $count } marrës
}
messages-nobody = Askush nga ky grup nuk do ta marrë mesazhin.
messages-send = { $count ->
    [one] Dërgoja { $count } personi
   *[other] Dërgoju { $count } personave
}
messages-edit = Ndrysho
messages-notice-sent = Mesazhi është nisur.
