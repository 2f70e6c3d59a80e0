subject = Novi zahtev za članstvo: { $organisation }
body =
    { $applicant } želi da se učlani u organizaciju { $organisation }.

    Vrsta članstva: { $membership_type }

    Zahtev možete da pregledate, odobrite ili odbijete na platformi { $platform }.
action = Pregledajte zahtev
