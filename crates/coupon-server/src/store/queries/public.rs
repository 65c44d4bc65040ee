//! What a coupon's public view is made of, in one read.

use sqlx::Executor;

use super::Db;
use crate::store::coupons::COLUMNS;
use crate::store::public::PublicRow;
use crate::store::StoreError;
use crate::views::PublicSource;

/// The coupon with this code with its account's zone, its group's overrides and its template.
pub async fn source(db: impl Executor<'_, Database = Db>, cpn_no: &str) -> Result<Option<PublicSource>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS}, a.timezone AS account_timezone, g.idx AS group_idx, g.name AS group_name, \
         g.color AS group_color, g.background AS group_background, g.url AS group_url, \
         t.title AS template_title, t.description AS template_description, t.usage AS template_usage, \
         t.precautions AS template_precautions \
         FROM coupons c JOIN accounts a ON a.id = c.account_id \
         LEFT JOIN coupon_groups g ON g.account_id = c.account_id AND g.idx = c.grp_idx \
         LEFT JOIN coupon_templates t ON t.account_id = c.account_id AND t.idx = c.tmpl_idx \
         WHERE c.cpn_no = $1"
    );
    let row: Option<PublicRow> = sqlx::query_as(&sql).bind(cpn_no).fetch_optional(db).await?;
    row.map(PublicSource::try_from).transpose()
}
