//! The row a coupon's public view is read from: the coupon, its account's zone, its group and its
//! template, joined.

use coupon_rules::{Group, TemplateContent};

use super::accounts::parse_zone;
use super::coupons::{CouponRow, StoredCoupon};
use super::StoreError;
use crate::views::PublicSource;

/// A coupon joined with what its page shows of its account, group and template.
#[derive(sqlx::FromRow)]
pub(super) struct PublicRow {
    #[sqlx(flatten)]
    coupon: CouponRow,
    account_timezone: String,
    group_idx: Option<i64>,
    group_name: Option<String>,
    group_color: Option<String>,
    group_background: Option<String>,
    group_url: Option<String>,
    template_title: Option<String>,
    template_description: Option<String>,
    template_usage: Option<String>,
    template_precautions: Option<String>,
}

impl TryFrom<PublicRow> for PublicSource {
    type Error = StoreError;

    fn try_from(row: PublicRow) -> Result<PublicSource, StoreError> {
        let group = row.group_idx.map(|idx| Group {
            idx,
            name: row.group_name.unwrap_or_default(),
            color: row.group_color.unwrap_or_default(),
            background: row.group_background.unwrap_or_default(),
            url: row.group_url.unwrap_or_default(),
        });
        let template = row.template_title.map(|title| TemplateContent {
            title,
            description: row.template_description.unwrap_or_default(),
            usage: row.template_usage.unwrap_or_default(),
            precautions: row.template_precautions.unwrap_or_default(),
        });
        Ok(PublicSource {
            coupon: StoredCoupon::try_from(row.coupon)?.coupon,
            timezone: parse_zone(&row.account_timezone)?,
            group,
            template,
        })
    }
}
