//! Registration questions from the organiser pages: added, refused with the field marked,
//! edited and removed after a confirmation, read back through the JSON API.

use serde_json::Value;

use crate::fixtures::EventSpec;
use crate::helpers::spawn_app;
use crate::web_events::signed_in;
use crate::web_manage_events::staffed;

#[tokio::test]
async fn questions_are_added_edited_and_removed_with_a_confirmation() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let token = s.organiser.token.clone();
    let event = app
        .event(
            s.host,
            EventSpec {
                status: "draft",
                ..EventSpec::default()
            },
        )
        .await;
    let browser = signed_in(&app, &s.organiser).await;
    let list = format!("/manage/events/{event}/questions");
    let api = format!("/api/v1/events/{event}/questions");

    // A choice question without choices: the field is marked, the label kept.
    let refused = browser
        .submit(
            &list,
            &list,
            &[("kind", "multiple_choice"), ("label.en", "Which days?")],
        )
        .await
        .expect(422);
    assert!(refused.contains(r#"id="e-choices.en""#), "{}", refused.body);
    assert_eq!(refused.input_value("label.en").unwrap(), "Which days?");
    let bad_line = browser
        .submit(
            &list,
            &list,
            &[
                ("kind", "multiple_choice"),
                ("label.en", "Which days?"),
                ("choices.en", "friday"),
            ],
        )
        .await
        .expect(422);
    assert!(bad_line.contains("Write each choice as key = text."));
    let q: Value = app.get(&api, Some(&token)).await.expect(200).body;
    assert_eq!(q.as_array().unwrap().len(), 0);

    browser
        .submit(
            &list,
            &list,
            &[("kind", "text"), ("label.en", "Your institution")],
        )
        .await
        .expect_redirect();
    let q = app.get(&api, Some(&token)).await.body;
    let id = q[0]["id"].as_i64().unwrap();
    assert_eq!(q[0]["kind"], "text");
    assert_eq!(q[0]["required"], false);
    let page = browser.get(&list).await.expect_html();
    assert!(page.contains("Your institution"));

    // Edit: the form shows what is stored; the change reaches the API.
    let edit = format!("{list}/{id}");
    let form = browser.get(&edit).await.expect_html();
    assert_eq!(form.input_value("label.en").unwrap(), "Your institution");
    browser
        .submit(
            &edit,
            &edit,
            &[
                ("kind", "single_choice"),
                ("required", "on"),
                ("label.en", "Your sector"),
                ("label.sr-Latn", "Vaš sektor"),
                ("choices.en", "public = Public\nngo = Civil society"),
                ("choices.sr-Latn", "public = Javni\nngo = Civilno društvo"),
            ],
        )
        .await
        .expect_redirect();
    let q = app.get(&api, Some(&token)).await.body;
    assert_eq!(q[0]["kind"], "single_choice");
    assert_eq!(q[0]["required"], true);
    assert_eq!(q[0]["label"]["sr-Latn"], "Vaš sektor");
    assert_eq!(q[0]["choices"][1]["key"], "ngo");
    assert_eq!(q[0]["choices"][1]["label"]["sr-Latn"], "Civilno društvo");
    let form = browser.get(&edit).await.expect_html();
    assert!(form.contains("ngo = Civil society"));

    // Remove: asked, refused without the tick, then gone.
    let remove = format!("{edit}/remove");
    browser.get(&remove).await.expect_html();
    browser.submit(&remove, &remove, &[]).await.expect(422);
    assert_eq!(
        app.get(&api, Some(&token))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    browser
        .submit(&remove, &remove, &[("confirm", "yes")])
        .await
        .expect_redirect();
    assert_eq!(
        app.get(&api, Some(&token))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        0
    );
    browser.get(&edit).await.expect(404);
}
