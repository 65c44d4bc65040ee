//! Links a coupon may carry: absolute `http`/`https` URLs with a host, and nothing else.

/// The longest URL accepted.
pub const MAX_URL_LEN: usize = 2048;

/// What a text is, as a coupon link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// An absolute `http` or `https` URL with a host: safe to render as a link.
    Web,
    /// A URL with another scheme (`javascript:`, `data:`, `file:` ...): never a link.
    OtherScheme,
    /// Not an absolute URL at all.
    Invalid,
}

/// Classifies a coupon link.
pub fn classify_url(text: &str) -> UrlKind {
    let Some((scheme, rest)) = text.split_once(':') else {
        return UrlKind::Invalid;
    };
    let scheme_shaped = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_shaped {
        return UrlKind::Invalid;
    }
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return UrlKind::OtherScheme;
    }
    let Some(after_slashes) = rest.strip_prefix("//") else {
        return UrlKind::Invalid;
    };
    if text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\' | '`')) {
        return UrlKind::Invalid;
    }
    let authority = after_slashes.split(['/', '?', '#']).next().unwrap_or("");
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host_and_port.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => {
            if !port.is_empty() && !port.bytes().all(|c| c.is_ascii_digit()) {
                return UrlKind::Invalid;
            }
            host
        }
        _ => host_and_port,
    };
    let host_ok = if let Some(ipv6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !ipv6.is_empty() && ipv6.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host.split('.').all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
            && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '%'))
    };
    if host_ok {
        UrlKind::Web
    } else {
        UrlKind::Invalid
    }
}

/// Whether a text may be rendered as a link: an absolute http(s) URL with a host, not too long.
pub fn is_safe_link(text: &str) -> bool {
    text.len() <= MAX_URL_LEN && classify_url(text) == UrlKind::Web
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_are_links() {
        for ok in [
            "https://bestshop.com",
            "http://bestshop.com/sale?x=1#top",
            "HTTPS://Shop.Example.co.kr:8443/a",
            "https://user@shop.example/",
            "http://127.0.0.1:8080",
            "https://[::1]:3000/",
            "https://상점.한국/쿠폰",
        ] {
            assert_eq!(classify_url(ok), UrlKind::Web, "{ok}");
        }
    }

    #[test]
    fn other_schemes_are_never_links() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<b>",
            "file:///etc/passwd",
            "ftp://x.com",
            "vbscript:x",
        ] {
            assert_eq!(classify_url(bad), UrlKind::OtherScheme, "{bad}");
            assert!(!is_safe_link(bad));
        }
    }

    #[test]
    fn broken_urls_are_invalid() {
        for bad in [
            "bestshop.com",
            "https:/x.com",
            "https://",
            "https:// x.com",
            "https://-x.com",
            "https://a..b",
            "//x.com",
            "",
            "https://x.com:80a",
            "http://x.com/\"onclick",
        ] {
            assert_eq!(classify_url(bad), UrlKind::Invalid, "{bad}");
        }
    }
}
