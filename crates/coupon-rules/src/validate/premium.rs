//! Features of higher plans: a custom domain (premium) and webhooks (enterprise, global switch on).

use super::Check;
use crate::formats::host::is_domain_name;
use crate::model::{Plan, YesNo};
use crate::params;
use crate::report::{ErrorCode, Findings};
use crate::request::Field;

pub(super) fn check(check: &Check<'_>, findings: &mut Findings) {
    let request = check.request;
    let plan = check.context.plan;
    if let Some(domain) = request.domain.as_deref().filter(|d| !d.is_empty()) {
        if !is_domain_name(domain) {
            findings.error(Field::Domain.name(), ErrorCode::InvalidDomain, params! {});
        }
        if !plan.includes(Plan::CUSTOM_DOMAIN) {
            findings.error(
                Field::Domain.name(),
                ErrorCode::PlanRequired,
                params! { "required" => Plan::CUSTOM_DOMAIN.as_str() },
            );
        }
    }
    if let Some(text) = request.webhook_enable_yn.as_deref() {
        let field = Field::WebhookEnableYn.name();
        match YesNo::parse(text) {
            None => findings.error(field, ErrorCode::InvalidChoice, params! { "allowed" => "Y, N" }),
            Some(YesNo::Yes) if !plan.includes(Plan::WEBHOOK) => {
                findings.error(field, ErrorCode::PlanRequired, params! { "required" => Plan::WEBHOOK.as_str() })
            }
            Some(YesNo::Yes) if !check.context.global_webhook => {
                findings.error(field, ErrorCode::WebhookGloballyDisabled, params! {})
            }
            Some(_) => {}
        }
    }
}
