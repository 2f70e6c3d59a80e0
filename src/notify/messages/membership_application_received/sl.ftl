subject = Prejeli smo Vašo vlogo za članstvo: { $organisation }
body =
    Prejeli smo Vašo vlogo za članstvo v organizaciji { $organisation }.

    Vrsta članstva: { $membership_type }

    Organizacija bo Vašo vlogo zdaj pregledala, o odločitvi pa Vas bomo obvestili po e-pošti.
