//! The API keys screen end to end: the real server with its demo data, the release build of the
//! admin bundle, headless Chromium. A key made on the screen is tried against the real API, before
//! and after it is revoked there.

use e2e::admin::{sign_in, DEMO_KEY};
use e2e::{run, run_with, BrowserOptions, HarnessError, Page};
use fantoccini::Locator;
use serde_json::Value;

/// The envelope's code of `GET /api/coupon/v1/context` with `key`: 0 when the key works, 1003 when
/// it is refused.
async fn context_code(page: &Page, key: &str) -> i64 {
    let reply: Value = reqwest::Client::new()
        .get(format!("{}/api/coupon/v1/context", page.base_url()))
        .header("Authorization", format!("APIKey {key}"))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    reply["code"].as_i64().expect("a code")
}

/// Makes a key through the API with the demo key; returns its id and the key.
async fn make_key(page: &Page, label: &str) -> (i64, String) {
    let reply: Value = reqwest::Client::new()
        .post(format!("{}/api/coupon/v1/keys", page.base_url()))
        .header("Authorization", format!("APIKey {DEMO_KEY}"))
        .json(&serde_json::json!({ "label": label }))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    assert_eq!(reply["code"], 0, "{reply}");
    (reply["result"]["id"].as_i64().unwrap(), reply["result"]["key"].as_str().unwrap().to_owned())
}

/// The id of the key labelled `label`, as the list shows it (`data-key-id`).
async fn row_id(page: &Page, label: &str) -> Result<String, HarnessError> {
    let script = format!(
        "return [...document.querySelectorAll('.key-row')].filter(r => r.querySelector('.key-label').textContent === {label:?}).map(r => r.dataset.keyId);"
    );
    let ids = page.script(&script).await?;
    let ids = ids.as_array().cloned().unwrap_or_default();
    assert_eq!(ids.len(), 1, "one row labelled {label}: {ids:?}");
    Ok(ids[0].as_str().unwrap_or_default().to_owned())
}

/// The codes shown under the label field.
async fn label_codes(page: &Page) -> Result<Vec<String>, HarnessError> {
    let mut codes = Vec::new();
    for item in page.client().find_all(Locator::Css("#key-label-msgs li")).await? {
        codes.push(item.attr("data-code").await?.unwrap_or_default());
    }
    Ok(codes)
}

/// Opens the keys screen from the header and waits for the list.
async fn open_keys(page: &Page) -> Result<(), HarnessError> {
    page.click("#to-keys").await?;
    page.shown("#keys-screen").await?;
    page.shown("#key-list .key-row").await?;
    Ok(())
}

