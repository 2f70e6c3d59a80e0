subject = Potrdite prijavo: { $event }
body =
    Prosimo, potrdite prijavo na dogodek „{ $event }“ ({ $when }) tako, da odprete spodnjo povezavo. Povezava velja { $hours ->
        [one] { $hours } uro
        [two] { $hours } uri
        [few] { $hours } ure
       *[other] { $hours } ur
    }. Dokler prijave ne potrdite, Vam mesto ni rezervirano.

    Če se na ta dogodek niste prijavili, to sporočilo preprosto prezrite.
action = Potrdite prijavo
