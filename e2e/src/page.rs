//! The page under test, with the waits and reads the tests need. Every wait polls until the page
//! shows what is expected or a timeout passes, so tests read like what a person checks.

use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::error::HarnessError;
use crate::paths;

/// How long a wait lasts before the test fails: generous, as the tests run side by side on a
/// shared machine; a passing test never waits this long.
const WAIT: Duration = Duration::from_secs(30);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(100);

/// A browser tab pointed at the server.
#[derive(Clone)]
pub struct Page {
    client: Client,
    base_url: String,
}

impl Page {
    /// A page of `client` on the server at `base_url`.
    pub fn new(client: Client, base_url: String) -> Page {
        Page { client, base_url }
    }

    /// The WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The server's address (`http://127.0.0.1:PORT`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Opens a path of the server (`/c/DEMOACTIVE000001`).
    pub async fn open(&self, path: &str) -> Result<(), HarnessError> {
        Ok(self.client.goto(&format!("{}{path}", self.base_url)).await?)
    }

    /// Reloads the page.
    pub async fn reload(&self) -> Result<(), HarnessError> {
        Ok(self.client.refresh().await?)
    }

    /// The first element matching `css` once it is displayed.
    pub async fn shown(&self, css: &str) -> Result<Element, HarnessError> {
        self.poll(&format!("{css} to be shown"), || async {
            Ok(match self.client.find(Locator::Css(css)).await {
                Ok(element) if element.is_displayed().await? => Some(element),
                _ => None,
            })
        })
        .await
    }

