//! The receipt's Undo on the coupon page end to end: staff use the demo coupon with the store
//! password, the page offers Undo with a running countdown, and Undo takes the use back on the
//! real server without the password.

use std::time::Duration;

use e2e::{run, run_with, BrowserOptions, HarnessError, Page};
use fantoccini::key::Key;
use serde_json::Value;

/// The demo's store password.
const STORE_PASSWORD: &str = "1234";
/// The demo coupon staff use (once of once).
const COUPON: &str = "DEMOACTIVE000001";

/// `useCnt` of the coupon as the public API shows it now.
async fn uses(page: &Page) -> i64 {
    let reply: Value = reqwest::get(format!("{}/api/public/v1/coupons/{COUPON}", page.base_url()))
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    reply["result"]["useCnt"].as_i64().expect("useCnt")
}

/// Opens the coupon, uses it with the store password and waits for the receipt's Undo.
async fn use_the_coupon(page: &Page, name: &str) -> Result<(), HarnessError> {
    page.open(&format!("/c/{COUPON}")).await?;
    page.wait_for_text(".coupon-name", name).await?;
    page.click(".use-button").await?;
    page.type_into("#store-password", STORE_PASSWORD).await?;
    page.press(Key::Enter).await?;
    page.wait_until_gone("dialog.use-dialog").await?;
    page.shown("#undo-use").await?;
    Ok(())
}

/// The seconds the Undo button counts down from now.
async fn seconds_left(page: &Page) -> Result<i64, HarnessError> {
    let text = page.text(".undo-countdown").await?;
    Ok(text.trim_end_matches(" s").parse().unwrap_or_else(|_| panic!("a countdown in seconds: {text:?}")))
}

#[tokio::test]
async fn staff_undo_a_use_without_the_password_and_the_coupon_is_usable_again() {
    run("coupon_page_undo", |page| async move {
        use_the_coupon(&page, "10% off everything").await?;
        page.wait_for_text(".status", "Used up").await?;
        assert_eq!(uses(&page).await, 1, "the use is stored");

        let first = seconds_left(&page).await?;
        assert!((55..=60).contains(&first), "it starts at about 60 s: {first}");
        page.wait_for_text_containing(".undo-text", "You can undo this use for").await?;
        tokio::time::sleep(Duration::from_millis(2100)).await;
        let later = seconds_left(&page).await?;
        assert!(later < first, "the seconds run: {first} then {later}");
        page.wait_for_text_containing(".undo-text", &format!("{later} more seconds")).await?;
        let live = page.script("return document.querySelector('#undo-offer [role=status]').textContent;").await?;
        assert_eq!(live, "Used by mistake? You can undo this use for 60 seconds.", "not every second is announced");
        page.save_screenshot("coupon_page_undo_offered").await?;

        page.click("#undo-use").await?;
        page.wait_for_text("#undo-done", "Use undone: the coupon can be used again.").await?;
        page.wait_until_gone("#undo-offer").await?;
        page.wait_for_text(".status", "Active").await?;
        page.shown(".use-button").await?;
        assert!(!page.is_shown(".stamp").await?, "the stamp is gone");
        assert_eq!(uses(&page).await, 0, "the server took the use back");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_refused_token_says_only_an_admin_can_undo_now() {
    run("coupon_page_undo_expired", |page| async move {
        use_the_coupon(&page, "10% off everything").await?;
        // The token the page holds is refused as the server refuses one older than 60 s.
        page.script(
            r#"const original = window.fetch;
            window.fetch = (input, init) => (input instanceof Request ? input.url : String(input)).endsWith('/undo-use')
              ? Promise.resolve(new Response(JSON.stringify({code: 1002, message: 'too late',
                  result: {errors: [{field: 'undoToken', code: 'undo_expired', message: 'too late', params: {}}], warnings: []}}),
                  {status: 400, headers: {'Content-Type': 'application/json'}}))
              : original(input, init);"#,
        )
        .await?;
        page.click("#undo-use").await?;
        page.wait_for_text(".undo-text", "Too late to undo here: only an admin can undo this use now.").await?;
        page.wait_until_gone("#undo-use").await?;
        assert_eq!(uses(&page).await, 1, "the use stands");
        page.wait_for_text(".status", "Used up").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn after_60_seconds_the_undo_is_gone() {
    run("coupon_page_undo_timeout", |page| async move {
        use_the_coupon(&page, "10% off everything").await?;
        tokio::time::sleep(Duration::from_secs(59)).await;
        page.wait_until_gone("#undo-use").await?;
        page.wait_for_text(".undo-text", "The time to undo here is over: only an admin can undo this use now.").await?;
        assert_eq!(uses(&page).await, 1);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn korean_staff_get_the_undo_in_korean() {
    let options = BrowserOptions { lang: Some("ko".to_owned()) };
    run_with("coupon_page_undo_korean", options, |page| async move {
        use_the_coupon(&page, "10% off everything").await?;
        page.wait_for_text_containing(".undo-text", "초 안에 사용을 취소할 수 있습니다").await?;
        page.wait_for_text_containing("#undo-use", "사용 취소").await?;
        page.save_screenshot("coupon_page_undo_offered_korean").await?;
        page.click("#undo-use").await?;
        page.wait_for_text("#undo-done", "사용이 취소되었습니다. 쿠폰을 다시 사용할 수 있습니다.").await?;
        assert_eq!(uses(&page).await, 0);
        Ok(())
    })
    .await;
}
