//! Searching an account's coupons: one query composed of only the conditions asked for (so that
//! each store's planner sees plain conditions it can match to an index), walked in the order of
//! an index of migration 0006 (sqlite) / 0004 (postgres) and cut by a keyset cursor.

use coupon_rules::CouponStatus;
use sqlx::Executor;

use super::Db;
use crate::store::coupons::{CouponRow, StoredCoupon, COLUMNS};
use crate::store::search::{Found, Results, SearchQuery};
use crate::store::StoreError;

/// Whether one of the coupon's caps on uses is reached: the rules' `total_limit` (the smallest
/// positive cap) is reached exactly when any positive cap is.
const USED_UP: &str = "((c.use_limit > 0 AND c.use_cnt >= c.use_limit) \
                        OR (COALESCE(c.allowed_uses, 0) > 0 AND c.use_cnt >= c.allowed_uses))";

/// A search row: the coupon and its sort key's value.
#[derive(sqlx::FromRow)]
struct SearchRow {
    #[sqlx(flatten)]
    coupon: CouponRow,
    sort_key: String,
}

/// A value bound to the composed query, in placeholder order.
enum Arg {
    Text(String),
    Int(i64),
}

/// The SQL of a search and its values, placeholders numbered as they are added.
struct Composer {
    conditions: Vec<String>,
    args: Vec<Arg>,
}

impl Composer {
    /// Adds a value; returns its placeholder.
    fn arg(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    /// The SQL condition of a status on `today` ($today), mirroring `CouponStatus::on`: used up
    /// first (even after the end date), then expired, then scheduled, else active.
    fn status(&mut self, status: CouponStatus, today: &str) -> String {
        let today = self.arg(Arg::Text(today.to_owned()));
        let expired = format!("(c.end_ymd IS NOT NULL AND c.end_ymd < {today})");
        match status {
            CouponStatus::UsedUp => USED_UP.to_owned(),
            CouponStatus::Expired => format!("(NOT {USED_UP} AND {expired})"),
            CouponStatus::Scheduled => format!("(NOT {USED_UP} AND NOT {expired} AND c.strt_ymd > {today})"),
            CouponStatus::Active => format!("(NOT {USED_UP} AND NOT {expired} AND c.strt_ymd <= {today})"),
        }
    }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_escaped(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A page of an account's coupons matching `query`, in its order.
pub async fn search(db: impl Executor<'_, Database = Db>, query: &SearchQuery) -> Result<Results, StoreError> {
    let mut sql = Composer { conditions: Vec::new(), args: Vec::new() };
    let account = sql.arg(Arg::Int(query.account_id));
    sql.conditions.push(format!("c.account_id = {account}"));
    if let Some(text) = &query.text {
        let mut either = Vec::new();
        if let Some(prefix) = &text.code_prefix {
            // A-Z0-9 only (nothing to escape); LIKE rather than a range, whose bounds would
            // depend on the database's collation.
            let pattern = sql.arg(Arg::Text(format!("{prefix}%")));
            either.push(format!("c.cpn_no LIKE {pattern}"));
        }
        // Both sides lowered by the same store's lower(), so each store agrees with itself.
        let pattern = sql.arg(Arg::Text(format!("%{}%", like_escaped(&text.name_part))));
        either.push(format!("lower(c.nm) LIKE lower({pattern}) ESCAPE '\\'"));
        let user = sql.arg(Arg::Text(text.user_id.clone()));
        either.push(format!("c.user_id = {user}"));
        sql.conditions.push(format!("({})", either.join(" OR ")));
    }
    if let Some(status) = query.status {
        let condition = sql.status(status, &query.today.to_string());
        sql.conditions.push(condition);
    }
    if let Some(grp_idx) = query.grp_idx {
        let group = sql.arg(Arg::Int(grp_idx));
        sql.conditions.push(format!("c.grp_idx = {group}"));
    }
    let key = query.sort.expression();
    let (beyond, order) = if query.descending { ("<", "DESC") } else { (">", "ASC") };
    if let Some(after) = &query.after {
        let value = sql.arg(Arg::Text(after.key.clone()));
        let code = sql.arg(Arg::Text(after.cpn_no.clone()));
        // The first term is a range of the index; the second breaks ties by code.
        sql.conditions
            .push(format!("{key} {beyond}= {value} AND ({key} {beyond} {value} OR c.cpn_no {beyond} {code})"));
    }
    let limit = sql.arg(Arg::Int(i64::from(query.limit) + 1));
    let text = format!(
        "SELECT {COLUMNS}, {key} AS sort_key FROM coupons c WHERE {} ORDER BY {key} {order}, c.cpn_no {order} \
         LIMIT {limit}",
        sql.conditions.join(" AND ")
    );
    let mut statement = sqlx::query_as::<_, SearchRow>(&text);
    for arg in sql.args {
        statement = match arg {
            Arg::Text(text) => statement.bind(text),
            Arg::Int(int) => statement.bind(int),
        };
    }
    let rows = statement.fetch_all(db).await?;
    let more = rows.len() > query.limit as usize;
    let found = rows
        .into_iter()
        .take(query.limit as usize)
        .map(|row| Ok(Found { coupon: StoredCoupon::try_from(row.coupon)?, key: row.sort_key }))
        .collect::<Result<_, StoreError>>()?;
    Ok(Results { found, more })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_match_the_text_literally() {
        assert_eq!(like_escaped(r"50%_off\x"), r"50\%\_off\\x");
        assert_eq!(like_escaped("봄 세일"), "봄 세일");
    }
}
