subject = Vaše članstvo u organizaciji { $organisation } je obnovljeno
body =
    Vaše članstvo u organizaciji { $organisation } je obnovljeno. Hvala Vam na daljnjoj podršci!

    Vrsta članstva: { $membership_type }
    Vrijedi do: { $until }
