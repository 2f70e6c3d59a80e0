//! The data set: the demo network (`kolo demo-data`), plus verified people and published
//! events written straight into the tables, as `tests/api/fixtures.rs` does.

use chrono::Duration;
use diesel::prelude::*;
use kolo::auth::tokens::JwtKeys;
use kolo::config::Settings;
use kolo::db::schema::{event_contents, events, organisations, people, registrations, staff_roles};
use kolo::db::{write_tx, AnyConnection};
use kolo::i18n::Locale;
use kolo::notify::outbox::{self, OutgoingEmail};

/// The HMAC key of the bench's access tokens, given to the server too.
pub const JWT_SECRET: &str = "kolo-bench-secret-not-for-production-0123456789";
/// The password of every bench and demo account.
pub const PASSWORD: &str = kolo::events::demo::DEMO_PASSWORD;

/// What the scenarios need to address.
pub struct Dataset {
    /// Published public events with plenty of seats, for reads and registrations.
    pub events: Vec<i64>,
    /// A workshop of `RUSH_SEATS` seats with a waitlist.
    pub rush_event: i64,
    /// Access tokens of verified people (registrations), signed like the server signs them.
    pub tokens: Vec<String>,
    /// Emails of verified people with `PASSWORD` (logins).
    pub logins: Vec<String>,
    /// The organisers' event (`--only organisers`), if built.
    pub organiser: Option<Organiser>,
}

/// An event with `ROSTER_SIZE` confirmed registrations and an organiser of its host.
pub struct Organiser {
    pub event: i64,
    /// `kolo_session=<secret>`: a browser session of the organiser (a `web_sessions` row, as
    /// `POST /signin` makes it).
    pub cookie: std::sync::Arc<str>,
    /// The organiser's access token, for the JSON API.
    pub token: String,
    /// The registrations' check-in codes, each unique.
    pub codes: Vec<String>,
}

pub const ROSTER_SIZE: usize = 1_000;

pub const RUSH_SEATS: i32 = 100;

/// The settings the bench and the server share; the server gets them as `KOLO__` variables.
pub fn settings(database_url: &str) -> anyhow::Result<Settings> {
    let dir = crate::server::project_dir().join("config");
    let mut settings = Settings::load_from(&dir, "development", false)?;
    settings.database.url = database_url.to_owned();
    settings.auth.jwt_secret = JWT_SECRET.to_owned();
    settings.auth.access_ttl_secs = 3600;
    Ok(settings)
}

