common-skip = Pređi na sadržaj
common-nav-label = Glavni meni
common-nav-events = Događaji
common-nav-my-registrations = Moje prijave
common-nav-my-memberships = Moja članstva
common-nav-profile = Moj nalog
common-nav-sign-out = Odjava
common-nav-sign-in = Prijava
common-nav-sign-up = Napravi nalog
common-language = Jezik
common-language-apply = Promeni jezik
common-footer = Kolo: članstvo i događaji za kulturne organizacije
common-footer-api = API za programere
common-back-home = Nazad na događaje
common-results = { $count ->
    [one] { $count } rezultat
    [few] { $count } rezultata
   *[other] { $count } rezultata
}
common-pager-label = Stranice
common-pager-previous = Prethodna strana
common-pager-next = Sledeća strana
common-page-of = Strana { $page } od { $pages }
common-form-invalid = Neka polja treba ispraviti. Označena su ispod.
common-field-required = Molimo popunite ovo polje.
common-field-too-long = Predugačko je (najviše { $max } znakova).
common-field-email = Unesite adresu e-pošte, na primer ime@primer.org.
common-field-invalid = Ova vrednost nije ispravna.
common-error-400-title = Ovo nije moglo da se uradi
common-error-400-text = Nešto u zahtevu nije bilo u redu. Vratite se i pokušajte ponovo.
common-error-403-title = Nije dozvoljeno
common-error-403-text = Nemate dozvolu da vidite ovu stranu ili da ovo uradite.
common-error-404-title = Strana nije pronađena
common-error-404-text = Na ovoj adresi nema strane. Možda je uklonjena ili link nije potpun.
common-error-409-title = To nije uspelo
common-error-409-text = Ovo trenutno ne može da se uradi. Osvežite stranu i pokušajte ponovo.
common-error-413-text = Ono što ste poslali je preveliko.
common-error-429-title = Previše pokušaja
common-error-429-text = Sačekajte nekoliko minuta pre nego što pokušate ponovo.
common-error-500-title = Nešto nije u redu
common-error-500-text = Kolo nije moglo da završi ovo. Ništa što ste uneli nije izgubljeno; pokušajte ponovo za trenutak.
common-error-503-title = Kolo je zauzeto
common-error-503-text = Usluga je nakratko nedostupna. Pokušajte ponovo za trenutak.
common-error-csrf-title = Ovaj formular je istekao
common-error-csrf-text = Radi vaše bezbednosti formular nije prihvaćen. Vratite se, osvežite stranu i pošaljite ga ponovo.
