subject = Confirmați adresa de e-mail pentru { $platform }
body =
    Bun venit pe { $platform }! Pentru a vă activa contul, confirmați adresa de e-mail deschizând linkul de mai jos. Linkul este valabil { $hours ->
        [one] o oră
        [few] { $hours } ore
       *[other] { $hours } de ore
    }.

    Dacă nu ați creat un cont pe { $platform }, puteți ignora acest e-mail.
action = Confirmați adresa de e-mail
