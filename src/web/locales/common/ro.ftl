common-skip = Salt la conținut
common-nav-label = Meniul principal
common-nav-events = Evenimente
common-nav-my-registrations = Înscrierile mele
common-nav-my-memberships = Calitățile mele de membru
common-nav-profile = Contul meu
common-nav-sign-out = Deconectare
common-nav-sign-in = Conectare
common-nav-sign-up = Creează un cont
common-language = Limba
common-language-apply = Schimbă limba
common-footer = Kolo: membri și evenimente pentru organizațiile culturale
common-footer-api = API pentru dezvoltatori
common-back-home = Înapoi la evenimente
common-results = { $count ->
    [one] { $count } rezultat
    [few] { $count } rezultate
   *[other] { $count } de rezultate
}
common-pager-label = Pagini
common-pager-previous = Pagina anterioară
common-pager-next = Pagina următoare
common-page-of = Pagina { $page } din { $pages }
common-form-invalid = Unele câmpuri trebuie corectate. Sunt marcate mai jos.
common-field-required = Vă rugăm să completați acest câmp.
common-field-too-long = Este prea lung (cel mult { $max } de caractere).
common-field-email = Introduceți o adresă de e-mail, de exemplu nume@exemplu.org.
common-field-invalid = Această valoare nu este validă.
common-error-400-title = Acest lucru nu a putut fi făcut
common-error-400-text = Ceva din cerere nu a fost în regulă. Reveniți și încercați din nou.
common-error-403-title = Nu este permis
common-error-403-text = Nu aveți permisiunea să vedeți această pagină sau să faceți acest lucru.
common-error-404-title = Pagina nu a fost găsită
common-error-404-text = La această adresă nu există nicio pagină. Poate a fost eliminată sau linkul este incomplet.
common-error-409-title = Nu a reușit
common-error-409-text = Acest lucru nu se poate face acum. Reîncărcați pagina și încercați din nou.
common-error-413-text = Ce ați trimis este prea mare.
common-error-429-title = Prea multe încercări
common-error-429-text = Așteptați câteva minute înainte de a încerca din nou.
common-error-500-title = Ceva nu a mers bine
common-error-500-text = Kolo nu a putut termina acest lucru. Nimic din ce ați introdus nu s-a pierdut; încercați din nou peste puțin timp.
common-error-503-title = Kolo este ocupat
common-error-503-text = Serviciul este indisponibil pentru scurt timp. Încercați din nou peste puțin timp.
common-error-csrf-title = Acest formular a expirat
common-error-csrf-text = Pentru siguranța dumneavoastră formularul nu a fost acceptat. Reveniți, reîncărcați pagina și trimiteți-l din nou.
