subject = Please confirm your registration: { $event }
body =
    Please confirm your registration for “{ $event }” ({ $when }) by opening the link below. The link is valid for { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }. Until you confirm, no place is reserved for you.

    If you did not register for this event, you can simply ignore this email.
action = Confirm my registration
