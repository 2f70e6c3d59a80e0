//! What every page handler starts from: the reader's language, the signed-in person (from the
//! session cookie), the CSRF token for its forms, and how to answer (render, redirect).

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use futures_util::future::LocalBoxFuture;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::auth::model::Person;
use crate::auth::sessions;
use crate::error::AppError;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::web::i18n::{self, Arg};
use crate::web::{WebError, WebResult};

pub const SESSION_COOKIE: &str = "kolo_session";
pub const CSRF_COOKIE: &str = "kolo_csrf";
pub const LANG_COOKIE: &str = "kolo_lang";

/// Where the page's language came from; pages about one event or organisation use its default
/// language when the reader expressed no choice (`Header` or `Default`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocaleSource {
    Query,
    Cookie,
    Account,
    Header,
    Default,
}

pub struct Page {
    pub locale: Locale,
    pub locale_source: LocaleSource,
    pub person: Option<Person>,
    /// Whether the signed-in person is on the staff of some organisation (read with the
    /// session, so the header's "Manage" link costs no query).
    staffs: bool,
    /// The token every form of this page carries (`<input name="csrf">`).
    pub csrf: String,
    /// The request's path and query, for links back here (language picker, sign-in).
    pub here: String,
    /// A short confirmation from the page before (`?notice=`), already translated.
    pub notice: Option<String>,
    new_csrf_cookie: Option<String>,
    set_lang_cookie: Option<Locale>,
    origin_ok: bool,
    secure_cookies: bool,
}

type HmacSha256 = Hmac<Sha256>;

/// The CSRF token of a session or anonymous cookie: an HMAC of it under the server's secret,
/// so nothing needs storing and a token is worthless without the cookie it belongs to.
fn csrf_token(secret: &str, cookie_value: &str) -> String {
    use base64::Engine;
    let Ok(mut mac) = HmacSha256::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(b"kolo-csrf|");
    mac.update(cookie_value.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// A state-changing request from a browser must come from Kolo's own pages: an `Origin` (or,
/// failing that, `Referer`) naming another site is refused even with a valid token. Browsers
/// send `Origin` on every form POST, so an absent one means a non-browser client, which the
/// token alone covers.
fn same_origin(req: &HttpRequest, public_url: &str) -> bool {
    let claimed = req
        .headers()
        .get(header::ORIGIN)
        .or_else(|| req.headers().get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let Some(claimed) = claimed else {
        return true;
    };
    let origin_of = |url: &str| -> String {
        let rest = url.split("://").nth(1).unwrap_or("");
        let scheme = url.split("://").next().unwrap_or("");
        let host = rest.split('/').next().unwrap_or("");
        format!("{scheme}://{host}").to_ascii_lowercase()
    };
    let claimed = origin_of(claimed);
    if claimed == origin_of(public_url) {
        return true;
    }
    let host = req.connection_info().host().to_ascii_lowercase();
    claimed.split("://").nth(1) == Some(host.as_str())
}

/// The request's path and query without `lang` and `notice`, which describe one visit only.
fn here(req: &HttpRequest) -> String {
    let kept: Vec<(String, String)> =
        web::Query::<Vec<(String, String)>>::from_query(req.query_string())
            .map(|q| q.into_inner())
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "lang" && k != "notice")
            .collect();
    if kept.is_empty() {
        return req.path().to_owned();
    }
    let query = serde_urlencoded::to_string(&kept).unwrap_or_default();
    format!("{}?{query}", req.path())
}

fn cookie_locale(req: &HttpRequest) -> Option<Locale> {
    req.cookie(LANG_COOKIE)
        .and_then(|c| Locale::parse(c.value()))
}

fn query_locale(req: &HttpRequest) -> Option<Locale> {
    query_param(req, "lang").and_then(|v| Locale::parse(&v))
}

/// One query parameter, decoded; pages read their own queries with `web::Query`.
pub fn query_param(req: &HttpRequest, name: &str) -> Option<String> {
    web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .ok()?
        .into_inner()
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The reader's language without asking the database: for error pages.
pub fn locale_without_account(req: &HttpRequest) -> Locale {
    query_locale(req)
        .or_else(|| cookie_locale(req))
        .or_else(|| header_locale(req))
        .unwrap_or(Locale::En)
}

fn header_locale(req: &HttpRequest) -> Option<Locale> {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
}

impl FromRequest for Page {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Page, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?
                .clone();
            let settings = &state.settings;
            let session = req
                .cookie(SESSION_COOKIE)
                .map(|c| c.value().to_owned())
                .filter(|v| !v.is_empty() && v.len() <= 64);
            let found = match session.clone() {
                Some(secret) => {
                    let ttl = chrono::Duration::days(settings.web.session_ttl_days);
                    state
                        .db(move |conn| {
                            Ok(sessions::person_for(conn, &secret, ttl, crate::db::now())?)
                        })
                        .await?
                }
                None => None,
            };
            let staffs = found.as_ref().is_some_and(|(_, staffs)| *staffs);
            let person = found.map(|(person, _)| person);
            let secret = &settings.auth.jwt_secret;
            let (csrf, new_csrf_cookie) = match (&person, session) {
                (Some(_), Some(session)) => (csrf_token(secret, &format!("s:{session}")), None),
                _ => {
                    let existing = req
                        .cookie(CSRF_COOKIE)
                        .map(|c| c.value().to_owned())
                        .filter(|v| v.len() == 43);
                    let (value, fresh) = match existing {
                        Some(v) => (v, None),
                        None => {
                            let v = crate::auth::tokens::random_value();
                            (v.clone(), Some(v))
                        }
                    };
                    (csrf_token(secret, &format!("a:{value}")), fresh)
                }
            };
            let from_query = query_locale(&req);
            let (locale, locale_source) = if let Some(l) = from_query {
                (l, LocaleSource::Query)
            } else if let Some(l) = cookie_locale(&req) {
                (l, LocaleSource::Cookie)
            } else if let Some(p) = &person {
                (p.locale(), LocaleSource::Account)
            } else if let Some(l) = header_locale(&req) {
                (l, LocaleSource::Header)
            } else {
                (Locale::En, LocaleSource::Default)
            };
            // `?notice=` names a text key, never free text, so a link cannot make Kolo say
            // something it does not.
            let notice = query_param(&req, "notice")
                .filter(|key| key.len() <= 60 && key.contains("-notice-"))
                .filter(|key| i18n::exists(locale, key))
                .map(|key| i18n::text(locale, &key, None));
            let here = here(&req);
            let origin_ok = req.method() == Method::GET
                || req.method() == Method::HEAD
                || same_origin(&req, settings.public_url());
            Ok(Page {
                locale,
                locale_source,
                person,
                staffs,
                csrf,
                here,
                notice,
                new_csrf_cookie,
                set_lang_cookie: from_query,
                origin_ok,
                secure_cookies: settings.public_url().starts_with("https://"),
            })
        })
    }
}

