manage-home-nav = Manage
manage-home-title = Manage
manage-home-empty = You are not on the staff of any organisation yet. When an owner of an organisation adds you to its staff, its events and members appear here.
manage-home-empty-link = Browse events
manage-home-role-owner = Owner
manage-home-role-organiser = Organiser
manage-home-role-admin = Platform admin
manage-home-host-links = Pages of { $name }
manage-home-org-nav = Managing { $name }
manage-home-nav-dashboard = Dashboard
manage-home-nav-new-event = New event
manage-home-nav-members = Members
manage-home-nav-staff = Staff
manage-home-nav-audit = Audit log
manage-home-pending-memberships = { $count ->
    [one] { $count } membership waiting for approval
   *[other] { $count } memberships waiting for approval
}
manage-home-expiring-memberships = { $count ->
    [one] { $count } membership expiring in the next 30 days
   *[other] { $count } memberships expiring in the next 30 days
}
manage-home-no-events = No upcoming events.
manage-home-events-caption = Next events of { $name }
manage-home-col-event = Event
manage-home-col-when = When
manage-home-col-confirmed = Confirmed / capacity
manage-home-col-waitlisted = Waitlisted
manage-home-col-pending = Guests not yet confirmed
manage-home-col-checked-in = Checked in
manage-home-col-actions = Actions
manage-home-draft = Draft
manage-home-untitled = (untitled)
manage-home-roster = Roster
manage-home-checkin = Check-in
manage-home-outbox-title = Undelivered email
manage-home-outbox-total = { $count ->
    [one] { $count } message could not be delivered.
   *[other] { $count } messages could not be delivered.
}
manage-home-outbox-caption = The latest undelivered messages
manage-home-outbox-recipient = Recipient
manage-home-outbox-template = Message
manage-home-outbox-created = Written
manage-home-outbox-attempts = Attempts
manage-home-outbox-error = Last error
manage-home-outbox-retry = Send again
manage-home-outbox-retry-for = Send the message to { $recipient } again
manage-home-notice-retried = The message is queued to be sent again.
manage-home-staff-title = Staff of { $name }
manage-home-staff-caption = Owners and organisers of { $name }
manage-home-staff-read-only = Only owners can change the staff.
manage-home-staff-name = Name
manage-home-staff-email = Email
manage-home-staff-email-hint = The email of an existing Kolo account.
manage-home-staff-role = Role
manage-home-staff-since = Since
manage-home-staff-make-owner = Make owner
manage-home-staff-make-owner-for = Make { $name } an owner
manage-home-staff-make-organiser = Make organiser
manage-home-staff-make-organiser-for = Make { $name } an organiser
manage-home-staff-remove = Remove from staff
manage-home-staff-remove-for = Remove { $name } from the staff
manage-home-staff-add-title = Add a person to the staff
manage-home-staff-add = Add to staff
manage-home-staff-no-account = No account has this email. Ask the person to sign up first.
manage-home-staff-email-invalid = Enter a valid email address.
manage-home-staff-last-owner = This is the organisation's last owner. Add another owner first.
manage-home-staff-not-host = This organisation does not host events, so it has no staff.
manage-home-staff-conflict = This change is not possible right now.
manage-home-staff-remove-title = Remove { $name } from the staff
manage-home-staff-remove-text = { $name } will no longer manage the events and members of { $org }.
manage-home-staff-remove-confirm = Yes, remove this person from the staff
manage-home-staff-remove-confirm-needed = Tick the box to confirm the removal.
manage-home-back-to-staff = Back to the staff
manage-home-notice-staff-added = The person is now on the staff.
manage-home-notice-staff-role = The role is changed.
manage-home-notice-staff-removed = The person is removed from the staff.
manage-home-audit-title = Audit log of { $name }
manage-home-audit-caption = Audit log of { $name }, newest first
manage-home-audit-action = Action
manage-home-audit-action-hint = An action code or its beginning, such as membership. or event.published
manage-home-audit-from = From
manage-home-audit-to = To
manage-home-audit-filter = Filter
manage-home-audit-clear = Clear the filters
manage-home-audit-date-invalid = Enter a date as YYYY-MM-DD.
manage-home-audit-total = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
manage-home-audit-when = When
manage-home-audit-actor = Who
manage-home-audit-subject = Subject
manage-home-audit-before = Before
manage-home-audit-after = After
manage-home-audit-system = System
