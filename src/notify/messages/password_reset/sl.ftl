subject = Ponastavitev gesla za { $platform }
body =
    Prejeli smo zahtevo za ponastavitev gesla za Vaš račun na platformi { $platform }. Če želite izbrati novo geslo, odprite spodnjo povezavo. Povezava velja { $hours ->
        [one] { $hours } uro
        [two] { $hours } uri
        [few] { $hours } ure
       *[other] { $hours } ur
    }.

    Če zahteve niste poslali Vi, to sporočilo prezrite – Vaše geslo ostaja nespremenjeno.
action = Izberite novo geslo
