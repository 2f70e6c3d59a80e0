subject = You're on the waitlist: { $event }
body =
    All places at “{ $event }” ({ $when }) are currently taken, so we have added you to the waitlist. Your position on the waitlist is { $position }.

    If a place becomes available, it will be given to you automatically and we will let you know by email. There is nothing you need to do for now.
