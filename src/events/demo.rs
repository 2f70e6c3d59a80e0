//! `kolo demo-data`: a small but realistic network of the South-East European independent
//! cultural scene (fictional), so the API has something to show. Only for an empty database.

use chrono::{Duration, NaiveDateTime, Timelike};
use diesel::prelude::*;

use crate::auth::model::NewPerson;
use crate::db::schema::{
    events, membership_types, memberships, organisations, registrations, representatives,
    staff_roles,
};
use crate::db::AnyConnection;
use crate::events::model::*;
use crate::events::store;
use crate::i18n::Locale;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// (slug, name, kind, country, city, hosts events)
const ORGANISATIONS: [(&str, &str, &str, &str, &str, bool); 9] = [
    (
        "kc-grad",
        "Kulturni centar Grad",
        "cultural_centre",
        "RS",
        "Beograd",
        true,
    ),
    (
        "nova-iskra",
        "Udruženje Nova Iskra",
        "association",
        "RS",
        "Novi Sad",
        true,
    ),
    (
        "fabrica-de-cultura",
        "Fabrica de Cultură",
        "cultural_centre",
        "RO",
        "Timișoara",
        true,
    ),
    (
        "qendra-kulturore-tirana",
        "Qendra Kulturore Tirana",
        "association",
        "AL",
        "Tirana",
        true,
    ),
    (
        "mreza-kultura-jug",
        "Mreža Kultura Jug",
        "network",
        "MK",
        "Skopje",
        true,
    ),
    (
        "teatar-mladih",
        "Teatar mladih",
        "association",
        "BA",
        "Sarajevo",
        false,
    ),
    (
        "fondacija-most",
        "Fondacija Most",
        "company",
        "HR",
        "Zagreb",
        false,
    ),
    ("radio-talas", "Radio Talas", "company", "RS", "Niš", false),
    (
        "univerzitet-umetnosti",
        "Univerzitet umetnosti",
        "university",
        "RS",
        "Beograd",
        false,
    ),
];

/// (email, name, locale)
const PEOPLE: [(&str, &str, &str); 12] = [
    (
        "jelena.markovic@demo.kolo.example",
        "Jelena Marković",
        "sr-Latn",
    ),
    (
        "milos.jovanovic@demo.kolo.example",
        "Милош Јовановић",
        "sr-Cyrl",
    ),
    ("ioana.popescu@demo.kolo.example", "Ioana Popescu", "ro"),
    ("arben.hoxha@demo.kolo.example", "Arben Hoxha", "sq"),
    (
        "elena.stojanovska@demo.kolo.example",
        "Елена Стојановска",
        "mk",
    ),
    ("ivana.kovac@demo.kolo.example", "Ivana Kovač", "hr"),
    ("amir.hadzic@demo.kolo.example", "Amir Hadžić", "bs"),
    ("ana.petrovic@demo.kolo.example", "Ana Petrović", "sr-Latn"),
    (
        "dragan.nikolic@demo.kolo.example",
        "Драган Николић",
        "sr-Cyrl",
    ),
    ("maria.ionescu@demo.kolo.example", "Maria Ionescu", "ro"),
    ("blerta.krasniqi@demo.kolo.example", "Blerta Krasniqi", "sq"),
    ("tomas.novak@demo.kolo.example", "Tomas Novak", "en"),
];

/// What was made, for the summary the command prints.
#[derive(Debug, Default)]
pub struct Summary {
    pub organisations: usize,
    pub people: Vec<String>,
    pub events: usize,
}

struct Demo<'a> {
    conn: &'a mut AnyConnection,
    now: NaiveDateTime,
    orgs: Vec<i64>,
    people: Vec<i64>,
    summary: Summary,
}

/// A demo event: (kind, host index, day offset, hour, hours long, capacity, texts).
struct Spec<'s> {
    kind: &'s str,
    host: usize,
    day: i64,
    hour: u32,
    hours: i64,
    capacity: Option<i32>,
    members_only: bool,
    default_locale: Locale,
    texts: &'s [(Locale, &'s str, &'s str)],
}

