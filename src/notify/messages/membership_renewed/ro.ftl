subject = Calitatea de membru a fost reînnoită: { $organisation }
body =
    Calitatea dumneavoastră de membru al organizației { $organisation } a fost reînnoită. Vă mulțumim pentru sprijinul constant!

    Categoria de membru: { $membership_type }
    Valabil până la: { $until }
