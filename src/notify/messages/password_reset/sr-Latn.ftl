subject = Promena lozinke za { $platform }
body =
    Primili smo zahtev za promenu lozinke Vašeg naloga na platformi { $platform }. Da biste izabrali novu lozinku, otvorite link ispod. Link važi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako ovaj zahtev niste poslali Vi, zanemarite ovu poruku – Vaša lozinka ostaje nepromenjena.
action = Izaberite novu lozinku
