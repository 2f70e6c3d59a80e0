manage-home-nav = Управление
manage-home-title = Управление
manage-home-empty = Все още не сте в екипа на никоя организация. Когато собственик на организация ви добави в екипа, тук ще се появят нейните събития и членове.
manage-home-empty-link = Разгледайте събитията
manage-home-role-owner = Собственик
manage-home-role-organiser = Организатор
manage-home-role-admin = Администратор на платформата
manage-home-host-links = Страници на { $name }
manage-home-org-nav = Управление: { $name }
manage-home-nav-dashboard = Преглед
manage-home-nav-new-event = Ново събитие
manage-home-nav-members = Членове
manage-home-nav-staff = Екип
manage-home-nav-audit = Дневник на промените
manage-home-pending-memberships = { $count ->
    [one] { $count } членство чака одобрение
   *[other] { $count } членства чакат одобрение
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } членство изтича през следващите 30 дни
   *[other] { $count } членства изтичат през следващите 30 дни
}
manage-home-no-events = Няма предстоящи събития.
manage-home-events-caption = Следващи събития на { $name }
manage-home-col-event = Събитие
manage-home-col-when = Кога
manage-home-col-confirmed = Потвърдени / капацитет
manage-home-col-waitlisted = В списъка на чакащите
manage-home-col-pending = Гости, които още не са потвърдили
manage-home-col-checked-in = Регистрирани на входа
manage-home-col-actions = Действия
manage-home-draft = Чернова
manage-home-untitled = (без заглавие)
manage-home-roster = Списък на записалите се
manage-home-checkin = Вход
manage-home-outbox-title = Недоставена поща
manage-home-outbox-total = { $count ->
    [one] { $count } съобщение не можа да бъде доставено.
   *[other] { $count } съобщения не можаха да бъдат доставени.
}
manage-home-outbox-caption = Последните недоставени съобщения
manage-home-outbox-recipient = Получател
manage-home-outbox-template = Съобщение
manage-home-outbox-created = Написано
manage-home-outbox-attempts = Опити
manage-home-outbox-error = Последна грешка
manage-home-outbox-retry = Изпрати отново
manage-home-outbox-retry-for = Изпрати отново съобщението до { $recipient }
manage-home-notice-retried = Съобщението отново чака да бъде изпратено.
manage-home-staff-title = Екип на { $name }
manage-home-staff-caption = Собственици и организатори на { $name }
manage-home-staff-read-only = Само собствениците могат да променят екипа.
manage-home-staff-name = Име
manage-home-staff-email = Имейл
manage-home-staff-email-hint = Имейлът на съществуващ профил в Коло.
manage-home-staff-role = Роля
manage-home-staff-since = От
manage-home-staff-make-owner = Направи собственик
manage-home-staff-make-owner-for = Направи { $name } собственик
manage-home-staff-make-organiser = Направи организатор
manage-home-staff-make-organiser-for = Направи { $name } организатор
manage-home-staff-remove = Премахни от екипа
manage-home-staff-remove-for = Премахни { $name } от екипа
manage-home-staff-add-title = Добавете човек в екипа
manage-home-staff-add = Добави в екипа
manage-home-staff-no-account = Няма профил с този имейл. Помолете човека първо да се регистрира.
manage-home-staff-email-invalid = Въведете валиден имейл адрес.
manage-home-staff-last-owner = Това е последният собственик на организацията. Първо добавете още един собственик.
manage-home-staff-not-host = Тази организация не организира събития, затова няма екип.
manage-home-staff-conflict = Тази промяна в момента не е възможна.
manage-home-staff-remove-title = Премахване на { $name } от екипа
manage-home-staff-remove-text = { $name } вече няма да управлява събитията и членовете на { $org }.
manage-home-staff-remove-confirm = Да, премахнете този човек от екипа
manage-home-staff-remove-confirm-needed = Отметнете полето, за да потвърдите премахването.
manage-home-back-to-staff = Обратно към екипа
manage-home-notice-staff-added = Човекът вече е в екипа.
manage-home-notice-staff-role = Ролята е променена.
manage-home-notice-staff-removed = Човекът е премахнат от екипа.
manage-home-audit-title = Дневник на промените на { $name }
manage-home-audit-caption = Дневник на промените на { $name }, най-новите първо
manage-home-audit-action = Действие
manage-home-audit-action-hint = Код на действие или началото му, напр. membership. или event.published
manage-home-audit-from = От
manage-home-audit-to = До
manage-home-audit-filter = Филтрирай
manage-home-audit-clear = Изчисти филтрите
manage-home-audit-date-invalid = Въведете дата във вида ГГГГ-ММ-ДД.
manage-home-audit-total = { $count ->
    [one] { $count } запис
   *[other] { $count } записа
}
manage-home-audit-when = Кога
manage-home-audit-actor = Кой
manage-home-audit-subject = Обект
manage-home-audit-before = Преди
manage-home-audit-after = След
manage-home-audit-system = Система
