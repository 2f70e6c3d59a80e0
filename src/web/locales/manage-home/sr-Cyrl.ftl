manage-home-nav = Управљање
manage-home-title = Управљање
manage-home-empty = Још нисте у тиму ниједне организације. Када вас власник организације дода у тим, овде ће се појавити њени догађаји и чланови.
manage-home-empty-link = Прегледајте догађаје
manage-home-role-owner = Власник
manage-home-role-organiser = Организатор
manage-home-role-admin = Администратор платформе
manage-home-host-links = Странице организације { $name }
manage-home-org-nav = Управљање: { $name }
manage-home-nav-dashboard = Преглед
manage-home-nav-new-event = Нови догађај
manage-home-nav-members = Чланови
manage-home-nav-staff = Тим
manage-home-nav-audit = Дневник измена
manage-home-pending-memberships = { $count ->
    [one] { $count } чланство чека одобрење
    [few] { $count } чланства чекају одобрење
   *[other] { $count } чланстава чека одобрење
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } чланство истиче у наредних 30 дана
    [few] { $count } чланства истичу у наредних 30 дана
   *[other] { $count } чланстава истиче у наредних 30 дана
}
manage-home-no-events = Нема предстојећих догађаја.
manage-home-events-caption = Наредни догађаји организације { $name }
manage-home-col-event = Догађај
manage-home-col-when = Када
manage-home-col-confirmed = Потврђено / капацитет
manage-home-col-waitlisted = На листи чекања
manage-home-col-pending = Гости који још нису потврдили
manage-home-col-checked-in = Пријављени на улазу
manage-home-col-actions = Радње
manage-home-draft = Нацрт
manage-home-untitled = (без наслова)
manage-home-roster = Списак пријављених
manage-home-checkin = Улаз
manage-home-outbox-title = Неиспоручена пошта
manage-home-outbox-total = { $count ->
    [one] { $count } порука није могла бити испоручена.
    [few] { $count } поруке нису могле бити испоручене.
   *[other] { $count } порука није могло бити испоручено.
}
manage-home-outbox-caption = Последње неиспоручене поруке
manage-home-outbox-recipient = Прималац
manage-home-outbox-template = Порука
manage-home-outbox-created = Написана
manage-home-outbox-attempts = Покушаји
manage-home-outbox-error = Последња грешка
manage-home-outbox-retry = Пошаљи поново
manage-home-outbox-retry-for = Поново пошаљи поруку за { $recipient }
manage-home-notice-retried = Порука је поново у реду за слање.
manage-home-staff-title = Тим организације { $name }
manage-home-staff-caption = Власници и организатори организације { $name }
manage-home-staff-read-only = Само власници могу мењати тим.
manage-home-staff-name = Име
manage-home-staff-email = Имејл
manage-home-staff-email-hint = Имејл постојећег Коло налога.
manage-home-staff-role = Улога
manage-home-staff-since = Од
manage-home-staff-make-owner = Постави за власника
manage-home-staff-make-owner-for = Постави особу { $name } за власника
manage-home-staff-make-organiser = Постави за организатора
manage-home-staff-make-organiser-for = Постави особу { $name } за организатора
manage-home-staff-remove = Уклони из тима
manage-home-staff-remove-for = Уклони особу { $name } из тима
manage-home-staff-add-title = Додајте особу у тим
manage-home-staff-add = Додај у тим
manage-home-staff-no-account = Ниједан налог нема овај имејл. Замолите особу да се прво региструје.
manage-home-staff-email-invalid = Унесите исправну имејл адресу.
manage-home-staff-last-owner = Ово је последњи власник организације. Прво додајте још једног власника.
manage-home-staff-not-host = Ова организација не организује догађаје, па нема тим.
manage-home-staff-conflict = Ова измена тренутно није могућа.
manage-home-staff-remove-title = Уклањање особе { $name } из тима
manage-home-staff-remove-text = Особа { $name } више неће управљати догађајима и члановима организације { $org }.
manage-home-staff-remove-confirm = Да, уклоните ову особу из тима
manage-home-staff-remove-confirm-needed = Означите поље да потврдите уклањање.
manage-home-back-to-staff = Назад на тим
manage-home-notice-staff-added = Особа је сада у тиму.
manage-home-notice-staff-role = Улога је промењена.
manage-home-notice-staff-removed = Особа је уклоњена из тима.
manage-home-audit-title = Дневник измена организације { $name }
manage-home-audit-caption = Дневник измена организације { $name }, најновије прво
manage-home-audit-action = Радња
manage-home-audit-action-hint = Код радње или његов почетак, на пример membership. или event.published
manage-home-audit-from = Од
manage-home-audit-to = До
manage-home-audit-filter = Филтрирај
manage-home-audit-clear = Поништи филтере
manage-home-audit-date-invalid = Унесите датум у облику ГГГГ-ММ-ДД.
manage-home-audit-total = { $count ->
    [one] { $count } запис
    [few] { $count } записа
   *[other] { $count } записа
}
manage-home-audit-when = Када
manage-home-audit-actor = Ко
manage-home-audit-subject = Предмет
manage-home-audit-before = Пре
manage-home-audit-after = После
manage-home-audit-system = Систем
