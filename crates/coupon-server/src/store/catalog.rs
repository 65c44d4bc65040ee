//! An account's coupon groups and templates.

use coupon_rules::{Group, Template, TemplateContent};
use sqlx::{SqliteConnection, SqliteExecutor};

use super::StoreError;

#[derive(sqlx::FromRow)]
struct GroupRow {
    idx: i64,
    name: String,
    color: String,
    background: String,
    url: String,
}

impl From<GroupRow> for Group {
    fn from(row: GroupRow) -> Group {
        Group { idx: row.idx, name: row.name, color: row.color, background: row.background, url: row.url }
    }
}

#[derive(sqlx::FromRow)]
struct TemplateRow {
    idx: i64,
    title: String,
    description: String,
    usage: String,
    precautions: String,
}

impl From<TemplateRow> for Template {
    fn from(row: TemplateRow) -> Template {
        let content = TemplateContent {
            title: row.title,
            description: row.description,
            usage: row.usage,
            precautions: row.precautions,
        };
        Template { idx: row.idx, content }
    }
}

/// Every group of an account, by index.
pub async fn groups(db: impl SqliteExecutor<'_>, account_id: i64) -> Result<Vec<Group>, StoreError> {
    let rows: Vec<GroupRow> =
        sqlx::query_as("SELECT idx, name, color, background, url FROM coupon_groups WHERE account_id = ? ORDER BY idx")
            .bind(account_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(Group::from).collect())
}

/// Every template of an account, by index.
pub async fn templates(db: impl SqliteExecutor<'_>, account_id: i64) -> Result<Vec<Template>, StoreError> {
    let rows: Vec<TemplateRow> = sqlx::query_as(
        "SELECT idx, title, description, usage, precautions FROM coupon_templates WHERE account_id = ? ORDER BY idx",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Template::from).collect())
}

/// One group of an account.
pub async fn group(db: impl SqliteExecutor<'_>, account_id: i64, idx: i64) -> Result<Option<Group>, StoreError> {
    let row: Option<GroupRow> =
        sqlx::query_as("SELECT idx, name, color, background, url FROM coupon_groups WHERE account_id = ? AND idx = ?")
            .bind(account_id)
            .bind(idx)
            .fetch_optional(db)
            .await?;
    Ok(row.map(Group::from))
}

/// One template of an account.
pub async fn template(db: impl SqliteExecutor<'_>, account_id: i64, idx: i64) -> Result<Option<Template>, StoreError> {
    let row: Option<TemplateRow> = sqlx::query_as(
        "SELECT idx, title, description, usage, precautions FROM coupon_templates WHERE account_id = ? AND idx = ?",
    )
    .bind(account_id)
    .bind(idx)
    .fetch_optional(db)
    .await?;
    Ok(row.map(Template::from))
}

/// Adds a group to an account.
pub async fn insert_group(db: impl SqliteExecutor<'_>, account_id: i64, group: &Group) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO coupon_groups (account_id, idx, name, color, background, url) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(account_id)
        .bind(group.idx)
        .bind(&group.name)
        .bind(&group.color)
        .bind(&group.background)
        .bind(&group.url)
        .execute(db)
        .await?;
    Ok(())
}

/// Adds a template to an account.
pub async fn insert_template(
    db: impl SqliteExecutor<'_>,
    account_id: i64,
    template: &Template,
) -> Result<(), StoreError> {
    let content = &template.content;
    sqlx::query(
        "INSERT INTO coupon_templates (account_id, idx, title, description, usage, precautions) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(account_id)
    .bind(template.idx)
    .bind(&content.title)
    .bind(&content.description)
    .bind(&content.usage)
    .bind(&content.precautions)
    .execute(db)
    .await?;
    Ok(())
}

/// The index of the account's group with this name, created (with no overrides, after the last
/// index) when the account has none.
pub async fn find_or_create_group(conn: &mut SqliteConnection, account_id: i64, name: &str) -> Result<i64, StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT idx FROM coupon_groups WHERE account_id = ? AND name = ?")
        .bind(account_id)
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(idx) = found {
        return Ok(idx);
    }
    let idx = sqlx::query_scalar(
        "INSERT INTO coupon_groups (account_id, idx, name) \
         VALUES (?, (SELECT COALESCE(MAX(idx), 0) + 1 FROM coupon_groups WHERE account_id = ?), ?) RETURNING idx",
    )
    .bind(account_id)
    .bind(account_id)
    .bind(name)
    .fetch_one(&mut *conn)
    .await?;
    Ok(idx)
}
