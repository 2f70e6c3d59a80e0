subject = Your membership application to { $organisation }
body =
    Unfortunately, your application for membership of { $organisation } has not been approved.{ $has_reason ->
        [yes] {" "}Reason given by the organisation: { $reason }
       *[no] {""}
    }

    Membership type: { $membership_type }

    If you have any questions, please contact the organisation directly.
