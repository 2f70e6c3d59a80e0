subject = Potvrdite prijavu: { $event }
body =
    Molimo Vas da potvrdite prijavu na događaj „{ $event }“ ({ $when }) tako da otvorite poveznicu u nastavku. Poveznica vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }. Dok ne potvrdite prijavu, mjesto Vam nije rezervirano.

    Ako se niste prijavili na ovaj događaj, slobodno zanemarite ovu poruku.
action = Potvrdite prijavu