/// The demo network, `people` verified people and `events` public events.
pub fn load(
    conn: &mut AnyConnection,
    settings: &Settings,
    people_count: usize,
    event_count: usize,
    organisers: bool,
) -> anyhow::Result<Dataset> {
    // One argon2 hash shared by every account: hashing per person would take minutes.
    let hash = kolo::auth::passwords::hash(PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let demo = kolo::events::demo::load(conn, &hash)?;
    let keys = JwtKeys::new(&settings.auth);
    write_tx(conn, |conn| -> anyhow::Result<Dataset> {
        let hosts: Vec<i64> = organisations::table
            .filter(organisations::hosts_events.eq(true))
            .order(organisations::id)
            .select(organisations::id)
            .load(conn)?;
        anyhow::ensure!(!hosts.is_empty(), "the demo data has no host organisation");
        let now = kolo::db::now();
        let mut tokens = Vec::with_capacity(people_count);
        let mut person_ids = Vec::with_capacity(people_count);
        let mut logins = demo.people.clone();
        for i in 0..people_count {
            let email = format!("bench{i}@example.org");
            let locale = Locale::ALL[i % Locale::ALL.len()].tag();
            let id: i64 = diesel::insert_into(people::table)
                .values((
                    people::email.eq(&email),
                    people::password_hash.eq(&hash),
                    people::full_name.eq(format!("Bench Person {i}")),
                    people::search_text.eq(format!("bench person {i}")),
                    people::locale.eq(locale),
                    people::email_verified_at.eq(Some(now)),
                    people::created_at.eq(now),
                    people::updated_at.eq(now),
                ))
                .returning(people::id)
                .get_result(conn)?;
            person_ids.push(id);
            tokens.push(keys.issue(id).map_err(|e| anyhow::anyhow!("{e}"))?);
            if i < 100 {
                logins.push(email);
            }
        }
        let mut ids = Vec::with_capacity(event_count);
        for i in 0..event_count {
            let host = hosts[i % hosts.len()];
            ids.push(event(conn, host, i, Some(5_000))?);
        }
        let rush_event = event(conn, hosts[0], event_count, Some(RUSH_SEATS))?;
        let organiser = if organisers {
            Some(organiser(conn, &keys, hosts[0], &person_ids, &hash)?)
        } else {
            None
        };
        Ok(Dataset {
            events: ids,
            rush_event,
            tokens,
            logins,
            organiser,
        })
    })
}

/// An organiser of `host` (a staff role, a browser session, a token) and an event of `host`
/// with `ROSTER_SIZE` confirmed registrations of bench people, written as
/// `registrations::register` writes them (status, code, seats taken).
fn organiser(
    conn: &mut AnyConnection,
    keys: &JwtKeys,
    host: i64,
    person_ids: &[i64],
    hash: &str,
) -> anyhow::Result<Organiser> {
    anyhow::ensure!(
        person_ids.len() >= ROSTER_SIZE,
        "fewer people than the roster"
    );
    let now = kolo::db::now();
    let id: i64 = diesel::insert_into(people::table)
        .values((
            people::email.eq("bench-organiser@example.org"),
            people::password_hash.eq(hash),
            people::full_name.eq("Bench Organiser"),
            people::search_text.eq("bench organiser"),
            people::locale.eq("sr-Latn"),
            people::email_verified_at.eq(Some(now)),
            people::created_at.eq(now),
            people::updated_at.eq(now),
        ))
        .returning(people::id)
        .get_result(conn)?;
    diesel::insert_into(staff_roles::table)
        .values((
            staff_roles::organisation_id.eq(host),
            staff_roles::person_id.eq(id),
            staff_roles::role.eq("organiser"),
            staff_roles::created_at.eq(now),
        ))
        .execute(conn)?;
    let ttl = Duration::hours(12);
    let secret = kolo::auth::sessions::create(conn, id, ttl, now)?;
    let event = event(conn, host, 9_999, Some(5_000))?;
    let mut codes = Vec::with_capacity(ROSTER_SIZE);
    for (i, person) in person_ids.iter().take(ROSTER_SIZE).enumerate() {
        let code = format!("BQ{i:08}");
        diesel::insert_into(registrations::table)
            .values((
                registrations::event_id.eq(event),
                registrations::person_id.eq(Some(*person)),
                registrations::status.eq("confirmed"),
                registrations::code.eq(&code),
                registrations::answers.eq("{}"),
                registrations::locale.eq(Locale::ALL[i % Locale::ALL.len()].tag()),
                registrations::created_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        codes.push(code);
    }
    diesel::update(events::table.find(event))
        .set(events::seats_taken.eq(ROSTER_SIZE as i32))
        .execute(conn)?;
    Ok(Organiser {
        event,
        cookie: format!("{}={secret}", kolo::web::page::SESSION_COOKIE).into(),
        token: keys.issue(id).map_err(|e| anyhow::anyhow!("{e}"))?,
        codes,
    })
}

const KINDS: [&str; 5] = [
    "workshop",
    "seminar",
    "presentation",
    "exhibition",
    "meeting",
];

fn event(
    conn: &mut AnyConnection,
    host: i64,
    i: usize,
    capacity: Option<i32>,
) -> anyhow::Result<i64> {
    let now = kolo::db::now();
    let starts = now + Duration::days(1 + (i % 300) as i64) + Duration::hours((i % 9) as i64);
    let first = Locale::ALL[i % Locale::ALL.len()];
    let second = Locale::ALL[(i + 3) % Locale::ALL.len()];
    let id: i64 = diesel::insert_into(events::table)
        .values((
            events::organisation_id.eq(host),
            events::kind.eq(KINDS[i % KINDS.len()]),
            events::status.eq("published"),
            events::starts_at.eq(starts),
            events::ends_at.eq(starts + Duration::hours(3)),
            events::timezone.eq("Europe/Belgrade"),
            events::city.eq("Novi Sad"),
            events::city_fold.eq("novi sad"),
            events::country.eq("RS"),
            events::venue_name.eq("Kulturni centar"),
            events::capacity.eq(capacity),
            events::waitlist_enabled.eq(true),
            events::visibility.eq("public"),
            events::default_locale.eq(first.tag()),
            events::published_at.eq(Some(now)),
            events::created_at.eq(now),
            events::updated_at.eq(now),
        ))
        .returning(events::id)
        .get_result(conn)?;
    for locale in [first, second] {
        let title = format!("Bench event {i} ({})", locale.tag());
        let summary = "Radionica, razgovor i druženje — Работилница — Atelier — Punëtori.";
        diesel::insert_into(event_contents::table)
            .values((
                event_contents::event_id.eq(id),
                event_contents::locale.eq(locale.tag()),
                event_contents::title.eq(&title),
                event_contents::summary.eq(summary),
                event_contents::description.eq(Some(summary.repeat(6))),
                event_contents::search_text
                    .eq(kolo::i18n::fold::fold_parts(&[Some(&title), Some(summary)])),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// Queues `n` verification emails (in all ten locales) for the mail worker.
/// Drops every queued email: those the earlier scenarios queued (confirmations, the rush's
/// waitlist notices) would be drained too and blur the count of a drain.
pub fn clear_outbox(conn: &mut AnyConnection) -> anyhow::Result<()> {
    diesel::delete(kolo::db::schema::outbox::table).execute(conn)?;
    Ok(())
}

pub fn queue_emails(conn: &mut AnyConnection, n: usize, tag: &str) -> anyhow::Result<()> {
    write_tx(conn, |conn| -> anyhow::Result<()> {
        for i in 0..n {
            let email = OutgoingEmail::new(
                &format!("sink-{tag}-{i}@example.org"),
                Locale::ALL[i % Locale::ALL.len()],
                "verify_email",
                serde_json::json!({
                    "name": format!("Bench Person {i}"),
                    "link": format!("http://127.0.0.1:8080/verify-email?token=bench{tag}{i}"),
                    "hours": 24,
                }),
            );
            outbox::enqueue(conn, email)?;
        }
        Ok(())
    })
}
