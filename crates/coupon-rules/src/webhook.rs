//! Webhook settings: where an account's (or a group's) events are posted, whether they are, and
//! the shape of the signing secret.
//!
//! A callback URL is an absolute `http`/`https` URL with a host (like a coupon link), at most
//! [`MAX_URL_LEN`](crate::formats::url::MAX_URL_LEN) long; `""` means none (a group without one uses the account's). Turning the
//! webhook on needs a callback URL. Which addresses a URL may reach (no loopback or private
//! networks) is decided when an event is sent, after DNS: a name that resolves well today may not
//! tomorrow.

use crate::fields::{field_set, ParseProblem};
use crate::lang::Lang;
use crate::model::YesNo;
use crate::params;
use crate::report::{ErrorCode, Findings, Report};

/// What every signing secret starts with.
pub const WEBHOOK_SECRET_PREFIX: &str = "whsec_";
/// How many random characters follow the prefix.
pub const WEBHOOK_SECRET_RANDOM_LEN: usize = 32;

field_set! {
    /// A field of `PUT /api/webhook/v1/config`.
    enum WebhookField;
    /// The account's global webhook settings; an absent field is unchanged.
    struct WebhookConfigRequest;
    numbers_from_text: false;
    CallbackUrl callback_url "callbackUrl" Text "string";
    EnableYn enable_yn "enableYn" Text "\"Y\" | \"N\"";
}

field_set! {
    /// A field of `PUT /api/webhook/v1/groups/{grpIdx}`.
    enum GroupWebhookField;
    /// A group's own callback URL (`""`: none, the account's is used).
    struct GroupWebhookRequest;
    numbers_from_text: false;
    GroupCallbackUrl callback_url "callbackUrl" Text "string";
}

/// Whether a text is a signing secret: `whsec_` and 32 ASCII letters or digits.
pub fn is_webhook_secret(text: &str) -> bool {
    text.strip_prefix(WEBHOOK_SECRET_PREFIX).is_some_and(|random| {
        random.len() == WEBHOOK_SECRET_RANDOM_LEN && random.bytes().all(|c| c.is_ascii_alphanumeric())
    })
}

/// Checks `PUT /api/webhook/v1/config` against the stored callback URL (`""`: none yet).
pub fn validate_webhook_config(request: &WebhookConfigRequest, stored_url: &str, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    shape(&request.problems, &mut findings, WebhookField::name, WebhookField::suggest);
    let field = WebhookField::CallbackUrl.name();
    if let Some(url) = request.callback_url.as_deref() {
        crate::validate::check_web_url(field, url, &mut findings);
    }
    if let Some(text) = request.enable_yn.as_deref() {
        match YesNo::parse(text) {
            None => {
                findings.error(WebhookField::EnableYn.name(), ErrorCode::InvalidChoice, params! { "allowed" => "Y, N" })
            }
            Some(YesNo::Yes) if request.callback_url.as_deref().unwrap_or(stored_url).is_empty() => {
                findings.error(field, ErrorCode::Required, params! {})
            }
            Some(_) => {}
        }
    }
    findings.finish()
}

/// Checks `PUT /api/webhook/v1/groups/{grpIdx}`.
pub fn validate_group_webhook(request: &GroupWebhookRequest, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    shape(&request.problems, &mut findings, GroupWebhookField::name, GroupWebhookField::suggest);
    let field = GroupWebhookField::GroupCallbackUrl.name();
    match request.callback_url.as_deref() {
        None => findings.error(field, ErrorCode::Required, params! {}),
        Some(url) => crate::validate::check_web_url(field, url, &mut findings),
    }
    findings.finish()
}

fn shape<F: Copy>(
    problems: &[ParseProblem<F>],
    findings: &mut Findings,
    name: fn(F) -> &'static str,
    suggest: fn(&str) -> Option<F>,
) {
    for problem in problems {
        match problem {
            ParseProblem::WrongType { field, expected } => {
                findings.error(name(*field), ErrorCode::InvalidType, params! { "expected" => expected.name() })
            }
            ParseProblem::UnknownField { name: unknown } => {
                // Worked out only here, when the error is reported (and never for long names).
                let params = suggest(unknown).map_or_else(|| params! {}, |f| params! { "suggestion" => name(f) });
                findings.error(unknown.clone(), ErrorCode::UnknownField, params)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::url::MAX_URL_LEN;

    fn config(json: &str, stored: &str) -> Vec<(String, ErrorCode)> {
        let request: WebhookConfigRequest = serde_json::from_str(json).unwrap();
        validate_webhook_config(&request, stored, Lang::En).error_codes()
    }

    #[test]
    fn secrets_are_the_prefix_and_32_letters_or_digits() {
        assert!(is_webhook_secret("whsec_abcdefghijklmnopqrstuvwxyzABCDEF"));
        assert!(is_webhook_secret("whsec_0123456789abcdefghijABCDEFGHIJ01"));
        assert!(!is_webhook_secret("whsec_abcdefghijklmnopqrstuvwxyzABCDE"));
        assert!(!is_webhook_secret("whsec_abcdefghijklmnopqrstuvwxyzABCDE-"));
        assert!(!is_webhook_secret("wh_abcdefghijklmnopqrstuvwxyzABCDEFGH"));
    }

    #[test]
    fn callback_urls_are_web_urls() {
        assert!(config(r#"{"callbackUrl":"https://pos.example/hook","enableYn":"Y"}"#, "").is_empty());
        assert!(config(r#"{"callbackUrl":"http://127.0.0.1:9000/hook"}"#, "").is_empty());
        assert_eq!(config(r#"{"callbackUrl":"ftp://x.example"}"#, ""), [("callbackUrl".into(), ErrorCode::UnsafeUrl)]);
        assert_eq!(config(r#"{"callbackUrl":"pos.example"}"#, ""), [("callbackUrl".into(), ErrorCode::InvalidUrl)]);
        let long = format!(r#"{{"callbackUrl":"https://x.example/{}"}}"#, "a".repeat(MAX_URL_LEN));
        assert_eq!(config(&long, ""), [("callbackUrl".into(), ErrorCode::TooLong)]);
    }

    #[test]
    fn switching_on_needs_a_url() {
        assert_eq!(config(r#"{"enableYn":"Y"}"#, ""), [("callbackUrl".into(), ErrorCode::Required)]);
        assert!(config(r#"{"enableYn":"Y"}"#, "https://pos.example/hook").is_empty());
        assert_eq!(
            config(r#"{"enableYn":"Y","callbackUrl":""}"#, "https://pos.example/hook"),
            [("callbackUrl".into(), ErrorCode::Required)]
        );
        assert!(config(r#"{"enableYn":"N","callbackUrl":""}"#, "").is_empty());
        assert_eq!(config(r#"{"enableYn":"yes"}"#, ""), [("enableYn".into(), ErrorCode::InvalidChoice)]);
    }

    #[test]
    fn shape_problems_name_the_field() {
        assert_eq!(config(r#"{"enableYn":true}"#, ""), [("enableYn".into(), ErrorCode::InvalidType)]);
        assert_eq!(
            config(r#"{"callbakUrl":"https://x.example"}"#, ""),
            [("callbakUrl".into(), ErrorCode::UnknownField)]
        );
        let group: GroupWebhookRequest = serde_json::from_str("{}").unwrap();
        assert_eq!(
            validate_group_webhook(&group, Lang::En).error_codes(),
            [("callbackUrl".into(), ErrorCode::Required)]
        );
    }
}
