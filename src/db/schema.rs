// One schema for both backends: every type here maps to the same Rust type on SQLite and
// PostgreSQL. Keep it in step with migrations/{sqlite,postgres}; a test compares the two.

diesel::table! {
    people (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Text,
        full_name -> Text,
        locale -> Text,
        country -> Nullable<Text>,
        is_admin -> Bool,
        email_verified_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        anonymised_at -> Nullable<Timestamp>,
        /// `i18n::fold::fold(full_name)`, written with the row.
        search_text -> Text,
    }
}

diesel::table! {
    email_tokens (id) {
        id -> BigInt,
        person_id -> BigInt,
        purpose -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    web_sessions (id) {
        id -> BigInt,
        person_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        person_id -> BigInt,
        family_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        rotated_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        recipient -> Text,
        locale -> Text,
        template -> Text,
        data -> Text,
        dedupe_key -> Nullable<Text>,
        reply_to -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        organisation_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    organisations (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        kind -> Text,
        country -> Text,
        city -> Nullable<Text>,
        website -> Nullable<Text>,
        email -> Nullable<Text>,
        description -> Text,
        hosts_events -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// `i18n::fold::fold(name)`, written with the row.
        search_text -> Text,
    }
}

diesel::table! {
    staff_roles (id) {
        id -> BigInt,
        organisation_id -> BigInt,
        person_id -> BigInt,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    representatives (id) {
        id -> BigInt,
        organisation_id -> BigInt,
        person_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    membership_types (id) {
        id -> BigInt,
        organisation_id -> BigInt,
        name -> Text,
        member_kind -> Text,
        duration_months -> Nullable<Integer>,
        requires_approval -> Bool,
        annual_fee_cents -> Nullable<BigInt>,
        currency -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> BigInt,
        host_id -> BigInt,
        type_id -> BigInt,
        person_id -> Nullable<BigInt>,
        member_organisation_id -> Nullable<BigInt>,
        status -> Text,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
        note -> Nullable<Text>,
        decision_reason -> Nullable<Text>,
        directory_visible -> Bool,
        applied_by -> Nullable<BigInt>,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        organisation_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        kind -> Text,
        status -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        timezone -> Text,
        venue_name -> Nullable<Text>,
        address -> Nullable<Text>,
        city -> Nullable<Text>,
        country -> Nullable<Text>,
        online_url -> Nullable<Text>,
        capacity -> Nullable<Integer>,
        seats_taken -> Integer,
        waitlist_enabled -> Bool,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        visibility -> Text,
        default_locale -> Text,
        guests_allowed -> Bool,
        seats_per_organisation -> Nullable<Integer>,
        reminder_offsets_hours -> Nullable<Text>,
        cancel_reason -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// `i18n::fold::fold(city)`, written with the row.
        city_fold -> Nullable<Text>,
        revision -> Integer,
    }
}

diesel::table! {
    event_contents (id) {
        id -> BigInt,
        event_id -> BigInt,
        locale -> Text,
        title -> Nullable<Text>,
        summary -> Nullable<Text>,
        description -> Nullable<Text>,
        search_text -> Text,
    }
}

diesel::table! {
    event_partners (id) {
        id -> BigInt,
        event_id -> BigInt,
        organisation_id -> BigInt,
        role -> Text,
        position -> Integer,
    }
}

diesel::table! {
    rate_limit_buckets (bucket) {
        bucket -> Text,
        tat_us -> BigInt,
        allowed -> Bool,
    }
}

diesel::table! {
    registrations (id) {
        id -> BigInt,
        event_id -> BigInt,
        person_id -> Nullable<BigInt>,
        guest_name -> Nullable<Text>,
        guest_email -> Nullable<Text>,
        organisation_id -> Nullable<BigInt>,
        registered_by -> Nullable<BigInt>,
        status -> Text,
        waitlisted_at -> Nullable<Timestamp>,
        code -> Text,
        answers -> Text,
        locale -> Text,
        confirm_token_hash -> Nullable<Text>,
        confirm_expires_at -> Nullable<Timestamp>,
        checked_in_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        anonymised_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    event_questions (id) {
        id -> BigInt,
        event_id -> BigInt,
        position -> Integer,
        kind -> Text,
        required -> Bool,
        label -> Text,
        choices -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> BigInt,
        person_id -> BigInt,
        idempotency_key -> Text,
        request_hash -> Text,
        response_status -> Integer,
        response_body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    unsubscribes (id) {
        id -> BigInt,
        email -> Text,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    event_messages (id) {
        id -> BigInt,
        event_id -> BigInt,
        sent_by -> Nullable<BigInt>,
        subject -> Text,
        body -> Text,
        audience -> Text,
        recipients -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        organisation_id -> Nullable<BigInt>,
        actor_person_id -> Nullable<BigInt>,
        action -> Text,
        subject_type -> Text,
        subject_id -> BigInt,
        before -> Nullable<Text>,
        after -> Nullable<Text>,
        request_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(email_tokens -> people (person_id));
diesel::joinable!(refresh_tokens -> people (person_id));
diesel::joinable!(web_sessions -> people (person_id));
diesel::joinable!(staff_roles -> people (person_id));
diesel::joinable!(staff_roles -> organisations (organisation_id));
diesel::joinable!(representatives -> people (person_id));
diesel::joinable!(representatives -> organisations (organisation_id));
diesel::joinable!(membership_types -> organisations (organisation_id));
diesel::joinable!(memberships -> membership_types (type_id));
diesel::joinable!(events -> organisations (organisation_id));
diesel::joinable!(event_contents -> events (event_id));
diesel::joinable!(event_partners -> events (event_id));
diesel::joinable!(event_partners -> organisations (organisation_id));
diesel::joinable!(registrations -> events (event_id));
diesel::joinable!(registrations -> people (person_id));
diesel::joinable!(event_questions -> events (event_id));
diesel::joinable!(idempotency_keys -> people (person_id));
diesel::joinable!(event_messages -> events (event_id));
diesel::joinable!(audit_log -> people (actor_person_id));

diesel::allow_tables_to_appear_in_same_query!(
    people,
    email_tokens,
    refresh_tokens,
    web_sessions,
    outbox,
    organisations,
    staff_roles,
    representatives,
    membership_types,
    memberships,
    events,
    event_contents,
    event_partners,
    registrations,
    event_questions,
    idempotency_keys,
    unsubscribes,
    event_messages,
    audit_log,
);
