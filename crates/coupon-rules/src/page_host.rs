//! Which coupons a page host shows: a shop's own domain (a coupon's `domain`, premium plan) shows
//! only the coupons on that domain, so it never shows another shop's coupon; the server's own host,
//! and any host no coupon names, shows every coupon.

use crate::formats::host::is_domain_name;

/// The host a request names (`Host` header), in the form coupons' domains are compared in:
/// lower case, without a port or a trailing dot.
pub fn request_host(header: &str) -> String {
    let host = header.trim();
    // `[::1]:8080`: an IPv6 literal keeps its brackets, loses the port.
    let without_port = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(rest),
        None => {
            host.rsplit_once(':').filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit())).map_or(host, |(h, _)| h)
        }
    };
    without_port.trim_end_matches('.').to_lowercase()
}

/// Whether a coupon on `domain` (empty: none) may be shown on `host` without asking the store:
/// it is the coupon's own domain, the server's own host, or a host that cannot be a coupon's domain
/// (`localhost`, an IP address). When this says no, the host shows the coupon only if no coupon
/// names it as its domain.
pub fn shown_without_lookup(domain: &str, host: &str, own_host: Option<&str>) -> bool {
    let own = own_host.is_some_and(|own| own.eq_ignore_ascii_case(host));
    domain.eq_ignore_ascii_case(host) || own || !is_domain_name(host)
}

/// The address of a coupon's page: on its domain when it has one, else under the server's public
/// URL (`https://coupons.example.com`), else relative to wherever the admin is.
pub fn page_url(domain: &str, public_url: Option<&str>, cpn_no: &str) -> String {
    match (domain.is_empty(), public_url) {
        (false, _) => format!("https://{}/c/{cpn_no}", domain.to_lowercase()),
        (true, Some(base)) => format!("{}/c/{cpn_no}", base.trim_end_matches('/')),
        (true, None) => format!("/c/{cpn_no}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_hosts_lose_case_port_and_trailing_dot() {
        assert_eq!(request_host("Coupons.BestShop.com:8443"), "coupons.bestshop.com");
        assert_eq!(request_host("coupons.bestshop.com."), "coupons.bestshop.com");
        assert_eq!(request_host("127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(request_host("[::1]:8080"), "::1");
    }

    #[test]
    fn a_shop_domain_needs_a_lookup_unless_it_is_the_coupons_own() {
        let own = Some("coupons.example.com");
        assert!(shown_without_lookup("shop.example", "shop.example", own), "its own domain");
        assert!(shown_without_lookup("SHOP.example", "shop.example", own), "any case");
        assert!(shown_without_lookup("shop.example", "coupons.example.com", own), "the server's own host");
        assert!(shown_without_lookup("", "localhost", None), "cannot be a domain");
        assert!(shown_without_lookup("shop.example", "127.0.0.1", None), "an IP address");
        assert!(!shown_without_lookup("shop.example", "other.example", own), "another shop's domain");
        assert!(!shown_without_lookup("", "other.example", None), "a coupon without a domain on a shop's");
    }

    #[test]
    fn page_urls_use_the_coupons_domain_first() {
        assert_eq!(page_url("Shop.example", Some("https://c.example/"), "AB12"), "https://shop.example/c/AB12");
        assert_eq!(page_url("", Some("https://c.example/"), "AB12"), "https://c.example/c/AB12");
        assert_eq!(page_url("", None, "AB12"), "/c/AB12");
    }
}
