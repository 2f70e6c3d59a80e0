subject = Vaše članstvo v organizaciji { $organisation } kmalu poteče
body =
    Vaše članstvo v organizaciji { $organisation } poteče čez { $days ->
        [one] { $days } dan
        [two] { $days } dneva
        [few] { $days } dni
       *[other] { $days } dni
    }.

    Vrsta članstva: { $membership_type }
    Velja do: { $until }

    Članstvo pravočasno podaljšajte, da ohranite ugodnosti članstva, na primer dostop do dogodkov, namenjenih samo članom.
