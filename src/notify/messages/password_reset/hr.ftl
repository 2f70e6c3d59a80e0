subject = Promjena lozinke za { $platform }
body =
    Primili smo zahtjev za promjenu lozinke Vašeg korisničkog računa na platformi { $platform }. Kako biste odabrali novu lozinku, otvorite poveznicu u nastavku. Poveznica vrijedi { $hours ->
        [one] { $hours } sat
        [few] { $hours } sata
       *[other] { $hours } sati
    }.

    Ako zahtjev niste poslali Vi, zanemarite ovu poruku – Vaša lozinka ostaje nepromijenjena.
action = Odaberite novu lozinku
