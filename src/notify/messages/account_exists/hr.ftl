subject = Netko je pokušao otvoriti korisnički račun na platformi { $platform } s Vašom adresom
body =
    Netko – možda Vi – upravo je pokušao otvoriti novi korisnički račun na platformi { $platform } s ovom adresom e-pošte. S tom adresom već imate korisnički račun pa novi nije otvoren.

    Ako ste to bili Vi, jednostavno se prijavite postojećim računom. Ako ste zaboravili lozinku, novu možete zatražiti na stranici za prijavu.

    Ako to niste bili Vi, zanemarite ovu poruku – na Vašem računu ništa nije promijenjeno.
