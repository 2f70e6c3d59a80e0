subject = Dikush u përpoq të krijojë një llogari në { $platform } me adresën tuaj
body =
    Dikush – ndoshta ju – sapo u përpoq të krijojë një llogari të re në { $platform } me këtë adresë email-i. Ju keni tashmë një llogari me këtë adresë, prandaj nuk u krijua llogari e re.

    Nëse ishit ju, thjesht hyni me llogarinë tuaj ekzistuese. Nëse e keni harruar fjalëkalimin, mund të kërkoni një të ri te faqja e hyrjes.

    Nëse nuk ishit ju, shpërfilleni këtë email – në llogarinë tuaj nuk ka ndryshuar asgjë.
