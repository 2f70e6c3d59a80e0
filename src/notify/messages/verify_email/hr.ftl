subject = Potvrdite svoju adresu e-pošte za { $platform }
body =
    Dobro došli na platformu { $platform }! Kako biste aktivirali korisnički račun, potvrdite svoju adresu e-pošte tako da otvorite poveznicu u nastavku. Poveznica vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako niste izradili korisnički račun na platformi { $platform }, slobodno zanemarite ovu poruku.
action = Potvrdite adresu e-pošte
