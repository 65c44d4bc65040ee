//! The admin form's flows that tests and benchmarks share: signing in and opening a coupon.

use crate::{HarnessError, Page};

/// The demo account's API key (`coupon-server serve --demo`).
pub const DEMO_KEY: &str = "demo-key-7f3a9c2e5b1d4086";

/// Opens `/admin/` and signs in with the demo key; returns once the coupon picker is shown.
pub async fn sign_in(page: &Page) -> Result<(), HarnessError> {
    page.open("/admin/").await?;
    page.type_into("#api-key", DEMO_KEY).await?;
    page.click("#sign-in").await?;
    page.shown("#open-code").await?;
    Ok(())
}

/// Opens a coupon typed as an admin would (dashes and lower case allowed); returns once its form
/// shows its code in groups of four.
pub async fn open_coupon(page: &Page, typed: &str, grouped: &str) -> Result<(), HarnessError> {
    page.type_into("#open-code", typed).await?;
    page.click("#open").await?;
    page.wait_for_text_containing(".editor-title", grouped).await?;
    page.shown("#save").await?;
    Ok(())
}
