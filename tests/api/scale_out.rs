//! Several instances over one database, as behind a load balancer: a registration rush through
//! two instances at once stays exact, and both instances' mail workers deliver every email
//! exactly once. Runs on SQLite (one file, two connection pools) and on PostgreSQL.

use std::collections::HashMap;

use futures_util::future::join_all;
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::spawn_app_with;
use crate::mail::{use_smtp, SmtpServer};

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
    let host = first.organisation("platforma", true).await;
    let organiser = first.many_people(1, "organiser").await.remove(0);
    first.staff(host, organiser.id, "organiser").await;
    let event = first
        .event(
            host,
            EventSpec {
                capacity: Some(40),
                ..EventSpec::default()
            },
        )
        .await;
    let people = first.many_people(160, "rush").await;

    // Alternate the instances, as a round-robin load balancer would.
    let path = format!("/api/v1/events/{event}/registrations");
    let replies = join_all(people.iter().enumerate().map(|(i, p)| {
        let app = if i % 2 == 0 { &first } else { &second };
        app.post(&path, Some(&p.token), json!({}))
    }))
    .await;
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let confirmed = replies
        .iter()
        .filter(|r| r.body["status"] == "confirmed")
        .count();
    assert_eq!(confirmed, 40);
    assert_eq!(first.seats_taken(event).await, 40);
    let mut positions: Vec<i64> = replies
        .iter()
        .filter_map(|r| r.body["waitlist_position"].as_i64())
        .collect();
    positions.sort_unstable();
    // Positions reported at registration time are each person's place then; later ones may
    // only have moved up, never collided: they must be distinct.
    let mut unique = positions.clone();
    unique.dedup();
    assert_eq!(
        unique.len(),
        120,
        "no two registrations were given the same place"
    );

    // Both workers drain the one outbox; every registrant hears exactly once.
    let received = smtp.wait_for(160, 30).await;
    first.wait_for_outbox_drained().await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let received = if received.len() < smtp.received().len() {
        smtp.received()
    } else {
        received
    };
    let mut per_recipient: HashMap<String, usize> = HashMap::new();
    for message in &received {
        for to in &message.to {
            *per_recipient.entry(to.to_lowercase()).or_default() += 1;
        }
    }
    for p in &people {
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
