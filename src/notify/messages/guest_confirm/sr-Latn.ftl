subject = Potvrdite prijavu: { $event }
body =
    Molimo Vas da potvrdite prijavu za događaj „{ $event }“ ({ $when }) tako što ćete otvoriti link ispod. Link važi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }. Dok ne potvrdite prijavu, mesto Vam nije rezervisano.

    Ako se niste prijavili za ovaj događaj, slobodno zanemarite ovu poruku.
action = Potvrdite prijavu
