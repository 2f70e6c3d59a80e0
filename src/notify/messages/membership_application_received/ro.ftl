subject = Am primit cererea dumneavoastră de aderare: { $organisation }
body =
    Am primit cererea dumneavoastră de aderare la organizația { $organisation }.

    Categoria de membru: { $membership_type }

    Organizația va analiza acum cererea, iar dumneavoastră veți primi un e-mail imediat ce se va lua o decizie.
