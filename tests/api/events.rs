//! Events over HTTP: who may manage them, the rules on bad input, publishing, visibility and
//! the languages an event is read in.

use serde_json::json;

use crate::event_fixtures::{cast, event_body, with};
use crate::helpers::spawn_app;

#[tokio::test]
async fn only_staff_of_the_host_and_admins_create_events() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let other_host = app
        .organisation_named("other-host", "Other Host", true)
        .await;
    let stranger = app.verified_user("stranger@example.org", "Stranger").await;
    let other_organiser = app.verified_user("other@example.org", "Other Org").await;
    app.staff(other_host, other_organiser.id, "organiser").await;
    let admin = app.admin("admin@example.org").await;
    let body = event_body("kc-novi-sad", "Zine workshop");

    app.post("/api/v1/events", None, body.clone())
        .await
        .expect_problem(401);
    app.post("/api/v1/events", Some(&stranger.token), body.clone())
        .await
        .expect_problem(403);
    app.post("/api/v1/events", Some(&other_organiser.token), body.clone())
        .await
        .expect_problem(403);
    for user in [&c.organiser, &c.owner, &admin] {
        let event = app.create_event(user, body.clone()).await;
        assert_eq!(event["status"], "draft");
        assert_eq!(event["organisation"], "kc-novi-sad");
        assert_eq!(event["phase"], "upcoming");
        assert_eq!(event["starts_at"], "2030-05-14T16:00:00Z");
        assert_eq!(event["waitlist_enabled"], true);
        assert_eq!(event["seats_left"], serde_json::Value::Null);
    }
    // A host that does not host events, or none at all, is a field error.
    app.organisation_named("just-a-member", "Member Org", false)
        .await;
    let reply = app
        .post(
            "/api/v1/events",
            Some(&admin.token),
            with(body.clone(), json!({"organisation": "just-a-member"})),
        )
        .await
        .expect_problem(422);
    assert!(reply.body["errors"]["organisation"].is_array());
    // The other host's organiser cannot edit or see this host's draft.
    let event = app.create_event(&c.organiser, body).await;
    let path = format!("/api/v1/events/{}", event["id"]);
    app.patch(&path, Some(&other_organiser.token), json!({"city": "Niš"}))
        .await
        .expect_problem(404);
    app.get(&path, Some(&other_organiser.token))
        .await
        .expect_problem(404);
}

#[tokio::test]
async fn bad_input_names_the_field_and_changes_nothing() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let token = Some(c.organiser.token.as_str());
    let base = event_body("kc-novi-sad", "Zine workshop");
    let cases = [
        (json!({"timezone": "Europe/Novi_Sad"}), "timezone"),
        (json!({"ends_at": "2030-05-14T17:00:00+02:00"}), "ends_at"),
        (json!({"starts_at": "tomorrow"}), "starts_at"),
        (json!({"title": {"de": "Werkstatt"}}), "title.de"),
        (json!({"title": {}}), "title"),
        (json!({"kind": "party"}), "kind"),
        (json!({"visibility": "secret"}), "visibility"),
        (json!({"country": "YU"}), "country"),
        (json!({"online_url": "ftp://x"}), "online_url"),
        (json!({"default_locale": "xx"}), "default_locale"),
        (json!({"capacity": -1}), "capacity"),
        (json!({"status": "published"}), "status"),
        (json!({"seats_taken": 3}), "seats_taken"),
        (
            json!({"partners": [{"organisation_slug": "nobody", "role": "funder"}]}),
            "partners[0].organisation_slug",
        ),
        (
            json!({"partners": [{"organisation_slug": "kc-novi-sad", "role": "sponsor"}]}),
            "partners[0].role",
        ),
    ];
    for (change, field) in cases {
        let reply = app
            .post("/api/v1/events", token, with(base.clone(), change.clone()))
            .await
            .expect_problem(422);
        assert!(
            reply.body["errors"][field].is_array(),
            "{change} should name {field}: {}",
            reply.text
        );
    }
    // Several bad fields at once are reported together.
    let reply = app
        .post(
            "/api/v1/events",
            token,
            with(
                base.clone(),
                json!({"timezone": "Mars/Olympus", "kind": "rave"}),
            ),
        )
        .await
        .expect_problem(422);
    assert!(reply.body["errors"]["timezone"].is_array() && reply.body["errors"]["kind"].is_array());
    let listed = app.get("/api/v1/events", None).await.expect(200);
    assert_eq!(listed.body["total"], 0);

    // Edits: capacity below the seats taken, then a cancelled event.
    let event = app
        .published_event(&c.organiser, with(base, json!({"capacity": 10})))
        .await;
    let id = event["id"].as_i64().unwrap();
    let path = format!("/api/v1/events/{id}");
    app.take_seats(id, 6).await;
    let reply = app
        .patch(&path, token, json!({"capacity": 5, "city": "Niš"}))
        .await
        .expect_problem(409);
    assert_eq!(reply.body["code"], "capacity_below_seats_taken");
    assert_eq!(reply.body["existing"]["field"], "capacity");
    let reply = app
        .patch(&path, token, json!({"ends_at": "2030-05-14T10:00:00Z"}))
        .await
        .expect_problem(422);
    assert!(reply.body["errors"]["ends_at"].is_array());
    let unchanged = app.get(&path, None).await.expect(200).body;
    assert_eq!(unchanged["capacity"], 10);
    assert_eq!(unchanged["city"], "Novi Sad");
    assert_eq!(unchanged["seats_left"], 4);
    app.patch(&path, token, json!({"capacity": 6}))
        .await
        .expect(200);
    app.post(
        &format!("{path}/cancel"),
        token,
        json!({"reason": "Flooded hall"}),
    )
    .await
    .expect(200);
    let reply = app
        .patch(&path, token, json!({"city": "Niš"}))
        .await
        .expect_problem(409);
    assert_eq!(reply.body["code"], "event_cancelled");
    app.post(&format!("{path}/cancel"), token, json!({"reason": "again"}))
        .await
        .expect_problem(409);
}

