subject = Нова заявка за членство: { $organisation }
body =
    { $applicant } кандидатства за членство в организацията { $organisation }.

    Вид членство: { $membership_type }

    Можете да прегледате заявката и да я одобрите или отхвърлите в { $platform }.
action = Прегледайте заявката
