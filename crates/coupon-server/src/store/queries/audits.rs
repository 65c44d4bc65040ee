//! Audit rows, written in the edit's own transaction, and a coupon's history read back.

use sqlx::QueryBuilder;

use super::{Conn, Db};
use crate::store::audits::{Actor, By, FieldChange, HistoryEntry, HistoryMark, HistoryPage, MarkedEntry, NewAudit};
use crate::store::StoreError;

/// Audit rows per INSERT statement (5 values each, well under both drivers' limits).
const ROWS_PER_INSERT: usize = 500;

/// Writes one audit row per audit that changed something, stamped `at`, in few statements.
pub async fn insert(conn: &mut Conn, audits: &[NewAudit], actor: &Actor, at: &str) -> Result<(), StoreError> {
    let rows: Vec<(i64, String)> = audits
        .iter()
        .filter(|audit| !audit.changes.is_empty())
        .map(|audit| Ok((audit.coupon_id, serde_json::to_string(&audit.changes)?)))
        .collect::<Result<_, serde_json::Error>>()
        .map_err(|e| StoreError::corrupt("audit changes", e.to_string()))?;
    let (kind, name) = (actor.kind(), actor.name());
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut insert: QueryBuilder<Db> =
            QueryBuilder::new("INSERT INTO coupon_audits (coupon_id, at, actor, actor_name, changes) ");
        insert.push_values(chunk, |mut row, (coupon_id, changes)| {
            row.push_bind(*coupon_id)
                .push_bind(at)
                .push_bind(kind)
                .push_bind(name.as_str())
                .push_bind(changes.as_str());
        });
        insert.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// The condition of one kind of entry (`rank`) for a page that starts after the mark ($2 time,
/// $3 row id, $4 rank), newest first. Every placeholder is always used (both drivers then agree).
fn before(column: &str, rank: u8) -> String {
    format!("({column} < $2 OR ({column} = $2 AND ({rank} < $4 OR ({rank} = $4 AND id < $3))))")
}

/// A mark after every entry: the latest time the stored format can hold.
const NEWEST: HistoryMark<'static> = HistoryMark { at: "9999-12-31T23:59:59Z", rank: 3, id: 0 };

type AuditRow = (i64, String, String, String, String);
type UseRow = (i64, i64, String, String, String, String, Option<String>, Option<String>, Option<String>);

fn by(kind: String, name: String) -> By {
    By { kind, name }
}

/// Up to `limit` entries of a coupon's history after `mark`, newest first: its edits, uses and
/// undos, each read newest first with `limit + 1` rows and merged.
pub async fn history(
    db: &sqlx::Pool<Db>,
    coupon_id: i64,
    mark: Option<HistoryMark<'_>>,
    limit: u32,
) -> Result<HistoryPage, StoreError> {
    let mark = mark.unwrap_or(NEWEST);
    let (at, id, rank) = (mark.at, mark.id, i64::from(mark.rank));
    let rows = i64::from(limit) + 1;
    let sql = format!(
        "SELECT id, at, actor, actor_name, changes FROM coupon_audits WHERE coupon_id = $1 AND {} \
         ORDER BY at DESC, id DESC LIMIT $5",
        before("at", 0)
    );
    let audits: Vec<AuditRow> =
        sqlx::query_as(&sql).bind(coupon_id).bind(at).bind(id).bind(rank).bind(rows).fetch_all(db).await?;
    let columns = "id, use_no, used_at, channel, user_id, memo, undone_at, undone_by, undo_reason";
    let sql = format!(
        "SELECT {columns} FROM coupon_uses WHERE coupon_id = $1 AND {} ORDER BY used_at DESC, id DESC LIMIT $5",
        before("used_at", 1)
    );
    let uses: Vec<UseRow> =
        sqlx::query_as(&sql).bind(coupon_id).bind(at).bind(id).bind(rank).bind(rows).fetch_all(db).await?;
    let sql = format!(
        "SELECT {columns} FROM coupon_uses WHERE coupon_id = $1 AND undone_at IS NOT NULL AND {} \
         ORDER BY undone_at DESC, id DESC LIMIT $5",
        before("undone_at", 2)
    );
    let undos: Vec<UseRow> =
        sqlx::query_as(&sql).bind(coupon_id).bind(at).bind(id).bind(rank).bind(rows).fetch_all(db).await?;

    let mut entries = Vec::with_capacity(audits.len() + uses.len() + undos.len());
    for (id, at, actor, actor_name, changes) in audits {
        let changes: Vec<FieldChange> =
            serde_json::from_str(&changes).map_err(|_| StoreError::corrupt("audit changes", changes.clone()))?;
        let entry = HistoryEntry::Edit { at: at.clone(), by: by(actor, actor_name), changes };
        entries.push(MarkedEntry { entry, at, rank: 0, id });
    }
    for (id, use_no, used_at, channel, user_id, memo, undone_at, _, _) in uses {
        let entry = HistoryEntry::Use { at: used_at.clone(), use_no, channel, user_id, memo, undone_at };
        entries.push(MarkedEntry { entry, at: used_at, rank: 1, id });
    }
    for (id, use_no, _, _, _, _, undone_at, undone_by, undo_reason) in undos {
        let at = undone_at.unwrap_or_default();
        let (kind, name) = split_by(undone_by.as_deref().unwrap_or(""));
        let entry =
            HistoryEntry::Undo { at: at.clone(), use_no, by: by(kind, name), reason: undo_reason.unwrap_or_default() };
        entries.push(MarkedEntry { entry, at, rank: 2, id });
    }
    entries.sort_by(|a, b| (b.at.as_str(), b.rank, b.id).cmp(&(a.at.as_str(), a.rank, a.id)));
    let more = entries.len() > limit as usize;
    entries.truncate(limit as usize);
    Ok(HistoryPage { entries, more })
}

/// `undone_by` as stored: `kind` or `kind:name`.
pub fn joined_by(actor: &Actor) -> String {
    match actor.name() {
        name if name.is_empty() => actor.kind().to_owned(),
        name => format!("{}:{name}", actor.kind()),
    }
}

fn split_by(stored: &str) -> (String, String) {
    match stored.split_once(':') {
        Some((kind, name)) => (kind.to_owned(), name.to_owned()),
        None => (stored.to_owned(), String::new()),
    }
}
