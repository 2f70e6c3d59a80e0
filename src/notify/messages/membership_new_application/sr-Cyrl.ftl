subject = Нови захтев за чланство: { $organisation }
body =
    { $applicant } жели да се учлани у организацију { $organisation }.

    Врста чланства: { $membership_type }

    Захтев можете да прегледате, одобрите или одбијете на платформи { $platform }.
action = Прегледајте захтев
