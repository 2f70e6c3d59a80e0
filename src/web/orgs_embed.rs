//! `/o/{slug}/embed`: a host's upcoming events for an iframe on its own website. The one page
//! that may be framed, and only by the origins in `web.embed_origins`.

use actix_web::http::header::{self, HeaderValue};
use actix_web::web;
use askama::Template;

use crate::error::AppError;
use crate::events::service::Asker;
use crate::http::AppState;
use crate::members::model::Organisation;
use crate::web::errors::PAGE_CSP;
use crate::web::orgs::{load_host, upcoming};
use crate::web::orgs_view::EventCard;
use crate::web::{Page, WebResult};

#[derive(Template)]
#[template(path = "orgs_embed.html")]
struct EmbedPage<'a> {
    p: &'a Page,
    org: &'a Organisation,
    cards: Vec<EventCard>,
    card_heading: u8,
    top: bool,
    more_events: bool,
}

/// An origin as CSP source expressions need it; anything that could end the directive or add
/// another (spaces, `;`, `,`, quotes) is dropped rather than trusted.
fn plain_origin(origin: &str) -> bool {
    let origin = origin.trim();
    (origin.starts_with("https://") || origin.starts_with("http://"))
        && origin.len() > "https://".len()
        && origin
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '\'' | '"'))
}

/// The page CSP with `frame-ancestors` naming the configured origins (`'none'` without any).
pub fn embed_csp(origins: &[String]) -> String {
    let allowed: Vec<&str> = origins
        .iter()
        .map(|o| o.trim())
        .filter(|o| plain_origin(o))
        .collect();
    let ancestors = if allowed.is_empty() {
        "'none'".to_owned()
    } else {
        allowed.join(" ")
    };
    PAGE_CSP.replace(
        "frame-ancestors 'none'",
        &format!("frame-ancestors {ancestors}"),
    )
}

pub async fn show(page: Page, state: web::Data<AppState>, slug: web::Path<String>) -> WebResult {
    let org = load_host(&state, &slug).await?;
    // Framed on another site, the browser sends no session cookie (SameSite): list what
    // everyone may see.
    let asker = Asker {
        person_id: None,
        locale: Some(page.locale),
    };
    let (cards, total) = upcoming(&state, &page, asker, &org.slug).await?;
    let template = EmbedPage {
        p: &page,
        org: &org,
        more_events: total > cards.len() as i64,
        cards,
        card_heading: 2,
        top: true,
    };
    let mut response = page.render(&template)?;
    let csp = HeaderValue::from_str(&embed_csp(&state.settings.web.embed_origins))
        .map_err(AppError::internal)?;
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, csp);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::embed_csp;

    #[test]
    fn frame_ancestors_name_the_configured_origins_only() {
        let none = embed_csp(&[]);
        assert!(none.contains("frame-ancestors 'none'"));
        let two = embed_csp(&[
            "https://a.example".into(),
            " https://b.example:8443 ".into(),
            "https://evil.example; script-src *".into(),
            "'unsafe-inline'".into(),
        ]);
        assert!(two.ends_with("frame-ancestors https://a.example https://b.example:8443"));
        assert!(two.contains("script-src 'self';"));
        assert!(!two.contains("evil") && !two.contains("unsafe-inline"));
    }
}
