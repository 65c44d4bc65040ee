//! The admin form end to end: the real server with its demo data, the release build of the admin
//! bundle, headless Chromium. Each test gets a fresh database. What the server stored is read back
//! through its API, beside what the browser shows.

mod admin_api;

use std::path::Path;
use std::time::Duration;

use admin_api::AdminApi;
use coupon_rules::{latest_end_date, params, ErrorCode, FieldError, Lang};
use e2e::admin::{open_coupon, sign_in, DEMO_KEY};
use e2e::{run, run_with, run_with_database, BrowserOptions, HarnessError, Page};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

/// The ids of the form's controls that can be used.
const ENABLED_CONTROLS: &str = r#"
return [...document.querySelectorAll('.coupon-form input, .coupon-form select, .coupon-form textarea')]
  .filter((control) => !control.disabled)
  .map((control) => control.id);
"#;

/// The rules' English message for a finding.
fn rules_message(field: &'static str, code: ErrorCode, params: coupon_rules::Params) -> String {
    FieldError::new(field, code, params, Lang::En).message
}

/// The codes shown beside a field.
async fn codes_on(page: &Page, field: &str) -> Result<Vec<String>, HarnessError> {
    let items = page.client().find_all(Locator::Css(&format!("#f-{field}-msgs li"))).await?;
    let mut codes = Vec::new();
    for item in items {
        codes.push(item.attr("data-code").await?.unwrap_or_default());
    }
    Ok(codes)
}

/// The value an input holds now.
async fn value_of(page: &Page, css: &str) -> Result<String, HarnessError> {
    Ok(page.client().find(Locator::Css(css)).await?.prop("value").await?.unwrap_or_default())
}

async fn save_is_enabled(page: &Page) -> Result<bool, HarnessError> {
    Ok(page.client().find(Locator::Css("#save")).await?.is_enabled().await?)
}

