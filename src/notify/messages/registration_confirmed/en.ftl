subject = Registration confirmed: { $event }
body =
    Your place at “{ $event }” is confirmed.

    When: { $when }
    Where: { $place }
    Check-in code: { $code }

    Please show your check-in code at the entrance. The event details are attached to this email as a calendar file that you can add to your calendar.

    If you can no longer come, please cancel your registration so that someone from the waitlist can take your place.
