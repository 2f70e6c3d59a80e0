//! Who the client is, for rate limits: the TCP peer, unless that peer is one of
//! `server.trusted_proxies`, in which case `X-Forwarded-For` is read from the right (the hops the
//! proxies themselves appended) and the first address that is not a trusted proxy is the client.
//! Entries left of that one were written by the client and prove nothing, so a forged header
//! from an untrusted peer is never read at all.

use std::future::{ready, Ready};
use std::net::{IpAddr, Ipv4Addr};

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use ipnet::IpNet;

use crate::error::AppError;
use crate::http::AppState;

/// An IP address (`10.0.0.1`, `::1`) or a CIDR range (`10.0.0.0/8`).
pub fn parse_network(raw: &str) -> Option<IpNet> {
    let raw = raw.trim();
    if raw.contains('/') {
        raw.parse::<IpNet>().ok().map(|n| n.trunc())
    } else {
        raw.parse::<IpAddr>().ok().map(IpNet::from)
    }
}

#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Settings are checked at load, so entries that do not parse cannot occur; they are skipped.
    pub fn new(entries: &[String]) -> TrustedProxies {
        TrustedProxies(entries.iter().filter_map(|e| parse_network(e)).collect())
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address given the TCP peer and every `X-Forwarded-For` value in order.
    pub fn client_ip<'a>(&self, peer: IpAddr, forwarded: impl Iterator<Item = &'a str>) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded.flat_map(|v| v.split(',')).collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // A hop that is not an address (garbage, "unknown", an obfuscated name) cannot be
            // keyed on; the last trusted proxy is the best we know.
            let Some(ip) = parse_hop(hop) else {
                return client;
            };
            client = ip;
            if !self.trusts(ip) {
                return ip;
            }
        }
        client
    }
}

/// `203.0.113.7`, `2001:db8::1`, or with a port: `203.0.113.7:4711`, `[2001:db8::1]:4711`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    hop.parse::<std::net::SocketAddr>()
        .ok()
        .map(|s| s.ip().to_canonical())
}

/// The client address of a request (see the module documentation).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl FromRequest for ClientIp {
    type Error = AppError;
    type Future = Ready<Result<ClientIp, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let peer = req
            .peer_addr()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| a.ip());
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok());
        let ip = match req.app_data::<web::Data<AppState>>() {
            Some(state) => state.trusted_proxies.client_ip(peer, forwarded),
            None => peer,
        };
        ready(Ok(ClientIp(ip)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn untrusted_peer_is_the_client_whatever_it_forwards() {
        let proxies = TrustedProxies::new(&["10.0.0.0/8".into()]);
        let got = proxies.client_ip(ip("198.51.100.9"), ["1.2.3.4"].into_iter());
        assert_eq!(got, ip("198.51.100.9"));
    }

    #[test]
    fn walks_forwarded_for_from_the_right_past_trusted_hops() {
        let proxies = TrustedProxies::new(&["10.0.0.0/8".into(), "192.0.2.1".into()]);
        let headers = ["6.6.6.6, 203.0.113.7", "192.0.2.1, 10.1.2.3"];
        let got = proxies.client_ip(ip("10.0.0.2"), headers.into_iter());
        assert_eq!(got, ip("203.0.113.7"));
    }

    #[test]
    fn odd_hops_and_ports() {
        let proxies = TrustedProxies::new(&["10.0.0.1".into()]);
        assert_eq!(
            proxies.client_ip(ip("10.0.0.1"), ["[2001:db8::1]:4711"].into_iter()),
            ip("2001:db8::1")
        );
        assert_eq!(
            proxies.client_ip(ip("10.0.0.1"), ["unknown"].into_iter()),
            ip("10.0.0.1")
        );
        assert_eq!(
            proxies.client_ip(ip("::ffff:10.0.0.1"), std::iter::empty()),
            ip("10.0.0.1")
        );
        assert!(parse_network("10.0.0.0/33").is_none() && parse_network("nope").is_none());
    }
}
