//! Loads the coupon page 10 times cold (a fresh browser profile each time, so nothing is cached)
//! and prints the median time from navigation start to the coupon's name painted on screen.
//!
//! The finish line is the Element Timing entry of the card's name (`elementtiming="coupon-name"`):
//! its `renderTime` is when the browser painted the text, measured from navigation start.

use e2e::{Browser, BrowserOptions, Driver, HarnessError, Page, Server};
use serde_json::Value;

/// How many cold loads are measured.
const LOADS: usize = 10;
/// The demo coupon that is loaded.
const COUPON_PATH: &str = "/c/DEMOACTIVE000001";

/// Resolves with the paint time of the coupon's name, as soon as there is one.
const PAINT_TIME: &str = r#"
const done = arguments[arguments.length - 1];
const finish = (entries) => {
  const name = entries.find((entry) => entry.identifier === 'coupon-name');
  if (name) { done(name.renderTime || name.loadTime); return true; }
  return false;
};
new PerformanceObserver((list, observer) => { if (finish(list.getEntries())) observer.disconnect(); })
  .observe({ type: 'element', buffered: true });
"#;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    if let Err(error) = bench().await {
        eprintln!("page-load-bench: {error}");
        std::process::exit(1);
    }
}

async fn bench() -> Result<(), HarnessError> {
    let server = Server::start()?;
    let driver = Driver::start().await?;
    let mut times = Vec::with_capacity(LOADS);
    for load in 1..=LOADS {
        let browser = Browser::open(&driver, &BrowserOptions::default()).await?;
        let page = Page::new(browser.client.clone(), server.base_url().to_owned());
        let time = cold_load(&page).await;
        browser.close().await;
        let time = time?;
        println!("load {load:2}: {time:7.1} ms");
        times.push(time);
    }
    times.sort_by(f64::total_cmp);
    let median = (times[LOADS / 2 - 1] + times[LOADS / 2]) / 2.0;
    println!("median time to the coupon's name on screen over {LOADS} cold loads: {median:.1} ms");
    Ok(())
}

/// Milliseconds from navigation start to the name's paint, on a browser that has seen nothing yet.
async fn cold_load(page: &Page) -> Result<f64, HarnessError> {
    page.open(COUPON_PATH).await?;
    match page.client().execute_async(PAINT_TIME, vec![]).await? {
        Value::Number(time) if time.as_f64().is_some_and(|t| t > 0.0) => Ok(time.as_f64().unwrap_or_default()),
        value => Err(HarnessError::Script { what: "the name's paint time".to_owned(), value }),
    }
}
