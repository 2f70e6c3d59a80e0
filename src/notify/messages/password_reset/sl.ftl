subject = Ponastavitev gesla za Kolo
body =
    Prejeli smo zahtevo za ponastavitev gesla za Vaš račun na platformi Kolo. Če želite izbrati novo geslo, odprite spodnjo povezavo. Povezava velja { $hours ->
        [one] { $hours } uro
        [two] { $hours } uri
        [few] { $hours } ure
       *[other] { $hours } ur
    }.

    Če zahteve niste poslali Vi, to sporočilo prezrite – Vaše geslo ostaja nespremenjeno.
action = Izberite novo geslo
