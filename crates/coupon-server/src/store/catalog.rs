//! An account's coupon groups and templates as the store reads them.

use coupon_rules::{Group, Template, TemplateContent};

/// An account's groups and templates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    /// Its groups, by index.
    pub groups: Vec<Group>,
    /// Its templates, by index.
    pub templates: Vec<Template>,
}

/// A `coupon_groups` row.
#[derive(sqlx::FromRow)]
pub(super) struct GroupRow {
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

/// A `coupon_templates` row.
#[derive(sqlx::FromRow)]
pub(super) struct TemplateRow {
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
