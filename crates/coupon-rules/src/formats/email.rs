//! A plausible e-mail address: `local@domain.tld`, no spaces.

use super::host::is_host_name;

/// The longest address accepted (RFC 5321).
pub const MAX_EMAIL_LEN: usize = 254;

/// Whether the text looks like a deliverable e-mail address. Not a full RFC 5322 parser: it refuses
/// what is almost surely a typo and accepts every address people really use.
pub fn is_plausible_email(text: &str) -> bool {
    if text.len() > MAX_EMAIL_LEN {
        return false;
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && domain.contains('.') && is_host_name(domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses_and_refuses_typos() {
        for ok in ["brown@bestshop.com", "a.b+tag@mail.example.co.kr", "x@y.io", "홍길동@예시.한국"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "brown",
            "brown@",
            "@shop.com",
            "brown@shop",
            "a b@shop.com",
            "a..b@shop.com",
            "a@b@c.com",
            "a@-shop.com",
            "a@shop..com",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(!is_plausible_email(&long));
    }
}
