manage-members-title = Members of { $host }
manage-members-nav-label = Member pages
manage-members-nav-members = Members
manage-members-nav-applications = Applications
manage-members-nav-types = Membership types
manage-members-nav-directory = Directory
manage-members-filters-title = Filters
manage-members-filter-search = Name, email or organisation
manage-members-filter-status = Status
manage-members-filter-type = Membership type
manage-members-filter-kind = Person or organisation
manage-members-filter-country = Country
manage-members-filter-expiring = Ending within (days)
manage-members-filter-expiring-hint = For example 30: active memberships that end in the next 30 days.
manage-members-filter-any = Any
manage-members-filter-choose = Choose…
manage-members-filter-apply = Show
manage-members-filter-clear = Clear the filters
manage-members-expiring-invalid = Enter a number of days, for example 30.
manage-members-count = { $count ->
    [one] { $count } membership
   *[other] { $count } memberships
}
manage-members-csv = Download as a spreadsheet (CSV)
manage-members-none = No membership matches these filters.
manage-members-table = Memberships
manage-members-col-member = Member
manage-members-col-name = Name
manage-members-col-email = Email
manage-members-col-kind = Member kind
manage-members-col-type = Membership type
manage-members-col-status = Status
manage-members-col-applied = Applied on
manage-members-col-starts = Since
manage-members-col-ends = Until
manage-members-col-applicant-note = Applicant's note
manage-members-col-reason = Note to the member
manage-members-col-select = Select
manage-members-col-actions = Actions
manage-members-col-why = Why
manage-members-kind-person = Person
manage-members-kind-organisation = Organisation
manage-members-status-pending = Waiting for approval
manage-members-status-active = Active
manage-members-status-expired = Expired
manage-members-status-rejected = Not accepted
manage-members-status-cancelled = Ended
manage-members-representatives = Representatives
manage-members-representatives-of = People who act for { $name }
manage-members-representatives-none = This organisation has no representatives.
manage-members-decide-title = Decide on the application
manage-members-note = Note to the applicant (optional)
manage-members-note-hint = It is sent to the applicant with the decision.
manage-members-approve = Approve
manage-members-approve-one = Approve { $name }
manage-members-reject = Reject
manage-members-reject-one = Reject { $name }
manage-members-reject-title = Reject the application of { $name }
manage-members-reject-intro = The applicant receives an email saying the application was not accepted, with your note if you write one. This cannot be undone; they may apply again.
manage-members-reject-confirm = Yes, reject the application of { $name }
manage-members-reject-confirm-needed = Tick the box to confirm the rejection.
manage-members-keep = Go back without changes
manage-members-decided-already = This membership has changed meanwhile and can no longer be decided this way. Its current state is shown below.
manage-members-notice-approved = The membership is approved. The member receives an email.
manage-members-notice-rejected = The application is rejected. The applicant receives an email.
manage-members-renew-title = Renewal
manage-members-renew-intro = Renewing extends the membership by one term of its type, from its current end (or from today if it has ended). The member receives an email.
manage-members-renew = Renew the membership
manage-members-renew-lifetime = A lifetime membership does not need renewing.
manage-members-renew-not-now = This membership cannot be renewed in its current state.
manage-members-notice-renewed = The membership is renewed.
manage-members-back = All members
manage-members-applications-title = Membership applications to { $host }
manage-members-applications-count = { $count ->
    [one] { $count } application waiting
   *[other] { $count } applications waiting
}
manage-members-applications-none = No application is waiting.
manage-members-applications-table = Applications waiting for approval
manage-members-select-one = Select { $name }
manage-members-bulk-selected = Approve the selected
manage-members-bulk-page = { $count ->
    [one] Approve the { $count } application on this page
   *[other] Approve all { $count } applications on this page
}
manage-members-bulk-none = Select at least one application.
manage-members-bulk-title = Approval of applications
manage-members-bulk-approved = { $count ->
    [one] { $count } membership approved.
   *[other] { $count } memberships approved.
}
manage-members-bulk-failed = { $count ->
    [one] { $count } application could not be approved:
   *[other] { $count } applications could not be approved:
}
manage-members-bulk-failures = Applications not approved
manage-members-bulk-failed-gone = Not found among this organisation's memberships.
manage-members-bulk-failed-decided = Already decided: it is no longer waiting for approval.
manage-members-bulk-failed-conflict = The member already has another live membership.
manage-members-bulk-failed-forbidden = You may not approve it.
manage-members-bulk-failed-other = An unexpected error; try again.
manage-members-bulk-back = Back to the applications
manage-members-directory-title = Directory of { $host }
manage-members-directory-intro = This is the directory exactly as members see it: active members who chose to be listed, with public details only.
manage-members-directory-empty = No member has chosen to be listed yet.
manage-members-directory-since = Member since { $date }
manage-members-types-title = Membership types of { $host }
manage-members-types-table = Membership types
manage-members-types-none = There are no membership types yet.
manage-members-types-owners-only = Only the owners of the organisation may change membership types.
manage-members-type-new = New membership type
manage-members-type-new-title = New membership type
manage-members-type-edit-title = Change the membership type
manage-members-type-edit = Change { $name }
manage-members-type-name = Name
manage-members-type-name-hint = In at least one language; members see it in theirs when it is given.
manage-members-type-duration = Duration
manage-members-type-duration-hint = In months; leave empty for a lifetime membership.
manage-members-type-duration-invalid = Enter a whole number of months, or leave it empty.
manage-members-type-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
manage-members-type-lifetime = Lifetime
manage-members-type-approval = Approval
manage-members-type-approval-label = Applications need approval by staff
manage-members-type-fee = Yearly fee
manage-members-type-fee-hint = Recorded and shown, never charged; for example 25.00. Leave empty for none.
manage-members-type-currency = Currency
manage-members-type-currency-hint = Three letters, for example EUR or RSD; needed with a fee.
manage-members-type-create = Create the membership type
manage-members-type-save = Save the changes
manage-members-type-open = Open
manage-members-type-retired = Retired
manage-members-type-retire = Retire { $name }
manage-members-type-retire-title = Retire the membership type { $name }
manage-members-type-retire-intro = A retired type takes no new applications. Memberships of this type stay as they are and can still be renewed. You can reopen it later.
manage-members-type-retire-confirm = Yes, retire { $name }
manage-members-type-retire-confirm-needed = Tick the box to confirm.
manage-members-type-reopen = Reopen { $name }
manage-members-yes = Yes
manage-members-no = No
manage-members-notice-type-created = The membership type is created.
manage-members-notice-type-saved = The membership type is saved.
manage-members-notice-type-retired = The membership type is retired: it takes no new applications.
manage-members-notice-type-reopened = The membership type is open for applications again.
