subject = Your membership of { $organisation } has been approved
body =
    Your application for membership of { $organisation } has been approved, and your membership is now active. Welcome!

    Membership type: { $membership_type }
    Valid until: { $until }
