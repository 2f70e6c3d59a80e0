subject = Promena vremena ili mesta: { $event }
body =
    Promenjeno je vreme ili mesto održavanja događaja „{ $event }“:

    { $changes }

    Ažurirani podaci:
    Vreme: { $when }
    Mesto: { $place }

    { $standing ->
        [waitlisted] I dalje ste na listi čekanja, pod rednim brojem { $position }. Ako se oslobodi mesto, automatski ćemo ga dodeliti Vama i javiti Vam e-poštom, uz pozivnicu za kalendar.
       *[pending] Vaša prijava još nije potvrđena, pa Vam mesto nije rezervisano. Ako i dalje želite da dođete, molimo Vas da je potvrdite putem linka iz našeg ranijeg mejla.
    }
