landing-confirm-title = Confirm your registration
landing-confirm-text = Registration for { $name } ({ $email }). Press the button to confirm it and take your seat.
landing-confirm-button = Confirm my registration
landing-confirm-invalid-title = This link no longer works
landing-confirm-invalid-text = The confirmation link has already been used or has expired. If you have confirmed already, the confirmation email has a link to your registration; otherwise please register again.
landing-confirm-closed-title = Registration is closed
landing-confirm-closed-text = This event is no longer open for registration, so your registration could not be confirmed.
landing-confirmed-title = You are registered
landing-confirmed-text = Your seat is confirmed. We have sent you an email with the details.
landing-waitlisted-title = You are on the waitlist
landing-waitlisted-text = The event is full, so you are on the waitlist. We will email you if a seat becomes free.
landing-waitlisted-position = { $position ->
    [one] The event is full: you are first on the waitlist. We will email you if a seat becomes free.
   *[other] The event is full: you are number { $position } on the waitlist. We will email you if a seat becomes free.
}
landing-registration-link = See or cancel your registration
landing-registration-link-hint = Keep this link: it opens your registration without an account.
landing-kind-reminders = reminders before events
landing-kind-organiser-messages = messages from event organisers
landing-unsubscribe-title = Unsubscribe
landing-unsubscribe-text = You will no longer receive { $what } at { $email }.
landing-unsubscribe-always = Emails about your account and your registrations are still sent.
landing-unsubscribe-button = Unsubscribe
landing-unsubscribe-invalid-title = This link does not work
landing-unsubscribe-invalid-text = The unsubscribe link is incomplete or has expired. Use the link in a more recent email from Kolo.
landing-unsubscribed-title = You are unsubscribed
landing-unsubscribed-text = You will no longer receive { $what } at { $email }.
