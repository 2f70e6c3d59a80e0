subject = Modificare de dată sau locație: { $event }
body =
    Data, ora sau locația evenimentului „{ $event }” s-au modificat:

    { $changes }

    Detalii actualizate:
    Data și ora: { $when }
    Locația: { $place }

    { $standing ->
        [waitlisted] Sunteți în continuare pe lista de așteptare, pe poziția { $position }. Dacă se eliberează un loc, acesta vă va fi atribuit automat și vă vom anunța prin e-mail, împreună cu o invitație pentru calendar.
       *[pending] Înscrierea dumneavoastră nu este încă confirmată, așa că nu aveți un loc rezervat. Dacă doriți în continuare să participați, vă rugăm să o confirmați folosind linkul din e-mailul nostru anterior.
    }
