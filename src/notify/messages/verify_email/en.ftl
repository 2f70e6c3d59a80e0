subject = Confirm your email address for Kolo
body =
    Welcome to Kolo! To activate your account, please confirm your email address by opening the link below. The link is valid for { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.

    If you did not create a Kolo account, you can simply ignore this email.
action = Confirm my email address
