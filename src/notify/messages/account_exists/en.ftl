subject = Someone tried to create a { $platform } account with your address
body =
    Someone – perhaps you – has just tried to create a new { $platform } account with this email address. You already have an account with it, so no new account was created.

    If it was you, simply sign in with your existing account. If you have forgotten your password, you can ask for a new one on the sign-in page.

    If it was not you, you can ignore this email – nothing about your account has changed.
