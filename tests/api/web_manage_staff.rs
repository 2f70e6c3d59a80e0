//! `/manage/o/{slug}/staff`: owners add, re-role and remove staff through the same service as
//! the API (checked through the API), the last owner stays, organisers read only.

use crate::web_account::signed_in;
use crate::web_client::Browser;
use crate::web_manage_fixtures::{cast, staff_api};

const PAGE: &str = "/manage/o/kc/staff";

#[tokio::test]
async fn owners_add_change_and_remove_staff_and_the_last_owner_stays() {
    let app = crate::helpers::spawn_app().await;
    let owner = app.host("kc").await;
    app.verified_user("vera@example.org", "Vera Volunteer")
        .await;
    let browser = signed_in(&app, &owner.email).await;
    let page = browser.get(PAGE).await.expect_html();
    assert!(page.contains("Staff of Host kc"));
    assert!(
        page.contains(r#"href="/manage/o/kc/audit""#),
        "owners get the audit link"
    );
    assert!(page.contains("Add to staff"));

    // Without the token nothing changes.
    browser
        .post(
            PAGE,
            &[("email", "vera@example.org"), ("role", "organiser")],
        )
        .await
        .expect(403);
    assert_eq!(staff_api(&app, &owner.token).await.len(), 1);

    // An address with no account: the field says so and keeps what was typed.
    let answer = browser
        .submit(
            PAGE,
            PAGE,
            &[("email", "nobody@example.org"), ("role", "organiser")],
        )
        .await
        .expect(422);
    assert!(answer.contains("No account has this email"));
    // The add form's field (the rows' forms carry their own hidden emails).
    assert!(answer.contains(r#"id="f-email" name="email" type="email" value="nobody@example.org""#));
    assert!(answer.contains(r#"aria-invalid="true" aria-describedby="e-email h-email""#));
    let answer = browser
        .submit(PAGE, PAGE, &[("email", "not an email"), ("role", "owner")])
        .await
        .expect(422);
    assert!(answer.contains("Enter a valid email address."));
    assert!(answer.contains(r#"<option value="owner" selected>"#));

    // Add Vera as an organiser.
    let answer = browser
        .submit(
            PAGE,
            PAGE,
            &[("email", "vera@example.org"), ("role", "organiser")],
        )
        .await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage/o/kc/staff?notice=manage-home-notice-staff-added"
    );
    assert_eq!(
        staff_api(&app, &owner.token).await,
        vec![
            ("owner-kc@example.org".into(), "owner".into()),
            ("vera@example.org".into(), "organiser".into())
        ]
    );
    let listed = browser.follow(&answer).await.expect_html();
    assert!(listed.contains("Vera Volunteer"));
    assert!(listed.contains("The person is now on the staff."));

    // The last owner cannot step down nor be removed: the API's 409 as a sentence.
    let answer = browser
        .submit(
            PAGE,
            PAGE,
            &[("email", owner.email.as_str()), ("role", "organiser")],
        )
        .await
        .expect(409);
    assert!(
        answer.contains("This is the organisation&#39;s last owner")
            || answer.contains("This is the organisation's last owner"),
        "{}",
        answer.body
    );
    let remove_self = format!("{PAGE}/{}/remove", owner.id);
    let confirm = browser.get(&remove_self).await.expect_html();
    assert!(confirm.contains("Yes, remove this person from the staff"));
    // Without the tick nothing changes.
    browser
        .submit(&remove_self, &remove_self, &[])
        .await
        .expect(422);
    let answer = browser
        .submit(&remove_self, &remove_self, &[("confirm", "yes")])
        .await
        .expect(409);
    assert!(answer.contains("last owner"));
    assert_eq!(staff_api(&app, &owner.token).await.len(), 2);

    // Make Vera an owner; then the first owner may step down.
    let answer = browser
        .submit(
            PAGE,
            PAGE,
            &[("email", "vera@example.org"), ("role", "owner")],
        )
        .await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage/o/kc/staff?notice=manage-home-notice-staff-role"
    );
    assert!(staff_api(&app, &owner.token)
        .await
        .contains(&("vera@example.org".into(), "owner".into())));
    let vera = app
        .login("vera@example.org", crate::helpers::PASSWORD)
        .await
        .expect(200)
        .body;
    let vera_token = vera["access_token"].as_str().unwrap().to_owned();
    let vera_id = staff_id(&app, &vera_token, "vera@example.org").await;
    let remove_vera = format!("{PAGE}/{vera_id}/remove");
    let answer = browser
        .submit(&remove_vera, &remove_vera, &[("confirm", "yes")])
        .await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage/o/kc/staff?notice=manage-home-notice-staff-removed"
    );
    assert_eq!(
        staff_api(&app, &owner.token).await,
        vec![("owner-kc@example.org".into(), "owner".into())]
    );
    // Removing someone not on the staff: the API's 404.
    browser
        .submit(PAGE, &remove_vera, &[("confirm", "yes")])
        .await
        .expect(404);
}

async fn staff_id(app: &crate::helpers::TestApp, token: &str, email: &str) -> i64 {
    let list = app
        .get("/api/v1/organisations/kc/staff", Some(token))
        .await
        .expect(200)
        .body;
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["email"] == email)
        .unwrap()["person_id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn organisers_read_the_staff_list_and_others_are_refused() {
    let app = crate::helpers::spawn_app().await;
    let c = cast(&app).await;
    let page = c.organiser.get(PAGE).await.expect_html();
    assert!(page.contains("Olga Organiser") && page.contains("Owner kc"));
    assert!(page.contains("Only owners can change the staff."));
    assert!(!page.contains("Add to staff"));
    assert!(!page.contains("/remove"));
    assert!(
        !page.contains(r#"href="/manage/o/kc/audit""#),
        "no audit link for organisers"
    );
    let owner_id = {
        let owner = app
            .login("owner-kc@example.org", crate::helpers::PASSWORD)
            .await
            .expect(200)
            .body;
        staff_id(
            &app,
            owner["access_token"].as_str().unwrap(),
            "owner-kc@example.org",
        )
        .await
    };
    // An organiser's change is refused as the API refuses it, and nothing changes.
    c.organiser
        .submit(
            PAGE,
            PAGE,
            &[("email", "member@example.org"), ("role", "owner")],
        )
        .await
        .expect(403);
    let remove = format!("{PAGE}/{owner_id}/remove");
    c.organiser.get(&remove).await.expect(403);
    c.organiser
        .submit(PAGE, &remove, &[("confirm", "yes")])
        .await
        .expect(403);
    c.member.get(PAGE).await.expect(403);
    c.other_organiser.get(PAGE).await.expect(403);
    assert!(Browser::new(&app)
        .get(PAGE)
        .await
        .expect_redirect()
        .starts_with("/signin?next=/manage/o/kc/staff"));
    // A platform admin may change the staff as an owner may.
    let page = c.admin.get(PAGE).await.expect_html();
    assert!(page.contains("Add to staff"));
    let answer = c
        .admin
        .submit(
            PAGE,
            PAGE,
            &[("email", "member@example.org"), ("role", "organiser")],
        )
        .await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage/o/kc/staff?notice=manage-home-notice-staff-added"
    );
    let owner = app
        .login("owner-kc@example.org", crate::helpers::PASSWORD)
        .await
        .expect(200)
        .body;
    assert!(staff_api(&app, owner["access_token"].as_str().unwrap())
        .await
        .contains(&("member@example.org".into(), "organiser".into())));
}
