subject = Odgovor na Vaš zahtjev za članstvo: { $organisation }
body =
    Nažalost, Vaš zahtjev za članstvo u organizaciji { $organisation } nije odobren.{ $has_reason ->
        [yes] {" "}Obrazloženje organizacije: { $reason }
       *[no] {""}
    }

    Vrsta članstva: { $membership_type }

    Ako imate pitanja, slobodno se obratite izravno organizaciji.
