subject = Registration cancelled: { $event }
body =
    Your registration for “{ $event }” ({ $when }) has been cancelled.

    If you change your mind, you can register again as long as registration is open.
