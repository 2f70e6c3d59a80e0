subject = Reminder: { $event }
body =
    This is a reminder that “{ $event }” is coming up soon.

    When: { $when }
    Where: { $place }
    Check-in code: { $code }

    Please show your check-in code at the entrance. If you can no longer come, please cancel your registration so that someone else can take your place.
