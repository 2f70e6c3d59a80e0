common-skip = Пређи на садржај
common-nav-label = Главни мени
common-nav-events = Догађаји
common-nav-my-registrations = Моје пријаве
common-nav-my-memberships = Моја чланства
common-nav-profile = Мој налог
common-nav-sign-out = Одјава
common-nav-sign-in = Пријава
common-nav-sign-up = Направи налог
common-language = Језик
common-language-apply = Промени језик
common-footer = Коло: чланство и догађаји за културне организације
common-footer-api = API за програмере
common-back-home = Назад на догађаје
common-results = { $count ->
    [one] { $count } резултат
    [few] { $count } резултата
   *[other] { $count } резултата
}
common-pager-label = Странице
common-pager-previous = Претходна страна
common-pager-next = Следећа страна
common-page-of = Страна { $page } од { $pages }
common-form-invalid = Нека поља треба исправити. Означена су испод.
common-field-required = Молимо попуните ово поље.
common-field-too-long = Предугачко је (највише { $max } знакова).
common-field-email = Унесите адресу е-поште, на пример ime@primer.org.
common-field-invalid = Ова вредност није исправна.
common-error-400-title = Ово није могло да се уради
common-error-400-text = Нешто у захтеву није било у реду. Вратите се и покушајте поново.
common-error-403-title = Није дозвољено
common-error-403-text = Немате дозволу да видите ову страну или да ово урадите.
common-error-404-title = Страна није пронађена
common-error-404-text = На овој адреси нема стране. Можда је уклоњена или линк није потпун.
common-error-409-title = То није успело
common-error-409-text = Ово тренутно не може да се уради. Освежите страну и покушајте поново.
common-error-413-text = Оно што сте послали је превелико.
common-error-429-title = Превише покушаја
common-error-429-text = Сачекајте неколико минута пре него што покушате поново.
common-error-500-title = Нешто није у реду
common-error-500-text = Коло није могло да заврши ово. Ништа што сте унели није изгубљено; покушајте поново за тренутак.
common-error-503-title = Коло је заузето
common-error-503-text = Услуга је накратко недоступна. Покушајте поново за тренутак.
common-error-csrf-title = Овај формулар је истекао
common-error-csrf-text = Ради ваше безбедности формулар није прихваћен. Вратите се, освежите страну и пошаљите га поново.
