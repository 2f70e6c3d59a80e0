messages-title = Пиши пријављенима
messages-limit = Преостало порука за овај догађај данас: { $remaining } од { $limit }.
messages-limit-reached = Овај догађај је послао највише порука дозвољених за 24 сата. Покушајте поново касније.
messages-audience = Ко прима поруку
messages-audience-all = Сви пријављени (потврђени и на листи чекања)
messages-audience-confirmed = Потврђени
messages-audience-waitlisted = На листи чекања
messages-audience-checked-in = Присутни
messages-languages-hint = Свако чита поруку на свом језику ако сте је на њему написали; иначе на главном језику догађаја.
messages-required = обавезно
messages-subject = Наслов
messages-body = Порука
messages-field-required = Попуните и наслов и поруку.
messages-preview = Преглед
messages-roster-link = Списак пријављених
messages-preview-title = Преглед поруке
messages-counts = Бројеви
messages-count-recipients = Примиће је
messages-count-unsubscribed = Одјављени од порука
messages-count-remaining = Преостало порука данас
messages-readers = { $count ->
    [one] { $count } прималац
    [few] { $count } примаоца
   *[other] { $count } прималаца
}
messages-nobody = Нико из ове групе неће примити поруку.
messages-send = { $count ->
    [one] Пошаљи { $count } особи
   *[other] Пошаљи за { $count } особа
}
messages-edit = Измени
messages-notice-sent = Порука је послата.
