subject = Reset your { $platform } password
body =
    We received a request to reset the password for your { $platform } account. To choose a new password, open the link below. The link is valid for { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.

    If you did not make this request, please ignore this email – your password will stay unchanged.
action = Choose a new password
