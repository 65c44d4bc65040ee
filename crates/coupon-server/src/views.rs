//! The public view of a coupon: what its page shows, built from the stored coupon, the account's
//! time zone, its group's overrides and its template. Nothing secret is ever copied into it.

use chrono_tz::Tz;
use coupon_rules::{Coupon, Group, PublicCoupon, TemplateContent, Ymd};
use sqlx::SqlitePool;

use crate::clock;
use crate::store::{accounts, catalog, coupons, StoreError};

/// Everything the public view is computed from (cached between requests).
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
    /// Loads the source of the coupon with this code.
    pub async fn load(pool: &SqlitePool, cpn_no: &str) -> Result<Option<PublicSource>, StoreError> {
        let Some(stored) = coupons::find_by_code(pool, cpn_no).await? else {
            return Ok(None);
        };
        let account = accounts::find(pool, stored.account_id)
            .await?
            .ok_or_else(|| StoreError::corrupt("coupon account", stored.account_id.to_string()))?;
        let coupon = stored.coupon;
        let group = match coupon.grp_idx {
            0 => None,
            idx => catalog::group(pool, account.id, idx).await?,
        };
        let template = match coupon.tmpl_idx {
            0 => None,
            idx => catalog::template(pool, account.id, idx).await?.map(|t| t.content),
        };
        Ok(Some(PublicSource { coupon, timezone: account.timezone, group, template }))
    }

    /// Today in the coupon's account's time zone.
    pub fn today(&self) -> Ymd {
        clock::today_in(self.timezone)
    }

    /// The public view on `today`.
    pub fn view(&self, today: Ymd) -> PublicCoupon {
        PublicCoupon::of(&self.coupon, today, self.timezone.name(), self.group.as_ref(), self.template.as_ref())
    }
}
