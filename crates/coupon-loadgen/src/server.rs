//! The server under test: the release binary on a temporary database, with an account and key
//! made by its own CLI.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::LoadError;

/// A running `coupon-server serve` and the API key of its business account.
pub struct ServerProcess {
    child: Child,
    addr: SocketAddr,
    key: String,
    bin: PathBuf,
    db: PathBuf,
    account: String,
    _dir: TempDir,
}

async fn command_output(bin: &Path, command: &'static str, args: &[&str]) -> Result<String, LoadError> {
    let output = Command::new(bin)
        .arg(command)
        .args(args)
        .output()
        .await
        .map_err(|source| LoadError::Spawn { bin: bin.display().to_string(), source })?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Err(LoadError::ServerCommand { command, output: String::from_utf8_lossy(&output.stderr).into_owned() });
    }
    Ok(stdout)
}

impl ServerProcess {
    /// Creates a database with a business account and a key, then starts serving it on a free port.
    pub async fn start(bin: &Path) -> Result<ServerProcess, LoadError> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("load.sqlite");
        let db_arg = db.to_string_lossy().into_owned();
        let created = command_output(
            bin,
            "create-account",
            &["--db", &db_arg, "--name", "Load", "--plan", "business", "--timezone", "Asia/Seoul"],
        )
        .await?;
        // "account {id} created: …"
        let account = created.split_whitespace().nth(1).unwrap_or_default().to_owned();
        let keyed = command_output(bin, "create-key", &["--db", &db_arg, "--account", &account]).await?;
        let key = keyed.split_whitespace().last().unwrap_or_default().to_owned();

        let mut child = Command::new(bin)
            .args(["serve", "--addr", "127.0.0.1:0", "--db", &db_arg])
            .arg("--dist")
            .arg(dir.path().join("dist"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|source| LoadError::Spawn { bin: bin.display().to_string(), source })?;
        let stdout = child.stdout.take().ok_or_else(|| LoadError::Seed("no stdout".into()))?;
        let line = BufReader::new(stdout).lines().next_line().await?.unwrap_or_default();
        let addr = line
            .strip_prefix("listening on http://")
            .and_then(|a| a.parse().ok())
            .ok_or(LoadError::ServerCommand { command: "serve", output: line.clone() })?;
        Ok(ServerProcess { child, addr, key, bin: bin.to_owned(), db, account, _dir: dir })
    }

    /// New credentials of the second vendor's dialect for the account, made by the server's CLI
    /// while it serves: `(vendor_id, vendor_auth_code)`.
    pub async fn vendor_credentials(&self) -> Result<(i64, String), LoadError> {
        let db = self.db.to_string_lossy().into_owned();
        let args = ["--db", db.as_str(), "--account", self.account.as_str()];
        let printed = command_output(&self.bin, "create-vendor-credentials", &args).await?;
        // "… vendor_id {id} vendor_auth_code {code}"
        let words: Vec<&str> = printed.split_whitespace().collect();
        let after = |label: &str| words.iter().position(|w| *w == label).and_then(|i| words.get(i + 1)).copied();
        match (after("vendor_id").and_then(|id| id.parse().ok()), after("vendor_auth_code")) {
            (Some(id), Some(code)) => Ok((id, code.to_owned())),
            _ => Err(LoadError::ServerCommand { command: "create-vendor-credentials", output: printed }),
        }
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The account's API key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Stops the server.
    pub async fn stop(mut self) {
        let _ = self.child.start_kill();
        let _ = self.child.wait().await;
    }
}
