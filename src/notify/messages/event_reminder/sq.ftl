subject = Kujtesë: { $event }
body =
    Ju kujtojmë se aktiviteti “{ $event }” po afron.

    Koha: { $when }
    Vendndodhja: { $place }
    Kodi i hyrjes: { $code }

    Ju lutemi, tregojeni kodin në hyrje. Nëse nuk mund të vini, ju lutemi anuloni regjistrimin, në mënyrë që vendin tuaj ta marrë dikush tjetër.