    /// Waits until the displayed text of `css` is exactly `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> Result<(), HarnessError> {
        self.wait_for_text_matching(css, expected, |text| text == expected).await
    }

    /// Waits until the displayed text of `css` contains `part`.
    pub async fn wait_for_text_containing(&self, css: &str, part: &str) -> Result<(), HarnessError> {
        self.wait_for_text_matching(css, part, |text| text.contains(part)).await
    }

    async fn wait_for_text_matching(
        &self,
        css: &str,
        expected: &str,
        matches: impl Fn(&str) -> bool,
    ) -> Result<(), HarnessError> {
        let found = self
            .poll(css, || async {
                let text = self.text(css).await.unwrap_or_default();
                Ok(matches(&text).then_some(()))
            })
            .await;
        match found {
            Ok(()) => Ok(()),
            Err(HarnessError::Timeout { timeout, .. }) => Err(HarnessError::Timeout {
                what: format!("{css} to read {expected:?}; it reads {:?}", self.text(css).await.unwrap_or_default()),
                timeout,
            }),
            Err(error) => Err(error),
        }
    }

    /// The displayed text of the first element matching `css` (empty when it is hidden).
    pub async fn text(&self, css: &str) -> Result<String, HarnessError> {
        Ok(self.client.find(Locator::Css(css)).await?.text().await?)
    }

    /// Whether an element matching `css` is on screen right now.
    pub async fn is_shown(&self, css: &str) -> Result<bool, HarnessError> {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => Ok(element.is_displayed().await?),
            Err(_) => Ok(false),
        }
    }

    /// Waits until no element matching `css` is on screen.
    pub async fn wait_until_gone(&self, css: &str) -> Result<(), HarnessError> {
        self.poll(&format!("{css} to go"), || async { Ok((!self.is_shown(css).await?).then_some(())) }).await
    }

    /// Clicks the element matching `css` once it is shown.
    pub async fn click(&self, css: &str) -> Result<(), HarnessError> {
        Ok(self.shown(css).await?.click().await?)
    }

    /// Replaces the value of the field matching `css` by typing `text`, as a person would.
    pub async fn type_into(&self, css: &str, text: &str) -> Result<(), HarnessError> {
        let field = self.shown(css).await?;
        field.clear().await?;
        Ok(field.send_keys(text).await?)
    }

    /// Presses a key (e.g. [`fantoccini::key::Key::Enter`]) in the element that has the focus.
    pub async fn press(&self, key: fantoccini::key::Key) -> Result<(), HarnessError> {
        let focused = self.client.active_element().await?;
        Ok(focused.send_keys(&char::from(key).to_string()).await?)
    }

    /// An attribute of the first element matching `css`.
    pub async fn attribute(&self, css: &str, name: &str) -> Result<Option<String>, HarnessError> {
        Ok(self.client.find(Locator::Css(css)).await?.attr(name).await?)
    }

    /// A computed style property of the first element matching `css` (`rgb(30, 58, 138)`).
    pub async fn computed_style(&self, css: &str, property: &str) -> Result<String, HarnessError> {
        let script = "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);";
        let value = self.client.execute(script, vec![json!(css), json!(property)]).await?;
        match value {
            Value::String(text) => Ok(text),
            value => Err(HarnessError::Script { what: format!("{property} of {css}"), value }),
        }
    }

    /// Runs a script and returns its result.
    pub async fn script(&self, script: &str) -> Result<Value, HarnessError> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// From now on, counts the page's calls to `fetch` (the app's only way to the server).
    pub async fn count_requests(&self) -> Result<(), HarnessError> {
        self.script(COUNT_REQUESTS).await.map(drop)
    }

    /// How many requests the page sent since [`Page::count_requests`].
    pub async fn requests_sent(&self) -> Result<i64, HarnessError> {
        let count = self.script("return window.__apiRequests;").await?;
        count.as_i64().ok_or(HarnessError::Script { what: "the request count".to_owned(), value: count })
    }

    /// How many of the requests since [`Page::count_requests`] went to an address containing `part`
    /// (`/update`): the form's saves apart from the reads beside them (the history).
    pub async fn requests_sent_to(&self, part: &str) -> Result<i64, HarnessError> {
        let script = "return window.__apiUrls.filter((url) => url.includes(arguments[0])).length;";
        let count = self.client.execute(script, vec![Value::from(part)]).await?;
        count.as_i64().ok_or(HarnessError::Script { what: format!("the requests to {part}"), value: count })
    }

    /// Makes the page's next `fetch` fail as a dropped connection does.
    pub async fn fail_next_request(&self) -> Result<(), HarnessError> {
        self.script(FAIL_NEXT_REQUEST).await.map(drop)
    }

    /// Saves a screenshot as `target/e2e-screenshots/<name>.png`.
    pub async fn save_screenshot(&self, name: &str) -> Result<PathBuf, HarnessError> {
        let png = self.client.screenshot().await?;
        let dir = paths::screenshots();
        std::fs::create_dir_all(&dir).map_err(|source| HarnessError::Io { path: dir.clone(), source })?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|source| HarnessError::Io { path: path.clone(), source })?;
        Ok(path)
    }

    /// Calls `check` until it gives a value or the wait runs out.
    async fn poll<T, F, Fut>(&self, what: &str, mut check: F) -> Result<T, HarnessError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>, HarnessError>>,
    {
        let started = tokio::time::Instant::now();
        loop {
            if let Some(value) = check().await? {
                return Ok(value);
            }
            if started.elapsed() > WAIT {
                return Err(HarnessError::Timeout { what: what.to_owned(), timeout: WAIT });
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

/// Counts calls to `fetch` in `window.__apiRequests`, their addresses in `window.__apiUrls`.
const COUNT_REQUESTS: &str = r#"
window.__apiRequests = 0;
window.__apiUrls = [];
const original = window.fetch;
window.fetch = function (...args) {
  window.__apiRequests += 1;
  window.__apiUrls.push(String(args[0] && args[0].url ? args[0].url : args[0]));
  return original.apply(this, args);
};
"#;

/// Rejects the next call to `fetch` the way a dropped connection does.
const FAIL_NEXT_REQUEST: &str = r#"
const original = window.fetch;
let failNext = true;
window.fetch = function (...args) {
  if (failNext) { failNext = false; return Promise.reject(new TypeError('Failed to fetch')); }
  return original.apply(this, args);
};
"#;
