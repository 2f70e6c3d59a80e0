subject = Vaše članstvo v organizaciji { $organisation } je odobreno
body =
    Vaša vloga za članstvo v organizaciji { $organisation } je odobrena in Vaše članstvo je zdaj aktivno. Dobrodošli!

    Vrsta članstva: { $membership_type }
    Velja do: { $until }