#[tokio::test]
async fn a_serbian_title_in_the_other_script_is_enough_to_publish() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let token = Some(c.owner.token.as_str());
    for (default, title) in [
        ("sr-Latn", json!({"sr-Cyrl": "Радионица"})),
        ("sr-Cyrl", json!({"sr-Latn": "Radionica"})),
    ] {
        let body = with(
            event_body("kc-novi-sad", "unused"),
            json!({"default_locale": default, "title": title}),
        );
        let event = app.create_event(&c.owner, body).await;
        let published = app
            .post(
                &format!("/api/v1/events/{}/publish", event["id"]),
                token,
                json!({}),
            )
            .await
            .expect(200);
        assert_eq!(published.body["status"], "published", "{default}");
    }
    // Another language is not enough.
    let body = with(
        event_body("kc-novi-sad", "unused"),
        json!({"default_locale": "hr", "title": {"sr-Latn": "Radionica"}}),
    );
    let event = app.create_event(&c.owner, body).await;
    let refused = app
        .post(
            &format!("/api/v1/events/{}/publish", event["id"]),
            token,
            json!({}),
        )
        .await
        .expect_problem(422);
    assert!(
        refused.body["errors"]["title.hr"].is_array(),
        "{}",
        refused.text
    );
}

#[tokio::test]
async fn drafts_publish_when_complete_and_only_drafts_are_deleted() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let token = Some(c.owner.token.as_str());
    let member = app.verified_user("member@example.org", "Member").await;
    let body = with(
        event_body("kc-novi-sad", "Draft"),
        json!({"venue_name": null, "city": null, "default_locale": "sr-Latn"}),
    );
    let event = app.create_event(&c.owner, body).await;
    let path = format!("/api/v1/events/{}", event["id"]);

    app.get(&path, None).await.expect_problem(404);
    app.get(&path, Some(&member.token))
        .await
        .expect_problem(404);
    app.get(&path, token).await.expect(200);
    assert_eq!(app.get("/api/v1/events", None).await.body["total"], 0);

    let reply = app
        .post(&format!("{path}/publish"), token, json!({}))
        .await
        .expect_problem(422);
    let errors = &reply.body["errors"];
    assert!(errors["title.sr-Latn"].is_array(), "{}", reply.text);
    assert!(errors["venue_name"].is_array() && errors["online_url"].is_array());

    app.patch(
        &path,
        token,
        json!({"title": {"sr-Latn": "Radionica"}, "online_url": "https://meet.example.org/x"}),
    )
    .await
    .expect(200);
    app.post(&format!("{path}/publish"), Some(&member.token), json!({}))
        .await
        .expect_problem(404);
    let published = app
        .post(&format!("{path}/publish"), token, json!({}))
        .await
        .expect(200);
    assert_eq!(published.body["status"], "published");
    assert!(published.body["published_at"].is_string());
    assert_eq!(published.body["registration_open"], true);
    app.post(&format!("{path}/publish"), token, json!({}))
        .await
        .expect_problem(409);
    // Now public: others see it but may not change it.
    app.get(&path, None).await.expect(200);
    app.patch(&path, Some(&member.token), json!({"city": "Niš"}))
        .await
        .expect_problem(403);
    app.delete(&path, Some(&member.token))
        .await
        .expect_problem(403);
    let reply = app.delete(&path, token).await.expect_problem(409);
    assert_eq!(reply.body["code"], "not_draft");

    let draft = app
        .create_event(&c.owner, event_body("kc-novi-sad", "Another"))
        .await;
    let draft_path = format!("/api/v1/events/{}", draft["id"]);
    app.post(
        &format!("{draft_path}/cancel"),
        token,
        json!({"reason": "x"}),
    )
    .await
    .expect_problem(409);
    app.delete(&draft_path, token).await.expect(204);
    app.get(&draft_path, token).await.expect_problem(404);
}

