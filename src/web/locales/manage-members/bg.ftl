manage-members-title = Членове на { $host }
manage-members-nav-label = Страници за членовете
manage-members-nav-members = Членове
manage-members-nav-applications = Кандидатури
manage-members-nav-types = Видове членство
manage-members-nav-directory = Указател
manage-members-filters-title = Филтри
manage-members-filter-search = Име, имейл или организация
manage-members-filter-status = Статус
manage-members-filter-type = Вид членство
manage-members-filter-kind = Лице или организация
manage-members-filter-country = Държава
manage-members-filter-expiring = Изтича в следващите (дни)
manage-members-filter-expiring-hint = Например 30: активни членства, които изтичат в следващите 30 дни.
manage-members-filter-any = Всички
manage-members-filter-choose = Изберете…
manage-members-filter-apply = Покажи
manage-members-filter-clear = Изчисти филтрите
manage-members-expiring-invalid = Въведете брой дни, например 30.
manage-members-count = { $count ->
    [one] { $count } членство
   *[other] { $count } членства
}
manage-members-csv = Изтегли като таблица (CSV)
manage-members-none = Няма членство, което да отговаря на тези филтри.
manage-members-table = Членства
manage-members-col-member = Член
manage-members-col-name = Име
manage-members-col-email = Имейл
manage-members-col-kind = Вид член
manage-members-col-type = Вид членство
manage-members-col-status = Статус
manage-members-col-applied = Подадена на
manage-members-col-starts = От
manage-members-col-ends = До
manage-members-col-applicant-note = Бележка от кандидата
manage-members-col-reason = Бележка до члена
manage-members-col-select = Избор
manage-members-col-actions = Действия
manage-members-col-why = Причина
manage-members-kind-person = Лице
manage-members-kind-organisation = Организация
manage-members-status-pending = Чака одобрение
manage-members-status-active = Активно
manage-members-status-expired = Изтекло
manage-members-status-rejected = Не е прието
manage-members-status-cancelled = Прекратено
manage-members-representatives = Представители
manage-members-representatives-of = Лица, които представляват { $name }
manage-members-representatives-none = Тази организация няма представители.
manage-members-decide-title = Решение по кандидатурата
manage-members-note = Бележка до кандидата (по желание)
manage-members-note-hint = Изпраща се на кандидата заедно с решението.
manage-members-approve = Одобри
manage-members-approve-one = Одобри: { $name }
manage-members-reject = Откажи
manage-members-reject-one = Откажи: { $name }
manage-members-reject-title = Отказ на кандидатурата: { $name }
manage-members-reject-intro = Кандидатът получава имейл, че кандидатурата не е приета, с вашата бележка, ако напишете такава. Това не може да бъде отменено; кандидатът може да кандидатства отново.
manage-members-reject-confirm = Да, откажи кандидатурата: { $name }
manage-members-reject-confirm-needed = Отметнете полето, за да потвърдите отказа.
manage-members-keep = Назад без промени
manage-members-decided-already = Това членство междувременно се промени и вече не може да се реши по този начин. Текущото му състояние е показано по-долу.
manage-members-notice-approved = Членството е одобрено. Членът получава имейл.
manage-members-notice-rejected = Кандидатурата е отказана. Кандидатът получава имейл.
manage-members-renew-title = Подновяване
manage-members-renew-intro = Подновяването удължава членството с още един период от неговия вид, от текущия край (или от днес, ако е изтекло). Членът получава имейл.
manage-members-renew = Поднови членството
manage-members-renew-lifetime = Пожизненото членство не се нуждае от подновяване.
manage-members-renew-not-now = Това членство не може да бъде подновено в текущото му състояние.
manage-members-notice-renewed = Членството е подновено.
manage-members-back = Всички членове
manage-members-applications-title = Кандидатури за членство в { $host }
manage-members-applications-count = { $count ->
    [one] { $count } кандидатура чака
   *[other] { $count } кандидатури чакат
}
manage-members-applications-none = Няма чакащи кандидатури.
manage-members-applications-table = Кандидатури, които чакат одобрение
manage-members-select-one = Избери: { $name }
manage-members-bulk-selected = Одобри избраните
manage-members-bulk-page = { $count ->
    [one] Одобри { $count } кандидатура на тази страница
   *[other] Одобри всички { $count } кандидатури на тази страница
}
manage-members-bulk-none = Изберете поне една кандидатура.
manage-members-bulk-title = Одобряване на кандидатури
manage-members-bulk-approved = { $count ->
    [one] Одобрено е { $count } членство.
   *[other] Одобрени са { $count } членства.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } кандидатура не можа да бъде одобрена:
   *[other] { $count } кандидатури не можаха да бъдат одобрени:
}
manage-members-bulk-failures = Неодобрени кандидатури
manage-members-bulk-failed-gone = Не е намерена сред членствата на тази организация.
manage-members-bulk-failed-decided = Вече е решено: не чака одобрение.
manage-members-bulk-failed-conflict = Членът вече има друго действащо членство.
manage-members-bulk-failed-forbidden = Нямате право да я одобрите.
manage-members-bulk-failed-other = Неочаквана грешка; опитайте отново.
manage-members-bulk-back = Назад към кандидатурите
manage-members-directory-title = Указател на членовете на { $host }
manage-members-directory-intro = Това е указателят точно както го виждат членовете: активни членове, избрали да бъдат включени, само с публични данни.
manage-members-directory-empty = Все още нито един член не е избрал да бъде включен.
manage-members-directory-since = Член от { $date }
manage-members-types-title = Видове членство на { $host }
manage-members-types-table = Видове членство
manage-members-types-none = Все още няма видове членство.
manage-members-types-owners-only = Само собствениците на организацията могат да променят видовете членство.
manage-members-type-new = Нов вид членство
manage-members-type-new-title = Нов вид членство
manage-members-type-edit-title = Промяна на вида членство
manage-members-type-edit = Промени: { $name }
manage-members-type-name = Наименование
manage-members-type-name-hint = Поне на един език; членовете го виждат на своя, когато е посочено.
manage-members-type-duration = Продължителност
manage-members-type-duration-hint = В месеци; оставете празно за пожизнено членство.
manage-members-type-duration-invalid = Въведете цял брой месеци или оставете празно.
manage-members-type-months = { $count ->
    [one] { $count } месец
   *[other] { $count } месеца
}
manage-members-type-lifetime = Пожизнено
manage-members-type-approval = Одобрение
manage-members-type-approval-label = Кандидатурите се одобряват от екипа
manage-members-type-fee = Годишен членски внос
manage-members-type-fee-hint = Записва се и се показва, никога не се събира; например 25.00. Оставете празно, ако няма.
manage-members-type-currency = Валута
manage-members-type-currency-hint = Три букви, например EUR или RSD; нужна е при членски внос.
manage-members-type-create = Създай вид членство
manage-members-type-save = Запази промените
manage-members-type-open = Отворено
manage-members-type-retired = Оттеглено
manage-members-type-retire = Оттегли: { $name }
manage-members-type-retire-title = Оттегляне на вида членство: { $name }
manage-members-type-retire-intro = Оттегленият вид не приема нови кандидатури. Членствата от този вид остават такива, каквито са, и все още могат да се подновяват. По-късно можете да го отворите отново.
manage-members-type-retire-confirm = Да, оттегли: { $name }
manage-members-type-retire-confirm-needed = Отметнете полето за потвърждение.
manage-members-type-reopen = Отвори отново: { $name }
manage-members-yes = Да
manage-members-no = Не
manage-members-notice-type-created = Видът членство е създаден.
manage-members-notice-type-saved = Видът членство е запазен.
manage-members-notice-type-retired = Видът членство е оттеглен: не приема нови кандидатури.
manage-members-notice-type-reopened = Видът членство е отново отворен за кандидатури.
