//! Real-browser tests: Debian's Chromium driven over WebDriver (chromedriver + fantoccini)
//! against a Kolo server started by the test, with axe-core injected to check accessibility.
//!
//! `.ci/run` installs `chromium` and `chromium-driver`. Elsewhere, without them, these tests say
//! so and pass only when `CI` is not set: in CI a missing browser fails the run.

mod events;
mod journeys;
mod members;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const AXE: &str = include_str!("axe.min.js");

/// One browser at a time: two cores do not run several Chromiums and a server well.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The two sizes every journey runs at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Desktop,
    Phone,
}

impl Screen {
    pub fn name(self) -> &'static str {
        match self {
            Screen::Desktop => "desktop",
            Screen::Phone => "phone",
        }
    }
}

/// A running chromedriver with one browser session; both end when dropped.
pub struct Browser {
    pub client: Client,
    pub base: String,
    pub screen: Screen,
    driver: Child,
    _profile: tempfile::TempDir,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts a browser for `base` (the server's URL) at `screen`, with `language` as the browser's
/// preferred language; `None` (with a note) when Chromium is not installed outside CI.
pub async fn open(base: &str, screen: Screen, language: &str) -> Option<Browser> {
    let installed =
        std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists();
    if !installed {
        assert!(
            std::env::var("CI").is_err(),
            "CI must run the browser tests: apt-get install chromium chromium-driver"
        );
        eprintln!(
            "note: browser test skipped: install Debian's chromium and chromium-driver to run it"
        );
        return None;
    }
    let turn = ONE_BROWSER.lock().await;
    let port = free_port();
    let driver = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--hide-scrollbars".to_owned(),
        format!("--lang={language}"),
        format!("--user-data-dir={}", profile.path().display()),
    ];
    let mut options = json!({
        "binary": CHROMIUM,
        "prefs": { "intl.accept_languages": language },
    });
    match screen {
        Screen::Desktop => args.push("--window-size=1280,900".to_owned()),
        Screen::Phone => {
            options["mobileEmulation"] =
                json!({ "deviceMetrics": { "width": 360, "height": 740, "pixelRatio": 2.0 } });
        }
    }
    options["args"] = json!(args);
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let url = format!("http://127.0.0.1:{port}");
    let mut client = None;
    for _ in 0..100 {
        // chromedriver speaks plain HTTP on loopback: no TLS stack needed.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    Some(Browser {
        client: client.expect("chromedriver answers"),
        base: base.trim_end_matches('/').to_owned(),
        screen,
        driver,
        _profile: profile,
        _turn: turn,
    })
}

impl Browser {
    pub async fn goto(&self, path_or_url: &str) {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_owned()
        } else {
            format!("{}{path_or_url}", self.base)
        };
        self.client.goto(&url).await.expect("navigate");
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!("no element {css}: {e}\n{}", self.source().await),
        }
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|all| all.len())
            .unwrap_or(0)
    }

    pub async fn source(&self) -> String {
        self.client.source().await.unwrap_or_default()
    }

    pub async fn text(&self) -> String {
        self.find("body").await.text().await.unwrap_or_default()
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits (up to 10 s) until the page's path ends with `suffix`.
    pub async fn wait_for_path(&self, suffix: &str) {
        for _ in 0..100 {
            if self.path().await.ends_with(suffix) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("never reached …{suffix}; at {}", self.path().await);
    }

    /// Types into the field labelled by its id.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    /// Clicks a button or link whose visible text contains `text`.
    pub async fn click_text(&self, text: &str) {
        let xpath = format!(
            "//*[self::button or self::a][contains(normalize-space(.), {})]",
            xpath_literal(text)
        );
        let element = match self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(&xpath))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!("no button or link {text:?}: {e}\n{}", self.source().await),
        };
        element.click().await.expect("click");
    }

    /// Writes a screenshot to `target/screenshots/<name>-<screen>.png` and returns the path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}-{}.png", self.screen.name()));
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Runs axe-core on the current page and fails on any serious or critical violation.
    pub async fn assert_accessible(&self, what: &str) {
        // axe is injected and run in one script, so a page that changes in between cannot
        // leave it undefined.
        let script = format!(
            "{AXE}\n;const done = arguments[arguments.length - 1];
             window.axe.run(document, {{ resultTypes: ['violations'] }})
                .then(r => done(JSON.stringify(r.violations)))
                .catch(e => done(JSON.stringify([{{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }}])));"
        );
        let result = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("axe runs");
        let violations: Vec<Value> =
            serde_json::from_str(result.as_str().unwrap_or("[]")).unwrap_or_default();
        let serious: Vec<String> = violations
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                let targets: Vec<String> = v["nodes"]
                    .as_array()
                    .map(|nodes| nodes.iter().map(|n| n["target"].to_string()).collect())
                    .unwrap_or_default();
                format!("{}: {} at {}", v["id"], v["help"], targets.join(", "))
            })
            .collect();
        assert!(
            serious.is_empty(),
            "axe on {what} ({}): {serious:#?}",
            self.screen.name()
        );
    }

    /// Presses Tab until the element matching `css` has the focus (at most `limit` times):
    /// proves it can be reached by keyboard.
    pub async fn tab_to(&self, css: &str, limit: usize) {
        let target = self.find(css).await;
        for _ in 0..limit {
            let active = self.client.active_element().await.expect("focus");
            if active.element_id() == target.element_id() {
                return;
            }
            active.send_keys("\u{e004}").await.expect("tab");
        }
        panic!("{css} is not reachable with Tab within {limit} presses");
    }

    /// Presses Enter on the focused element.
    pub async fn press_enter(&self) {
        let active = self.client.active_element().await.expect("focus");
        active.send_keys("\u{e007}").await.expect("enter");
    }
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("\"{text}\"")
    }
}
