//! The admin's home end to end: after sign-in the coupon list (search, filters, order, empty
//! state, a row opens the form), and the history beside the form after a save. The real server
//! with its demo data, the release build of the admin bundle, headless Chromium, a fresh database
//! per test.

use std::time::{Duration, Instant};

use e2e::admin::{sign_in, DEMO_KEY};
use e2e::{run, run_with, BrowserOptions, HarnessError, Page};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

/// The codes of the rows shown, in order.
const ROW_CODES: &str = r#"
return [...document.querySelectorAll('#coupon-table .hit-row')]
  .filter((row) => row.offsetParent !== null)
  .map((row) => row.dataset.code);
"#;

/// The codes shown once the list has answered and `settled` holds for them (the list searches a
/// moment after typing stops, so the rows are read until they are what the test waits for).
async fn rows_when(page: &Page, what: &str, settled: impl Fn(&[String]) -> bool) -> Result<Vec<String>, HarnessError> {
    let started = Instant::now();
    loop {
        let busy = page.attribute(".coupon-list", "aria-busy").await?.as_deref() == Some("true");
        let codes = codes_of(page.script(ROW_CODES).await?);
        if !busy && settled(&codes) {
            return Ok(codes);
        }
        if started.elapsed() > Duration::from_secs(10) {
            return Err(HarnessError::Timeout {
                what: format!("the list to show {what}; it shows {codes:?}"),
                timeout: Duration::from_secs(10),
            });
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn codes_of(value: Value) -> Vec<String> {
    value.as_array().into_iter().flatten().filter_map(|code| code.as_str().map(str::to_owned)).collect()
}

/// Sends `body` to the admin endpoint `path` with the demo key, as another tool would; it must succeed.
async fn call(base_url: &str, method: reqwest::Method, path: &str, body: serde_json::Value) -> Value {
    let reply: Value = reqwest::Client::new()
        .request(method, format!("{base_url}/api/coupon/v1/{path}"))
        .header("Authorization", format!("APIKey {DEMO_KEY}"))
        .json(&body)
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    assert_eq!(reply["code"], 0, "{path}: {reply}");
    reply["result"].clone()
}

/// Chooses `value` in the select `css`.
async fn choose(page: &Page, css: &str, value: &str) -> Result<(), HarnessError> {
    Ok(page.shown(css).await?.select_by_value(value).await?)
}

#[tokio::test]
async fn after_sign_in_the_list_shows_the_demo_coupons_and_filters_them() {
    run("coupon_list_filters", |page| async move {
        sign_in(&page).await?;
        let all = rows_when(&page, "the demo coupons", |codes| codes.len() >= 8).await?;
        for code in ["DEMOACTIVE000001", "DEMOEXPIRED00001", "DEMOSCHEDULED001", "DEMOUSED00000001"] {
            assert!(all.iter().any(|shown| shown == code), "{code} in {all:?}");
        }
        page.wait_for_text_containing("#list-summary", "coupons").await?;

        // A part of a name, in another case.
        page.type_into("#list-search", "SEASON").await?;
        let found = rows_when(&page, "the name match", |codes| codes.len() < all.len()).await?;
        assert_eq!(found, ["DEMOEXPIRED00001"]);
        assert_eq!(page.text(".hit-row .hit-name").await?, "Last season");

        // Only the expired ones, with the text cleared again.
        let backspaces = char::from(Key::Backspace).to_string().repeat("SEASON".len());
        page.shown("#list-search").await?.send_keys(&backspaces).await?;
        rows_when(&page, "every coupon again", |codes| codes.len() == all.len()).await?;
        choose(&page, "#list-status", "expired").await?;
        let expired = rows_when(&page, "the expired coupon", |codes| codes.len() < all.len()).await?;
        assert_eq!(expired, ["DEMOEXPIRED00001"]);
        assert_eq!(page.text(".hit-row .status-badge").await?, "Expired");
        assert_eq!(page.attribute(".hit-row .status-badge", "data-status").await?.as_deref(), Some("expired"));
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_code_header_sorts_and_reverses_the_order() {
    run("coupon_list_sorted_by_code_descending", |page| async move {
        page.client().set_window_size(1280, 1000).await?;
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| codes.len() >= 8).await?;
        assert_eq!(page.attribute("th:has(#sort-code)", "aria-sort").await?.as_deref(), Some("none"));

        page.click("#sort-code").await?;
        let ascending = rows_when(&page, "codes in order", |codes| codes.windows(2).all(|w| w[0] <= w[1])).await?;
        assert_eq!(page.attribute("th:has(#sort-code)", "aria-sort").await?.as_deref(), Some("ascending"));

        page.click("#sort-code").await?;
        let descending = rows_when(&page, "codes in reverse", |codes| codes.windows(2).all(|w| w[0] >= w[1])).await?;
        let mut reversed = ascending.clone();
        reversed.reverse();
        assert_eq!(descending, reversed);
        assert_eq!(page.attribute("th:has(#sort-code)", "aria-sort").await?.as_deref(), Some("descending"));
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn load_more_appends_the_next_page() {
    run("coupon_list_load_more", |page| async move {
        // 11 demo coupons and 45 more: a first page of 50, then 6.
        let context = call(page.base_url(), reqwest::Method::GET, "context", Value::Null).await;
        let today = coupon_rules::Ymd::parse(context["today"].as_str().expect("today")).expect("a date");
        let end = today.add_days(30).to_string();
        for n in 0..45 {
            let body = serde_json::json!({ "nm": format!("Bulk {n}"), "discTypeIdx": 457, "disc": 10, "endYmd": end });
            call(page.base_url(), reqwest::Method::POST, "create", body).await;
        }
        sign_in(&page).await?;
        let first = rows_when(&page, "the first page", |codes| codes.len() == 50).await?;
        page.wait_for_text_containing("#list-summary", "more to load").await?;
        page.click("#load-more").await?;
        let all = rows_when(&page, "both pages", |codes| codes.len() == 56).await?;
        assert_eq!(all[..50], first[..], "the first page stays, the next follows");
        page.wait_until_gone("#load-more").await?;
        page.wait_for_text("#list-summary", "56 coupons").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_history_loads_more_entries_on_request() {
    run("history_load_more", |page| async move {
        // 21 edits through the API: a first page of 20, then the oldest.
        for n in 1..=21 {
            let body = serde_json::json!({ "cpnNo": "DEMOOPEN00000001", "memo": format!("note {n}") });
            call(page.base_url(), reqwest::Method::PUT, "update", body).await;
        }
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| !codes.is_empty()).await?;
        page.click(r#".hit-row[data-code="DEMOOPEN00000001"] .hit-name"#).await?;
        page.wait_for_text_containing(".history-entry:first-child", "note 21").await?;
        let count = "return document.querySelectorAll('.history-entry').length;";
        assert_eq!(page.script(count).await?, 20);
        page.click("#history-more").await?;
        page.wait_for_text_containing(".history-entry:nth-child(21)", "note 1").await?;
        page.wait_until_gone("#history-more").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_search_that_finds_nothing_says_so() {
    run("coupon_list_empty", |page| async move {
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| !codes.is_empty()).await?;
        page.type_into("#list-search", "no such coupon anywhere").await?;
        rows_when(&page, "no rows", |codes| codes.is_empty()).await?;
        page.wait_for_text("#list-summary", "No coupons match.").await?;
        assert!(!page.is_shown("#coupon-table").await?, "no empty table");
        assert!(!page.is_shown("#load-more").await?);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_failed_search_says_why_and_keeps_the_rows_shown() {
    run("coupon_list_failed_search", |page| async move {
        sign_in(&page).await?;
        let all = rows_when(&page, "the demo coupons", |codes| codes.len() >= 8).await?;
        page.fail_next_request().await?;
        page.type_into("#list-search", "spring").await?;
        page.wait_for_text_containing("#list-error", "could not be loaded").await?;
        assert_eq!(rows_when(&page, "the rows from before", |_| true).await?, all, "what was shown stays");

        // The next search goes through and replaces the error.
        page.shown("#list-search").await?.send_keys(" sale").await?;
        let found = rows_when(&page, "the spring sale", |codes| codes.len() == 3).await?;
        assert!(found.iter().all(|code| code.starts_with("DEMOSPRING")), "{found:?}");
        page.wait_until_gone("#list-error").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_row_opens_its_coupon_by_click_and_by_enter() {
    run("coupon_list_row_opens_the_form", |page| async move {
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| !codes.is_empty()).await?;
        page.click(r#".hit-row[data-code="DEMOSCHEDULED001"] .hit-name"#).await?;
        page.wait_for_text_containing(".editor-title", "DEMO-SCHE-DULE-D001").await?;
        assert_eq!(
            page.client().find(Locator::Css("#f-nm")).await?.prop("value").await?.as_deref(),
            Some("Spring preview")
        );

        // Back home, the keyboard: the row's code button, Enter.
        page.click("#back-to-open").await?;
        rows_when(&page, "the demo coupons", |codes| !codes.is_empty()).await?;
        page.script(r#"document.querySelector('.hit-row[data-code="DEMOEXPIRED00001"] button').focus(); return null;"#)
            .await?;
        page.press(Key::Enter).await?;
        page.wait_for_text_containing(".editor-title", "DEMO-EXPI-RED0-0001").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_history_beside_the_form_shows_a_saved_rename() {
    run("history_after_a_rename", |page| async move {
        page.client().set_window_size(1400, 1000).await?;
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| !codes.is_empty()).await?;
        page.click(r#".hit-row[data-code="DEMOACTIVE000001"] .hit-name"#).await?;
        page.wait_for_text_containing(".editor-title", "DEMO-ACTI-VE00-0001").await?;
        page.shown("#history").await?;

        page.type_into("#f-nm", "12% off everything").await?;
        page.click("#save").await?;
        page.shown(".notice-success").await?;
        // The newest entry is the edit: the name from old to new.
        let change = r#".history-entry:first-child[data-kind="edit"] .history-change[data-field="nm"]"#;
        page.wait_for_text_containing(change, "12% off everything").await?;
        assert_eq!(page.text(&format!("{change} .history-old")).await?, "10% off everything");
        assert_eq!(page.text(&format!("{change} .history-new")).await?, "12% off everything");
        page.wait_for_text_containing(".history-entry:first-child .history-head", "Edited").await?;
        page.script("document.querySelector('#history').scrollIntoView(); return null;").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_list_and_the_history_read_in_korean() {
    run_with("coupon_list_ko", BrowserOptions { lang: Some("ko".into()) }, |page| async move {
        page.client().set_window_size(1280, 1000).await?;
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| codes.len() >= 8).await?;
        page.wait_for_text("#coupon-list-title", "쿠폰 목록").await?;
        page.wait_for_text_containing("th:has(#sort-code)", "쿠폰 번호").await?;
        page.save_screenshot("coupon_list_ko_home").await?;

        page.click(r#".hit-row[data-code="DEMOLIMIT3000003"] .hit-name"#).await?;
        page.wait_for_text("#history-title", "변경 이력").await?;
        page.type_into("#f-memo", "전화로 문의함").await?;
        page.click("#save").await?;
        page.wait_for_text_containing(".history-entry:first-child .history-head", "수정").await?;
        page.script("document.querySelector('#history').scrollIntoView(); return null;").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn at_phone_width_the_list_fits_and_the_history_is_below_the_form() {
    run("coupon_list_phone", |page| async move {
        page.client().set_window_size(390, 844).await?;
        sign_in(&page).await?;
        rows_when(&page, "the demo coupons", |codes| codes.len() >= 8).await?;
        let overflow = page.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await?;
        assert_eq!(overflow.as_i64(), Some(0), "the page does not scroll sideways (the table scrolls inside its box)");
        page.save_screenshot("coupon_list_phone_home").await?;
        page.script("document.querySelector('#coupon-list-title').scrollIntoView(); return null;").await?;
        page.save_screenshot("coupon_list_phone_table").await?;

        page.click(r#".hit-row[data-code="DEMOUSED00000001"] .hit-name"#).await?;
        page.shown("#history").await?;
        page.wait_for_text_containing(".history-entries", "Use #1").await?;
        let below = page
            .script("return document.querySelector('#history').getBoundingClientRect().top > document.querySelector('.coupon-form').getBoundingClientRect().bottom;")
            .await?;
        assert_eq!(below.as_bool(), Some(true), "the history comes after the form");
        page.script("document.querySelector('#history').scrollIntoView(); return null;").await?;
        Ok(())
    })
    .await;
}
