subject = Răspuns la cererea de aderare: { $organisation }
body =
    Din păcate, cererea dumneavoastră de aderare la organizația { $organisation } nu a fost aprobată.{ $has_reason ->
        [yes] {" "}Motivul indicat de organizație: { $reason }
       *[no] {""}
    }

    Categoria de membru: { $membership_type }

    Dacă aveți întrebări, vă puteți adresa direct organizației.
