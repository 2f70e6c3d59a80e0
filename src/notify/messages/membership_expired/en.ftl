subject = Your membership of { $organisation } has expired
body =
    Your membership of { $organisation } has expired.

    Membership type: { $membership_type }

    You can renew your membership at any time.
