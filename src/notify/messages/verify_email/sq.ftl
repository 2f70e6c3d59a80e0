subject = Konfirmoni adresën tuaj të email-it për { $platform }
body =
    Mirë se vini në { $platform }! Për të aktivizuar llogarinë tuaj, konfirmoni adresën e email-it duke hapur lidhjen më poshtë. Lidhja është e vlefshme për { $hours } orë.

    Nëse nuk keni krijuar llogari në { $platform }, thjesht shpërfilleni këtë email.
action = Konfirmoni adresën e email-it
