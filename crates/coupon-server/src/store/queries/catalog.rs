//! An account's coupon groups and templates.

use coupon_rules::{Group, Template};
use sqlx::Executor;

use super::{Conn, Db};
use crate::store::catalog::{GroupRow, TemplateRow};
use crate::store::StoreError;

/// Every group of an account, by index.
pub async fn groups(db: impl Executor<'_, Database = Db>, account_id: i64) -> Result<Vec<Group>, StoreError> {
    let rows: Vec<GroupRow> = sqlx::query_as(
        "SELECT idx, name, color, background, url FROM coupon_groups WHERE account_id = $1 ORDER BY idx",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Group::from).collect())
}

/// Every template of an account, by index.
pub async fn templates(db: impl Executor<'_, Database = Db>, account_id: i64) -> Result<Vec<Template>, StoreError> {
    let rows: Vec<TemplateRow> = sqlx::query_as(
        "SELECT idx, title, description, usage, precautions FROM coupon_templates WHERE account_id = $1 ORDER BY idx",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Template::from).collect())
}

/// Adds a group to an account.
pub async fn insert_group(
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    group: &Group,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coupon_groups (account_id, idx, name, color, background, url) VALUES ($1, $2, $3, $4, $5, $6)",
    )
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
    db: impl Executor<'_, Database = Db>,
    account_id: i64,
    template: &Template,
) -> Result<(), StoreError> {
    let content = &template.content;
    sqlx::query(
        "INSERT INTO coupon_templates (account_id, idx, title, description, usage, precautions) \
         VALUES ($1, $2, $3, $4, $5, $6)",
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
pub async fn find_or_create_group(conn: &mut Conn, account_id: i64, name: &str) -> Result<i64, StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT idx FROM coupon_groups WHERE account_id = $1 AND name = $2")
        .bind(account_id)
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(idx) = found {
        return Ok(idx);
    }
    let idx = sqlx::query_scalar(
        "INSERT INTO coupon_groups (account_id, idx, name) \
         VALUES ($1, (SELECT COALESCE(MAX(idx), 0) + 1 FROM coupon_groups WHERE account_id = $1), $2) RETURNING idx",
    )
    .bind(account_id)
    .bind(name)
    .fetch_one(&mut *conn)
    .await?;
    Ok(idx)
}
