subject = Vaše članstvo u organizaciji { $organisation } je obnovljeno
body =
    Vaše članstvo u organizaciji { $organisation } je obnovljeno. Hvala Vam na daljoj podršci!

    Vrsta članstva: { $membership_type }
    Važi do: { $until }
