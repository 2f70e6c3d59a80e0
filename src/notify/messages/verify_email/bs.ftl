subject = Potvrdite svoju e-mail adresu za { $platform }
body =
    Dobro došli na platformu { $platform }! Da biste aktivirali korisnički račun, potvrdite svoju e-mail adresu tako što ćete otvoriti link ispod. Link vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako niste otvorili korisnički račun na platformi { $platform }, slobodno zanemarite ovu poruku.
action = Potvrdite e-mail adresu
