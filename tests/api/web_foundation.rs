//! What every page shares: error pages in the reader's language, the language picker, static
//! files, and the page headers.

use crate::helpers::spawn_app;
use crate::web_client::Browser;

#[tokio::test]
async fn an_unknown_page_is_a_404_page_in_the_readers_language_while_the_api_stays_json() {
    let app = spawn_app().await;
    let browser = Browser::speaking(&app, "sr-Cyrl-RS, en;q=0.5");
    let page = browser.get("/no/such/page").await.expect(404);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.contains(r#"<html lang="sr-Cyrl">"#), "{}", page.body);
    assert!(page.contains("Страна није пронађена"));
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.headers["referrer-policy"], "same-origin");

    let api = browser.get("/api/v1/no-such-thing").await;
    assert_eq!(api.status, 404);
    assert!(api.content_type.starts_with("application/problem+json"));
}

#[tokio::test]
async fn the_language_picker_remembers_the_choice_and_only_redirects_locally() {
    let app = spawn_app().await;
    let browser = Browser::new(&app);
    let answer = browser.get("/lang?lang=mk&next=/no/such/page").await;
    assert_eq!(answer.expect_redirect(), "/no/such/page");
    assert_eq!(browser.cookie("kolo_lang").as_deref(), Some("mk"));
    let page = browser.get("/no/such/page").await.expect(404);
    assert!(page.contains(r#"<html lang="mk">"#));

    // ?lang= wins over the cookie.
    let page = browser.get("/no/such/page?lang=sq").await.expect(404);
    assert!(page.contains(r#"<html lang="sq">"#));

    let away = browser
        .get("/lang?lang=en&next=https://evil.example/")
        .await;
    assert_eq!(away.expect_redirect(), "/");
    let away = browser.get("/lang?lang=en&next=//evil.example/").await;
    assert_eq!(away.expect_redirect(), "/");
}

#[tokio::test]
async fn static_files_have_hashed_names_and_are_cached_for_good() {
    let app = spawn_app().await;
    let browser = Browser::new(&app);
    let page = browser.get("/no/such/page").await;
    let start = page.body.find("/static/kolo.").expect("stylesheet link");
    let end = start + page.body[start..].find('"').unwrap();
    let css = browser.get(&page.body[start..end]).await.expect(200);
    assert!(css.content_type.starts_with("text/css"));
    assert_eq!(
        css.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    browser
        .get("/static/kolo.000000000000.css")
        .await
        .expect(404);
}
