subject = Membership application received: { $organisation }
body =
    We have received your application for membership of { $organisation }.

    Membership type: { $membership_type }

    The organisation will now review your application, and you will receive an email as soon as a decision has been made.
