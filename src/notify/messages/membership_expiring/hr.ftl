subject = Vaše članstvo u organizaciji { $organisation } uskoro istječe
body =
    Vaše članstvo u organizaciji { $organisation } istječe za { $days ->
        [one] { $days } dan
        [few] { $days } dana
       *[other] { $days } dana
    }.

    Vrsta članstva: { $membership_type }
    Vrijedi do: { $until }

    Obnovite članstvo na vrijeme kako biste zadržali pogodnosti članstva, poput pristupa događajima namijenjenima samo članovima.