/// A language in the picker.
pub struct LanguageOption {
    pub tag: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

impl Page {
    /// A page for an answer made outside a handler (error pages): no account, no forms.
    pub fn bare(req: &HttpRequest) -> Page {
        Page {
            locale: locale_without_account(req),
            locale_source: LocaleSource::Default,
            person: None,
            staffs: false,
            csrf: String::new(),
            here: here(req),
            notice: None,
            new_csrf_cookie: None,
            set_lang_cookie: None,
            origin_ok: false,
            secure_cookies: false,
        }
    }

    /// Remembers the reader's language choice in a cookie on the next answer.
    pub fn remember_language(&mut self, locale: Locale) {
        self.set_lang_cookie = Some(locale);
    }

    /// Every language Kolo speaks, each named in itself, for the picker.
    pub fn languages(&self) -> Vec<LanguageOption> {
        Locale::ALL
            .iter()
            .map(|l| LanguageOption {
                tag: l.tag(),
                name: language_name(*l),
                selected: *l == self.locale,
            })
            .collect()
    }

    /// The hashed URL of a static file.
    pub fn asset(&self, name: &str) -> String {
        crate::web::assets::url(name)
    }

    /// A page text in the reader's language.
    pub fn t(&self, key: &str) -> String {
        i18n::text(self.locale, key, None)
    }

    /// A page text with one number (plurals follow the reader's language).
    pub fn tn(&self, key: &str, name: &str, n: impl Into<i64>) -> String {
        i18n::with_args(self.locale, key, &[(name, Arg::Num(n.into()))])
    }

    /// A page text with one string.
    pub fn ts(&self, key: &str, name: &str, value: &str) -> String {
        i18n::with_args(self.locale, key, &[(name, Arg::Str(value))])
    }

