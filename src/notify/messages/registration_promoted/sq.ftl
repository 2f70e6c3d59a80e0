subject = U lirua një vend: { $event }
body =
    Lajm i mirë: u lirua një vend në aktivitetin “{ $event }” dhe tani është i juaji. Regjistrimi juaj është konfirmuar.

    Koha: { $when }
    Vendndodhja: { $place }
    Kodi i hyrjes: { $code }

    Ju lutemi, tregojeni kodin në hyrje. Detajet e aktivitetit gjenden në skedarin e kalendarit bashkëngjitur, të cilin mund ta shtoni në kalendarin tuaj.

    Nëse nuk mund të vini më, ju lutemi anuloni regjistrimin, në mënyrë që vendin ta marrë personi i radhës në listën e pritjes.
