//! A minimal browser for page tests: keeps cookies, sends forms with their CSRF token and an
//! `Origin` header as browsers do, and does not follow redirects (tests look at them).

use std::collections::BTreeMap;
use std::sync::Mutex;

use reqwest::header;

use crate::helpers::TestApp;

pub struct Browser<'a> {
    pub app: &'a TestApp,
    cookies: Mutex<BTreeMap<String, String>>,
    accept_language: Option<String>,
}

/// One answer of a page route.
#[derive(Debug)]
pub struct WebPage {
    pub status: u16,
    pub content_type: String,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl WebPage {
    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        self.input_value("csrf")
            .unwrap_or_else(|| panic!("no csrf field on the page:\n{}", self.body))
    }

    /// The `value` of the first `<input name="…">`.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\"");
        let at = self.body.find(&marker)?;
        let tag_start = self.body[..at].rfind('<')?;
        let tag_end = at + self.body[at..].find('>')?;
        let tag = &self.body[tag_start..tag_end];
        let value_at = tag.find("value=\"")? + 7;
        let value_end = value_at + tag[value_at..].find('"')?;
        Some(unescape(&tag[value_at..value_end]))
    }

    pub fn expect(self, status: u16) -> WebPage {
        assert_eq!(
            self.status, status,
            "unexpected status; body:\n{}",
            self.body
        );
        self
    }

    /// A 200 HTML page.
    pub fn expect_html(self) -> WebPage {
        assert!(
            self.content_type.starts_with("text/html"),
            "not HTML: {}",
            self.content_type
        );
        self.expect(200)
    }

    /// A 303 redirect; returns its target.
    pub fn expect_redirect(&self) -> String {
        assert_eq!(self.status, 303, "not a redirect; body:\n{}", self.body);
        self.location.clone().expect("Location header")
    }

    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }
}

fn unescape(s: &str) -> String {
    s.replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            cookies: Mutex::new(BTreeMap::new()),
            accept_language: None,
        }
    }

    /// A browser whose `Accept-Language` is `tag`.
    pub fn speaking(app: &'a TestApp, tag: &str) -> Browser<'a> {
        Browser {
            accept_language: Some(tag.to_owned()),
            ..Browser::new(app)
        }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    /// Sets a cookie as if a server had (e.g. a session opened straight in the database).
    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .unwrap()
            .insert(name.to_owned(), value.to_owned());
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> WebPage {
        let mut request = request.header(header::COOKIE, self.cookie_header());
        if let Some(lang) = &self.accept_language {
            request = request.header(header::ACCEPT_LANGUAGE, lang);
        }
        let response = request.send().await.expect("request");
        for value in response.headers().get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap_or_default();
            let pair = text.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                let removed = text.to_ascii_lowercase().contains("max-age=0") || value.is_empty();
                let mut jar = self.cookies.lock().unwrap();
                if removed {
                    jar.remove(name.trim());
                } else {
                    jar.insert(name.trim().to_owned(), value.trim().to_owned());
                }
            }
        }
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let location = headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.unwrap_or_default();
        WebPage {
            status,
            content_type,
            location,
            headers,
            body,
        }
    }

    /// GET a path (or a full URL, e.g. a link from an email).
    pub async fn get(&self, path_or_url: &str) -> WebPage {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_owned()
        } else {
            self.app.url(path_or_url)
        };
        self.send(self.app.client.get(url)).await
    }

    /// POSTs a form as a browser would (with `Origin`), fields as given (add `csrf` yourself
    /// to test refusals; `submit` adds it).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> WebPage {
        let body = serde_urlencoded::to_string(fields).expect("form encodes");
        let request = self
            .app
            .client
            .post(self.app.url(path))
            .header(header::ORIGIN, self.app.base.clone())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        self.send(request).await
    }

    /// POSTs a form as htmx does (with `HX-Request: true`).
    pub async fn post_htmx(&self, path: &str, fields: &[(&str, &str)]) -> WebPage {
        let body = serde_urlencoded::to_string(fields).expect("form encodes");
        let request = self
            .app
            .client
            .post(self.app.url(path))
            .header(header::ORIGIN, self.app.base.clone())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .body(body);
        self.send(request).await
    }

    /// Opens `form_page`, takes its CSRF token and POSTs `fields` to `action`.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> WebPage {
        let page = self.get(form_page).await.expect_html();
        let csrf = page.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    /// Follows a redirect answer with a GET.
    pub async fn follow(&self, page: &WebPage) -> WebPage {
        let target = page.expect_redirect();
        self.get(&target).await
    }
}
