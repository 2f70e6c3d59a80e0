subject = Nekdo je poskušal ustvariti račun na platformi { $platform } z Vašim naslovom
body =
    Nekdo – morda Vi – je pravkar poskušal ustvariti nov račun na platformi { $platform } s tem e-poštnim naslovom. S tem naslovom že imate račun, zato nov račun ni bil ustvarjen.

    Če ste bili to Vi, se preprosto prijavite s svojim obstoječim računom. Če ste pozabili geslo, lahko novo zahtevate na strani za prijavo.

    Če to niste bili Vi, to sporočilo prezrite – na Vašem računu se ni nič spremenilo.
