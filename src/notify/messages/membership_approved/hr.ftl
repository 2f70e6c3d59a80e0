subject = Odobreno je Vaše članstvo u organizaciji { $organisation }
body =
    Vaš je zahtjev za članstvo u organizaciji { $organisation } odobren i Vaše je članstvo sada aktivno. Dobro došli!

    Vrsta članstva: { $membership_type }
    Vrijedi do: { $until }
