subject = Vaše članstvo v organizaciji { $organisation } je podaljšano
body =
    Vaše članstvo v organizaciji { $organisation } je podaljšano. Hvala za Vašo nadaljnjo podporo!

    Vrsta članstva: { $membership_type }
    Velja do: { $until }
