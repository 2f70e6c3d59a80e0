//! The embeddable list of a host's upcoming events: compact, and framed only by the origins
//! in `web.embed_origins`.

use crate::helpers::{spawn_app, spawn_app_with};
use crate::web_client::Browser;
use crate::web_orgs::host;

#[tokio::test]
async fn the_embeddable_list_is_compact_and_framed_by_nobody_without_configured_origins() {
    let app = spawn_app().await;
    let h = host(&app).await;
    let browser = Browser::new(&app);
    let page = browser.get("/o/kc-ns/embed").await.expect_html();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains("<title>"));
    assert!(page.contains(r#"rel="stylesheet" href="/static/kolo."#));
    assert!(!page.contains(r#"<header class="site">"#), "no site header");
    assert!(page.contains(&format!(r#"href="/events/{}/"#, h.event_id)));
    assert!(page.contains(r#"target="_top""#));
    assert!(!page.contains("Secret draft"));
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.ends_with("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'"));
    assert_eq!(page.headers["x-frame-options"], "DENY");

    let page = browser
        .get("/o/kc-ns/embed?lang=sr-Cyrl")
        .await
        .expect_html();
    assert!(page.contains(r#"<html lang="sr-Cyrl">"#));
}

#[tokio::test]
async fn the_embeddable_list_may_be_framed_by_the_configured_origins_only() {
    let app = spawn_app_with(|s| {
        s.web.embed_origins = vec![
            "https://kcns.example.org".into(),
            "https://www.network.example".into(),
        ]
    })
    .await;
    host(&app).await;
    let browser = Browser::new(&app);
    let page = browser.get("/o/kc-ns/embed").await.expect_html();
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.ends_with("frame-ancestors https://kcns.example.org https://www.network.example"),
        "{csp}"
    );
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"));
    assert!(!page.headers.contains_key("x-frame-options"));

    // Every other page stays unframeable.
    let page = browser.get("/o/kc-ns").await.expect_html();
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.headers["x-frame-options"], "DENY");
}
