subject = Cererea de aderare la organizația { $organisation } a fost aprobată
body =
    Cererea dumneavoastră de aderare la organizația { $organisation } a fost aprobată, iar calitatea dumneavoastră de membru este acum activă. Bun venit!

    Categoria de membru: { $membership_type }
    Valabil până la: { $until }
