//! The group update screen end to end: the real server with its demo data, the release build of the
//! admin bundle, headless Chromium. Each test gets a fresh database. What the server stored is read
//! back through its API, beside what the browser shows.

mod admin_api;

use std::time::Duration;

use admin_api::AdminApi;
use coupon_rules::{group_code, Coupon, Ymd};
use e2e::admin::{sign_in, DEMO_KEY};
use e2e::{run, HarnessError, Page};
use fantoccini::Locator;
use serde_json::{json, Value};

/// The demo's "Spring sale" group and its coupons (percentage 10, 15 and 20, active, unused).
const SPRING_SALE: &str = "Spring sale";
const SPRING: [&str; 3] = ["DEMOSPRING000001", "DEMOSPRING000002", "DEMOSPRING000003"];

/// A shop's system uses a coupon once (`PUT redeem`, with the demo key), as a sale would.
async fn use_once(base_url: &str, cpn_no: &str) {
    let reply: Value = reqwest::Client::new()
        .put(format!("{base_url}/api/coupon/v1/redeem"))
        .header("Authorization", format!("APIKey {DEMO_KEY}"))
        .json(&json!({ "cpnNo": cpn_no }))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("an envelope");
    assert_eq!(reply["code"], json!(0), "the use goes through: {reply}");
}

/// Every spring coupon as the server has it now.
async fn spring_coupons(api: &AdminApi) -> Vec<Coupon> {
    let mut coupons = Vec::new();
    for code in SPRING {
        coupons.push(api.coupon(code).await);
    }
    coupons
}

/// Signs in, opens the group update screen and chooses "Spring sale"; returns once its three
/// coupons are in the preview.
async fn open_spring_sale(page: &Page) -> Result<(), HarnessError> {
    sign_in(page).await?;
    page.click("#to-group-update").await?;
    page.shown("#g-group").await?.select_by_label(SPRING_SALE).await?;
    page.shown("#group-preview-count[data-coupons='3']").await?;
    Ok(())
}

async fn apply_is_enabled(page: &Page) -> Result<bool, HarnessError> {
    Ok(page.client().find(Locator::Css("#apply")).await?.is_enabled().await?)
}

/// The value an input holds now.
async fn value_of(page: &Page, css: &str) -> Result<String, HarnessError> {
    Ok(page.client().find(Locator::Css(css)).await?.prop("value").await?.unwrap_or_default())
}

#[tokio::test]
async fn admin_extends_and_raises_a_group_then_the_customer_sees_it() {
    run("group_update_applied", |page| async move {
        let api = AdminApi::demo(page.base_url());
        let new_end: Ymd = api.context().await.today.add_days(45);
        open_spring_sale(&page).await?;

        page.type_into("#g-expires", &new_end.to_string()).await?;
        page.type_into("#g-discount_amount", "25").await?;
        page.wait_for_text("#group-preview-count", "All 3 coupons of “Spring sale” will change.").await?;
        assert_eq!(page.attribute("#group-preview-count", "data-changing").await?.as_deref(), Some("3"));
        assert!(apply_is_enabled(&page).await?);

        page.click("#apply").await?;
        page.wait_for_text("#group-outcome", "Updated 3 coupons.").await?;
        for coupon in spring_coupons(&api).await {
            assert_eq!(coupon.end_ymd, Some(new_end), "{}", coupon.cpn_no);
            assert_eq!(coupon.disc, 25.0, "{}", coupon.cpn_no);
        }
        assert_eq!(value_of(&page, "#g-discount_amount").await?, "", "the applied change is cleared");
        assert!(!apply_is_enabled(&page).await?, "nothing left to apply");

        page.open("/c/DEMOSPRING000002").await?;
        page.wait_for_text_containing(".coupon-validity", &new_end.to_string()).await?;
        page.wait_for_text(".coupon-discount", "25% OFF").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_coupon_used_meanwhile_refuses_the_whole_group_and_the_typing_stays() {
    run("group_update_refused_meanwhile", |page| async move {
        let api = AdminApi::demo(page.base_url());
        let before = spring_coupons(&api).await;
        open_spring_sale(&page).await?;
        page.type_into("#g-discount_amount", "30").await?;
        page.wait_for_text("#group-preview-count", "All 3 coupons of “Spring sale” will change.").await?;

        use_once(page.base_url(), "DEMOSPRING000002").await;
        page.click("#apply").await?;

        page.shown("#group-outcome.notice-error").await?;
        page.wait_for_text_containing("#group-outcome", &group_code("DEMOSPRING000002")).await?;
        page.wait_for_text_containing("#group-outcome", "Nothing was changed").await?;
        assert_eq!(page.attribute("#group-outcome", "data-cpn-no").await?.as_deref(), Some("DEMOSPRING000002"));
        let after = spring_coupons(&api).await;
        let discounts = |coupons: &[Coupon]| coupons.iter().map(|c| c.disc).collect::<Vec<_>>();
        assert_eq!(discounts(&after), discounts(&before), "all or nothing: no coupon changed");
        assert_eq!(value_of(&page, "#g-discount_amount").await?, "30", "the typing stays");

        // The preview reloads the group and names the coupon that is locked now.
        page.shown("#group-refused li[data-cpn-no='DEMOSPRING000002']").await?;
        page.wait_for_text_containing("#apply-why", &group_code("DEMOSPRING000002")).await?;
        assert!(!apply_is_enabled(&page).await?);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_used_coupon_is_named_before_anything_is_sent() {
    run("group_update_refused_before_sending", |page| async move {
        let api = AdminApi::demo(page.base_url());
        use_once(page.base_url(), "DEMOSPRING000001").await;
        open_spring_sale(&page).await?;
        page.count_requests().await?;

        page.type_into("#g-discount_amount", "30").await?;
        page.shown("#group-refused li[data-cpn-no='DEMOSPRING000001']").await?;
        page.wait_for_text("#group-preview-count", "1 of 3 coupons would be refused, so none will change.").await?;
        page.wait_for_text_containing("#g-discount_amount-msgs", &group_code("DEMOSPRING000001")).await?;
        assert!(!apply_is_enabled(&page).await?);
        let _ = page.client().find(Locator::Css("#apply")).await?.click().await;
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(page.requests_sent().await?, 0, "no request left the page");
        assert_eq!(api.coupon("DEMOSPRING000003").await.disc, 20.0);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_lost_request_keeps_the_typing_and_try_again_applies_it() {
    run("group_update_network_retry", |page| async move {
        let api = AdminApi::demo(page.base_url());
        open_spring_sale(&page).await?;
        page.type_into("#g-allowed_uses", "50").await?;
        page.fail_next_request().await?;

        page.click("#apply").await?;
        page.wait_for_text_containing("#group-outcome", "could not be reached").await?;
        assert_eq!(value_of(&page, "#g-allowed_uses").await?, "50", "the typing stays");
        assert_eq!(api.coupon("DEMOSPRING000001").await.allowed_uses, None, "nothing was sent");

        page.click("#group-outcome .retry").await?;
        page.wait_for_text("#group-outcome", "Updated 3 coupons.").await?;
        for coupon in spring_coupons(&api).await {
            assert_eq!(coupon.allowed_uses, Some(50), "{}", coupon.cpn_no);
        }
        Ok(())
    })
    .await;
}
