orgs-country = Држава
orgs-city = Град
orgs-website = Веб-сајт
orgs-email = Адреса за контакт
orgs-events-heading = Предстојећи догађаји
orgs-events-none = Још нема најављених догађаја.
orgs-events-all = Сви догађаји ове организације
orgs-event-online = Онлајн
orgs-event-members-only = Само за чланове
orgs-join-heading = Чланство
orgs-types-none = Ова организација тренутно не прима пријаве за чланство овде.
orgs-types-caption = Врсте чланства
orgs-type-name = Врста чланства
orgs-type-for = За кога
orgs-type-for-people = за појединце
orgs-type-for-organisations = за организације
orgs-type-duration = Трајање
orgs-type-months = { $months ->
    [one] { $months } месец
    [few] { $months } месеца
   *[other] { $months } месеци
}
orgs-type-lifetime = Доживотно
orgs-type-fee = Годишња чланарина
orgs-type-no-fee = Нема
orgs-type-approval = Одобрење
orgs-type-approval-yes = Одобравају организатори
orgs-type-approval-no = Активно одмах
orgs-apply-type = Које чланство желите?
orgs-apply-as = Пријава за
orgs-apply-as-self = Себе ({ $name })
orgs-apply-as-self-only = Пријављујете се у своје име ({ $name }). Да бисте пријавили организацију, њени представници прво морају да вас додају.
orgs-apply-note = Порука организаторима (није обавезно)
orgs-apply-submit = Пријави се за чланство
orgs-apply-sign-in = Пријавите се на налог да бисте поднели пријаву за чланство
orgs-error-choose-type = Изаберите једну од врста чланства.
orgs-error-type-for-people = Ово чланство је за појединце: пријавите се у своје име.
orgs-error-type-for-organisations = Ово чланство је за организације: изаберите организацију коју представљате.
orgs-refusal-unverified = Прво потврдите своју имејл адресу: отворите везу из имејла који смо вам послали при отварању налога.
orgs-refusal-not-representative = Само представник те организације може да је пријави.
orgs-refusal-already = За овог члана овде већ постоји чланство на чекању или активно чланство.
orgs-refusal-already-link = Погледајте то чланство
orgs-notice-applied = Хвала: ваша пријава за чланство је примљена.
orgs-embed-title = Догађаји: { $name }
orgs-embed-about = О организацији { $name } на Колу
