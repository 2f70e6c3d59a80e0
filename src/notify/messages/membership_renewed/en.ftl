subject = Your membership of { $organisation } has been renewed
body =
    Your membership of { $organisation } has been renewed. Thank you for your continued support!

    Membership type: { $membership_type }
    Valid until: { $until }
