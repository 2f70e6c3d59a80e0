subject = Neko je pokušao da otvori nalog na platformi { $platform } s Vašom adresom
body =
    Neko – možda Vi – upravo je pokušao da otvori novi nalog na platformi { $platform } s ovom imejl adresom. S ovom adresom već imate nalog, pa novi nalog nije otvoren.

    Ako ste to bili Vi, jednostavno se prijavite postojećim nalogom. Ako ste zaboravili lozinku, novu možete zatražiti na stranici za prijavu.

    Ako to niste bili Vi, zanemarite ovu poruku – na Vašem nalogu ništa nije promenjeno.
