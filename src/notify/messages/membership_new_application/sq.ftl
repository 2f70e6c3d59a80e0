subject = Kërkesë e re për anëtarësim: { $organisation }
body =
    { $applicant } ka bërë kërkesë për anëtarësim në organizatën { $organisation }.

    Lloji i anëtarësimit: { $membership_type }

    Mund ta shqyrtoni kërkesën dhe ta miratoni ose ta refuzoni në { $platform }.
action = Shqyrtoni kërkesën
