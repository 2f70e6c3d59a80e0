subject = Calitatea de membru a expirat: { $organisation }
body =
    Calitatea dumneavoastră de membru al organizației { $organisation } a expirat.

    Categoria de membru: { $membership_type }

    O puteți reînnoi oricând.
