//! What the rules need to know besides the request: the date, the plan, the stored coupon, groups.

use serde::{Deserialize, Serialize};

use super::{Coupon, Plan, Ymd};

/// A coupon group. Its non-empty colour, background and URL override the coupon's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The group's index, > 0.
    pub idx: i64,
    /// Its name (unique in the account).
    pub name: String,
    /// Text colour for every coupon of the group, or `""`.
    #[serde(default)]
    pub color: String,
    /// Background for every coupon of the group, or `""`.
    #[serde(default)]
    pub background: String,
    /// Link for every coupon of the group, or `""`.
    #[serde(default)]
    pub url: String,
}

/// The texts of a coupon template, as the coupon page shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TemplateContent {
    /// A heading.
    #[serde(default)]
    pub title: String,
    /// What the offer is.
    #[serde(default)]
    pub description: String,
    /// How to use it.
    #[serde(default)]
    pub usage: String,
    /// The small print.
    #[serde(default)]
    pub precautions: String,
}

/// A coupon template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Template {
    /// The template's index, > 0.
    pub idx: i64,
    /// Its texts.
    #[serde(flatten)]
    pub content: TemplateContent,
}

/// Everything a rule may consult besides the request. Rules never read a clock: `today` is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Context {
    /// Today in the account's time zone.
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub today: Ymd,
    /// The account's plan.
    pub plan: Plan,
    /// The account's time zone (IANA name), for display.
    #[serde(default = "utc")]
    pub timezone: String,
    /// Whether the account's global webhook is on.
    #[serde(default)]
    pub global_webhook: bool,
    /// The coupon as stored (update), or `None` (create).
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "Coupon | null"))]
    pub stored: Option<Coupon>,
    /// The account's groups, when known; `None` skips the existence check.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "Group[] | null"))]
    pub groups: Option<Vec<Group>>,
    /// The account's templates, when known; `None` skips the existence check.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(type = "Template[] | null"))]
    pub templates: Option<Vec<Template>>,
}

fn utc() -> String {
    "UTC".to_owned()
}

impl Context {
    /// A context with nothing known but the date and the plan.
    pub fn new(today: Ymd, plan: Plan) -> Context {
        Context { today, plan, timezone: utc(), global_webhook: false, stored: None, groups: None, templates: None }
    }

    /// The group with this index, if the context lists it.
    pub fn group(&self, idx: i64) -> Option<&Group> {
        self.groups.as_ref()?.iter().find(|g| g.idx == idx)
    }

    /// The template with this index, if the context lists it.
    pub fn template(&self, idx: i64) -> Option<&Template> {
        self.templates.as_ref()?.iter().find(|t| t.idx == idx)
    }
}
