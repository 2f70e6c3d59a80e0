manage-members-title = Anëtarët e { $host }
manage-members-nav-label = Faqet e anëtarëve
manage-members-nav-members = Anëtarët
manage-members-nav-applications = Aplikimet
manage-members-nav-types = Llojet e anëtarësisë
manage-members-nav-directory = Lista e anëtarëve
manage-members-filters-title = Filtrat
manage-members-filter-search = Emri, email-i ose organizata
manage-members-filter-status = Gjendja
manage-members-filter-type = Lloji i anëtarësisë
manage-members-filter-kind = Person apo organizatë
manage-members-filter-country = Shteti
manage-members-filter-expiring = Skadon brenda (ditëve)
manage-members-filter-expiring-hint = Për shembull 30: anëtarësitë aktive që skadojnë në 30 ditët e ardhshme.
manage-members-filter-any = Çdo
manage-members-filter-choose = Zgjidhni…
manage-members-filter-apply = Shfaq
manage-members-filter-clear = Pastro filtrat
manage-members-expiring-invalid = Shkruani një numër ditësh, për shembull 30.
manage-members-count = { $count ->
    [one] { $count } anëtarësi
   *[other] { $count } anëtarësi
}
manage-members-csv = Shkarko si tabelë (CSV)
manage-members-none = Asnjë anëtarësi nuk përputhet me këta filtra.
manage-members-table = Anëtarësitë
manage-members-col-member = Anëtari
manage-members-col-name = Emri
manage-members-col-email = Email-i
manage-members-col-kind = Lloji i anëtarit
manage-members-col-type = Lloji i anëtarësisë
manage-members-col-status = Gjendja
manage-members-col-applied = Aplikuar më
manage-members-col-starts = Nga
manage-members-col-ends = Deri
manage-members-col-applicant-note = Shënimi i aplikuesit
manage-members-col-reason = Shënim për anëtarin
manage-members-col-select = Zgjedhja
manage-members-col-actions = Veprimet
manage-members-col-why = Arsyeja
manage-members-kind-person = Person
manage-members-kind-organisation = Organizatë
manage-members-status-pending = Në pritje të miratimit
manage-members-status-active = Aktive
manage-members-status-expired = E skaduar
manage-members-status-rejected = E papranuar
manage-members-status-cancelled = E përfunduar
manage-members-representatives = Përfaqësuesit
manage-members-representatives-of = Personat që përfaqësojnë { $name }
manage-members-representatives-none = Kjo organizatë nuk ka përfaqësues.
manage-members-decide-title = Vendimi për aplikimin
manage-members-note = Shënim për aplikuesin (opsional)
manage-members-note-hint = I dërgohet aplikuesit bashkë me vendimin.
manage-members-approve = Mirato
manage-members-approve-one = Mirato: { $name }
manage-members-reject = Refuzo
manage-members-reject-one = Refuzo: { $name }
manage-members-reject-title = Refuzimi i aplikimit: { $name }
manage-members-reject-intro = Aplikuesi merr një email që aplikimi nuk u pranua, me shënimin tuaj nëse shkruani një. Kjo nuk mund të zhbëhet; aplikuesi mund të aplikojë përsëri.
manage-members-reject-confirm = Po, refuzo aplikimin: { $name }
manage-members-reject-confirm-needed = Shënoni kutinë për të konfirmuar refuzimin.
manage-members-keep = Kthehu pa ndryshime
manage-members-decided-already = Kjo anëtarësi ka ndryshuar ndërkohë dhe nuk mund të vendoset më në këtë mënyrë. Gjendja e saj aktuale shfaqet më poshtë.
manage-members-notice-approved = Anëtarësia u miratua. Anëtari merr një email.
manage-members-notice-rejected = Aplikimi u refuzua. Aplikuesi merr një email.
manage-members-renew-title = Rinovimi
manage-members-renew-intro = Rinovimi e zgjat anëtarësinë me një periudhë të llojit të saj, nga përfundimi aktual (ose nga sot, nëse ka skaduar). Anëtari merr një email.
manage-members-renew = Rinovo anëtarësinë
manage-members-renew-lifetime = Një anëtarësi e përjetshme nuk ka nevojë për rinovim.
manage-members-renew-not-now = Kjo anëtarësi nuk mund të rinovohet në gjendjen aktuale.
manage-members-notice-renewed = Anëtarësia u rinovua.
manage-members-back = Të gjithë anëtarët
manage-members-applications-title = Aplikimet për anëtarësi në { $host }
manage-members-applications-count = { $count ->
    [one] { $count } aplikim në pritje
   *[other] { $count } aplikime në pritje
}
manage-members-applications-none = Asnjë aplikim nuk është në pritje.
manage-members-applications-table = Aplikimet në pritje të miratimit
manage-members-select-one = Zgjidh: { $name }
manage-members-bulk-selected = Mirato të zgjedhurat
manage-members-bulk-page = { $count ->
    [one] Mirato { $count } aplikim në këtë faqe
   *[other] Mirato të gjitha { $count } aplikimet në këtë faqe
}
manage-members-bulk-none = Zgjidhni të paktën një aplikim.
manage-members-bulk-title = Miratimi i aplikimeve
manage-members-bulk-approved = { $count ->
    [one] U miratua { $count } anëtarësi.
   *[other] U miratuan { $count } anëtarësi.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } aplikim nuk mund të miratohej:
   *[other] { $count } aplikime nuk mund të miratoheshin:
}
manage-members-bulk-failures = Aplikimet e pamiratuara
manage-members-bulk-failed-gone = Nuk u gjet ndër anëtarësitë e kësaj organizate.
manage-members-bulk-failed-decided = Është vendosur tashmë: nuk është më në pritje të miratimit.
manage-members-bulk-failed-conflict = Anëtari ka tashmë një anëtarësi tjetër të vlefshme.
manage-members-bulk-failed-forbidden = Nuk keni të drejtë ta miratoni.
manage-members-bulk-failed-other = Gabim i papritur; provoni përsëri.
manage-members-bulk-back = Kthehu te aplikimet
manage-members-directory-title = Lista e anëtarëve të { $host }
manage-members-directory-intro = Kjo është lista pikërisht siç e shohin anëtarët: anëtarët aktivë që kanë zgjedhur të shfaqen, vetëm me të dhëna publike.
manage-members-directory-empty = Asnjë anëtar nuk ka zgjedhur ende të shfaqet.
manage-members-directory-since = Anëtar që nga { $date }
manage-members-types-title = Llojet e anëtarësisë së { $host }
manage-members-types-table = Llojet e anëtarësisë
manage-members-types-none = Ende nuk ka lloje anëtarësie.
manage-members-types-owners-only = Vetëm pronarët e organizatës mund t'i ndryshojnë llojet e anëtarësisë.
manage-members-type-new = Lloj i ri anëtarësie
manage-members-type-new-title = Lloj i ri anëtarësie
manage-members-type-edit-title = Ndryshimi i llojit të anëtarësisë
manage-members-type-edit = Ndrysho: { $name }
manage-members-type-name = Emërtimi
manage-members-type-name-hint = Të paktën në një gjuhë; anëtarët e shohin në gjuhën e tyre kur jepet.
manage-members-type-duration = Kohëzgjatja
manage-members-type-duration-hint = Në muaj; lëreni bosh për anëtarësi të përjetshme.
manage-members-type-duration-invalid = Shkruani një numër të plotë muajsh ose lëreni bosh.
manage-members-type-months = { $count ->
    [one] { $count } muaj
   *[other] { $count } muaj
}
manage-members-type-lifetime = E përjetshme
manage-members-type-approval = Miratimi
manage-members-type-approval-label = Aplikimet duhet të miratohen nga stafi
manage-members-type-fee = Kuota vjetore
manage-members-type-fee-hint = Regjistrohet dhe shfaqet, nuk arkëtohet kurrë; për shembull 25.00. Lëreni bosh nëse nuk ka.
manage-members-type-currency = Monedha
manage-members-type-currency-hint = Tri shkronja, për shembull EUR ose RSD; e nevojshme me kuotën.
manage-members-type-create = Krijo llojin e anëtarësisë
manage-members-type-save = Ruaj ndryshimet
manage-members-type-open = I hapur
manage-members-type-retired = I tërhequr
manage-members-type-retire = Tërhiq: { $name }
manage-members-type-retire-title = Tërheqja e llojit të anëtarësisë: { $name }
manage-members-type-retire-intro = Një lloj i tërhequr nuk pranon aplikime të reja. Anëtarësitë e këtij lloji mbeten siç janë dhe mund të rinovohen ende. Mund ta rihapni më vonë.
manage-members-type-retire-confirm = Po, tërhiq: { $name }
manage-members-type-retire-confirm-needed = Shënoni kutinë për të konfirmuar.
manage-members-type-reopen = Rihap: { $name }
manage-members-yes = Po
manage-members-no = Jo
manage-members-notice-type-created = Lloji i anëtarësisë u krijua.
manage-members-notice-type-saved = Lloji i anëtarësisë u ruajt.
manage-members-notice-type-retired = Lloji i anëtarësisë u tërhoq: nuk pranon aplikime të reja.
manage-members-notice-type-reopened = Lloji i anëtarësisë u rihap për aplikime.
