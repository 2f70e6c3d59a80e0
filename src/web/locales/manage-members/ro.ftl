manage-members-title = Membrii { $host }
manage-members-nav-label = Pagini despre membri
manage-members-nav-members = Membri
manage-members-nav-applications = Cereri
manage-members-nav-types = Tipuri de membru
manage-members-nav-directory = Anuar
manage-members-filters-title = Filtre
manage-members-filter-search = Nume, e-mail sau organizație
manage-members-filter-status = Stare
manage-members-filter-type = Tip de membru
manage-members-filter-kind = Persoană sau organizație
manage-members-filter-country = Țară
manage-members-filter-expiring = Expiră în următoarele (zile)
manage-members-filter-expiring-hint = De exemplu 30: calitățile de membru active care expiră în următoarele 30 de zile.
manage-members-filter-any = Oricare
manage-members-filter-choose = Alegeți…
manage-members-filter-apply = Afișează
manage-members-filter-clear = Șterge filtrele
manage-members-expiring-invalid = Introduceți un număr de zile, de exemplu 30.
manage-members-count = { $count ->
    [one] { $count } calitate de membru
    [few] { $count } calități de membru
   *[other] { $count } de calități de membru
}
manage-members-csv = Descarcă ca foaie de calcul (CSV)
manage-members-none = Nicio calitate de membru nu corespunde acestor filtre.
manage-members-table = Calități de membru
manage-members-col-member = Membru
manage-members-col-name = Nume
manage-members-col-email = E-mail
manage-members-col-kind = Tip de membru (persoană sau organizație)
manage-members-col-type = Tip de membru
manage-members-col-status = Stare
manage-members-col-applied = Cerere depusă la
manage-members-col-starts = De la
manage-members-col-ends = Până la
manage-members-col-applicant-note = Nota solicitantului
manage-members-col-reason = Notă pentru membru
manage-members-col-select = Selectare
manage-members-col-actions = Acțiuni
manage-members-col-why = Motiv
manage-members-kind-person = Persoană
manage-members-kind-organisation = Organizație
manage-members-status-pending = Așteaptă aprobarea
manage-members-status-active = Activă
manage-members-status-expired = Expirată
manage-members-status-rejected = Neacceptată
manage-members-status-cancelled = Încheiată
manage-members-representatives = Reprezentanți
manage-members-representatives-of = Persoanele care reprezintă { $name }
manage-members-representatives-none = Această organizație nu are reprezentanți.
manage-members-decide-title = Decizia privind cererea
manage-members-note = Notă pentru solicitant (opțional)
manage-members-note-hint = Se trimite solicitantului împreună cu decizia.
manage-members-approve = Aprobă
manage-members-approve-one = Aprobă: { $name }
manage-members-reject = Respinge
manage-members-reject-one = Respinge: { $name }
manage-members-reject-title = Respingerea cererii: { $name }
manage-members-reject-intro = Solicitantul primește un e-mail că cererea nu a fost acceptată, cu nota dumneavoastră dacă scrieți una. Acțiunea nu poate fi anulată; solicitantul poate depune din nou o cerere.
manage-members-reject-confirm = Da, respinge cererea: { $name }
manage-members-reject-confirm-needed = Bifați căsuța pentru a confirma respingerea.
manage-members-keep = Înapoi fără modificări
manage-members-decided-already = Această calitate de membru s-a schimbat între timp și nu mai poate fi decisă astfel. Starea ei actuală este afișată mai jos.
manage-members-notice-approved = Calitatea de membru este aprobată. Membrul primește un e-mail.
manage-members-notice-rejected = Cererea este respinsă. Solicitantul primește un e-mail.
manage-members-renew-title = Reînnoire
manage-members-renew-intro = Reînnoirea prelungește calitatea de membru cu încă o perioadă a tipului său, de la sfârșitul actual (sau de azi, dacă a expirat). Membrul primește un e-mail.
manage-members-renew = Reînnoiește calitatea de membru
manage-members-renew-lifetime = O calitate de membru pe viață nu trebuie reînnoită.
manage-members-renew-not-now = Această calitate de membru nu poate fi reînnoită în starea actuală.
manage-members-notice-renewed = Calitatea de membru este reînnoită.
manage-members-back = Toți membrii
manage-members-applications-title = Cereri de aderare la { $host }
manage-members-applications-count = { $count ->
    [one] { $count } cerere în așteptare
    [few] { $count } cereri în așteptare
   *[other] { $count } de cereri în așteptare
}
manage-members-applications-none = Nicio cerere nu este în așteptare.
manage-members-applications-table = Cereri care așteaptă aprobarea
manage-members-select-one = Selectează: { $name }
manage-members-bulk-selected = Aprobă cererile selectate
manage-members-bulk-page = { $count ->
    [one] Aprobă { $count } cerere de pe această pagină
    [few] Aprobă toate cele { $count } cereri de pe această pagină
   *[other] Aprobă toate cele { $count } de cereri de pe această pagină
}
manage-members-bulk-none = Selectați cel puțin o cerere.
manage-members-bulk-title = Aprobarea cererilor
manage-members-bulk-approved = { $count ->
    [one] { $count } calitate de membru aprobată.
    [few] { $count } calități de membru aprobate.
   *[other] { $count } de calități de membru aprobate.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } cerere nu a putut fi aprobată:
    [few] { $count } cereri nu au putut fi aprobate:
   *[other] { $count } de cereri nu au putut fi aprobate:
}
manage-members-bulk-failures = Cereri neaprobate
manage-members-bulk-failed-gone = Nu a fost găsită printre calitățile de membru ale acestei organizații.
manage-members-bulk-failed-decided = S-a decis deja: nu mai așteaptă aprobarea.
manage-members-bulk-failed-conflict = Membrul are deja o altă calitate de membru valabilă.
manage-members-bulk-failed-forbidden = Nu aveți dreptul să o aprobați.
manage-members-bulk-failed-other = O eroare neașteptată; încercați din nou.
manage-members-bulk-back = Înapoi la cereri
manage-members-directory-title = Anuarul membrilor { $host }
manage-members-directory-intro = Acesta este anuarul exact așa cum îl văd membrii: membrii activi care au ales să fie listați, doar cu date publice.
manage-members-directory-empty = Niciun membru nu a ales încă să fie listat.
manage-members-directory-since = Membru din { $date }
manage-members-types-title = Tipurile de membru ale { $host }
manage-members-types-table = Tipuri de membru
manage-members-types-none = Nu există încă tipuri de membru.
manage-members-types-owners-only = Doar proprietarii organizației pot modifica tipurile de membru.
manage-members-type-new = Tip de membru nou
manage-members-type-new-title = Tip de membru nou
manage-members-type-edit-title = Modificarea tipului de membru
manage-members-type-edit = Modifică: { $name }
manage-members-type-name = Denumire
manage-members-type-name-hint = În cel puțin o limbă; membrii o văd în limba lor, când este dată.
manage-members-type-duration = Durată
manage-members-type-duration-hint = În luni; lăsați gol pentru calitate de membru pe viață.
manage-members-type-duration-invalid = Introduceți un număr întreg de luni sau lăsați gol.
manage-members-type-months = { $count ->
    [one] { $count } lună
    [few] { $count } luni
   *[other] { $count } de luni
}
manage-members-type-lifetime = Pe viață
manage-members-type-approval = Aprobare
manage-members-type-approval-label = Cererile trebuie aprobate de echipă
manage-members-type-fee = Cotizație anuală
manage-members-type-fee-hint = Înregistrată și afișată, niciodată încasată; de exemplu 25.00. Lăsați gol dacă nu există.
manage-members-type-currency = Monedă
manage-members-type-currency-hint = Trei litere, de exemplu EUR sau RSD; necesară împreună cu o cotizație.
manage-members-type-create = Creează tipul de membru
manage-members-type-save = Salvează modificările
manage-members-type-open = Deschis
manage-members-type-retired = Retras
manage-members-type-retire = Retrage: { $name }
manage-members-type-retire-title = Retragerea tipului de membru: { $name }
manage-members-type-retire-intro = Un tip retras nu mai primește cereri noi. Calitățile de membru de acest tip rămân cum sunt și pot fi în continuare reînnoite. Îl puteți redeschide mai târziu.
manage-members-type-retire-confirm = Da, retrage: { $name }
manage-members-type-retire-confirm-needed = Bifați căsuța pentru confirmare.
manage-members-type-reopen = Redeschide: { $name }
manage-members-yes = Da
manage-members-no = Nu
manage-members-notice-type-created = Tipul de membru a fost creat.
manage-members-notice-type-saved = Tipul de membru a fost salvat.
manage-members-notice-type-retired = Tipul de membru a fost retras: nu mai primește cereri noi.
manage-members-notice-type-reopened = Tipul de membru este din nou deschis pentru cereri.
