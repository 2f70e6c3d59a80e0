subject = Potvrdite svoju imejl adresu za Kolo
body =
    Dobro došli u Kolo! Da biste aktivirali nalog, potvrdite svoju imejl adresu tako što ćete otvoriti link ispod. Link važi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako niste otvorili nalog na platformi Kolo, slobodno zanemarite ovu poruku.
action = Potvrdite imejl adresu
