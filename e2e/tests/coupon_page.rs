//! The coupon page end to end: the real server with its demo data, the release build of the app,
//! headless Chromium. Each test gets a fresh database, so each starts from the demo coupons.

use e2e::{run, run_with, BrowserOptions, HarnessError, Page};
use fantoccini::key::Key;

/// The demo's store password.
const STORE_PASSWORD: &str = "1234";

/// Opens a coupon's page and waits for its name.
async fn open_coupon(page: &Page, code: &str, name: &str) -> Result<(), HarnessError> {
    page.open(&format!("/c/{code}")).await?;
    page.wait_for_text(".coupon-name", name).await
}

/// Staff open the dialog, type the password and press Enter.
async fn use_with_password(page: &Page, password: &str) -> Result<(), HarnessError> {
    if !page.is_shown("dialog.use-dialog").await? {
        page.click(".use-button").await?;
    }
    page.type_into("#store-password", password).await?;
    page.press(Key::Enter).await
}

#[tokio::test]
async fn customer_sees_the_coupon_in_its_colours() {
    run("customer_sees_the_coupon_in_its_colours", |page| async move {
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        page.wait_for_text(".coupon-discount", "10% OFF").await?;
        page.wait_for_text(".status", "Active").await?;
        page.wait_for_text(".coupon-code-value", "DEMO-ACTI-VE00-0001").await?;
        page.wait_for_text_containing(".coupon-validity", "(Asia/Seoul)").await?;
        assert_eq!(page.computed_style(".coupon", "color").await?, "rgb(255, 255, 255)");
        assert_eq!(page.computed_style(".coupon", "background-color").await?, "rgb(30, 58, 138)");
        assert!(page.is_shown(".coupon-qr svg").await?, "the QR code is drawn");
        assert!(page.is_shown(".coupon-template").await?, "the template's texts are shown");
        assert!(page.is_shown(".use-button").await?);
        assert!(!page.is_shown(".stamp").await?);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn group_colours_override_the_coupons_own() {
    run("group_colours_override_the_coupons_own", |page| async move {
        open_coupon(&page, "DEMOGROUP0000001", "VIP night").await?;
        assert_eq!(page.computed_style(".coupon", "color").await?, "rgb(255, 215, 0)");
        assert_eq!(page.computed_style(".coupon", "background-color").await?, "rgb(26, 26, 26)");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn staff_see_the_tries_left_then_the_stamp_and_a_reload_shows_it_used() {
    run("staff_wrong_then_right_password", |page| async move {
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        page.click(".use-button").await?;
        page.wait_for_text_containing("dialog.use-dialog h2", "Use this coupon").await?;
        page.wait_for_text_containing(".staff-only", "store staff").await?;
        assert_eq!(page.attribute("#store-password", "inputmode").await?.as_deref(), Some("numeric"));
        assert_eq!(page.attribute("#store-password", "type").await?.as_deref(), Some("password"));

        use_with_password(&page, "0000").await?;
        page.wait_for_text(".dialog-status", "Wrong password. 4 tries left.").await?;
        assert!(!page.is_shown(".stamp").await?, "a wrong password uses nothing");

        use_with_password(&page, STORE_PASSWORD).await?;
        page.wait_until_gone("dialog.use-dialog").await?;
        page.shown(".stamp").await?;
        page.wait_for_text(".stamp-word", "USED").await?;
        page.wait_until_gone(".use-button").await?;
        page.wait_for_text(".status", "Used up").await?;
        page.wait_for_text_containing(".stamp-time", "Used on").await?;

        page.reload().await?;
        page.wait_for_text(".coupon-name", "10% off everything").await?;
        page.wait_for_text(".status", "Used up").await?;
        page.shown(".stamp").await?;
        assert!(!page.is_shown(".use-button").await?, "a used coupon has no Use button after a reload");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_limited_coupon_counts_down() {
    run("a_limited_coupon_counts_down", |page| async move {
        open_coupon(&page, "DEMOLIMIT3000003", "₩5,000 off").await?;
        page.wait_for_text(".coupon-discount", "₩5,000 OFF").await?;
        page.wait_for_text(".coupon-uses", "Used 0 of 3 times · 3 uses left").await?;
        assert_eq!(page.computed_style(".coupon", "background-color").await?, "rgb(254, 243, 199)");

        use_with_password(&page, STORE_PASSWORD).await?;
        page.wait_for_text(".coupon-uses", "Used 1 of 3 times · 2 uses left").await?;
        page.shown(".stamp").await?;

        page.reload().await?;
        page.wait_for_text(".coupon-uses", "Used 1 of 3 times · 2 uses left").await?;
        assert!(!page.is_shown(".stamp").await?, "uses are left: no stamp after a reload");
        use_with_password(&page, STORE_PASSWORD).await?;
        page.wait_for_text(".coupon-uses", "Used 2 of 3 times · 1 use left").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_url_button_points_where_it_should() {
    run("the_url_button_points_where_it_should", |page| async move {
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        let link = page.shown("a.shop-link").await?;
        assert_eq!(link.attr("href").await?.as_deref(), Some("https://example.com/shop"));
        assert_eq!(link.attr("rel").await?.as_deref(), Some("noopener noreferrer"));
        assert_eq!(link.attr("target").await?.as_deref(), Some("_blank"));
        page.wait_for_text_containing("a.shop-link", "Go to Use Coupon").await?;

        open_coupon(&page, "DEMONOURL0000001", "$5.00 off at the counter").await?;
        page.wait_for_text(".coupon-discount", "$5.00 OFF").await?;
        assert_eq!(page.script("return document.querySelectorAll('a[href]').length").await?, 0);
        assert!(!page.is_shown(".use-button").await?, "not an on-site coupon");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn coupons_that_cannot_be_used_say_why() {
    run("coupons_that_cannot_be_used_say_why", |page| async move {
        open_coupon(&page, "DEMOSCHEDULED001", "Spring preview").await?;
        page.wait_for_text_containing(".status", "Not valid yet: from ").await?;
        assert!(!page.is_shown(".use-button").await?);

        open_coupon(&page, "DEMOEXPIRED00001", "Last season").await?;
        page.wait_for_text(".status", "Expired").await?;
        assert!(!page.is_shown(".use-button").await?);

        open_coupon(&page, "DEMOUSED00000001", "Used welcome gift").await?;
        page.wait_for_text(".status", "Used up").await?;
        page.wait_for_text_containing(".stamp-time", "Used on").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_unknown_coupon_is_not_found() {
    run("an_unknown_coupon_is_not_found", |page| async move {
        page.open("/c/NOSUCHCOUPON0001").await?;
        page.wait_for_text(".state-not-found h2", "Coupon not found").await?;
        page.open("/c/not-a-code!").await?;
        page.wait_for_text(".state-not-found h2", "Coupon not found").await
    })
    .await;
}

#[tokio::test]
async fn the_dialog_keeps_the_focus_and_closes_on_escape() {
    run("the_dialog_keeps_the_focus_and_closes_on_escape", |page| async move {
        open_coupon(&page, "DEMOOPEN00000001", "Open house").await?;
        page.click(".use-button").await?;
        page.shown("dialog.use-dialog").await?;
        let focused_id = "return document.activeElement && document.activeElement.id";
        assert_eq!(page.script(focused_id).await?, "store-password", "the password field has the focus");
        // Tab past the last button comes back to the password field.
        for _ in 0..3 {
            page.press(Key::Tab).await?;
        }
        assert_eq!(page.script(focused_id).await?, "store-password");
        page.press(Key::Escape).await?;
        page.wait_until_gone("dialog.use-dialog").await?;
        assert!(page.is_shown(".use-button").await?, "closing uses nothing");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn korean_browsers_get_the_page_in_korean() {
    let korean = BrowserOptions { lang: Some("ko".to_owned()) };
    run_with("korean_browsers_get_the_page_in_korean", korean, |page| async move {
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        page.wait_for_text(".coupon-discount", "10% 할인").await?;
        page.wait_for_text(".status", "사용 가능").await?;
        page.wait_for_text(".use-button-label", "쿠폰 사용").await?;
        assert_eq!(page.script("return document.documentElement.lang").await?, "ko");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn too_many_wrong_passwords_make_staff_wait() {
    run("too_many_wrong_passwords_make_staff_wait", |page| async move {
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        for left in ["4 tries left", "3 tries left", "2 tries left", "1 try left", "No tries left"] {
            use_with_password(&page, "9999").await?;
            page.wait_for_text_containing(".dialog-status", left).await?;
        }
        use_with_password(&page, STORE_PASSWORD).await?;
        page.wait_for_text(".dialog-status", "Too many wrong passwords. Try again in 15 minutes.").await?;
        assert!(!page.is_shown(".stamp").await?, "even the right password waits");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_coupon_used_elsewhere_meanwhile_says_why_it_cannot_be_used() {
    run("a_coupon_used_elsewhere_meanwhile", |page| async move {
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        page.click(".use-button").await?;
        // Another till uses the coupon while this page still shows it as active.
        let elsewhere = r#"
            const done = arguments[arguments.length - 1];
            fetch('/api/public/v1/coupons/DEMOACTIVE000001/use', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ onsitePwd: '1234', idempotencyKey: 'another-till' }),
            }).then((reply) => reply.json()).then((body) => done(body.code));
        "#;
        assert_eq!(page.client().execute_async(elsewhere, vec![]).await?, 0);
        use_with_password(&page, STORE_PASSWORD).await?;
        page.wait_for_text(".dialog-status", "This coupon cannot be used any more: it has been used up.").await?;
        page.wait_for_text(".status", "Used up").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_retry_after_a_lost_reply_never_uses_the_coupon_twice() {
    run("a_retry_after_a_lost_reply", |page| async move {
        open_coupon(&page, "DEMOLIMIT3000003", "₩5,000 off").await?;
        // The first use reaches the server, but its reply is lost on the way back.
        let lose_first_reply = r#"
            const realFetch = window.fetch.bind(window);
            window.sentKeys = [];
            window.fetch = async (request) => {
                if (request.method === 'POST') {
                    window.sentKeys.push(JSON.parse(await request.clone().text()).idempotencyKey);
                    if (window.sentKeys.length === 1) {
                        await realFetch(request);
                        throw new TypeError('Failed to fetch');
                    }
                }
                return realFetch(request);
            };
        "#;
        page.script(lose_first_reply).await?;
        use_with_password(&page, STORE_PASSWORD).await?;
        page.wait_for_text_containing(".dialog-status", "did not get through").await?;
        assert!(page.is_shown("dialog.use-dialog").await?, "the dialog stays for the retry");

        // Staff press Enter again: same attempt, same key; the server answers as the first time.
        page.press(Key::Enter).await?;
        page.wait_until_gone("dialog.use-dialog").await?;
        page.wait_for_text(".coupon-uses", "Used 1 of 3 times · 2 uses left").await?;
        let keys = page.script("return window.sentKeys").await?;
        assert_eq!(keys.as_array().map(Vec::len), Some(2), "{keys}");
        assert_eq!(keys[0], keys[1], "the retry reuses the attempt's idempotency key");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_page_fits_a_360_px_phone_and_a_desktop() {
    run("the_page_fits_a_360_px_phone", |page| async move {
        page.client().set_window_size(360, 780).await?;
        open_coupon(&page, "DEMOACTIVE000001", "10% off everything").await?;
        let widths = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]";
        let widths = page.script(widths).await?;
        assert!(widths[0].as_u64() <= widths[1].as_u64(), "no sideways scrolling at 360 px: {widths}");
        page.save_screenshot("the_page_fits_a_360_px_phone-narrow").await?;

        page.client().set_window_size(1280, 900).await?;
        let card_width = page.script("return document.querySelector('.coupon').getBoundingClientRect().width").await?;
        assert!(
            card_width.as_f64().is_some_and(|width| width <= 480.0),
            "a readable column on a desktop: {card_width}"
        );
        Ok(())
    })
    .await;
}
