subject = Vaše članstvo v organizaciji { $organisation } je poteklo
body =
    Vaše članstvo v organizaciji { $organisation } je poteklo.

    Vrsta članstva: { $membership_type }

    Članstvo lahko podaljšate kadar koli.
