subject = Promjena vremena ili mjesta: { $event }
body =
    Promijenjeno je vrijeme ili mjesto održavanja događaja „{ $event }“:

    { $changes }

    Ažurirani podaci:
    Vrijeme: { $when }
    Mjesto: { $place }

    { $standing ->
        [waitlisted] I dalje ste na listi čekanja, pod rednim brojem { $position }. Ako se oslobodi mjesto, automatski ćemo ga dodijeliti Vama i javiti Vam e-poštom, uz pozivnicu za kalendar.
       *[pending] Vaša prijava još nije potvrđena, pa Vam mjesto nije rezervisano. Ako i dalje želite doći, molimo Vas da je potvrdite putem linka iz našeg ranijeg e-maila.
    }
