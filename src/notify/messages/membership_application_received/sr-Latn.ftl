subject = Primili smo Vaš zahtev za članstvo: { $organisation }
body =
    Primili smo Vaš zahtev za članstvo u organizaciji { $organisation }.

    Vrsta članstva: { $membership_type }

    Organizacija će sada razmotriti Vaš zahtev, a obaveštenje o odluci dobićete imejlom.
