manage-members-title = Членови на { $host }
manage-members-nav-label = Страници за членовите
manage-members-nav-members = Членови
manage-members-nav-applications = Пријави
manage-members-nav-types = Видови членство
manage-members-nav-directory = Именик
manage-members-filters-title = Филтри
manage-members-filter-search = Име, е-пошта или организација
manage-members-filter-status = Статус
manage-members-filter-type = Вид членство
manage-members-filter-kind = Лице или организација
manage-members-filter-country = Држава
manage-members-filter-expiring = Истекува во следните (дена)
manage-members-filter-expiring-hint = На пример 30: активни членства што истекуваат во следните 30 дена.
manage-members-filter-any = Сите
manage-members-filter-choose = Изберете…
manage-members-filter-apply = Прикажи
manage-members-filter-clear = Исчисти ги филтрите
manage-members-expiring-invalid = Внесете број на денови, на пример 30.
manage-members-count = { $count ->
    [one] { $count } членство
   *[other] { $count } членства
}
manage-members-csv = Преземи како табела (CSV)
manage-members-none = Ниедно членство не одговара на овие филтри.
manage-members-table = Членства
manage-members-col-member = Член
manage-members-col-name = Име
manage-members-col-email = Е-пошта
manage-members-col-kind = Вид член
manage-members-col-type = Вид членство
manage-members-col-status = Статус
manage-members-col-applied = Пријавено на
manage-members-col-starts = Од
manage-members-col-ends = До
manage-members-col-applicant-note = Белешка од подносителот
manage-members-col-reason = Белешка до членот
manage-members-col-select = Избор
manage-members-col-actions = Дејства
manage-members-col-why = Причина
manage-members-kind-person = Лице
manage-members-kind-organisation = Организација
manage-members-status-pending = Чека одобрување
manage-members-status-active = Активно
manage-members-status-expired = Истечено
manage-members-status-rejected = Не е прифатено
manage-members-status-cancelled = Завршено
manage-members-representatives = Претставници
manage-members-representatives-of = Лица што ја претставуваат { $name }
manage-members-representatives-none = Оваа организација нема претставници.
manage-members-decide-title = Одлука за пријавата
manage-members-note = Белешка до подносителот (незадолжително)
manage-members-note-hint = Му се испраќа на подносителот заедно со одлуката.
manage-members-approve = Одобри
manage-members-approve-one = Одобри: { $name }
manage-members-reject = Одбиј
manage-members-reject-one = Одбиј: { $name }
manage-members-reject-title = Одбивање на пријавата: { $name }
manage-members-reject-intro = Подносителот добива е-порака дека пријавата не е прифатена, со вашата белешка ако напишете. Ова не може да се поништи; подносителот може повторно да се пријави.
manage-members-reject-confirm = Да, одбиј ја пријавата: { $name }
manage-members-reject-confirm-needed = Штиклирајте го полето за да го потврдите одбивањето.
manage-members-keep = Назад без промени
manage-members-decided-already = Ова членство во меѓувреме се промени и повеќе не може да се одлучи на овој начин. Неговата моментална состојба е прикажана подолу.
manage-members-notice-approved = Членството е одобрено. Членот добива е-порака.
manage-members-notice-rejected = Пријавата е одбиена. Подносителот добива е-порака.
manage-members-renew-title = Обнова
manage-members-renew-intro = Обновата го продолжува членството за уште еден период од неговиот вид, од моменталниот крај (или од денес ако истекло). Членот добива е-порака.
manage-members-renew = Обнови го членството
manage-members-renew-lifetime = Доживотното членство не треба да се обновува.
manage-members-renew-not-now = Ова членство не може да се обнови во моменталната состојба.
manage-members-notice-renewed = Членството е обновено.
manage-members-back = Сите членови
manage-members-applications-title = Пријави за членство во { $host }
manage-members-applications-count = { $count ->
    [one] { $count } пријава чека
   *[other] { $count } пријави чекаат
}
manage-members-applications-none = Ниедна пријава не чека.
manage-members-applications-table = Пријави што чекаат одобрување
manage-members-select-one = Избери: { $name }
manage-members-bulk-selected = Одобри ги избраните
manage-members-bulk-page = { $count ->
    [one] Одобри ја { $count } пријава на оваа страница
   *[other] Одобри ги сите { $count } пријави на оваа страница
}
manage-members-bulk-none = Изберете барем една пријава.
manage-members-bulk-title = Одобрување пријави
manage-members-bulk-approved = { $count ->
    [one] Одобрено е { $count } членство.
   *[other] Одобрени се { $count } членства.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } пријава не можеше да се одобри:
   *[other] { $count } пријави не можеа да се одобрат:
}
manage-members-bulk-failures = Неодобрени пријави
manage-members-bulk-failed-gone = Не е најдена меѓу членствата на оваа организација.
manage-members-bulk-failed-decided = Веќе е одлучено: повеќе не чека одобрување.
manage-members-bulk-failed-conflict = Членот веќе има друго важечко членство.
manage-members-bulk-failed-forbidden = Немате право да ја одобрите.
manage-members-bulk-failed-other = Неочекувана грешка; обидете се повторно.
manage-members-bulk-back = Назад кон пријавите
manage-members-directory-title = Именик на членовите на { $host }
manage-members-directory-intro = Ова е именикот точно како што го гледаат членовите: активни членови што избрале да бидат наведени, само со јавни податоци.
manage-members-directory-empty = Сè уште ниеден член не избрал да биде наведен.
manage-members-directory-since = Член од { $date }
manage-members-types-title = Видови членство на { $host }
manage-members-types-table = Видови членство
manage-members-types-none = Сè уште нема видови членство.
manage-members-types-owners-only = Видовите членство можат да ги менуваат само сопствениците на организацијата.
manage-members-type-new = Нов вид членство
manage-members-type-new-title = Нов вид членство
manage-members-type-edit-title = Измена на видот членство
manage-members-type-edit = Измени: { $name }
manage-members-type-name = Назив
manage-members-type-name-hint = На барем еден јазик; членовите го гледаат на својот кога е наведен.
manage-members-type-duration = Траење
manage-members-type-duration-hint = Во месеци; оставете празно за доживотно членство.
manage-members-type-duration-invalid = Внесете цел број месеци или оставете празно.
manage-members-type-months = { $count ->
    [one] { $count } месец
   *[other] { $count } месеци
}
manage-members-type-lifetime = Доживотно
manage-members-type-approval = Одобрување
manage-members-type-approval-label = Пријавите мора да ги одобри персоналот
manage-members-type-fee = Годишна членарина
manage-members-type-fee-hint = Се евидентира и прикажува, никогаш не се наплатува; на пример 25.00. Оставете празно ако ја нема.
manage-members-type-currency = Валута
manage-members-type-currency-hint = Три букви, на пример EUR или RSD; потребна со членарината.
manage-members-type-create = Создај вид членство
manage-members-type-save = Зачувај ги промените
manage-members-type-open = Отворено
manage-members-type-retired = Повлечено
manage-members-type-retire = Повлечи: { $name }
manage-members-type-retire-title = Повлекување на видот членство: { $name }
manage-members-type-retire-intro = Повлечениот вид не прима нови пријави. Членствата од овој вид остануваат какви што се и сè уште можат да се обновуваат. Подоцна можете повторно да го отворите.
manage-members-type-retire-confirm = Да, повлечи: { $name }
manage-members-type-retire-confirm-needed = Штиклирајте го полето за потврда.
manage-members-type-reopen = Повторно отвори: { $name }
manage-members-yes = Да
manage-members-no = Не
manage-members-notice-type-created = Видот членство е создаден.
manage-members-notice-type-saved = Видот членство е зачуван.
manage-members-notice-type-retired = Видот членство е повлечен: не прима нови пријави.
manage-members-notice-type-reopened = Видот членство е повторно отворен за пријави.
