//! Which coupons a request's host may show: the rule is `coupon_rules::page_host`; this asks the
//! store the one thing the rule cannot know, whether some coupon names the host as its domain.

use coupon_rules::page_host;
use url::Url;

use crate::store::{Store, StoreError};

/// The server's own address (`--public-url`), which shows every coupon.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHosts {
    /// `https://coupons.example.com`, without a trailing slash.
    public_url: Option<String>,
    /// Its host, lower case.
    own_host: Option<String>,
}

impl PageHosts {
    /// The hosts of a server reachable at `public_url` (none: only hosts no coupon names show every coupon).
    pub fn new(public_url: Option<&Url>) -> PageHosts {
        PageHosts {
            public_url: public_url.map(|url| url.as_str().trim_end_matches('/').to_owned()),
            own_host: public_url.and_then(Url::host_str).map(page_host::request_host),
        }
    }

    /// The address of a coupon's page, on its domain when it has one.
    pub fn page_url(&self, domain: &str, cpn_no: &str) -> String {
        page_host::page_url(domain, self.public_url.as_deref(), cpn_no)
    }

    /// Whether a request to `host_header` may show a coupon on `domain`: a shop's domain shows only
    /// its own coupons; any other host shows every coupon.
    pub async fn shows(&self, store: &Store, host_header: &str, domain: &str) -> Result<bool, StoreError> {
        let host = page_host::request_host(host_header);
        if page_host::shown_without_lookup(domain, &host, self.own_host.as_deref()) {
            return Ok(true);
        }
        Ok(!store.domain_in_use(&host).await?)
    }

    /// [`PageHosts::shows`] for the coupon with `cpn_no`, reading it only when the host is a shop's
    /// domain (an unknown code is left to the caller to answer).
    pub async fn shows_code(&self, store: &Store, host_header: &str, cpn_no: &str) -> Result<bool, StoreError> {
        let host = page_host::request_host(host_header);
        if page_host::shown_without_lookup("", &host, self.own_host.as_deref()) || !store.domain_in_use(&host).await? {
            return Ok(true);
        }
        let domain = store.coupon_by_code(cpn_no).await?.map(|stored| stored.coupon.domain);
        Ok(domain.is_none_or(|domain| domain.eq_ignore_ascii_case(&host)))
    }
}
