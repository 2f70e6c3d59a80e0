subject = Event cancelled: { $event }
body =
    Unfortunately, the organisers have cancelled “{ $event }”, which was planned for { $when }.{ $has_reason ->
        [yes] {" "}Reason given by the organisers: { $reason }
       *[no] {""}
    }

    { $standing ->
        [waitlisted] Your place on the waitlist has been cancelled as well.
       *[pending] Your unconfirmed registration has been cancelled as well, so there is nothing left to confirm.
    }

    On behalf of the organisers, we apologise for any inconvenience.
