common-skip = Preskoči na vsebino
common-nav-label = Glavni meni
common-nav-events = Dogodki
common-nav-my-registrations = Moje prijave
common-nav-my-memberships = Moja članstva
common-nav-profile = Moj račun
common-nav-sign-out = Odjava
common-nav-sign-in = Prijava
common-nav-sign-up = Ustvari račun
common-language = Jezik
common-language-apply = Zamenjaj jezik
common-footer = Kolo: članstvo in dogodki za kulturne organizacije
common-footer-api = API za razvijalce
common-back-home = Nazaj na dogodke
common-results = { $count ->
    [one] { $count } zadetek
    [two] { $count } zadetka
    [few] { $count } zadetki
   *[other] { $count } zadetkov
}
common-pager-label = Strani
common-pager-previous = Prejšnja stran
common-pager-next = Naslednja stran
common-page-of = Stran { $page } od { $pages }
common-form-invalid = Nekatera polja je treba popraviti. Označena so spodaj.
common-field-required = Izpolnite to polje.
common-field-too-long = Predolgo je (največ { $max } znakov).
common-field-email = Vpišite e-poštni naslov, na primer ime@primer.org.
common-field-invalid = Ta vrednost ni veljavna.
common-error-400-title = Tega ni bilo mogoče narediti
common-error-400-text = Nekaj v zahtevi ni bilo v redu. Vrnite se in poskusite znova.
common-error-403-title = Ni dovoljeno
common-error-403-text = Nimate dovoljenja za ogled te strani ali za to dejanje.
common-error-404-title = Strani ni mogoče najti
common-error-404-text = Na tem naslovu ni strani. Morda je bila odstranjena ali povezava ni popolna.
common-error-409-title = To ni uspelo
common-error-409-text = Tega trenutno ni mogoče narediti. Osvežite stran in poskusite znova.
common-error-413-text = Poslano je preveliko.
common-error-429-title = Preveč poskusov
common-error-429-text = Pred novim poskusom počakajte nekaj minut.
common-error-500-title = Nekaj je šlo narobe
common-error-500-text = Kolo tega ni moglo dokončati. Nič od vnesenega ni izgubljeno; poskusite znova čez trenutek.
common-error-503-title = Kolo je zasedeno
common-error-503-text = Storitev je za kratek čas nedosegljiva. Poskusite znova čez trenutek.
common-error-csrf-title = Ta obrazec je potekel
common-error-csrf-text = Zaradi vaše varnosti obrazec ni bil sprejet. Vrnite se, osvežite stran in ga pošljite znova.
