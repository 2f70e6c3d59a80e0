subject = Resetarea parolei pentru { $platform }
body =
    Am primit o cerere de resetare a parolei pentru contul dumneavoastră { $platform }. Pentru a alege o parolă nouă, deschideți linkul de mai jos. Linkul este valabil { $hours ->
        [one] o oră
        [few] { $hours } ore
       *[other] { $hours } de ore
    }.

    Dacă nu ați făcut dumneavoastră această cerere, ignorați acest e-mail – parola dumneavoastră rămâne neschimbată.
action = Alegeți o parolă nouă
