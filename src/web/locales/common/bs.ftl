common-skip = Pređi na sadržaj
common-nav-label = Glavni meni
common-nav-events = Događaji
common-nav-my-registrations = Moje prijave
common-nav-my-memberships = Moja članstva
common-nav-profile = Moj račun
common-nav-sign-out = Odjava
common-nav-sign-in = Prijava
common-nav-sign-up = Otvori račun
common-language = Jezik
common-language-apply = Promijeni jezik
common-footer = Kolo: članstvo i događaji za kulturne organizacije
common-footer-api = API za programere
common-back-home = Nazad na događaje
common-results = { $count ->
    [one] { $count } rezultat
    [few] { $count } rezultata
   *[other] { $count } rezultata
}
common-pager-label = Stranice
common-pager-previous = Prethodna stranica
common-pager-next = Sljedeća stranica
common-page-of = Stranica { $page } od { $pages }
common-form-invalid = Neka polja treba ispraviti. Označena su ispod.
common-field-required = Molimo popunite ovo polje.
common-field-too-long = Predugo je (najviše { $max } znakova).
common-field-email = Unesite adresu e-pošte, npr. ime@primjer.org.
common-field-invalid = Ova vrijednost nije ispravna.
common-error-400-title = Ovo nije bilo moguće uraditi
common-error-400-text = Nešto u zahtjevu nije bilo u redu. Vratite se i pokušajte ponovo.
common-error-403-title = Nije dozvoljeno
common-error-403-text = Nemate dozvolu da vidite ovu stranicu ili da ovo uradite.
common-error-404-title = Stranica nije pronađena
common-error-404-text = Na ovoj adresi nema stranice. Možda je uklonjena ili link nije potpun.
common-error-409-title = To nije uspjelo
common-error-409-text = Ovo trenutno nije moguće. Osvježite stranicu i pokušajte ponovo.
common-error-413-text = Ono što ste poslali je preveliko.
common-error-429-title = Previše pokušaja
common-error-429-text = Sačekajte nekoliko minuta prije novog pokušaja.
common-error-500-title = Nešto nije u redu
common-error-500-text = Kolo ovo nije moglo završiti. Ništa što ste unijeli nije izgubljeno; pokušajte ponovo za trenutak.
common-error-503-title = Kolo je zauzeto
common-error-503-text = Usluga je kratko nedostupna. Pokušajte ponovo za trenutak.
common-error-csrf-title = Ovaj obrazac je istekao
common-error-csrf-text = Radi vaše sigurnosti obrazac nije prihvaćen. Vratite se, osvježite stranicu i pošaljite ga ponovo.
