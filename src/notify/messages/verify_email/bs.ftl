subject = Potvrdite svoju e-mail adresu za Kolo
body =
    Dobro došli u Kolo! Da biste aktivirali korisnički račun, potvrdite svoju e-mail adresu tako što ćete otvoriti link ispod. Link vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako niste otvorili korisnički račun u Kolu, slobodno zanemarite ovu poruku.
action = Potvrdite e-mail adresu
