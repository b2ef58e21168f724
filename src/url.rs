//! What this widget needs to know about a URL, without a URL parser in the bundle:
//! its origin, and whether it is safe to send secrets to (https, or http on a
//! loopback host, RFC 9700 §2.6 and RFC 8252 §8.3).

/// `scheme://authority` of an absolute http(s) URL, lower-cased; `None` for anything
/// else, including URLs with user info (`https://a@b`), which nobody configures on
/// purpose.
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let bad = |c: char| c == '@' || c == '\\' || c.is_whitespace() || c.is_control();
    if authority.is_empty() || authority.contains(bad) {
        return None;
    }
    Some(format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// The host of an origin, without the port.
fn host(origin: &str) -> &str {
    let authority = origin.split_once("://").map_or(origin, |(_, a)| a);
    if let Some(rest) = authority.strip_prefix('[') {
        return rest.split(']').next().unwrap_or_default();
    }
    authority.split(':').next().unwrap_or_default()
}

/// Whether `origin` names this machine: `localhost`, `127.0.0.0/8` or `[::1]`.
pub fn is_loopback(origin: &str) -> bool {
    let host = host(origin);
    let ipv4_loopback = host.strip_prefix("127.").is_some_and(|rest| {
        let parts: Vec<&str> = rest.split('.').collect();
        parts.len() == 3 && parts.iter().all(|p| p.parse::<u8>().is_ok())
    });
    host == "localhost" || host == "::1" || ipv4_loopback
}

/// Whether tokens and codes may travel to `url`: https, or http on a loopback host.
pub fn is_secure(url: &str) -> bool {
    origin(url).is_some_and(|o| o.starts_with("https://") || is_loopback(&o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_and_authority() {
        assert_eq!(
            origin("https://Acme.Zitadel.cloud/oauth/v2/authorize?x=1").as_deref(),
            Some("https://acme.zitadel.cloud")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin("javascript:alert(1)//"), None);
        assert_eq!(origin("javascript://x.example/%0aalert(1)"), None);
        assert_eq!(origin("https://user@evil.example/"), None);
        assert_eq!(origin("https:///path"), None);
        assert_eq!(origin("data:text/html,x"), None);
    }

    #[test]
    fn only_https_or_loopback_http_is_secure() {
        for url in [
            "https://acme.zitadel.cloud",
            "http://localhost:8080/x",
            "http://127.0.0.1:18080",
            "http://127.1.2.3/",
            "http://[::1]:8080/",
        ] {
            assert!(is_secure(url), "{url}");
        }
        for url in [
            "http://acme.zitadel.cloud",
            "http://127.0.0.1.evil.example/",
            "http://localhost.evil.example/",
            "http://[::2]/",
            "ftp://localhost/",
            "javascript:fetch(1)",
        ] {
            assert!(!is_secure(url), "{url}");
        }
    }
}
