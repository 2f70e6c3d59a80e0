subject = Promjena lozinke za { $platform }
body =
    Primili smo zahtjev za promjenu lozinke Vašeg korisničkog računa na platformi { $platform }. Da biste odabrali novu lozinku, otvorite link ispod. Link vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako ovaj zahtjev niste poslali Vi, zanemarite ovu poruku – Vaša lozinka ostaje nepromijenjena.
action = Odaberite novu lozinku
