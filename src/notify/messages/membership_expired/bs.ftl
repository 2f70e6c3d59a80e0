subject = Vaše članstvo u organizaciji { $organisation } je isteklo
body =
    Vaše članstvo u organizaciji { $organisation } je isteklo.

    Vrsta članstva: { $membership_type }

    Članstvo možete obnoviti u bilo kojem trenutku.
