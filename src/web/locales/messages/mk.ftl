messages-title = Пиши им на пријавените
messages-limit = Преостанати пораки за овој настан денес: { $remaining } од { $limit }.
messages-limit-reached = Овој настан испрати најмногу пораки дозволени за 24 часа. Обидете се повторно подоцна.
messages-audience = Кој ја добива пораката
messages-audience-all = Сите пријавени (потврдени и на чекање)
messages-audience-confirmed = Потврдени
messages-audience-waitlisted = На листа на чекање
messages-audience-checked-in = Присутни
messages-languages-hint = Секој ја чита пораката на својот јазик ако сте ја напишале на него; инаку на главниот јазик на настанот.
messages-required = задолжително
messages-subject = Наслов
messages-body = Порака
messages-field-required = Пополнете ги и насловот и пораката.
messages-preview = Преглед
messages-roster-link = Список на пријавени
messages-preview-title = Преглед на пораката
messages-counts = Бројки
messages-count-recipients = Ќе ја добијат
messages-count-unsubscribed = Одјавени од пораки
messages-count-remaining = Преостанати пораки денес
messages-readers = { $count ->
    [one] { $count } примач
   *[other] { $count } примачи
}
messages-nobody = Никој од оваа група нема да ја добие пораката.
messages-send = { $count ->
    [one] Испрати до { $count } лице
   *[other] Испрати до { $count } лица
}
messages-edit = Измени
messages-notice-sent = Пораката е испратена.
