manage-home-nav = Управување
manage-home-title = Управување
manage-home-empty = Сè уште не сте во тимот на ниедна организација. Кога сопственик на организација ќе ве додаде во тимот, тука ќе се појават нејзините настани и членови.
manage-home-empty-link = Прегледајте ги настаните
manage-home-role-owner = Сопственик
manage-home-role-organiser = Организатор
manage-home-role-admin = Администратор на платформата
manage-home-host-links = Страници на { $name }
manage-home-org-nav = Управување: { $name }
manage-home-nav-dashboard = Преглед
manage-home-nav-new-event = Нов настан
manage-home-nav-members = Членови
manage-home-nav-staff = Тим
manage-home-nav-audit = Дневник на промени
manage-home-pending-memberships = { $count ->
    [one] { $count } членство чека одобрување
   *[other] { $count } членства чекаат одобрување
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } членство истекува во следните 30 дена
   *[other] { $count } членства истекуваат во следните 30 дена
}
manage-home-no-events = Нема претстојни настани.
manage-home-events-caption = Следни настани на { $name }
manage-home-col-event = Настан
manage-home-col-when = Кога
manage-home-col-confirmed = Потврдени / капацитет
manage-home-col-waitlisted = На листа на чекање
manage-home-col-pending = Гости што сè уште не потврдиле
manage-home-col-checked-in = Пријавени на влез
manage-home-col-actions = Дејства
manage-home-draft = Нацрт
manage-home-untitled = (без наслов)
manage-home-roster = Список на пријавени
manage-home-checkin = Влез
manage-home-outbox-title = Неиспорачана пошта
manage-home-outbox-total = { $count ->
    [one] { $count } порака не можеше да се испорача.
   *[other] { $count } пораки не можеа да се испорачаат.
}
manage-home-outbox-caption = Последните неиспорачани пораки
manage-home-outbox-recipient = Примач
manage-home-outbox-template = Порака
manage-home-outbox-created = Напишана
manage-home-outbox-attempts = Обиди
manage-home-outbox-error = Последна грешка
manage-home-outbox-retry = Испрати повторно
manage-home-outbox-retry-for = Испрати ја повторно пораката до { $recipient }
manage-home-notice-retried = Пораката повторно чека да биде испратена.
manage-home-staff-title = Тим на { $name }
manage-home-staff-caption = Сопственици и организатори на { $name }
manage-home-staff-read-only = Само сопствениците можат да го менуваат тимот.
manage-home-staff-name = Име
manage-home-staff-email = Е-пошта
manage-home-staff-email-hint = Е-пошта на постојна сметка во Коло.
manage-home-staff-role = Улога
manage-home-staff-since = Од
manage-home-staff-make-owner = Направи сопственик
manage-home-staff-make-owner-for = Направи го { $name } сопственик
manage-home-staff-make-organiser = Направи организатор
manage-home-staff-make-organiser-for = Направи го { $name } организатор
manage-home-staff-remove = Отстрани од тимот
manage-home-staff-remove-for = Отстрани го { $name } од тимот
manage-home-staff-add-title = Додајте лице во тимот
manage-home-staff-add = Додај во тимот
manage-home-staff-no-account = Ниедна сметка нема ваква е-пошта. Замолете го лицето прво да се регистрира.
manage-home-staff-email-invalid = Внесете исправна адреса на е-пошта.
manage-home-staff-last-owner = Ова е последниот сопственик на организацијата. Прво додајте уште еден сопственик.
manage-home-staff-not-host = Оваа организација не организира настани, па нема тим.
manage-home-staff-conflict = Оваа промена моментално не е можна.
manage-home-staff-remove-title = Отстранување на { $name } од тимот
manage-home-staff-remove-text = { $name } повеќе нема да управува со настаните и членовите на { $org }.
manage-home-staff-remove-confirm = Да, отстранете го ова лице од тимот
manage-home-staff-remove-confirm-needed = Штиклирајте го полето за да го потврдите отстранувањето.
manage-home-back-to-staff = Назад кон тимот
manage-home-notice-staff-added = Лицето сега е во тимот.
manage-home-notice-staff-role = Улогата е променета.
manage-home-notice-staff-removed = Лицето е отстрането од тимот.
manage-home-audit-title = Дневник на промени на { $name }
manage-home-audit-caption = Дневник на промени на { $name }, најновите прво
manage-home-audit-action = Дејство
manage-home-audit-action-hint = Код на дејство или неговиот почеток, на пр. membership. или event.published
manage-home-audit-from = Од
manage-home-audit-to = До
manage-home-audit-filter = Филтрирај
manage-home-audit-clear = Исчисти ги филтрите
manage-home-audit-date-invalid = Внесете датум во облик ГГГГ-ММ-ДД.
manage-home-audit-total = { $count ->
    [one] { $count } запис
   *[other] { $count } записи
}
manage-home-audit-when = Кога
manage-home-audit-actor = Кој
manage-home-audit-subject = Предмет
manage-home-audit-before = Пред
manage-home-audit-after = После
manage-home-audit-system = Систем
