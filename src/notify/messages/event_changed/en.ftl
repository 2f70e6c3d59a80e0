subject = Change of time or place: { $event }
body =
    The time or place of “{ $event }” has changed:

    { $changes }

    Updated details:
    When: { $when }
    Where: { $place }

    Your registration remains valid. If the change does not suit you, please cancel your registration so that someone else can take your place.
