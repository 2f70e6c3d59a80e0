manage-members-title = Чланови организације { $host }
manage-members-nav-label = Странице о члановима
manage-members-nav-members = Чланови
manage-members-nav-applications = Пријаве
manage-members-nav-types = Врсте чланства
manage-members-nav-directory = Именик
manage-members-filters-title = Филтери
manage-members-filter-search = Име, имејл или организација
manage-members-filter-status = Статус
manage-members-filter-type = Врста чланства
manage-members-filter-kind = Особа или организација
manage-members-filter-country = Држава
manage-members-filter-expiring = Истиче у наредних (дана)
manage-members-filter-expiring-hint = На пример 30: активна чланства која истичу у наредних 30 дана.
manage-members-filter-any = Све
manage-members-filter-choose = Изаберите…
manage-members-filter-apply = Прикажи
manage-members-filter-clear = Поништи филтере
manage-members-expiring-invalid = Унесите број дана, на пример 30.
manage-members-count = { $count ->
    [one] { $count } чланство
    [few] { $count } чланства
   *[other] { $count } чланстава
}
manage-members-csv = Преузми као табелу (CSV)
manage-members-none = Ниједно чланство не одговара овим филтерима.
manage-members-table = Чланства
manage-members-col-member = Члан
manage-members-col-name = Име
manage-members-col-email = Имејл
manage-members-col-kind = Врста члана
manage-members-col-type = Врста чланства
manage-members-col-status = Статус
manage-members-col-applied = Пријава поднета
manage-members-col-starts = Од
manage-members-col-ends = До
manage-members-col-applicant-note = Напомена подносиоца
manage-members-col-reason = Напомена члану
manage-members-col-select = Избор
manage-members-col-actions = Радње
manage-members-col-why = Разлог
manage-members-kind-person = Особа
manage-members-kind-organisation = Организација
manage-members-status-pending = Чека одобрење
manage-members-status-active = Активно
manage-members-status-expired = Истекло
manage-members-status-rejected = Није прихваћено
manage-members-status-cancelled = Прекинуто
manage-members-representatives = Представници
manage-members-representatives-of = Особе које заступају организацију { $name }
manage-members-representatives-none = Ова организација нема представника.
manage-members-decide-title = Одлука о пријави
manage-members-note = Напомена подносиоцу (није обавезно)
manage-members-note-hint = Шаље се подносиоцу заједно са одлуком.
manage-members-approve = Одобри
manage-members-approve-one = Одобри: { $name }
manage-members-reject = Одбиј
manage-members-reject-one = Одбиј: { $name }
manage-members-reject-title = Одбијање пријаве: { $name }
manage-members-reject-intro = Подносилац добија имејл да пријава није прихваћена, са вашом напоменом ако је напишете. Ово се не може поништити; подносилац може поново да се пријави.
manage-members-reject-confirm = Да, одбиј пријаву: { $name }
manage-members-reject-confirm-needed = Означите поље да потврдите одбијање.
manage-members-keep = Назад без измена
manage-members-decided-already = Ово чланство се у међувремену променило и о њему се више не може одлучити на овај начин. Његово садашње стање је приказано испод.
manage-members-notice-approved = Чланство је одобрено. Члан добија имејл.
manage-members-notice-rejected = Пријава је одбијена. Подносилац добија имејл.
manage-members-renew-title = Обнова
manage-members-renew-intro = Обнова продужава чланство за један период његове врсте, од садашњег истека (или од данас ако је истекло). Члан добија имејл.
manage-members-renew = Обнови чланство
manage-members-renew-lifetime = Доживотно чланство не треба обнављати.
manage-members-renew-not-now = Ово чланство се не може обновити у садашњем стању.
manage-members-notice-renewed = Чланство је обновљено.
manage-members-back = Сви чланови
manage-members-applications-title = Пријаве за чланство у организацији { $host }
manage-members-applications-count = { $count ->
    [one] { $count } пријава чека
    [few] { $count } пријаве чекају
   *[other] { $count } пријава чека
}
manage-members-applications-none = Ниједна пријава не чека.
manage-members-applications-table = Пријаве које чекају одобрење
manage-members-select-one = Изабери: { $name }
manage-members-bulk-selected = Одобри изабране
manage-members-bulk-page = { $count ->
    [one] Одобри { $count } пријаву на овој страници
    [few] Одобри све { $count } пријаве на овој страници
   *[other] Одобри свих { $count } пријава на овој страници
}
manage-members-bulk-none = Изаберите бар једну пријаву.
manage-members-bulk-title = Одобравање пријава
manage-members-bulk-approved = { $count ->
    [one] Одобрено је { $count } чланство.
    [few] Одобрена су { $count } чланства.
   *[other] Одобрено је { $count } чланстава.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } пријава није могла бити одобрена:
    [few] { $count } пријаве нису могле бити одобрене:
   *[other] { $count } пријава није могло бити одобрено:
}
manage-members-bulk-failures = Неодобрене пријаве
manage-members-bulk-failed-gone = Није пронађена међу чланствима ове организације.
manage-members-bulk-failed-decided = Већ је одлучено: више не чека одобрење.
manage-members-bulk-failed-conflict = Члан већ има друго важеће чланство.
manage-members-bulk-failed-forbidden = Немате право да је одобрите.
manage-members-bulk-failed-other = Неочекивана грешка; покушајте поново.
manage-members-bulk-back = Назад на пријаве
manage-members-directory-title = Именик чланова организације { $host }
manage-members-directory-intro = Ово је именик тачно онакав какав га виде чланови: активни чланови који су пристали да буду наведени, само са јавним подацима.
manage-members-directory-empty = Још се ниједан члан није одлучио да буде наведен.
manage-members-directory-since = Члан од { $date }
manage-members-types-title = Врсте чланства организације { $host }
manage-members-types-table = Врсте чланства
manage-members-types-none = Још нема врста чланства.
manage-members-types-owners-only = Врсте чланства могу да мењају само власници организације.
manage-members-type-new = Нова врста чланства
manage-members-type-new-title = Нова врста чланства
manage-members-type-edit-title = Измена врсте чланства
manage-members-type-edit = Измени: { $name }
manage-members-type-name = Назив
manage-members-type-name-hint = На бар једном језику; чланови га виде на свом језику када је наведен.
manage-members-type-duration = Трајање
manage-members-type-duration-hint = У месецима; оставите празно за доживотно чланство.
manage-members-type-duration-invalid = Унесите цео број месеци или оставите празно.
manage-members-type-months = { $count ->
    [one] { $count } месец
    [few] { $count } месеца
   *[other] { $count } месеци
}
manage-members-type-lifetime = Доживотно
manage-members-type-approval = Одобрење
manage-members-type-approval-label = Пријаве мора да одобри особље
manage-members-type-fee = Годишња чланарина
manage-members-type-fee-hint = Бележи се и приказује, никада се не наплаћује; на пример 25.00. Оставите празно ако је нема.
manage-members-type-currency = Валута
manage-members-type-currency-hint = Три слова, на пример EUR или RSD; потребна уз чланарину.
manage-members-type-create = Направи врсту чланства
manage-members-type-save = Сачувај измене
manage-members-type-open = Отворено
manage-members-type-retired = Повучено
manage-members-type-retire = Повуци: { $name }
manage-members-type-retire-title = Повлачење врсте чланства: { $name }
manage-members-type-retire-intro = Повучена врста не прима нове пријаве. Чланства ове врсте остају каква јесу и и даље се могу обнављати. Касније је можете поново отворити.
manage-members-type-retire-confirm = Да, повуци: { $name }
manage-members-type-retire-confirm-needed = Означите поље да потврдите.
manage-members-type-reopen = Поново отвори: { $name }
manage-members-yes = Да
manage-members-no = Не
manage-members-notice-type-created = Врста чланства је направљена.
manage-members-notice-type-saved = Врста чланства је сачувана.
manage-members-notice-type-retired = Врста чланства је повучена: не прима нове пријаве.
manage-members-notice-type-reopened = Врста чланства је поново отворена за пријаве.
