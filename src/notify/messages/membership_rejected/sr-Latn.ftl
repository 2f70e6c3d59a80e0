subject = Odgovor na Vaš zahtev za članstvo: { $organisation }
body =
    Nažalost, Vaš zahtev za članstvo u organizaciji { $organisation } nije odobren.{ $has_reason ->
        [yes] {" "}Obrazloženje organizacije: { $reason }
       *[no] {""}
    }

    Vrsta članstva: { $membership_type }

    Ako imate pitanja, slobodno se obratite direktno organizaciji.