    /// A page text with several arguments.
    pub fn ta(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        i18n::with_args(self.locale, key, args)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn signed_in(&self) -> bool {
        self.person.is_some()
    }

    pub fn is_admin(&self) -> bool {
        self.person.as_ref().is_some_and(|p| p.is_admin)
    }

    /// Whether the header shows the organisers' pages: staff of some organisation, or a
    /// platform admin.
    pub fn may_manage(&self) -> bool {
        self.staffs || self.is_admin()
    }

    /// The signed-in person, or the sign-in page (which comes back here afterwards).
    pub fn person(&self) -> Result<&Person, WebError> {
        self.person
            .as_ref()
            .ok_or_else(|| WebError::SignIn(self.here.clone()))
    }

    /// Checks a submitted form's token and origin; every state-changing page handler calls it
    /// before anything else.
    pub fn verify(&self, submitted: &str) -> Result<(), WebError> {
        let token_ok = !self.csrf.is_empty()
            && submitted.len() == self.csrf.len()
            && submitted
                .bytes()
                .zip(self.csrf.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if token_ok && self.origin_ok {
            Ok(())
        } else {
            Err(WebError::Csrf)
        }
    }

    /// The locale of a page about something with its own default language: the reader's
    /// explicit choice wins, else that default.
    pub fn locale_or(&self, default: Option<Locale>) -> Locale {
        match (self.locale_source, default) {
            (LocaleSource::Header | LocaleSource::Default, Some(d)) => d,
            _ => self.locale,
        }
    }

    /// Renders a template with status 200.
    pub fn render(&self, template: &impl askama::Template) -> WebResult {
        self.render_status(StatusCode::OK, template)
    }

    pub fn render_status(&self, status: StatusCode, template: &impl askama::Template) -> WebResult {
        let body = template.render().map_err(AppError::internal)?;
        let mut response = HttpResponse::build(status);
        response.content_type("text/html; charset=utf-8");
        self.add_cookies(&mut response);
        Ok(response.body(body))
    }

    /// `303 See Other` after a form, so a reload does not submit it again.
    pub fn redirect(&self, to: &str) -> HttpResponse {
        let mut response = HttpResponse::SeeOther();
        response.insert_header((header::LOCATION, safe_target(to)));
        self.add_cookies(&mut response);
        response.finish()
    }

    fn add_cookies(&self, response: &mut actix_web::HttpResponseBuilder) {
        if let Some(value) = &self.new_csrf_cookie {
            response.cookie(self.cookie(CSRF_COOKIE, value.clone(), None));
        }
        if let Some(locale) = self.set_lang_cookie {
            response.cookie(language_cookie(locale, self.secure_cookies));
        }
    }

    fn cookie(&self, name: &'static str, value: String, days: Option<i64>) -> Cookie<'static> {
        let mut cookie = Cookie::build(name, value)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure_cookies)
            .finish();
        if let Some(days) = days {
            cookie.set_max_age(CookieDuration::days(days));
        }
        cookie
    }

    /// The session cookie for a new sign-in.
    pub fn session_cookie(&self, secret: String, days: i64) -> Cookie<'static> {
        self.cookie(SESSION_COOKIE, secret, Some(days))
    }

    /// A cookie that removes the session cookie (sign-out).
    pub fn expired_session_cookie(&self) -> Cookie<'static> {
        let mut cookie = self.cookie(SESSION_COOKIE, String::new(), None);
        cookie.make_removal();
        cookie
    }
}

pub fn language_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::SrLatn => "Srpski (latinica)",
        Locale::SrCyrl => "Српски (ћирилица)",
        Locale::Hr => "Hrvatski",
        Locale::Bs => "Bosanski",
        Locale::Sl => "Slovenščina",
        Locale::Mk => "Македонски",
        Locale::Bg => "Български",
        Locale::Ro => "Română",
        Locale::Sq => "Shqip",
    }
}

pub fn language_cookie(locale: Locale, secure: bool) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, locale.tag())
        .path("/")
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(CookieDuration::days(365))
        .finish()
}

/// Only local paths: a `next=` parameter must never send the reader to another site.
pub fn safe_target(to: &str) -> &str {
    let local = to.starts_with('/')
        && !to.starts_with("//")
        && !to.starts_with("/\\")
        && !to.chars().any(|c| c.is_control());
    if local {
        to
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::{csrf_token, safe_target};

    #[test]
    fn csrf_tokens_depend_on_the_cookie_and_the_secret() {
        let a = csrf_token("secret", "s:one");
        assert_eq!(a, csrf_token("secret", "s:one"));
        assert_ne!(a, csrf_token("secret", "s:two"));
        assert_ne!(a, csrf_token("other", "s:one"));
        assert_eq!(a.len(), 43);
    }

    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(safe_target("/me/registrations"), "/me/registrations");
        assert_eq!(safe_target("https://evil.example/"), "/");
        assert_eq!(safe_target("//evil.example/"), "/");
        assert_eq!(safe_target("/\\evil.example"), "/");
        assert_eq!(safe_target("/a\nb"), "/");
    }
}
