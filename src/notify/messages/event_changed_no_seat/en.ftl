subject = Change of time or place: { $event }
body =
    The time or place of “{ $event }” has changed:

    { $changes }

    Updated details:
    When: { $when }
    Where: { $place }

    { $standing ->
        [waitlisted] You are still on the waitlist, in position { $position }. If a place becomes available, it will be given to you automatically and we will let you know by email, with a calendar invitation.
       *[pending] Your registration is not confirmed yet, so it does not hold a place. If you still want to come, please confirm it with the link in our earlier email.
    }
