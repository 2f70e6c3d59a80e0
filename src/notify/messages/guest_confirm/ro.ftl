subject = Confirmați înscrierea: { $event }
body =
    Vă rugăm să vă confirmați înscrierea la evenimentul „{ $event }” ({ $when }) deschizând linkul de mai jos. Linkul este valabil { $hours ->
        [one] o oră
        [few] { $hours } ore
       *[other] { $hours } de ore
    }. Până la confirmare, locul nu vă este rezervat.

    Dacă nu v-ați înscris la acest eveniment, puteți ignora acest e-mail.
action = Confirmați înscrierea
