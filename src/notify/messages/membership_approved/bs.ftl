subject = Vaše članstvo u organizaciji { $organisation } je odobreno
body =
    Vaš zahtjev za članstvo u organizaciji { $organisation } je odobren i Vaše članstvo je sada aktivno. Dobro došli!

    Vrsta članstva: { $membership_type }
    Vrijedi do: { $until }
