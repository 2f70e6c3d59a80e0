subject = Vaše članstvo u organizaciji { $organisation } je odobreno
body =
    Vaš zahtev za članstvo u organizaciji { $organisation } je odobren i Vaše članstvo je sada aktivno. Dobro došli!

    Vrsta članstva: { $membership_type }
    Važi do: { $until }
