subject = Obnovljeno je Vaše članstvo u organizaciji { $organisation }
body =
    Vaše je članstvo u organizaciji { $organisation } obnovljeno. Hvala Vam na daljnjoj podršci!

    Vrsta članstva: { $membership_type }
    Vrijedi do: { $until }
