//! The public view of a coupon: what its page shows, built from the stored coupon, the account's
//! time zone, its group's overrides and its template. Nothing secret is ever copied into it.

use chrono_tz::Tz;
use coupon_rules::{Coupon, Group, PublicCoupon, TemplateContent, Ymd};

use crate::clock;

/// Everything the public view is computed from (read in one query, cached where that is safe).
#[derive(Debug, Clone, PartialEq)]
pub struct PublicSource {
    /// The stored coupon.
    pub coupon: Coupon,
    /// Its account's time zone.
    pub timezone: Tz,
    /// Its group, if it has one.
    pub group: Option<Group>,
    /// Its template's texts, if it has one.
    pub template: Option<TemplateContent>,
}

impl PublicSource {
    /// Today in the coupon's account's time zone.
    pub fn today(&self) -> Ymd {
        clock::today_in(self.timezone)
    }

    /// The public view on `today`.
    pub fn view(&self, today: Ymd) -> PublicCoupon {
        PublicCoupon::of(&self.coupon, today, self.timezone.name(), self.group.as_ref(), self.template.as_ref())
    }
}

/// A coupon as the admin API shows it: every field, and the address of its page.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdminCoupon {
    /// The stored coupon.
    #[serde(flatten)]
    pub coupon: Coupon,
    /// Its page, on its domain when it has one (`https://shop.example/c/…`).
    pub page_url: String,
}
