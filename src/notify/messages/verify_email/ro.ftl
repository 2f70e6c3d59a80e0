subject = Confirmați adresa de e-mail pentru Kolo
body =
    Bun venit pe Kolo! Pentru a vă activa contul, confirmați adresa de e-mail deschizând linkul de mai jos. Linkul este valabil { $hours ->
        [one] o oră
        [few] { $hours } ore
       *[other] { $hours } de ore
    }.

    Dacă nu ați creat un cont pe Kolo, puteți ignora acest e-mail.
action = Confirmați adresa de e-mail
