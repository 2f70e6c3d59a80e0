subject = Your membership of { $organisation } expires soon
body =
    Your membership of { $organisation } expires in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.

    Membership type: { $membership_type }
    Valid until: { $until }

    Renew it in time to keep your member benefits, such as access to members-only events.
