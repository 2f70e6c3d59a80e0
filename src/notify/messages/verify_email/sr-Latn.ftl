subject = Potvrdite svoju imejl adresu za { $platform }
body =
    Dobro došli u { $platform }! Da biste aktivirali nalog, potvrdite svoju imejl adresu tako što ćete otvoriti link ispod. Link važi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako niste otvorili nalog na platformi { $platform }, slobodno zanemarite ovu poruku.
action = Potvrdite imejl adresu
