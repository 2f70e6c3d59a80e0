//! Who sees an event page and its registration form: the same readers as the events API.

use serde_json::json;

use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::spawn_app;
use crate::web_client::Browser;
use crate::web_events::signed_in;

#[tokio::test]
async fn members_only_events_are_a_404_page_for_strangers() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = app
        .event(
            c.host,
            EventSpec {
                visibility: "members_only",
                title: "Members' assembly",
                ..EventSpec::default()
            },
        )
        .await;
    let anonymous = Browser::new(&app)
        .get(&format!("/events/{id}"))
        .await
        .expect(404);
    assert!(anonymous.content_type.starts_with("text/html"));
    assert!(!anonymous.contains("Members' assembly"));
    let stranger = app.verified_user("stranger@example.org", "Stranger").await;
    signed_in(&app, &stranger)
        .await
        .get(&format!("/events/{id}"))
        .await
        .expect(404);
    Browser::new(&app)
        .get(&format!("/events/{id}/calendar.ics"))
        .await
        .expect(404);
    assert!(!Browser::new(&app)
        .get("/")
        .await
        .contains("Members&#39; assembly"));

    let member = app.verified_user("member@example.org", "Member").await;
    app.membership(c.host, Some(member.id), None).await;
    let page = signed_in(&app, &member)
        .await
        .get(&format!("/events/{id}"))
        .await
        .expect_html();
    assert!(page.contains("Members&#39; assembly"), "{}", page.body);
}

/// The service behind the registration form: the same visibility as the event, the reader's
/// live registration, the organisations they represent, labels in the reader's language.
#[tokio::test]
async fn the_registration_form_service_sees_what_the_event_api_sees() {
    use kolo::i18n::Locale;
    use kolo::registrations::form::registration_form;
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = app
        .event(
            c.host,
            EventSpec {
                visibility: "members_only",
                ..EventSpec::default()
            },
        )
        .await;
    app.post(
        &format!("/api/v1/events/{id}/questions"),
        Some(&c.owner.token),
        json!({"kind": "single_choice", "label": {"en": "Diet", "sr-Cyrl": "Исхрана"},
               "choices": [{"key": "veg", "label": {"sr-Latn": "Posno"}}]}),
    )
    .await
    .expect(201);
    let stranger = app.verified_user("stranger@example.org", "Stranger").await;
    for person in [None, Some(stranger.id)] {
        let refused = registration_form(&app.state, person, id, Locale::En).await;
        assert!(matches!(refused, Err(kolo::error::AppError::NotFound(_))));
    }
    let member = app.verified_user("member@example.org", "Member").await;
    app.membership(c.host, Some(member.id), None).await;
    let org = app.organisation_named("udruga", "Udruga", false).await;
    app.representative(org, member.id).await;
    let reg = app
        .registration(id, Some(member.id), None, "confirmed")
        .await;
    let form = registration_form(&app.state, Some(member.id), id, Locale::SrLatn)
        .await
        .unwrap();
    assert_eq!(form.default_locale, Locale::En);
    assert!(!form.has_sessions);
    assert_eq!(form.fields.len(), 1);
    assert_eq!(form.fields[0].label, "Ishrana");
    assert_eq!(
        form.fields[0].choices,
        vec![("veg".to_owned(), "Posno".to_owned())]
    );
    let existing = form.existing.unwrap();
    assert_eq!((existing.id, existing.status.as_str()), (reg, "confirmed"));
    assert_eq!(
        form.represents,
        vec![("udruga".to_owned(), "Udruga".to_owned())]
    );
}
