subject = New membership application: { $organisation }
body =
    { $applicant } has applied for membership of { $organisation }.

    Membership type: { $membership_type }

    You can review the application and approve or reject it in { $platform }.
action = Review the application
