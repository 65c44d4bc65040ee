//! The real coupon server, on a free loopback port with a fresh SQLite file and the demo data.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tempfile::TempDir;

use crate::error::HarnessError;
use crate::paths;

/// The name of the server's SQLite file in its fresh data folder.
const DB_FILE: &str = "coupons.sqlite";

/// How long the server may take to announce its address.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A running server; stopped when dropped, its database deleted.
pub struct Server {
    child: Child,
    base_url: String,
    _data: TempDir,
}

impl Server {
    /// Starts `coupon-server serve --addr 127.0.0.1:0 --db <fresh> --dist <dist> --demo` and waits
    /// for its `listening on http://…` line.
    pub fn start() -> Result<Server, HarnessError> {
        Server::start_with(&[])
    }

    /// Like [`Server::start`], with more options of `serve` (`--allow-private-webhooks`).
    pub fn start_with(extra: &[&str]) -> Result<Server, HarnessError> {
        let program = paths::server_bin();
        let data = tempfile::tempdir().map_err(|source| HarnessError::Io { path: "tempdir".into(), source })?;
        let mut child = Command::new(&program)
            .args(["serve", "--addr", "127.0.0.1:0", "--demo", "--db"])
            .arg(data.path().join(DB_FILE))
            .arg("--dist")
            .arg(paths::dist())
            .args(extra)
            .env_remove("COUPON_ADDR")
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|source| HarnessError::Spawn { program, source })?;
        let base_url = child.stdout.take().and_then(announced_address);
        match base_url {
            Some(base_url) => Ok(Server { child, base_url, _data: data }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err(HarnessError::ServerSilent(START_TIMEOUT))
            }
        }
    }

    /// The server's SQLite file, for tests that change data behind the app's back.
    pub fn database(&self) -> std::path::PathBuf {
        self._data.path().join(DB_FILE)
    }

    /// The server's database, for its other CLI commands.
    pub fn cli(&self) -> ServerCli {
        ServerCli { database: self.database() }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

/// Reads the server's output until `listening on <url>`; keeps draining it afterwards so the server
/// never blocks on a full pipe.
fn announced_address(stdout: std::process::ChildStdout) -> Option<String> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut sender = Some(sender);
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("listening on ") {
                if let Some(sender) = sender.take() {
                    let _ = sender.send(url.trim().trim_end_matches('/').to_owned());
                }
            }
        }
    });
    receiver.recv_timeout(START_TIMEOUT).ok()
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server's CLI on its database: owned, so that a test's future can keep it.
#[derive(Debug, Clone)]
pub struct ServerCli {
    database: std::path::PathBuf,
}

impl ServerCli {
    /// Runs another command of the server's CLI (`create-account`, `create-key`, …) on this server's
    /// database, as an operator would beside the running server; its output.
    pub fn command(&self, args: &[&str]) -> Result<String, HarnessError> {
        let program = paths::server_bin();
        let output = Command::new(&program)
            .args(args)
            .arg("--db")
            .arg(&self.database)
            .output()
            .map_err(|source| HarnessError::Spawn { program: program.clone(), source })?;
        if !output.status.success() {
            return Err(HarnessError::Cli {
                args: args.join(" "),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}
