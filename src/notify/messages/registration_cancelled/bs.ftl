subject = Prijava je otkazana: { $event }
body =
    Vaša prijava na događaj „{ $event }“ ({ $when }) je otkazana.

    Ako se predomislite, možete se ponovo prijaviti dok su prijave otvorene.
