//! Host names: dot-separated labels of letters, digits and inner hyphens.

/// The longest host name (RFC 1035).
pub const MAX_HOST_LEN: usize = 253;

/// Whether the text is a host name (`coupons.bestshop.com`); internationalised labels are allowed.
pub fn is_host_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_HOST_LEN
        && text.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Whether the text is a host name that can be a custom domain: at least two labels, the last not all digits.
pub fn is_domain_name(text: &str) -> bool {
    is_host_name(text)
        && text.contains('.')
        && !text.rsplit('.').next().unwrap_or("").chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        for ok in ["coupons.bestshop.com", "a.io", "xn--9t4b11yi5a.com", "쿠폰.한국"] {
            assert!(is_domain_name(ok), "{ok}");
        }
        for bad in ["localhost", "-a.com", "a-.com", "a..com", "a.com/", "https://a.com", "a com.com", "1.2.3.4", ""] {
            assert!(!is_domain_name(bad), "{bad}");
        }
    }
}
