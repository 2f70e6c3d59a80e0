subject = Potrdite svoj e-poštni naslov za { $platform }
body =
    Dobrodošli na platformi { $platform }! Če želite aktivirati svoj račun, potrdite e-poštni naslov tako, da odprete spodnjo povezavo. Povezava velja { $hours ->
        [one] { $hours } uro
        [two] { $hours } uri
        [few] { $hours } ure
       *[other] { $hours } ur
    }.

    Če niste ustvarili računa na platformi { $platform }, to sporočilo preprosto prezrite.
action = Potrdite e-poštni naslov