#[tokio::test]
async fn members_only_events_are_for_members_and_staff() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let member = app.verified_user("member@example.org", "Member").await;
    let representative = app.verified_user("rep@example.org", "Rep").await;
    let outsider = app.verified_user("out@example.org", "Outsider").await;
    let admin = app.admin("admin@example.org").await;
    app.membership(c.host, Some(member.id), None).await;
    let member_org = app.organisation_named("teatar-x", "Teatar X", false).await;
    app.membership(c.host, None, Some(member_org)).await;
    app.representative(member_org, representative.id).await;

    let meeting = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "Annual assembly"),
                json!({"kind": "meeting", "visibility": "members_only"}),
            ),
        )
        .await;
    app.published_event(&c.organiser, event_body("kc-novi-sad", "Open day"))
        .await;
    let path = format!("/api/v1/events/{}", meeting["id"]);

    app.get(&path, None).await.expect_problem(404);
    app.get(&path, Some(&outsider.token))
        .await
        .expect_problem(404);
    for user in [&member, &representative, &c.organiser, &admin] {
        app.get(&path, Some(&user.token)).await.expect(200);
        let list = app
            .get("/api/v1/events", Some(&user.token))
            .await
            .expect(200);
        assert_eq!(list.body["total"], 2, "{}", user.email);
    }
    let list = app
        .get("/api/v1/events", Some(&outsider.token))
        .await
        .expect(200);
    assert_eq!(list.body["total"], 1);
    assert_eq!(list.body["items"][0]["title"], "Open day");
    assert_eq!(app.get("/api/v1/events", None).await.body["total"], 1);
}

#[tokio::test]
async fn content_follows_the_language_fallback_chain() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let reader = app.verified_user("reader@example.org", "Reader").await;
    let body = with(
        event_body("kc-novi-sad", "unused"),
        json!({
            "default_locale": "sr-Cyrl",
            "title": {"sr-Cyrl": "Летња школа љубави и џеза", "en": "Summer school of love and jazz"},
            "summary": {"sr-Cyrl": "Радионице у Новом Саду", "en": "Workshops in Novi Sad"},
        }),
    );
    let event = app.published_event(&c.organiser, body).await;
    let path = format!("/api/v1/events/{}", event["id"]);

    // Latin requested, only Cyrillic stored: transliterated.
    let latin = app
        .get(&format!("{path}?lang=sr-Latn"), None)
        .await
        .expect(200)
        .body;
    assert_eq!(latin["title"], "Letnja škola ljubavi i džeza");
    assert_eq!(latin["summary"], "Radionice u Novom Sadu");
    assert_eq!(latin["content_locale"], "sr-Latn");
    assert_eq!(latin["transliterated"], true);
    assert_eq!(latin["available_locales"], json!(["en", "sr-Cyrl"]));

    // English requested: English. Romanian requested: the default locale (Cyrillic).
    let en = app
        .get(&format!("{path}?lang=en"), None)
        .await
        .expect(200)
        .body;
    assert_eq!(en["title"], "Summer school of love and jazz");
    let ro = app
        .get_with_headers(&path, None, &[("accept-language", "ro-RO, de;q=0.5")])
        .await
        .expect(200)
        .body;
    assert_eq!(ro["content_locale"], "sr-Cyrl");
    assert_eq!(ro["title"], "Летња школа љубави и џеза");
    // ?lang= beats Accept-Language.
    let both = app
        .get_with_headers(
            &format!("{path}?lang=en"),
            None,
            &[("accept-language", "sr-Cyrl")],
        )
        .await
        .body;
    assert_eq!(both["content_locale"], "en");

    // An explicit Latin translation wins over transliteration.
    app.patch(
        &path,
        Some(&c.organiser.token),
        json!({"title": {"sr-Latn": "Letnja škola (latinica)"}}),
    )
    .await
    .expect(200);
    let latin = app.get(&format!("{path}?lang=sr"), None).await.body;
    assert_eq!(latin["title"], "Letnja škola (latinica)");
    assert_eq!(latin["transliterated"], false);

    // The reader's account locale comes after ?lang= and Accept-Language.
    app.patch(
        "/api/v1/me",
        Some(&reader.token),
        json!({"locale": "sr-Cyrl"}),
    )
    .await
    .expect(200);
    let mine = app.get(&path, Some(&reader.token)).await.body;
    assert_eq!(mine["content_locale"], "sr-Cyrl");
    let mine = app
        .get_with_headers(&path, Some(&reader.token), &[("accept-language", "en")])
        .await
        .body;
    assert_eq!(mine["content_locale"], "en");

    // Without any preference and no default text left, English, then anything.
    app.patch(
        &path,
        Some(&c.organiser.token),
        json!({"default_locale": "ro"}),
    )
    .await
    .expect(200);
    assert_eq!(app.get(&path, None).await.body["content_locale"], "en");

    // Every translation: staff only.
    let all = app
        .get(
            &format!("{path}?translations=all"),
            Some(&c.organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(
        all["translations"]["sr-Cyrl"]["summary"],
        "Радионице у Новом Саду"
    );
    assert_eq!(
        all["translations"]["sr-Latn"]["title"],
        "Letnja škola (latinica)"
    );
    app.get(&format!("{path}?translations=all"), Some(&reader.token))
        .await
        .expect_problem(403);
    let bad = app
        .get(&format!("{path}?lang=klingon"), None)
        .await
        .expect_problem(422);
    assert!(bad.body["errors"]["lang"].is_array());
}
