subject = Vaše članstvo u organizaciji { $organisation } uskoro ističe
body =
    Vaše članstvo u organizaciji { $organisation } ističe za { $days ->
        [one] { $days } dan
        [few] { $days } dana
       *[other] { $days } dana
    }.

    Vrsta članstva: { $membership_type }
    Vrijedi do: { $until }

    Obnovite članstvo na vrijeme kako biste zadržali pogodnosti članstva, poput pristupa događajima namijenjenim samo članovima.
