//! chromedriver on a free port, and headless Chromium sessions with fresh profiles.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};
use tempfile::TempDir;

use crate::error::HarnessError;
use crate::{paths, BrowserOptions};

/// How long chromedriver may take to give a session.
const SESSION_TIMEOUT: Duration = Duration::from_secs(30);

/// A running chromedriver; it and its browsers are stopped when dropped.
pub struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts chromedriver on a free loopback port.
    pub async fn start() -> Result<Driver, HarnessError> {
        let program = paths::chromedriver();
        let port = free_port().map_err(|source| HarnessError::Spawn { program: program.clone(), source })?;
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so dropping it stops the browsers it started as well.
            .process_group(0)
            .spawn()
            .map_err(|source| HarnessError::Spawn { program, source })?;
        Ok(Driver { child, url: format!("http://127.0.0.1:{port}") })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Ok(group) = i32::try_from(self.child.id()) {
            // SAFETY: kill(2) with the negated id of the process group this driver leads, which
            // holds only chromedriver and the browsers it started.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
    }
}

/// A headless Chromium session with a profile of its own (an empty cache).
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _profile: TempDir,
}

impl Browser {
    /// Opens a session with webdriver.json's flags, a phone-sized window and a fresh profile.
    pub async fn open(driver: &Driver, options: &BrowserOptions) -> Result<Browser, HarnessError> {
        let profile = tempfile::tempdir().map_err(|source| HarnessError::Io { path: "tempdir".into(), source })?;
        let mut args = chromium_flags()?;
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.push("--window-size=412,915".to_owned());
        if let Some(lang) = &options.lang {
            args.push(format!("--lang={lang}"));
        }
        let mut chrome_options = Map::new();
        chrome_options.insert("args".to_owned(), json!(args));
        if let Some(lang) = &options.lang {
            chrome_options.insert("prefs".to_owned(), json!({ "intl.accept_languages": lang }));
        }
        let mut capabilities = Map::new();
        capabilities.insert("goog:chromeOptions".to_owned(), Value::Object(chrome_options));
        let client = connect(&driver.url, capabilities).await?;
        Ok(Browser { client, _profile: profile })
    }

    /// Ends the session; the browser quits.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// chromedriver starts listening a moment after it starts: retry until it gives a session.
async fn connect(url: &str, capabilities: Map<String, Value>) -> Result<Client, HarnessError> {
    let started = tokio::time::Instant::now();
    loop {
        match ClientBuilder::native().capabilities(capabilities.clone()).connect(url).await {
            Ok(client) => return Ok(client),
            Err(error) if started.elapsed() > SESSION_TIMEOUT => {
                return Err(HarnessError::NoSession { timeout: SESSION_TIMEOUT, last: error.to_string() })
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// The Chromium flags of webdriver.json (headless, no sandbox …).
fn chromium_flags() -> Result<Vec<String>, HarnessError> {
    let path = paths::webdriver_json();
    let text = std::fs::read_to_string(&path).map_err(|source| HarnessError::Io { path: path.clone(), source })?;
    let config: Value =
        serde_json::from_str(&text).map_err(|error| HarnessError::Io { path, source: std::io::Error::other(error) })?;
    Ok(config["goog:chromeOptions"]["args"]
        .as_array()
        .map(|args| args.iter().filter_map(|arg| arg.as_str().map(str::to_owned)).collect())
        .unwrap_or_default())
}

/// A loopback port nobody uses right now.
fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
