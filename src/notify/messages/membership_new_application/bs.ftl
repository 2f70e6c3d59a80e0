subject = Novi zahtjev za članstvo: { $organisation }
body =
    { $applicant } želi se učlaniti u organizaciju { $organisation }.

    Vrsta članstva: { $membership_type }

    Zahtjev možete pregledati te odobriti ili odbiti na platformi { $platform }.
action = Pregledajte zahtjev
