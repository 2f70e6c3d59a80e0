subject = A place has opened up: { $event }
body =
    Good news: a place has opened up at “{ $event }”, and it is now yours. Your registration is confirmed.

    When: { $when }
    Where: { $place }
    Check-in code: { $code }

    Please show your check-in code at the entrance. The event details are attached to this email as a calendar file that you can add to your calendar.

    If you can no longer come, please cancel your registration so that the next person on the waitlist can take your place.
