subject = Prijava je preklicana: { $event }
body =
    Vaša prijava na dogodek „{ $event }“ ({ $when }) je preklicana.

    Če si premislite, se lahko znova prijavite, dokler so prijave odprte.
