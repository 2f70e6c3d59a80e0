subject = Konfirmoni regjistrimin: { $event }
body =
    Ju lutemi konfirmoni regjistrimin tuaj për aktivitetin “{ $event }” ({ $when }) duke hapur lidhjen më poshtë. Lidhja është e vlefshme për { $hours } orë. Derisa ta konfirmoni, vendi nuk ju rezervohet.

    Nëse nuk jeni regjistruar për këtë aktivitet, thjesht shpërfilleni këtë email.
action = Konfirmoni regjistrimin
