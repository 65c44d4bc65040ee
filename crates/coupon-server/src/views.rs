//! The public view of a coupon: what its page shows, built from the stored coupon, the account's
//! time zone, its group's overrides and its template. Nothing secret is ever copied into it.

use chrono_tz::Tz;
use coupon_rules::{Coupon, CouponStatus, Group, PublicCoupon, TemplateContent, Ymd};
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
        let c = &self.coupon;
        // A group's non-empty colour, background and URL win over the coupon's own.
        let overridden = |own: &str, pick: fn(&Group) -> &str| {
            self.group.as_ref().map(pick).filter(|v| !v.is_empty()).unwrap_or(own).to_owned()
        };
        PublicCoupon {
            cpn_no: c.cpn_no.clone(),
            nm: c.nm.clone(),
            disc_type_idx: c.disc_type_idx,
            disc: c.disc,
            disc_currency: c.disc_currency,
            strt_ymd: c.strt_ymd,
            end_ymd: c.end_ymd,
            timezone: self.timezone.name().to_owned(),
            status: CouponStatus::on(today, c.strt_ymd, c.end_ymd, c.use_limit, c.use_cnt),
            use_limit: c.use_limit,
            use_cnt: c.use_cnt,
            uses_left: CouponStatus::uses_left(c.use_limit, c.use_cnt),
            onsite: c.onsite_yn.is_yes(),
            url: overridden(&c.url, |g| &g.url),
            color: overridden(&c.color, |g| &g.color),
            background: overridden(&c.background, |g| &g.background),
            template: self.template.clone(),
            last_used_at: c.last_used_at.clone(),
        }
    }
}
