//! How long the admin form takes from a keystroke to the updated message beside the field, in
//! headless Chromium on the release build against the real server.
//!
//! The end date of a demo coupon holds a valid date; the benchmark types one more digit (the rules
//! then report a malformed date) and a Backspace (the message goes), alternately, so every
//! keystroke changes the field's message list. An injected script takes the keydown event's
//! `timeStamp` as the start and the first DOM mutation of that list (a MutationObserver, with
//! `performance.now()`) as the finish. Prints every statistic over all samples; the goal is under
//! 16 ms (one frame at 60 Hz).

use e2e::admin::{open_coupon, sign_in};
use e2e::{Browser, BrowserOptions, Driver, HarnessError, Page, Server};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

/// Keystrokes measured (half digits, half Backspaces).
const KEYSTROKES: usize = 400;
/// Keystrokes typed first and not counted, so the page is warm.
const WARM_UP: usize = 20;
/// The field typed into, and the list of its messages.
const FIELD: &str = "#f-endYmd";
const MESSAGES: &str = "#f-endYmd-msgs";
/// A valid end date the field starts from (before the latest allowed date whatever today is).
const VALID_END: &str = "2026-12-31";

/// Records (keydown timeStamp -> next mutation of the message list) durations in `window.__keystroke`.
const INSTRUMENT: &str = r#"
const [fieldSelector, listSelector] = arguments;
const field = document.querySelector(fieldSelector);
const list = document.querySelector(listSelector);
const state = { samples: [], started: null, missed: 0 };
field.addEventListener('keydown', (event) => {
  if (state.started !== null) state.missed += 1;
  state.started = event.timeStamp;
}, true);
new MutationObserver(() => {
  if (state.started === null) return;
  state.samples.push(performance.now() - state.started);
  state.started = null;
}).observe(list, { childList: true, subtree: true, characterData: true });
window.__keystroke = state;
"#;

/// Waits until the last keystroke has been answered, then gives back the samples.
const COLLECT: &str = r#"
const done = arguments[arguments.length - 1];
const state = window.__keystroke;
const check = () => (state.started === null ? done({ samples: state.samples, missed: state.missed }) : setTimeout(check, 5));
check();
"#;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    if let Err(error) = bench().await {
        eprintln!("keystroke-bench: {error}");
        std::process::exit(1);
    }
}

async fn bench() -> Result<(), HarnessError> {
    let server = Server::start()?;
    let driver = Driver::start().await?;
    let browser = Browser::open(&driver, &BrowserOptions::default()).await?;
    let page = Page::new(browser.client.clone(), server.base_url().to_owned());
    let result = measure(&page).await;
    browser.close().await;
    let (mut samples, missed) = result?;
    if samples.is_empty() {
        return Err(HarnessError::Script { what: "keystroke samples".to_owned(), value: Value::Null });
    }
    samples.sort_by(f64::total_cmp);
    let quantile = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let mean = samples.iter().sum::<f64>() / samples.len() as f64;
    println!("keystroke to updated message, {} samples ({missed} keystrokes without a change):", samples.len());
    println!("  median {:6.2} ms", quantile(0.5));
    println!("  p95    {:6.2} ms", quantile(0.95));
    println!("  max    {:6.2} ms", samples[samples.len() - 1]);
    println!("  mean   {mean:6.2} ms");
    println!("  goal   < 16 ms (one frame): {}", if quantile(0.95) < 16.0 { "met at p95" } else { "NOT met at p95" });
    Ok(())
}

/// Types the keystrokes and returns the measured durations (ms) and how many keystrokes changed nothing.
async fn measure(page: &Page) -> Result<(Vec<f64>, u64), HarnessError> {
    sign_in(page).await?;
    open_coupon(page, "DEMOACTIVE000001", "DEMO-ACTI-VE00-0001").await?;
    page.type_into(FIELD, VALID_END).await?;
    let field = page.client().find(Locator::Css(FIELD)).await?;
    let backspace = char::from(Key::Backspace).to_string();
    for i in 0..WARM_UP {
        field.send_keys(if i % 2 == 0 { "9" } else { &backspace }).await?;
    }
    page.client().execute(INSTRUMENT, vec![FIELD.into(), MESSAGES.into()]).await?;
    for i in 0..KEYSTROKES {
        field.send_keys(if i % 2 == 0 { "9" } else { &backspace }).await?;
    }
    let collected = page.client().execute_async(COLLECT, vec![]).await?;
    let samples = collected["samples"]
        .as_array()
        .map(|samples| samples.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    Ok((samples, collected["missed"].as_u64().unwrap_or_default()))
}
