//! The rules the server applies to each input field, as data: `input_schema` writes them into
//! the OpenAPI document, so that what the document allows is what the server accepts
//! (Schemathesis checks both directions in CI).
//!
//! utoipa's attributes take only literals, and the limits live in `caps` and in the closed sets
//! of values each feature defines; these tables refer to those, so the document cannot drift
//! from the code. A test checks that every row still names a real property or parameter.

use crate::caps;

/// What one property or parameter accepts.
#[derive(Clone)]
pub enum Rule {
    /// Non-blank text of at most this many characters.
    Text(usize),
    /// Text of at most this many characters; blank means none.
    OptionalText(usize),
    /// Used as given (tokens, passwords): only the length is checked here.
    Chars {
        min: usize,
        max: usize,
    },
    OneOf(Vec<&'static str>),
    Slug,
    Email,
    Country,
    Locale,
    TimeZone,
    DateTime,
    Date,
    /// An RFC 3339 time or a date (list filters).
    DateOrDateTime,
    Website,
    OnlineUrl,
    Currency,
    Fee,
    Int {
        min: i64,
        max: i64,
    },
    /// Locale tag → text; `at_least_one` needs one entry; `nullable` lets `null` remove one.
    Texts {
        max: usize,
        at_least_one: bool,
        nullable: bool,
    },
    /// At most this many items or entries.
    AtMost(usize),
    /// Any string without U+0000 (search words, names to look up).
    FreeText,
    /// A string matching a pattern, of at most this many characters.
    Matches(&'static str, usize),
    /// An array of integers within bounds, at most `items` of them.
    Ints {
        items: usize,
        min: i64,
        max: i64,
    },
}

fn page_rules() -> [(&'static str, Rule); 2] {
    [
        (
            "page",
            Rule::Int {
                min: 1,
                max: crate::http::pagination::MAX_PAGE,
            },
        ),
        (
            "per_page",
            Rule::Int {
                min: 1,
                max: crate::http::pagination::MAX_PER_PAGE,
            },
        ),
    ]
}

const ORGANISATION: &[&str] = &["CreateOrganisation", "UpdateOrganisation"];
const EVENT: &[&str] = &["CreateEvent", "UpdateEvent"];
const MEMBERSHIP_TYPE: &[&str] = &["CreateMembershipType", "UpdateMembershipType"];
const QUESTION: &[&str] = &["QuestionInput", "QuestionPatch"];

/// (schema, property, rule) for request bodies.
#[rustfmt::skip]
pub fn body_rules() -> Vec<(&'static str, &'static str, Rule)> {
    use crate::events::model as events;
    use crate::members::model::{MemberKind, MembershipAction, OrgKind};
    use Rule::*;
    let org_kinds = || OneOf(OrgKind::ALL.iter().map(|k| k.as_str()).collect());
    let member_kinds = || OneOf(MemberKind::ALL.iter().map(|k| k.as_str()).collect());
    let event_kinds = || OneOf(events::KINDS.to_vec());
    let question_kinds = || OneOf(crate::registrations::questions::KINDS.to_vec());
    let visibilities = || OneOf(events::VISIBILITIES.to_vec());
    let password = || Chars { min: crate::auth::passwords::MIN_LENGTH, max: caps::PASSWORD };
    let token = || Chars { min: 0, max: caps::TOKEN };
    let content = |max, at_least_one, nullable| Texts { max, at_least_one, nullable };
    let reminders = || Ints { items: 5, min: 1, max: 24 * 60 };
    let rows: Vec<(&[&str], &str, Rule)> = vec![
        (&["RegisterRequest"], "email", Email),
        (&["RegisterRequest"], "password", password()),
        (&["RegisterRequest"], "full_name", Text(caps::NAME)),
        (&["RegisterRequest"], "locale", Locale),
        (&["LoginRequest"], "email", Chars { min: 0, max: caps::EMAIL }),
        (&["LoginRequest"], "password", Chars { min: 0, max: caps::PASSWORD }),
        (&["TokenRequest"], "token", token()),
        (&["RefreshRequest"], "refresh_token", token()),
        (&["PasswordResetRequest"], "email", Chars { min: 0, max: caps::EMAIL }),
        (&["PasswordResetConfirm"], "token", token()),
        (&["PasswordResetConfirm"], "password", password()),
        (&["UpdateMe"], "full_name", Text(caps::NAME)),
        (&["UpdateMe"], "locale", Locale),
        (&["UpdateMe"], "country", Country),
        (&["DeleteMe"], "password", Chars { min: 0, max: caps::PASSWORD }),
        (&["CreateOrganisation"], "slug", Slug),
        (ORGANISATION, "name", Text(caps::NAME)),
        (ORGANISATION, "kind", org_kinds()),
        (ORGANISATION, "country", Country),
        (ORGANISATION, "city", Text(caps::CITY)),
        (ORGANISATION, "website", Website),
        (ORGANISATION, "email", Email),
        (ORGANISATION, "description", content(caps::DESCRIPTION, false, false)),
        (&["AddStaff"], "email", Email),
        (&["AddStaff"], "role", OneOf(vec!["owner", "organiser"])),
        (&["AddRepresentative"], "email", Email),
        (MEMBERSHIP_TYPE, "name", content(caps::NAME, true, false)),
        (&["CreateMembershipType"], "member_kind", member_kinds()),
        (MEMBERSHIP_TYPE, "duration_months", Int { min: 1, max: 120 }),
        (MEMBERSHIP_TYPE, "annual_fee", Fee),
        (MEMBERSHIP_TYPE, "currency", Currency),
        (&["ApplyForMembership"], "organisation_slug", Slug),
        (&["ApplyForMembership"], "note", Text(caps::NOTE)),
        (&["UpdateMembership"], "action", OneOf(MembershipAction::ALL.iter().map(|a| a.as_str()).collect())),
        (&["UpdateMembership"], "reason", Text(caps::REASON)),
        (&["CreateEvent"], "organisation", Slug),
        (EVENT, "kind", event_kinds()),
        (EVENT, "starts_at", DateTime),
        (EVENT, "ends_at", DateTime),
        (EVENT, "timezone", TimeZone),
        (&["CreateEvent"], "title", content(caps::TITLE, true, false)),
        (EVENT, "summary", content(caps::SUMMARY, false, true)),
        (EVENT, "description", content(caps::DESCRIPTION, false, true)),
        (EVENT, "default_locale", Locale),
        (EVENT, "visibility", visibilities()),
        (EVENT, "venue_name", OptionalText(caps::VENUE)),
        (EVENT, "address", OptionalText(caps::ADDRESS)),
        (EVENT, "city", OptionalText(caps::CITY)),
        (EVENT, "country", Country),
        (EVENT, "online_url", OnlineUrl),
        (EVENT, "capacity", Int { min: 0, max: i32::MAX.into() }),
        (EVENT, "seats_per_organisation", Int { min: 1, max: i32::MAX.into() }),
        (EVENT, "registration_opens_at", DateTime),
        (EVENT, "registration_closes_at", DateTime),
        (EVENT, "partners", AtMost(caps::PARTNERS_PER_EVENT)),
        (EVENT, "reminder_offsets_hours", reminders()),
        (&["UpdateEvent"], "title", content(caps::TITLE, false, true)),
        (&["PartnerInput"], "organisation_slug", Slug),
        (&["PartnerInput"], "role", OneOf(events::PARTNER_ROLES.to_vec())),
        (&["CancelEvent"], "reason", Text(caps::REASON)),
        (&["MessageRequest"], "subject", Text(caps::MESSAGE_SUBJECT)),
        (&["MessageRequest"], "body", Text(caps::MESSAGE_BODY)),
        (QUESTION, "kind", question_kinds()),
        (QUESTION, "label", content(caps::QUESTION_LABEL, true, false)),
        (QUESTION, "choices", AtMost(caps::CHOICES_PER_QUESTION)),
        (&["ChoiceInput"], "label", content(caps::QUESTION_LABEL, true, false)),
        (&["EventRegistrationRequest"], "answers", AtMost(caps::QUESTIONS_PER_EVENT)),
        (&["EventRegistrationRequest"], "person_email", Email),
        (&["EventRegistrationRequest"], "organisation", Slug),
        (&["GuestInput"], "name", Text(caps::NAME)),
        (&["GuestInput"], "email", Email),
        (&["GuestInput"], "locale", Locale),
        (&["CheckInByCode"], "code", token()),
        (&["ConfirmGuestRequest"], "token", token()),
        (&["UnsubscribeRequest"], "token", token()),
    ];
    // A row for several schemas (a create body and its update) stands for one row each.
    rows.into_iter()
        .flat_map(|(schemas, field, rule)| schemas.iter().map(move |s| (*s, field, rule.clone())))
        .collect()
}

/// (path or "*" for every operation, parameter, rule) for query parameters.
pub fn query_rules() -> Vec<(&'static str, &'static str, Rule)> {
    use crate::events::model as events;
    use crate::members::model::{MemberKind, MembershipStatus, OrgKind};
    use Rule::*;
    let [page, per_page] = page_rules();
    let mut rules = vec![
        ("*", page.0, page.1),
        ("*", per_page.0, per_page.1),
        ("/api/v1/events", "kind", OneOf(events::KINDS.to_vec())),
        ("/api/v1/events", "from", DateOrDateTime),
        ("/api/v1/events", "to", DateOrDateTime),
        ("/api/v1/events", "country", Country),
        ("/api/v1/events", "lang", Locale),
        ("/api/v1/events", "q", Chars { min: 0, max: 100 }),
        ("/api/v1/events", "org", FreeText),
        ("/api/v1/events", "city", FreeText),
        (
            "/api/v1/events/{id}/registrations",
            "organisation",
            FreeText,
        ),
        ("/api/v1/events/{id}/registrations", "q", FreeText),
        ("/api/v1/organisations", "q", FreeText),
        ("/api/v1/organisations/{slug}/memberships", "q", FreeText),
        ("/api/v1/events/{id}", "lang", Locale),
        ("/api/v1/events/{id}", "translations", OneOf(vec!["all"])),
        (
            "/api/v1/events/{id}/registrations",
            "status",
            OneOf(crate::registrations::model::STATUSES.to_vec()),
        ),
        (
            "/api/v1/events/{id}/registrations",
            "format",
            OneOf(vec!["json", "csv"]),
        ),
        (
            "/api/v1/organisations",
            "kind",
            OneOf(OrgKind::ALL.iter().map(|k| k.as_str()).collect()),
        ),
        ("/api/v1/organisations", "country", Country),
        (
            "/api/v1/organisations/{slug}/memberships",
            "status",
            OneOf(MembershipStatus::ALL.iter().map(|s| s.as_str()).collect()),
        ),
        (
            "/api/v1/organisations/{slug}/memberships",
            "member_kind",
            OneOf(MemberKind::ALL.iter().map(|k| k.as_str()).collect()),
        ),
        (
            "/api/v1/organisations/{slug}/memberships",
            "country",
            Country,
        ),
        (
            "/api/v1/organisations/{slug}/memberships",
            "expires_before",
            Date,
        ),
        (
            "/api/v1/organisations/{slug}/memberships",
            "format",
            OneOf(vec!["json", "csv"]),
        ),
        (
            "/api/v1/organisations/{slug}/audit",
            "action",
            Matches(crate::http::input_schema::ACTION_PREFIX, 100),
        ),
        ("/api/v1/organisations/{slug}/audit", "since", DateTime),
        ("/api/v1/organisations/{slug}/audit", "until", DateTime),
        (
            "/api/v1/unsubscribe",
            "token",
            Chars {
                min: 0,
                max: caps::TOKEN,
            },
        ),
    ];
    // The calendar feed takes the list's filters.
    let feed: Vec<_> = rules
        .iter()
        .filter(|(path, ..)| *path == "/api/v1/events")
        .map(|(_, name, rule)| ("/api/v1/events.ics", *name, rule.clone()))
        .collect();
    rules.extend(feed);
    rules
}
