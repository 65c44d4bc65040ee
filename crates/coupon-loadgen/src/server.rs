//! The servers under test: the release binary, one or more instances on a fresh database (an
//! SQLite file, or a new database on a PostgreSQL server), with an account and key made by its own
//! CLI. Clients are spread over the instances, as a load balancer without stickiness would.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::cli::Store;
use crate::LoadError;

/// Running `coupon-server serve` instances and the API key of their business account.
pub struct ServerProcess {
    children: Vec<Child>,
    addrs: Vec<SocketAddr>,
    key: String,
    bin: PathBuf,
    db: String,
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

/// A fresh, empty database for `store`: its `--db` value.
async fn fresh_database(store: &Store, dir: &Path) -> Result<String, LoadError> {
    match store {
        Store::Sqlite => Ok(dir.join("load.sqlite").to_string_lossy().into_owned()),
        Store::Postgres { server, .. } => {
            let name = format!("load_{:016x}", rand_name());
            let createdb = local_postgres::bin_dir()
                .ok_or_else(|| LoadError::Seed("PostgreSQL's programs are not installed".into()))?
                .join("createdb");
            let output = Command::new(&createdb)
                .arg(format!("--maintenance-db={server}/postgres"))
                .arg(&name)
                .output()
                .await
                .map_err(|source| LoadError::Spawn { bin: createdb.display().to_string(), source })?;
            if !output.status.success() {
                let said = String::from_utf8_lossy(&output.stderr).into_owned();
                return Err(LoadError::ServerCommand { command: "createdb", output: said });
            }
            Ok(format!("{server}/{name}"))
        }
    }
}

/// A name unlikely to repeat: the time and the process.
fn rand_name() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    (nanos as u64) ^ (u64::from(std::process::id()) << 48)
}

impl ServerProcess {
    /// Creates a database with a business account and a key, then starts serving it on free
    /// ports (one instance on SQLite, as many as asked on PostgreSQL).
    pub async fn start(bin: &Path, store: &Store) -> Result<ServerProcess, LoadError> {
        ServerProcess::start_with(bin, store, "business", &[]).await
    }

    /// Like [`ServerProcess::start`], with the account on `plan` and more options of `serve`.
    pub async fn start_with(
        bin: &Path,
        store: &Store,
        plan: &str,
        serve_args: &[&str],
    ) -> Result<ServerProcess, LoadError> {
        let dir = tempfile::tempdir()?;
        let db = fresh_database(store, dir.path()).await?;
        let created = command_output(
            bin,
            "create-account",
            &["--db", &db, "--name", "Load", "--plan", plan, "--timezone", "Asia/Seoul"],
        )
        .await?;
        // "account {id} created: …"
        let account = created.split_whitespace().nth(1).unwrap_or_default().to_owned();
        let keyed = command_output(bin, "create-key", &["--db", &db, "--account", &account]).await?;
        let key = keyed.split_whitespace().last().unwrap_or_default().to_owned();
        let instances = match store {
            Store::Sqlite => 1,
            Store::Postgres { instances, .. } => (*instances).max(1),
        };
        let (mut children, mut addrs) = (Vec::new(), Vec::new());
        for _ in 0..instances {
            let (child, addr) = serve(bin, &db, &dir.path().join("dist"), serve_args).await?;
            children.push(child);
            addrs.push(addr);
        }
        Ok(ServerProcess { children, addrs, key, bin: bin.to_owned(), db, account, _dir: dir })
    }

    /// New credentials of the second vendor's dialect for the account, made by the server's CLI
    /// while it serves: `(vendor_id, vendor_auth_code)`.
    pub async fn vendor_credentials(&self) -> Result<(i64, String), LoadError> {
        let args = ["--db", self.db.as_str(), "--account", self.account.as_str()];
        let printed = command_output(&self.bin, "create-vendor-credentials", &args).await?;
        // "… vendor_id {id} vendor_auth_code {code}"
        let words: Vec<&str> = printed.split_whitespace().collect();
        let after = |label: &str| words.iter().position(|w| *w == label).and_then(|i| words.get(i + 1)).copied();
        match (after("vendor_id").and_then(|id| id.parse().ok()), after("vendor_auth_code")) {
            (Some(id), Some(code)) => Ok((id, code.to_owned())),
            _ => Err(LoadError::ServerCommand { command: "create-vendor-credentials", output: printed }),
        }
    }

    /// Brings PostgreSQL's planner statistics up to date, as autovacuum does some time after a
    /// bulk load (a seeded benchmark should not time plans made for an empty table); SQLite's
    /// planner needs none.
    pub async fn analyze(&self) -> Result<(), LoadError> {
        if !self.db.starts_with("postgres") {
            return Ok(());
        }
        let vacuumdb = local_postgres::bin_dir()
            .ok_or_else(|| LoadError::Seed("PostgreSQL's programs are not installed".into()))?
            .join("vacuumdb");
        let output = Command::new(&vacuumdb)
            .arg("--analyze-only")
            .arg(format!("--dbname={}", self.db))
            .output()
            .await
            .map_err(|source| LoadError::Spawn { bin: vacuumdb.display().to_string(), source })?;
        if !output.status.success() {
            let said = String::from_utf8_lossy(&output.stderr).into_owned();
            return Err(LoadError::ServerCommand { command: "vacuumdb", output: said });
        }
        Ok(())
    }

    /// Where the first instance listens (seeding and checks go there).
    pub fn addr(&self) -> SocketAddr {
        self.addrs[0]
    }

    /// Where client number `client` sends its requests: the instances in turn.
    pub fn addr_for(&self, client: usize) -> SocketAddr {
        self.addrs[client % self.addrs.len()]
    }

    /// Where every instance listens.
    pub fn addrs(&self) -> &[SocketAddr] {
        &self.addrs
    }

    /// The process ids of the instances.
    pub fn pids(&self) -> Vec<u32> {
        self.children.iter().filter_map(Child::id).collect()
    }

    /// The account's API key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Stops the servers.
    pub async fn stop(mut self) {
        for child in &mut self.children {
            let _ = child.start_kill();
            let _ = child.wait().await;
        }
    }
}

/// Starts one `serve` on a free port; returns it and where it listens.
async fn serve(bin: &Path, db: &str, dist: &Path, extra: &[&str]) -> Result<(Child, SocketAddr), LoadError> {
    let mut child = Command::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--db", db])
        .arg("--dist")
        .arg(dist)
        .args(extra)
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
    Ok((child, addr))
}
