//! Several instances over one database, as behind a load balancer: a registration rush through
//! two instances at once stays exact, and both instances' mail workers deliver every email
//! exactly once. Once with two app instances in the test process, once with two real
//! `kolo serve` processes on their own ports; on SQLite (one file) and on PostgreSQL. Over
//! PostgreSQL the abuse limits hold across the processes too.

use std::collections::HashMap;

use futures_util::future::join_all;
use serde_json::{json, Value};

use crate::faults::serve;
use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app_with, TestApp, User};
use crate::mail::{use_smtp, SmtpServer};

const SEATS: i32 = 40;
const CROWD: usize = 160;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rush_through_two_instances_is_exact_and_mail_goes_out_once() {
    let smtp = SmtpServer::running(&[]);
    let first = spawn_app_with(|s| {
        use_smtp(s, smtp.port);
        s.database.pool_size = 8;
    })
    .await;
    let second = first
        .second_instance(|s| {
            use_smtp(s, smtp.port);
            s.database.pool_size = 8;
        })
        .await;
    let (event, people) = rush_for(&first).await;

    // Alternate the instances, as a round-robin load balancer would.
    let path = format!("/api/v1/events/{event}/registrations");
    let replies = join_all(people.iter().enumerate().map(|(i, p)| {
        let app = if i % 2 == 0 { &first } else { &second };
        app.post(&path, Some(&p.token), json!({}))
    }))
    .await;
    let replies = replies
        .into_iter()
        .map(|r| (r.status.as_u16(), r.body))
        .collect();
    assert_exact(&first, event, replies).await;
    assert_mail_once(&first, &smtp, &people).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_kolo_serve_processes_on_one_database_stay_exact_and_mail_once() {
    let smtp = SmtpServer::running(&[]);
    // The in-process app only seeds and inspects the database; the processes do the work.
    let app = spawn_app_with(|s| s.worker.enabled = false).await;
    app.handle.stop(true).await;
    let (event, people) = rush_for(&app).await;
    let env = [
        (
            "KOLO__DATABASE__URL",
            app.state.settings.database.url.clone(),
        ),
        ("KOLO__MAIL__TRANSPORT", "smtp".to_owned()),
        ("KOLO__MAIL__SMTP__HOST", "127.0.0.1".to_owned()),
        ("KOLO__MAIL__SMTP__PORT", smtp.port.to_string()),
        ("KOLO__MAIL__SMTP__TLS", "none".to_owned()),
        ("KOLO__WORKER__ENABLED", "true".to_owned()),
        ("KOLO__WORKER__POLL_INTERVAL_MS", "50".to_owned()),
        ("KOLO__LIMITS__ENABLED", "false".to_owned()),
    ];
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let instances = [serve(dirs[0].path(), &env), serve(dirs[1].path(), &env)];
    assert_ne!(instances[0].base, instances[1].base);

    let client = reqwest::Client::new();
    let replies = join_all(people.iter().enumerate().map(|(i, p)| {
        let base = &instances[i % 2].base;
        let request = client
            .post(format!("{base}/api/v1/events/{event}/registrations"))
            .bearer_auth(&p.token)
            .json(&json!({}));
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    }))
    .await;
    assert_exact(&app, event, replies).await;
    assert_mail_once(&app, &smtp, &people).await;
}

/// A workshop of `SEATS` and `CROWD` verified people who want in.
async fn rush_for(app: &TestApp) -> (i64, Vec<User>) {
    let host = app.organisation("platforma", true).await;
    let event = app
        .event(
            host,
            EventSpec {
                capacity: Some(SEATS),
                ..EventSpec::default()
            },
        )
        .await;
    (event, app.many_people(CROWD, "rush").await)
}

/// Every request answered 201; exactly `SEATS` confirmed; no two waitlist places alike.
async fn assert_exact(app: &TestApp, event: i64, replies: Vec<(u16, Value)>) {
    let statuses: Vec<u16> = replies.iter().map(|(s, _)| *s).collect();
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let confirmed = replies
        .iter()
        .filter(|(_, body)| body["status"] == "confirmed")
        .count();
    assert_eq!(confirmed, SEATS as usize);
    assert_eq!(app.seats_taken(event).await, SEATS);
    // Positions reported at registration time are each person's place then; later ones may
    // only have moved up, never collided: they must be distinct.
    let mut positions: Vec<i64> = replies
        .iter()
        .filter_map(|(_, body)| body["waitlist_position"].as_i64())
        .collect();
    positions.sort_unstable();
    positions.dedup();
    assert_eq!(
        positions.len(),
        CROWD - SEATS as usize,
        "no two registrations were given the same place"
    );
}

/// Both workers drain the one outbox; every registrant hears exactly once.
async fn assert_mail_once(app: &TestApp, smtp: &SmtpServer, people: &[User]) {
    smtp.wait_for(people.len(), 30).await;
    app.wait_for_outbox_drained().await;
    // A duplicate would arrive after the outbox looked drained: give it the time to.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let received = smtp.received();
    let mut per_recipient: HashMap<String, usize> = HashMap::new();
    for message in &received {
        for to in &message.to {
            *per_recipient.entry(to.to_lowercase()).or_default() += 1;
        }
    }
    for p in people {
        assert_eq!(
            per_recipient.get(&p.email).copied(),
            Some(1),
            "{} got {:?} emails",
            p.email,
            per_recipient.get(&p.email)
        );
    }
    let mut ids: Vec<String> = received
        .iter()
        .filter_map(|m| {
            mail_parser::MessageParser::default()
                .parse(m.raw.as_bytes())
                .and_then(|p| p.message_id().map(str::to_owned))
        })
        .collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "no message was sent twice");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_login_budget_holds_across_two_kolo_serve_processes() {
    let app = spawn_app_with(|s| s.worker.enabled = false).await;
    app.handle.stop(true).await;
    let ana = app.many_people(1, "ana").await.remove(0);
    let env = [
        (
            "KOLO__DATABASE__URL",
            app.state.settings.database.url.clone(),
        ),
        ("KOLO__WORKER__ENABLED", "false".to_owned()),
        ("KOLO__LIMITS__ENABLED", "true".to_owned()),
        ("KOLO__LIMITS__LOGIN_PER_IP_PER_MINUTE", "100".to_owned()),
        ("KOLO__LIMITS__LOGIN_PER_ACCOUNT_PER_HOUR", "4".to_owned()),
    ];
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let instances = [serve(dirs[0].path(), &env), serve(dirs[1].path(), &env)];
    let client = reqwest::Client::new();
    let mut statuses = Vec::new();
    // Password guesses for one account, round robin over the two processes.
    for i in 0..8 {
        let reply = client
            .post(format!("{}/api/v1/auth/login", instances[i % 2].base))
            .json(&json!({"email": ana.email, "password": "not-the-password"}))
            .send()
            .await
            .unwrap();
        statuses.push(reply.status().as_u16());
    }
    if app.db.is_postgres() {
        assert_eq!(statuses, [401, 401, 401, 401, 429, 429, 429, 429]);
    } else {
        // SQLite serves one instance per file: each process counts in memory on its own.
        assert_eq!(statuses, [401; 8]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn instances_started_at_once_on_a_new_database_all_come_up() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, url) = crate::helpers::TestDb::create(dir.path());
    let env = [("KOLO__DATABASE__URL", url)];
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    // All three apply migrations at the same moment; `serve` fails the test if one exits.
    let starting: Vec<_> = dirs
        .iter()
        .map(|d| {
            let (path, env) = (d.path().to_owned(), env.clone());
            std::thread::spawn(move || serve(&path, &env))
        })
        .collect();
    let instances: Vec<_> = starting.into_iter().map(|t| t.join().unwrap()).collect();
    for instance in &instances {
        let ready = reqwest::get(format!("{}/readyz", instance.base))
            .await
            .unwrap();
        assert_eq!(ready.status().as_u16(), 200, "{}", instance.base);
        let events = reqwest::get(format!("{}/api/v1/events", instance.base))
            .await
            .unwrap();
        assert_eq!(events.status().as_u16(), 200);
    }
}
