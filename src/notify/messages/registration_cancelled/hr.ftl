subject = Prijava je otkazana: { $event }
body =
    Vaša prijava na događaj „{ $event }“ ({ $when }) otkazana je.

    Ako se predomislite, možete se ponovno prijaviti dok su prijave otvorene.
