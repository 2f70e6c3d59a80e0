subject = Nova vloga za članstvo: { $organisation }
body =
    { $applicant } se želi včlaniti v organizacijo { $organisation }.

    Vrsta članstva: { $membership_type }

    Vlogo lahko pregledate ter odobrite ali zavrnete na platformi { $platform }.
action = Preglejte vlogo
