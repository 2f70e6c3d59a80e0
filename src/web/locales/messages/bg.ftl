messages-title = Пиши на записалите се
messages-limit = Оставащи съобщения за това събитие днес: { $remaining } от { $limit }.
messages-limit-reached = Това събитие изпрати максималния брой съобщения за 24 часа. Опитайте отново по-късно.
messages-audience = Кой получава съобщението
messages-audience-all = Всички записани (потвърдени и чакащи)
messages-audience-confirmed = Потвърдени
messages-audience-waitlisted = В списъка на чакащите
messages-audience-checked-in = Присъстващи
messages-languages-hint = Всеки чете съобщението на своя език, ако сте го написали на него; иначе на основния език на събитието.
messages-required = задължително
messages-subject = Тема
messages-body = Съобщение
messages-field-required = Попълнете и темата, и съобщението.
messages-preview = Преглед
messages-roster-link = Списък на записалите се
messages-preview-title = Преглед на съобщението
messages-counts = Бройки
messages-count-recipients = Ще го получат
messages-count-unsubscribed = Отписали се от съобщения
messages-count-remaining = Оставащи съобщения днес
messages-readers = { $count ->
    [one] { $count } получател
   *[other] { $count } получатели
}
messages-nobody = Никой от тази група няма да получи съобщението.
messages-send = { $count ->
    [one] Изпрати до { $count } човек
   *[other] Изпрати до { $count } души
}
messages-edit = Редактирай
messages-notice-sent = Съобщението е изпратено.