#[tokio::test]
async fn a_key_is_made_shown_once_works_and_stops_working_once_revoked() {
    run("admin_keys_create_and_revoke", |page| async move {
        sign_in(&page).await?;
        open_keys(&page).await?;

        // The label is checked as it is typed, by the rules.
        page.type_into("#key-label", "   ").await?;
        assert_eq!(label_codes(&page).await?, ["blank"]);
        page.type_into("#key-label", &"x".repeat(101)).await?;
        assert_eq!(label_codes(&page).await?, ["too_long"]);
        page.wait_for_text_containing("#key-label-msgs", "At most 100 characters.").await?;
        page.count_requests().await?;
        page.click("#create-key").await?;
        assert_eq!(page.requests_sent().await?, 0, "a refused label is never sent");

        page.type_into("#key-label", "Front desk").await?;
        assert!(label_codes(&page).await?.is_empty());
        page.click("#create-key").await?;
        page.shown("#new-key").await?;
        page.wait_for_text("#new-key-title", "Your new key “Front desk”").await?;
        page.wait_for_text_containing("#new-key-once", "you will not see it again").await?;
        let key = page.text("#new-key-value").await?;
        assert!(key.len() >= 20, "the key is shown: {key:?}");
        let typed = page.client().find(Locator::Css("#key-label")).await?.prop("value").await?;
        assert_eq!(typed.as_deref(), Some(""), "the form is empty again");
        page.shown("#copy-new-key").await?;
        assert_eq!(context_code(&page, &key).await, 0, "the new key works with the API");

        let id = row_id(&page, "Front desk").await?;
        let row = format!(".key-row[data-key-id=\"{id}\"]");
        page.wait_for_text(&format!("{row} .key-last-used"), "never").await?;
        page.wait_for_text(&format!("{row} .key-state"), "Active").await?;
        assert!(!page.text("#key-list").await?.contains(&key), "the list never shows a key");
        page.save_screenshot("admin_keys_new_key_shown_once").await?;

        page.click("#hide-new-key").await?;
        page.wait_until_gone("#new-key").await?;
        let anywhere = page.script(&format!("return document.documentElement.outerHTML.includes({key:?});")).await?;
        assert_eq!(anywhere, Value::Bool(false), "once hidden, the key is nowhere on the page");

        page.click(&format!("{row} .revoke-key")).await?;
        page.wait_for_text(&format!("{row} [role=alertdialog] .revoke-confirm-title"), "Revoke “Front desk”?").await?;
        let focused = page.script("return document.activeElement.id;").await?;
        assert_eq!(focused, "cancel-revoke", "the harmless choice has the focus");
        page.click("#confirm-revoke").await?;
        page.wait_for_text("#keys-outcome", "“Front desk” is revoked.").await?;
        page.wait_for_text_containing(&format!("{row} .key-state"), "Revoked").await?;
        assert_eq!(page.attribute(&row, "data-state").await?.as_deref(), Some("revoked"));
        assert!(!page.is_shown(&format!("{row} .revoke-key")).await?, "a revoked key has no Revoke");
        assert_eq!(context_code(&page, &key).await, 1003, "the API refuses the revoked key");
        assert!(page.is_shown("#sign-out").await?, "revoking another key keeps the admin signed in");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn revoking_the_key_one_signed_in_with_signs_out_and_says_why() {
    run("admin_keys_revoke_own_key", |page| async move {
        let (id, key) = make_key(&page, "Till 2").await;
        page.open("/admin/").await?;
        page.type_into("#api-key", &key).await?;
        page.click("#sign-in").await?;
        page.shown("#open-code").await?;
        open_keys(&page).await?;
        let row = format!(".key-row[data-key-id=\"{id}\"]");
        page.click(&format!("{row} .revoke-key")).await?;
        page.click("#confirm-revoke").await?;
        page.shown("#api-key").await?;
        page.wait_for_text_containing("#app-error", "You revoked the key you were signed in with").await?;
        let kept = page.script("return Object.values(sessionStorage);").await?;
        assert_eq!(kept, serde_json::json!([]), "the revoked key is forgotten");
        assert_eq!(context_code(&page, &key).await, 1003);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_failed_load_offers_a_retry_and_a_failed_create_keeps_the_label() {
    run("admin_keys_failures", |page| async move {
        sign_in(&page).await?;
        page.fail_next_request().await?;
        page.click("#to-keys").await?;
        page.shown("#keys-error").await?;
        page.wait_for_text_containing("#keys-error", "The keys could not be loaded.").await?;
        page.click("#keys-error .retry").await?;
        page.shown("#key-list .key-row").await?;
        page.wait_until_gone("#keys-error").await?;

        page.type_into("#key-label", "Back office").await?;
        page.fail_next_request().await?;
        page.click("#create-key").await?;
        page.wait_for_text_containing("#create-key-error", "The key was not created.").await?;
        assert_eq!(
            page.client().find(Locator::Css("#key-label")).await?.prop("value").await?.as_deref(),
            Some("Back office"),
            "what was typed stays"
        );
        assert!(page.is_shown("#key-list .key-row").await?, "the list stays");
        page.click("#create-key").await?;
        page.wait_for_text("#new-key-title", "Your new key “Back office”").await?;
        page.wait_until_gone("#create-key-error").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn korean_admins_get_the_keys_screen_in_korean() {
    let options = BrowserOptions { lang: Some("ko".to_owned()) };
    run_with("admin_keys_korean", options, |page| async move {
        sign_in(&page).await?;
        page.wait_for_text("#to-keys", "API 키").await?;
        open_keys(&page).await?;
        page.type_into("#key-label", "프런트 데스크").await?;
        page.click("#create-key").await?;
        page.wait_for_text("#new-key-title", "새 키 “프런트 데스크”").await?;
        page.wait_for_text_containing("#new-key-once", "다시 볼 수 없습니다").await?;
        let id = row_id(&page, "프런트 데스크").await?;
        page.wait_for_text(&format!(".key-row[data-key-id=\"{id}\"] .key-last-used"), "사용 안 함").await?;
        page.click(&format!(".key-row[data-key-id=\"{id}\"] .revoke-key")).await?;
        page.wait_for_text_containing("[role=alertdialog]", "폐기할까요?").await?;
        Ok(())
    })
    .await;
}
