messages-title = Write to registrants
messages-limit = Messages left for this event today: { $remaining } of { $limit }.
messages-limit-reached = This event has sent as many messages as it may in 24 hours. Please try again later.
messages-audience = Who receives it
messages-audience-all = Everyone registered (confirmed and waitlisted)
messages-audience-confirmed = Confirmed
messages-audience-waitlisted = Waitlisted
messages-audience-checked-in = Checked in
messages-languages-hint = Each person reads the message in their own language when you write one; otherwise in the event's main language.
messages-required = required
messages-subject = Subject
messages-body = Message
messages-field-required = Fill in both the subject and the message.
messages-preview = Preview
messages-roster-link = The roster
messages-preview-title = Preview the message
messages-counts = Counts
messages-count-recipients = Will receive it
messages-count-unsubscribed = Opted out of messages
messages-count-remaining = Messages left today
messages-readers = { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
}
messages-nobody = Nobody in this group will receive the message.
messages-send = { $count ->
    [one] Send to { $count } person
   *[other] Send to { $count } people
}
messages-edit = Edit
messages-notice-sent = The message is on its way.
