subject = Confirm your email address for { $platform }
body =
    Welcome to { $platform }! To activate your account, please confirm your email address by opening the link below. The link is valid for { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.

    If you did not create a { $platform } account, you can simply ignore this email.
action = Confirm my email address