/// Fills an empty database. Fails, changing nothing, if any organisation exists.
pub fn load(conn: &mut AnyConnection, password_hash: &str) -> anyhow::Result<Summary> {
    crate::db::write_tx(conn, |conn| -> anyhow::Result<Summary> {
        let existing: i64 = organisations::table.count().get_result(conn)?;
        anyhow::ensure!(
            existing == 0,
            "the database already has {existing} organisation(s); demo data only goes into an empty database"
        );
        let now = crate::db::now();
        let today = now.date().and_hms_opt(0, 0, 0).unwrap_or(now);
        let mut demo = Demo {
            conn,
            now: today,
            orgs: Vec::new(),
            people: Vec::new(),
            summary: Summary::default(),
        };
        demo.organisations(now)?;
        demo.people(password_hash, now)?;
        demo.roles(now)?;
        demo.events()?;
        Ok(demo.summary)
    })
}

impl Demo<'_> {
    fn organisations(&mut self, now: NaiveDateTime) -> anyhow::Result<()> {
        for (slug, name, kind, country, city, hosts) in ORGANISATIONS {
            let id = diesel::insert_into(organisations::table)
                .values((
                    organisations::slug.eq(slug),
                    organisations::name.eq(name),
                    organisations::search_text.eq(crate::i18n::fold::fold(name)),
                    organisations::kind.eq(kind),
                    organisations::country.eq(country),
                    organisations::city.eq(city),
                    organisations::description.eq("{}"),
                    organisations::hosts_events.eq(hosts),
                    organisations::created_at.eq(now),
                    organisations::updated_at.eq(now),
                ))
                .returning(organisations::id)
                .get_result::<i64>(self.conn)?;
            self.orgs.push(id);
        }
        self.summary.organisations = self.orgs.len();
        Ok(())
    }

    fn people(&mut self, password_hash: &str, now: NaiveDateTime) -> anyhow::Result<()> {
        for (email, name, locale) in PEOPLE {
            let person = crate::auth::store::insert_person(
                self.conn,
                &NewPerson {
                    email,
                    password_hash,
                    full_name: name,
                    locale,
                    country: None,
                    is_admin: false,
                    email_verified_at: Some(now),
                    created_at: now,
                    updated_at: now,
                },
            )?;
            self.people.push(person.id);
            self.summary.people.push(email.to_owned());
        }
        Ok(())
    }

    /// Owners and organisers for each host, membership types and members (people and organisations).
    fn roles(&mut self, now: NaiveDateTime) -> anyhow::Result<()> {
        for host in 0..5 {
            for (person, role) in [(host, "owner"), (host + 5, "organiser")] {
                diesel::insert_into(staff_roles::table)
                    .values((
                        staff_roles::organisation_id.eq(self.orgs[host]),
                        staff_roles::person_id.eq(self.people[person]),
                        staff_roles::role.eq(role),
                        staff_roles::created_at.eq(now),
                    ))
                    .execute(self.conn)?;
            }
            let mut types = Vec::new();
            for (name, kind, months, fee) in [
                (
                    r#"{"en":"Individual member","sr-Latn":"Individualni član"}"#,
                    "person",
                    Some(12),
                    Some(2000_i64),
                ),
                (
                    r#"{"en":"Member organisation","sr-Latn":"Organizacija članica"}"#,
                    "organisation",
                    None,
                    Some(10000_i64),
                ),
            ] {
                let id = diesel::insert_into(membership_types::table)
                    .values((
                        membership_types::organisation_id.eq(self.orgs[host]),
                        membership_types::name.eq(name),
                        membership_types::member_kind.eq(kind),
                        membership_types::duration_months.eq(months),
                        membership_types::requires_approval.eq(kind == "organisation"),
                        membership_types::annual_fee_cents.eq(fee),
                        membership_types::currency.eq("EUR"),
                        membership_types::created_at.eq(now),
                        membership_types::updated_at.eq(now),
                    ))
                    .returning(membership_types::id)
                    .get_result::<i64>(self.conn)?;
                types.push(id);
            }
            let members = [
                (Some(self.people[10]), None, types[0]),
                (Some(self.people[11]), None, types[0]),
                (None, Some(self.orgs[5 + host % 4]), types[1]),
            ];
            for (person, org, type_id) in members {
                diesel::insert_into(memberships::table)
                    .values((
                        memberships::host_id.eq(self.orgs[host]),
                        memberships::type_id.eq(type_id),
                        memberships::person_id.eq(person),
                        memberships::member_organisation_id.eq(org),
                        memberships::status.eq("active"),
                        memberships::starts_on.eq(now.date()),
                        memberships::ends_on.eq(person.map(|_| now.date() + Duration::days(365))),
                        memberships::directory_visible.eq(true),
                        memberships::created_at.eq(now),
                        memberships::updated_at.eq(now),
                    ))
                    .execute(self.conn)?;
            }
        }
        for (org, person) in [(5, 6), (6, 5), (7, 7), (8, 8)] {
            diesel::insert_into(representatives::table)
                .values((
                    representatives::organisation_id.eq(self.orgs[org]),
                    representatives::person_id.eq(self.people[person]),
                    representatives::created_at.eq(now),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    fn event(&mut self, spec: &Spec, parent: Option<i64>) -> anyhow::Result<Event> {
        let (venue, city, country, tz) = match spec.host {
            0 => ("Velika sala", "Beograd", "RS", "Europe/Belgrade"),
            1 => ("Magacin", "Novi Sad", "RS", "Europe/Belgrade"),
            2 => ("Hala Fabrica", "Timișoara", "RO", "Europe/Bucharest"),
            3 => ("Salla e Zezë", "Tirana", "AL", "Europe/Tirane"),
            _ => ("Мала сала", "Skopje", "MK", "Europe/Skopje"),
        };
        let starts = self.now + Duration::days(spec.day) + Duration::hours(i64::from(spec.hour));
        let starts = starts.with_minute(0).unwrap_or(starts);
        let event = store::insert_event(
            self.conn,
            &NewEvent {
                organisation_id: self.orgs[spec.host],
                parent_id: parent,
                kind: spec.kind.into(),
                status: STATUS_DRAFT.into(),
                starts_at: starts,
                ends_at: starts + Duration::hours(spec.hours),
                timezone: tz.into(),
                venue_name: Some(venue.into()),
                address: None,
                city: Some(city.into()),
                country: Some(country.into()),
                online_url: None,
                capacity: spec.capacity,
                waitlist_enabled: true,
                registration_opens_at: None,
                registration_closes_at: None,
                visibility: if spec.members_only {
                    "members_only"
                } else {
                    "public"
                }
                .into(),
                default_locale: spec.default_locale.tag().into(),
                guests_allowed: !spec.members_only,
                seats_per_organisation: None,
                reminder_offsets_hours: None,
                created_by: Some(self.people[spec.host]),
                created_at: self.now,
                updated_at: self.now,
            },
        )?;
        let contents: Vec<NewContent> = spec
            .texts
            .iter()
            .map(|(locale, title, summary)| NewContent {
                event_id: event.id,
                locale: locale.tag().into(),
                title: Some((*title).into()),
                summary: Some((*summary).into()),
                description: None,
                search_text: crate::i18n::fold::fold_parts(&[Some(*title), Some(*summary)]),
            })
            .collect();
        store::replace_contents(self.conn, event.id, &contents)?;
        self.summary.events += 1;
        Ok(store::publish(self.conn, event.id, self.now)?)
    }

    fn events(&mut self) -> anyhow::Result<()> {
        use Locale::*;
        let conference = self.event(
            &Spec {
                kind: "conference",
                host: 4,
                day: 30,
                hour: 7,
                hours: 58,
                capacity: Some(150),
                members_only: false,
                default_locale: Mk,
                texts: &[
                    (
                        Mk,
                        "Конференција за независна култура на Балканот",
                        "Три дена разговори, работилници и мрежење.",
                    ),
                    (
                        En,
                        "Balkan Independent Culture Conference",
                        "Three days of talks, workshops and networking.",
                    ),
                    (
                        SrCyrl,
                        "Конференција о независној култури Балкана",
                        "Три дана разговора, радионица и умрежавања.",
                    ),
                ],
            },
            None,
        )?;
        let partners = [(6, "funder"), (7, "media"), (0, "co_organiser")];
        let rows: Vec<NewPartner> = partners
            .iter()
            .enumerate()
            .map(|(i, (org, role))| NewPartner {
                event_id: conference.id,
                organisation_id: self.orgs[*org],
                role: (*role).into(),
                position: i as i32,
            })
            .collect();
        store::replace_partners(self.conn, conference.id, &rows)?;
        for (day, hour, title_en, title_mk) in [
            (
                30,
                9,
                "Workshop: writing funding applications",
                "Работилница: пишување апликации",
            ),
            (
                31,
                10,
                "Workshop: community radio",
                "Работилница: локално радио",
            ),
            (
                32,
                9,
                "Workshop: open data for culture",
                "Работилница: отворени податоци",
            ),
        ] {
            self.event(
                &Spec {
                    kind: "workshop",
                    host: 4,
                    day,
                    hour,
                    hours: 3,
                    capacity: Some(25),
                    members_only: false,
                    default_locale: Mk,
                    texts: &[
                        (Mk, title_mk, "Во рамки на конференцијата."),
                        (En, title_en, "Part of the conference."),
                    ],
                },
                Some(conference.id),
            )?;
        }
        let full = self.event(
            &Spec {
                kind: "workshop",
                host: 1,
                day: 12,
                hour: 16,
                hours: 3,
                capacity: Some(8),
                members_only: false,
                default_locale: SrLatn,
                texts: &[
                    (
                        SrLatn,
                        "Radionica sitoštampe",
                        "Naučite da štampate plakate i majice; mesta su ograničena.",
                    ),
                    (
                        En,
                        "Screen printing workshop",
                        "Learn to print posters and T-shirts; places are limited.",
                    ),
                ],
            },
            None,
        )?;
        self.fill(full.id, 8, 2)?;
        self.event(
            &Spec {
                kind: "meeting",
                host: 0,
                day: 20,
                hour: 17,
                hours: 2,
                capacity: None,
                members_only: true,
                default_locale: SrCyrl,
                texts: &[(
                    SrCyrl,
                    "Годишња скупштина чланова",
                    "Извештај о раду, финансије и избор управног одбора.",
                )],
            },
            None,
        )?;
        let many: [(&str, usize, i64, Locale, &str, &str); 20] = [
            (
                "exhibition",
                0,
                3,
                SrCyrl,
                "Изложба: Град после поноћи",
                "Фотографије ноћног Београда.",
            ),
            (
                "presentation",
                0,
                9,
                SrLatn,
                "Predstavljanje knjige „Ljudi sa periferije”",
                "Razgovor sa autorkom i čitanje odlomaka.",
            ),
            (
                "seminar",
                0,
                40,
                En,
                "Seminar on cultural policy in the Western Balkans",
                "Researchers and practitioners compare notes.",
            ),
            (
                "festival",
                1,
                60,
                SrLatn,
                "Festival nezavisne scene Novi Sad",
                "Koncerti, pozorište i džez na tri bine.",
            ),
            (
                "workshop",
                1,
                5,
                SrCyrl,
                "Радионица писања драме",
                "За почетнике и оне који то више нису.",
            ),
            (
                "symposium",
                1,
                75,
                En,
                "Symposium: archives of the independent scene",
                "How collectives keep their memory.",
            ),
            (
                "workshop",
                2,
                7,
                Ro,
                "Atelier de fotografie analogică",
                "De la film la copie pe hârtie, în laboratorul nostru.",
            ),
            (
                "exhibition",
                2,
                14,
                Ro,
                "Expoziție: Fabrica de amintiri",
                "Obiecte și povești ale muncitorilor din Timișoara.",
            ),
            (
                "presentation",
                2,
                21,
                Ro,
                "Lansare de carte: Orașul invizibil",
                "Întâlnire cu autorul și discuție deschisă.",
            ),
            (
                "festival",
                2,
                90,
                En,
                "Timișoara Street Culture Days",
                "Music, murals and open-air cinema.",
            ),
            (
                "workshop",
                3,
                4,
                Sq,
                "Punëtori: teatri i komunitetit",
                "Teknika teatrore për të rinjtë e lagjes.",
            ),
            (
                "exhibition",
                3,
                18,
                Sq,
                "Ekspozita: Tirana në ngjyra",
                "Piktura nga artistë të rinj shqiptarë.",
            ),
            (
                "meeting",
                3,
                25,
                Sq,
                "Takim i rrjetit të organizatave kulturore",
                "Planifikimi i projekteve të përbashkëta.",
            ),
            (
                "seminar",
                3,
                50,
                En,
                "Seminar: audience development",
                "Practical tools for small venues.",
            ),
            (
                "presentation",
                4,
                6,
                Mk,
                "Презентација: културни простори во Скопје",
                "Мапа на независните простори.",
            ),
            (
                "workshop",
                4,
                10,
                Mk,
                "Работилница за видео документарец",
                "Од идеја до монтажа за три дена.",
            ),
            (
                "other",
                4,
                16,
                En,
                "Open studio evening",
                "Visit the studios of resident artists.",
            ),
            (
                "workshop",
                0,
                11,
                Hr,
                "Radionica kolaža",
                "Kolaž od starih časopisa i plakata.",
            ),
            (
                "seminar",
                1,
                33,
                SrCyrl,
                "Семинар о финансирању културе",
                "Јавни конкурси, фондације и заједничко финансирање.",
            ),
            (
                "festival",
                0,
                -200,
                SrLatn,
                "Prošlogodišnji festival dokumentarnog filma",
                "Arhiva: filmovi i razgovori.",
            ),
        ];
        for (kind, host, day, locale, title, summary) in many {
            let texts = [(locale, title, summary)];
            self.event(
                &Spec {
                    kind,
                    host,
                    day,
                    hour: 18,
                    hours: if kind == "festival" { 50 } else { 3 },
                    capacity: (kind == "workshop").then_some(20),
                    members_only: false,
                    default_locale: locale,
                    texts: &texts,
                },
                None,
            )?;
        }
        Ok(())
    }

    /// Fills a workshop: `confirmed` seats taken by demo people, `waitlisted` more waiting.
    fn fill(&mut self, event_id: i64, confirmed: usize, waitlisted: usize) -> anyhow::Result<()> {
        for (i, person) in self
            .people
            .clone()
            .into_iter()
            .take(confirmed + waitlisted)
            .enumerate()
        {
            let status = if i < confirmed {
                "confirmed"
            } else {
                "waitlisted"
            };
            diesel::insert_into(registrations::table)
                .values((
                    registrations::event_id.eq(event_id),
                    registrations::person_id.eq(person),
                    registrations::status.eq(status),
                    registrations::waitlisted_at
                        .eq((i >= confirmed).then_some(self.now + Duration::minutes(i as i64))),
                    registrations::code.eq(uuid::Uuid::new_v4().simple().to_string()),
                    registrations::locale.eq("en"),
                    registrations::created_at.eq(self.now),
                    registrations::updated_at.eq(self.now),
                ))
                .execute(self.conn)?;
        }
        diesel::update(events::table.find(event_id))
            .set(events::seats_taken.eq(confirmed as i32))
            .execute(self.conn)?;
        Ok(())
    }
}
