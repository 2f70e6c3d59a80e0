subject = Odgovor na Vašo vlogo za članstvo: { $organisation }
body =
    Žal Vaša vloga za članstvo v organizaciji { $organisation } ni bila odobrena.{ $has_reason ->
        [yes] {" "}Pojasnilo organizacije: { $reason }
       *[no] {""}
    }

    Vrsta članstva: { $membership_type }

    Če imate vprašanja, se lahko obrnete neposredno na organizacijo.
