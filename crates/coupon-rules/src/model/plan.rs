//! Account plans, in the order of what they include.

use serde::{Deserialize, Serialize};

/// An account's plan. Later variants include everything earlier ones do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    /// No API access.
    #[default]
    Free,
    /// The API.
    Personal,
    /// Custom domains.
    Premium,
    /// Everything of premium, for teams.
    Business,
    /// Webhooks.
    Enterprise,
}

impl Plan {
    /// The plan the coupon API needs.
    pub const API: Plan = Plan::Personal;
    /// The plan a custom coupon domain needs.
    pub const CUSTOM_DOMAIN: Plan = Plan::Premium;
    /// The plan coupon webhooks need.
    pub const WEBHOOK: Plan = Plan::Enterprise;

    /// Every plan, cheapest first.
    pub const ALL: &'static [Plan] = &[Plan::Free, Plan::Personal, Plan::Premium, Plan::Business, Plan::Enterprise];

    /// The plan's name in the API (`premium`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Plan::Free => "free",
            Plan::Personal => "personal",
            Plan::Premium => "premium",
            Plan::Business => "business",
            Plan::Enterprise => "enterprise",
        }
    }

    /// The plan with this API name.
    pub fn parse(name: &str) -> Option<Plan> {
        Plan::ALL.iter().copied().find(|p| p.as_str() == name)
    }

    /// Whether this plan includes what `required` includes.
    pub fn includes(self, required: Plan) -> bool {
        self >= required
    }
}
