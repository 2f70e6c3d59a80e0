subject = Regjistrimi u konfirmua: { $event }
body =
    Vendi juaj në aktivitetin “{ $event }” është konfirmuar.

    Koha: { $when }
    Vendndodhja: { $place }
    Kodi i hyrjes: { $code }

    Ju lutemi, tregojeni kodin në hyrje. Detajet e aktivitetit gjenden në skedarin e kalendarit bashkëngjitur, të cilin mund ta shtoni në kalendarin tuaj.

    Nëse nuk mund të vini, ju lutemi anuloni regjistrimin, në mënyrë që vendin tuaj ta marrë dikush nga lista e pritjes.
