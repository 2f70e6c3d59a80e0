//! Static files, compiled into the binary and served under a name that carries a hash of their
//! content, so browsers may keep them for a year and still see a new version at once.

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use sha2::{Digest, Sha256};

struct Asset {
    name: &'static str,
    hashed: String,
    content_type: &'static str,
    body: &'static [u8],
}

/// Vendored files and their versions and licenses: `assets/VENDORED.md`.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "kolo.css",
        "text/css; charset=utf-8",
        include_bytes!("assets/kolo.css"),
    ),
    (
        "htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/htmx.min.js"),
    ),
    (
        "jsqr.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/jsqr.js"),
    ),
    (
        "checkin.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/checkin.js"),
    ),
];

fn assets() -> &'static [Asset] {
    static ASSETS: OnceLock<Vec<Asset>> = OnceLock::new();
    ASSETS.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, content_type, body)| {
                let digest = Sha256::digest(body);
                let hash: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
                let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
                Asset {
                    name,
                    hashed: format!("{stem}.{hash}.{ext}"),
                    content_type,
                    body,
                }
            })
            .collect()
    })
}

/// The URL of a static file, e.g. `/static/kolo.3f2a9c1b04d2.css`.
pub fn url(name: &str) -> String {
    assets()
        .iter()
        .find(|a| a.name == name)
        .map(|a| format!("/static/{}", a.hashed))
        .unwrap_or_else(|| format!("/static/{name}"))
}

pub async fn serve(file: web::Path<String>) -> HttpResponse {
    match assets().iter().find(|a| a.hashed == *file) {
        Some(asset) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, asset.content_type))
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.body),
        None => HttpResponse::NotFound().finish(),
    }
}
