//! Browser end-to-end harness, shared by the coupon page's and the admin form's tests.
//!
//! [`run`] starts the real server (`COUPON_SERVER_BIN`, default `target/debug/coupon-server`) on a
//! free loopback port with a fresh SQLite file and `--demo`, serving the built app (`COUPON_DIST`,
//! default `dist/`); starts chromedriver (`CHROMEDRIVER`, default `/usr/bin/chromedriver`) on a free
//! port; opens headless Chromium with a fresh profile; runs the test; saves a screenshot to
//! `target/e2e-screenshots/<test>.png` whether the test passed or failed; and stops everything.

pub mod admin;
mod browser;
mod error;
mod page;
mod paths;
mod server;

pub use browser::{Browser, Driver};
pub use error::HarnessError;
pub use page::Page;
pub use server::{Server, ServerCli};

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use futures_util::FutureExt;

/// The options of a test's browser.
#[derive(Debug, Clone, Default)]
pub struct BrowserOptions {
    /// The browser's preferred language (`--lang`), e.g. `ko`; the system's default when `None`.
    pub lang: Option<String>,
}

/// Runs one browser test named `name` against a fresh server with demo data, in English.
pub async fn run<F, Fut>(name: &str, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = Result<(), HarnessError>>,
{
    run_with(name, BrowserOptions::default(), test).await;
}

/// Like [`run`], with browser options. Panics (failing the test) when the test fails, after the
/// screenshot is saved.
pub async fn run_with<F, Fut>(name: &str, options: BrowserOptions, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = Result<(), HarnessError>>,
{
    run_with_database(name, options, |page, _| test(page)).await;
}

/// Like [`run_with`], also handing the test the server's SQLite file, for changes behind the app's
/// back (a group deleted while a form is open).
pub async fn run_with_database<F, Fut>(name: &str, options: BrowserOptions, test: F)
where
    F: FnOnce(Page, PathBuf) -> Fut,
    Fut: Future<Output = Result<(), HarnessError>>,
{
    let server = Server::start().unwrap_or_else(|error| panic!("{name}: {error}"));
    run_on(name, options, server, |page, server| test(page, server.database())).await;
}

/// Like [`run_with`], on a server started with more options of `serve` (`server_args`); the test
/// also gets the server's CLI.
pub async fn run_with_server<F, Fut>(name: &str, options: BrowserOptions, server_args: &[&str], test: F)
where
    F: FnOnce(Page, ServerCli) -> Fut,
    Fut: Future<Output = Result<(), HarnessError>>,
{
    let server = Server::start_with(server_args).unwrap_or_else(|error| panic!("{name}: {error}"));
    run_on(name, options, server, |page, server| test(page, server.cli())).await;
}

/// Runs `test` in a fresh browser against `server`, saves the screenshot, stops everything.
async fn run_on<F, Fut>(name: &str, options: BrowserOptions, server: Server, test: F)
where
    F: FnOnce(Page, &Server) -> Fut,
    Fut: Future<Output = Result<(), HarnessError>>,
{
    let driver = Driver::start().await.unwrap_or_else(|error| panic!("{name}: {error}"));
    let browser = Browser::open(&driver, &options).await.unwrap_or_else(|error| panic!("{name}: {error}"));
    let page = Page::new(browser.client.clone(), server.base_url().to_owned());
    let outcome = AssertUnwindSafe(test(page.clone(), &server)).catch_unwind().await;
    let screenshot = page.save_screenshot(name).await;
    browser.close().await;
    drop(driver);
    drop(server);
    match outcome {
        Ok(Ok(())) => {
            if let Err(error) = screenshot {
                eprintln!("{name}: no screenshot: {error}");
            }
        }
        Ok(Err(error)) => panic!("{name}: {error} (screenshot: {})", describe(&screenshot)),
        Err(panic) => {
            eprintln!("{name}: failed (screenshot: {})", describe(&screenshot));
            std::panic::resume_unwind(panic)
        }
    }
}

fn describe(screenshot: &Result<std::path::PathBuf, HarnessError>) -> String {
    match screenshot {
        Ok(path) => path.display().to_string(),
        Err(error) => format!("none: {error}"),
    }
}
