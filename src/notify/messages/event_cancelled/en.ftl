subject = Event cancelled: { $event }
body =
    Unfortunately, the organisers have cancelled “{ $event }”, which was planned for { $when }.{ $has_reason ->
        [yes] {" "}Reason given by the organisers: { $reason }
       *[no] {""}
    }

    Your registration has been cancelled as well. The attached calendar update removes the event from your calendar.

    On behalf of the organisers, we apologise for any inconvenience.
