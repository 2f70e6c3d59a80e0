//! What people do in a real browser, at desktop size and on a 360 × 740 phone.

use super::{open, Screen};
use crate::helpers::spawn_app;

#[tokio::test]
async fn error_pages_and_the_language_picker_work_by_keyboard_and_pass_axe() {
    let app = spawn_app().await;
    for screen in [Screen::Desktop, Screen::Phone] {
        for language in ["en", "sr-Cyrl"] {
            let Some(browser) = open(&app.base, screen, language).await else {
                return;
            };
            browser.goto("/no/such/page").await;
            let html_lang = browser
                .find("html")
                .await
                .attr("lang")
                .await
                .unwrap()
                .unwrap();
            assert_eq!(html_lang, language);
            browser
                .assert_accessible(&format!("404 page in {language}"))
                .await;
            // The picker works with the keyboard alone: Tab to it, choose, Tab to the button, Enter.
            browser.tab_to("#lang-select", 40).await;
            let select = browser.find("#lang-select").await;
            select.select_by_value("mk").await.unwrap();
            browser.tab_to("form.lang button", 5).await;
            browser.press_enter().await;
            browser.find("html[lang='mk']").await;
            browser.screenshot(&format!("not-found-{language}")).await;
        }
    }
}
