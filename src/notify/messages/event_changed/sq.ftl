subject = Ndryshim i kohës ose i vendndodhjes: { $event }
body =
    Koha ose vendndodhja e aktivitetit “{ $event }” ka ndryshuar:

    { $changes }

    Të dhënat e përditësuara:
    Koha: { $when }
    Vendndodhja: { $place }

    Regjistrimi juaj mbetet i vlefshëm. Nëse ndryshimi nuk ju përshtatet, ju lutemi anuloni regjistrimin, në mënyrë që vendin tuaj ta marrë dikush tjetër.
