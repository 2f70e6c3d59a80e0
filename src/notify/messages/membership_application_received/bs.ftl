subject = Primili smo Vaš zahtjev za članstvo: { $organisation }
body =
    Primili smo Vaš zahtjev za članstvo u organizaciji { $organisation }.

    Vrsta članstva: { $membership_type }

    Organizacija će sada razmotriti Vaš zahtjev, a obavijest o odluci dobit ćete e-mailom.
