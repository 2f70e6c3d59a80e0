subject = Neko je pokušao otvoriti korisnički račun na platformi { $platform } s Vašom adresom
body =
    Neko – možda Vi – upravo je pokušao otvoriti novi korisnički račun na platformi { $platform } s ovom e-mail adresom. S ovom adresom već imate korisnički račun, pa novi nije otvoren.

    Ako ste to bili Vi, jednostavno se prijavite postojećim računom. Ako ste zaboravili lozinku, novu možete zatražiti na stranici za prijavu.

    Ako to niste bili Vi, zanemarite ovu poruku – na Vašem računu ništa nije promijenjeno.
