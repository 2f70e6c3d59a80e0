subject = Potvrdite svoju adresu e-pošte za Kolo
body =
    Dobro došli u Kolo! Kako biste aktivirali korisnički račun, potvrdite svoju adresu e-pošte tako da otvorite poveznicu u nastavku. Poveznica vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako niste izradili korisnički račun u Kolu, slobodno zanemarite ovu poruku.
action = Potvrdite adresu e-pošte
