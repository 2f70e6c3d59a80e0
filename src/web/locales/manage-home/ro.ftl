manage-home-nav = Administrare
manage-home-title = Administrare
manage-home-empty = Nu faceți încă parte din echipa niciunei organizații. Când un proprietar al unei organizații vă adaugă în echipă, evenimentele și membrii ei vor apărea aici.
manage-home-empty-link = Răsfoiți evenimentele
manage-home-role-owner = Proprietar
manage-home-role-organiser = Organizator
manage-home-role-admin = Administrator al platformei
manage-home-host-links = Paginile organizației { $name }
manage-home-org-nav = Administrare: { $name }
manage-home-nav-dashboard = Panou
manage-home-nav-new-event = Eveniment nou
manage-home-nav-members = Membri
manage-home-nav-staff = Echipă
manage-home-nav-audit = Jurnal de modificări
manage-home-pending-memberships = { $count ->
    [one] { $count } calitate de membru așteaptă aprobarea
    [few] { $count } calități de membru așteaptă aprobarea
   *[other] { $count } de calități de membru așteaptă aprobarea
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } calitate de membru expiră în următoarele 30 de zile
    [few] { $count } calități de membru expiră în următoarele 30 de zile
   *[other] { $count } de calități de membru expiră în următoarele 30 de zile
}
manage-home-no-events = Niciun eveniment viitor.
manage-home-events-caption = Următoarele evenimente ale organizației { $name }
manage-home-col-event = Eveniment
manage-home-col-when = Când
manage-home-col-confirmed = Confirmați / capacitate
manage-home-col-waitlisted = Pe lista de așteptare
manage-home-col-pending = Invitați neconfirmați încă
manage-home-col-checked-in = Prezenți la intrare
manage-home-col-actions = Acțiuni
manage-home-draft = Ciornă
manage-home-untitled = (fără titlu)
manage-home-roster = Lista participanților
manage-home-checkin = Intrare
manage-home-outbox-title = E-mailuri nelivrate
manage-home-outbox-total = { $count ->
    [one] { $count } mesaj nu a putut fi livrat.
    [few] { $count } mesaje nu au putut fi livrate.
   *[other] { $count } de mesaje nu au putut fi livrate.
}
manage-home-outbox-caption = Cele mai recente mesaje nelivrate
manage-home-outbox-recipient = Destinatar
manage-home-outbox-template = Mesaj
manage-home-outbox-created = Scris
manage-home-outbox-attempts = Încercări
manage-home-outbox-error = Ultima eroare
manage-home-outbox-retry = Trimite din nou
manage-home-outbox-retry-for = Trimite din nou mesajul către { $recipient }
manage-home-notice-retried = Mesajul este din nou la rând pentru trimitere.
manage-home-staff-title = Echipa organizației { $name }
manage-home-staff-caption = Proprietarii și organizatorii organizației { $name }
manage-home-staff-read-only = Doar proprietarii pot modifica echipa.
manage-home-staff-name = Nume
manage-home-staff-email = E-mail
manage-home-staff-email-hint = Adresa de e-mail a unui cont Kolo existent.
manage-home-staff-role = Rol
manage-home-staff-since = Din
manage-home-staff-make-owner = Fă proprietar
manage-home-staff-make-owner-for = Fă-l pe { $name } proprietar
manage-home-staff-make-organiser = Fă organizator
manage-home-staff-make-organiser-for = Fă-l pe { $name } organizator
manage-home-staff-remove = Elimină din echipă
manage-home-staff-remove-for = Elimină-l pe { $name } din echipă
manage-home-staff-add-title = Adăugați o persoană în echipă
manage-home-staff-add = Adaugă în echipă
manage-home-staff-no-account = Niciun cont nu are această adresă de e-mail. Rugați persoana să se înregistreze mai întâi.
manage-home-staff-email-invalid = Introduceți o adresă de e-mail validă.
manage-home-staff-last-owner = Acesta este ultimul proprietar al organizației. Adăugați mai întâi un alt proprietar.
manage-home-staff-not-host = Această organizație nu găzduiește evenimente, deci nu are echipă.
manage-home-staff-conflict = Această modificare nu este posibilă acum.
manage-home-staff-remove-title = Eliminarea lui { $name } din echipă
manage-home-staff-remove-text = { $name } nu va mai administra evenimentele și membrii organizației { $org }.
manage-home-staff-remove-confirm = Da, eliminați această persoană din echipă
manage-home-staff-remove-confirm-needed = Bifați caseta pentru a confirma eliminarea.
manage-home-back-to-staff = Înapoi la echipă
manage-home-notice-staff-added = Persoana face acum parte din echipă.
manage-home-notice-staff-role = Rolul a fost schimbat.
manage-home-notice-staff-removed = Persoana a fost eliminată din echipă.
manage-home-audit-title = Jurnalul de modificări al organizației { $name }
manage-home-audit-caption = Jurnalul de modificări al organizației { $name }, cele mai noi întâi
manage-home-audit-action = Acțiune
manage-home-audit-action-hint = Un cod de acțiune sau începutul lui, de ex. membership. sau event.published
manage-home-audit-from = De la
manage-home-audit-to = Până la
manage-home-audit-filter = Filtrează
manage-home-audit-clear = Șterge filtrele
manage-home-audit-date-invalid = Introduceți data în forma AAAA-LL-ZZ.
manage-home-audit-total = { $count ->
    [one] { $count } înregistrare
    [few] { $count } înregistrări
   *[other] { $count } de înregistrări
}
manage-home-audit-when = Când
manage-home-audit-actor = Cine
manage-home-audit-subject = Obiect
manage-home-audit-before = Înainte
manage-home-audit-after = După
manage-home-audit-system = Sistem
