common-skip = Prijeđi na sadržaj
common-nav-label = Glavni izbornik
common-nav-events = Događanja
common-nav-my-registrations = Moje prijave
common-nav-my-memberships = Moja članstva
common-nav-profile = Moj račun
common-nav-sign-out = Odjava
common-nav-sign-in = Prijava
common-nav-sign-up = Otvori račun
common-language = Jezik
common-language-apply = Promijeni jezik
common-footer = Kolo: članstvo i događanja za kulturne organizacije
common-footer-api = API za programere
common-back-home = Natrag na događanja
common-results = { $count ->
    [one] { $count } rezultat
    [few] { $count } rezultata
   *[other] { $count } rezultata
}
common-pager-label = Stranice
common-pager-previous = Prethodna stranica
common-pager-next = Sljedeća stranica
common-page-of = Stranica { $page } od { $pages }
common-form-invalid = Neka polja treba ispraviti. Označena su u nastavku.
common-field-required = Molimo ispunite ovo polje.
common-field-too-long = Predugačko je (najviše { $max } znakova).
common-field-email = Upišite adresu e-pošte, primjerice ime@primjer.org.
common-field-invalid = Ova vrijednost nije ispravna.
common-error-400-title = Ovo nije bilo moguće učiniti
common-error-400-text = Nešto u zahtjevu nije bilo u redu. Vratite se i pokušajte ponovno.
common-error-403-title = Nije dopušteno
common-error-403-text = Nemate dopuštenje vidjeti ovu stranicu ili to učiniti.
common-error-404-title = Stranica nije pronađena
common-error-404-text = Na ovoj adresi nema stranice. Možda je uklonjena ili poveznica nije potpuna.
common-error-409-title = To nije uspjelo
common-error-409-text = To trenutačno nije moguće. Osvježite stranicu i pokušajte ponovno.
common-error-413-text = Ono što ste poslali je preveliko.
common-error-429-title = Previše pokušaja
common-error-429-text = Pričekajte nekoliko minuta prije novog pokušaja.
common-error-500-title = Nešto nije u redu
common-error-500-text = Kolo to nije moglo dovršiti. Ništa što ste unijeli nije izgubljeno; pokušajte ponovno za trenutak.
common-error-503-title = Kolo je zauzeto
common-error-503-text = Usluga je nakratko nedostupna. Pokušajte ponovno za trenutak.
common-error-csrf-title = Ovaj je obrazac istekao
common-error-csrf-text = Radi vaše sigurnosti obrazac nije prihvaćen. Vratite se, osvježite stranicu i pošaljite ga ponovno.