#[tokio::test]
async fn the_key_is_kept_for_the_tab_only_and_never_in_an_address() {
    run("key_kept_for_the_tab", |page| async move {
        sign_in(&page).await?;
        let address = page.client().current_url().await?.to_string();
        assert!(!address.contains(DEMO_KEY), "{address}");
        let stored = page.script("return [Object.values(sessionStorage), localStorage.length];").await?;
        assert_eq!(stored, json!([[DEMO_KEY], 0]), "in sessionStorage, nowhere else");

        page.reload().await?;
        page.shown("#open-code").await?;
        assert!(!page.is_shown("#api-key").await?, "a reload keeps the tab signed in");

        page.click("#sign-out").await?;
        page.shown("#api-key").await?;
        assert_eq!(page.script("return sessionStorage.length;").await?, json!(0));
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn admin_extends_a_coupon_and_changes_its_colour_then_the_customer_sees_it() {
    run("admin_extends_and_recolours", |page| async move {
        let api = AdminApi::demo(page.base_url());
        let new_end = latest_end_date(api.context().await.today).to_string();
        sign_in(&page).await?;
        // Typed the way people copy codes: lower case, with dashes.
        open_coupon(&page, "demo-acti-ve00-0001", "DEMO-ACTI-VE00-0001").await?;

        page.type_into("#f-endYmd", &new_end).await?;
        page.type_into("#f-background", "#7C2D12").await?;
        // The preview follows before anything is saved.
        page.wait_for_text_containing(".preview .coupon-validity", &new_end).await?;
        assert_eq!(page.computed_style(".preview .coupon", "background-color").await?, "rgb(124, 45, 18)");
        assert!(codes_on(&page, "endYmd").await?.is_empty());
        assert!(save_is_enabled(&page).await?);

        page.click("#save").await?;
        page.shown(".notice-success").await?;
        let stored = api.coupon("DEMOACTIVE000001").await;
        assert_eq!(stored.end_ymd.map(|d| d.to_string()), Some(new_end.clone()));
        assert_eq!(stored.background, "#7C2D12");
        assert!(!save_is_enabled(&page).await?, "nothing left to save");

        page.open("/c/DEMOACTIVE000001").await?;
        page.wait_for_text_containing(".coupon-validity", &new_end).await?;
        assert_eq!(page.computed_style(".coupon", "background-color").await?, "rgb(124, 45, 18)");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_end_date_past_the_limit_is_refused_before_any_request_is_sent() {
    run("end_date_refused_before_sending", |page| async move {
        let api = AdminApi::demo(page.base_url());
        let latest = latest_end_date(api.context().await.today);
        let stored_end = api.coupon("DEMOACTIVE000001").await.end_ymd;
        sign_in(&page).await?;
        open_coupon(&page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
        page.wait_for_text_containing("#f-endYmd-hint", &latest.to_string()).await?;
        page.count_requests().await?;

        page.type_into("#f-endYmd", &latest.add_days(1).to_string()).await?;
        let expected = rules_message("endYmd", ErrorCode::DateBeyondLimit, params! { "max" => latest.to_string() });
        page.wait_for_text_containing("#f-endYmd-msgs", &expected).await?;
        assert_eq!(codes_on(&page, "endYmd").await?, vec!["date_beyond_limit"]);
        assert!(!save_is_enabled(&page).await?);
        page.wait_for_text_containing("#save-why", "End date").await?;
        // Both ways to send: Enter in the field submits the form; the button is disabled.
        page.press(Key::Enter).await?;
        let _ = page.client().find(Locator::Css("#save")).await?.click().await;
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(page.requests_sent().await?, 0, "no request left the page");
        assert_eq!(api.coupon("DEMOACTIVE000001").await.end_ymd, stored_end, "the server has the old date");

        // The counter does see the form's requests: a valid date goes out once.
        page.type_into("#f-endYmd", &latest.to_string()).await?;
        page.click("#save").await?;
        page.shown(".notice-success").await?;
        // One save; the history beside the form then reloads (its read is not a save).
        assert_eq!(page.requests_sent_to("/update").await?, 1);
        assert_eq!(page.requests_sent().await?, 1 + page.requests_sent_to("/history").await?);
        assert_eq!(api.coupon("DEMOACTIVE000001").await.end_ymd, Some(latest));
        Ok(())
    })
    .await;
}

/// Deletes a group straight from the server's database, as another admin's tool might.
fn delete_group(database: &Path, idx: i64) {
    let connection = rusqlite::Connection::open(database).expect("the server's database opens");
    connection.busy_timeout(Duration::from_secs(5)).expect("a busy timeout can be set");
    let deleted = connection.execute("DELETE FROM coupon_groups WHERE idx = ?1", [idx]).expect("the delete runs");
    assert_eq!(deleted, 1, "group {idx} existed");
}

#[tokio::test]
async fn a_group_deleted_meanwhile_is_refused_by_the_server_on_its_field() {
    run_with_database("group_deleted_meanwhile", BrowserOptions::default(), |page, database| async move {
        let api = AdminApi::demo(page.base_url());
        sign_in(&page).await?;
        open_coupon(&page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
        page.shown("#f-grpIdx").await?.select_by_value("2").await?;
        assert!(codes_on(&page, "grpIdx").await?.is_empty(), "the form knows group 2");
        assert!(save_is_enabled(&page).await?);

        delete_group(&database, 2);
        // The server keeps an account's groups for a second (cache::CATALOG_TTL) before reading them again.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        page.click("#save").await?;

        let expected = rules_message("grpIdx", ErrorCode::UnknownGroup, params! { "idx" => 2_i64 });
        page.wait_for_text_containing("#f-grpIdx-msgs", &expected).await?;
        assert_eq!(codes_on(&page, "grpIdx").await?, vec!["unknown_group"]);
        assert_eq!(page.attribute(".form-notices .notice-error", "data-error").await?.as_deref(), Some("invalid"));
        assert_eq!(value_of(&page, "#f-grpIdx").await?, "2", "the choice is kept");
        assert!(!save_is_enabled(&page).await?, "the refused value cannot be sent again unchanged");
        assert_eq!(api.coupon("DEMOACTIVE000001").await.grp_idx, 0);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_use_meanwhile_locks_the_coupon_and_the_typing_stays() {
    run("use_meanwhile_locks", |page| async move {
        let api = AdminApi::demo(page.base_url());
        sign_in(&page).await?;
        open_coupon(&page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
        page.type_into("#f-nm", "12% off everything").await?;
        assert_eq!(api.use_on_site("DEMOACTIVE000001", "1234").await.code, 0, "staff used it meanwhile");

        page.click("#save").await?;
        page.wait_for_text_containing(".form-notices .notice-error", "used meanwhile").await?;
        assert_eq!(page.attribute(".form-notices .notice-error", "data-error").await?.as_deref(), Some("locked"));
        assert_eq!(codes_on(&page, "nm").await?, vec!["locked_after_use"]);
        assert_eq!(value_of(&page, "#f-nm").await?, "12% off everything");
        assert_eq!(api.coupon("DEMOACTIVE000001").await.nm, "10% off everything");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_used_coupon_allows_only_the_memo() {
    run("used_coupon_only_memo", |page| async move {
        let api = AdminApi::demo(page.base_url());
        sign_in(&page).await?;
        open_coupon(&page, "DEMOUSED00000001", "DEMO-USED-0000-0001").await?;
        page.shown("#used-lock").await?;
        assert_eq!(page.client().find_all(Locator::Css(".notice-locked")).await?.len(), 1, "said once");
        assert_eq!(page.script(ENABLED_CONTROLS).await?, json!(["f-memo"]));

        page.type_into("#f-memo", "Customer called about the gift").await?;
        page.click("#save").await?;
        page.shown(".notice-success").await?;
        assert_eq!(api.coupon("DEMOUSED00000001").await.memo, "Customer called about the gift");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_network_failure_keeps_the_typing_and_retry_saves_it() {
    run("network_failure_retry", |page| async move {
        let api = AdminApi::demo(page.base_url());
        sign_in(&page).await?;
        open_coupon(&page, "DEMOLIMIT3000003", "DEMO-LIMI-T300-0003").await?;
        page.type_into("#f-nm", "₩7,000 off").await?;
        page.type_into("#f-disc", "7000").await?;
        page.fail_next_request().await?;

        page.click("#save").await?;
        page.shown(".form-notices .notice-error .retry").await?;
        assert_eq!(page.attribute(".form-notices .notice-error", "data-error").await?.as_deref(), Some("network"));
        assert_eq!(value_of(&page, "#f-nm").await?, "₩7,000 off");
        assert_eq!(value_of(&page, "#f-disc").await?, "7000");
        assert_eq!(api.coupon("DEMOLIMIT3000003").await.disc, 5000.0, "nothing was saved");

        page.click(".form-notices .notice-error .retry").await?;
        page.shown(".notice-success").await?;
        let stored = api.coupon("DEMOLIMIT3000003").await;
        assert_eq!((stored.nm.as_str(), stored.disc), ("₩7,000 off", 7000.0));
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn leaving_with_unsaved_changes_asks_first() {
    run("leaving_asks_first", |page| async move {
        sign_in(&page).await?;
        open_coupon(&page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
        page.type_into("#f-memo", "half-written note").await?;
        page.click("#back-to-open").await?;
        let question = page.client().get_alert_text().await?;
        assert!(question.contains("unsaved changes"), "{question}");
        page.client().dismiss_alert().await?;
        assert_eq!(value_of(&page, "#f-memo").await?, "half-written note", "staying keeps the typing");

        page.click("#back-to-open").await?;
        page.client().accept_alert().await?;
        page.shown("#open-code").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_korean_browser_gets_the_form_and_the_rules_in_korean() {
    let korean = BrowserOptions { lang: Some("ko".to_owned()) };
    run_with("admin_in_korean", korean, |page| async move {
        page.open("/admin/").await?;
        page.wait_for_text("#sign-in", "로그인").await?;
        sign_in(&page).await?;
        open_coupon(&page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
        page.type_into("#f-endYmd", "2026-02-30").await?;
        let expected = FieldError::new("endYmd", ErrorCode::NonexistentDate, params! {}, Lang::Ko).message;
        page.wait_for_text_containing("#f-endYmd-msgs", &expected).await?;
        page.wait_for_text_containing("#save-why", "종료일").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn admin_creates_a_coupon_and_gets_its_code_and_page() {
    run("admin_creates_a_coupon", |page| async move {
        let api = AdminApi::demo(page.base_url());
        let end = api.context().await.today.add_days(30).to_string();
        sign_in(&page).await?;
        page.click("#new-coupon").await?;
        page.wait_for_text(".editor-title", "New coupon").await?;
        assert!(!save_is_enabled(&page).await?, "a new coupon needs a name, a value and an end date");

        page.type_into("#f-nm", "Opening week").await?;
        page.type_into("#f-disc", "15").await?;
        page.type_into("#f-endYmd", &end).await?;
        page.wait_for_text(".preview .coupon-discount", "15% OFF").await?;
        page.click("#save").await?;

        let code = page.shown("#created-code").await?.text().await?;
        assert_eq!(code.len(), 16, "a generated code: {code}");
        let created = api.coupon(&code).await;
        assert_eq!((created.nm.as_str(), created.disc), ("Opening week", 15.0));
        let link = page.attribute("#created-link", "href").await?.unwrap_or_default();
        assert!(link.ends_with(&format!("/c/{code}")), "{link}");
        page.open(&format!("/c/{code}")).await?;
        page.wait_for_text(".coupon-name", "Opening week").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_percentage_switched_to_a_fixed_amount_saves_with_the_currency_shown() {
    run("percentage_to_fixed_amount_in_won", |page| async move {
        let api = AdminApi::demo(page.base_url());
        sign_in(&page).await?;
        open_coupon(&page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
        // The stored currency (KRW) is already what the select shows; only the type and amount change.
        assert_eq!(value_of(&page, "#f-discCurrency").await?, "KRW");
        page.shown("#f-discTypeIdx").await?.select_by_value("458").await?;
        page.type_into("#f-disc", "5000").await?;
        page.click("#save").await?;
        page.shown(".notice-success").await?;
        let saved = api.coupon("DEMOACTIVE000001").await;
        assert_eq!((saved.disc_type_idx.idx(), saved.disc, saved.disc_currency.code()), (458, 5000.0, "KRW"));
        Ok(())
    })
    .await;
}
