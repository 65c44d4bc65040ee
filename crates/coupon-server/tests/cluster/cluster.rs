//! Server processes of the real binary on one database.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use coupon_rules::Plan;
use coupon_server::keys;
use coupon_server::store::accounts::NewAccount;
use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::task::JoinSet;

use crate::support::{client, Api};
use crate::test_db::TestDb;

/// How long a server may take to say where it listens.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// One server process.
pub struct Node {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Node {
    /// The process id (while it runs).
    #[allow(dead_code)] // for tests/hostile, which shares this file
    pub fn pid(&self) -> u32 {
        self.child.id().expect("the server runs")
    }
}

/// N servers on one database.
pub struct Cluster {
    /// The database they share.
    pub db: TestDb,
    /// The servers, by index.
    pub nodes: Vec<Node>,
    dist: TempDir,
}

impl Cluster {
    /// `n` servers started together on a fresh, empty database.
    pub async fn start(n: usize) -> Cluster {
        Cluster::start_on(TestDb::fresh_postgres().await, n, &[]).await
    }

    /// `n` servers started together on `db`, each with these extra `serve` arguments.
    pub async fn start_on(db: TestDb, n: usize, extra: &[&str]) -> Cluster {
        let dist = tempfile::tempdir().expect("a dist folder");
        // Started together: the servers race for the empty database, as a deploy would start them.
        let mut starting = JoinSet::new();
        for _ in 0..n {
            let (db, dist, extra) =
                (db.clone(), dist.path().to_path_buf(), extra.iter().map(|a| a.to_string()).collect::<Vec<_>>());
            starting.spawn(async move { spawn(&db, &dist, &extra).await });
        }
        let nodes = starting.join_all().await;
        Cluster { db, nodes, dist }
    }

    /// Kills server `i` at once (SIGKILL): no graceful anything.
    pub async fn kill(&mut self, i: usize) {
        self.nodes[i].child.start_kill().expect("SIGKILL");
        self.nodes[i].child.wait().await.expect("it ends");
    }

    /// Starts server `i` again (after [`Cluster::kill`]).
    pub async fn restart(&mut self, i: usize) {
        self.nodes[i] = spawn(&self.db, self.dist.path(), &[]).await;
    }

    /// A new account on `plan` with one API key, and a client of it for each server.
    pub async fn account(&self, plan: Plan) -> Vec<Api> {
        let store = self.db.store().await;
        let account = NewAccount { name: "Chain shop".into(), plan, timezone: chrono_tz::UTC, global_webhook: false };
        let id = store.create_account(account).await.expect("account");
        let key = keys::new_key();
        store.add_api_key(id, keys::digest(&key), "Test key".into()).await.expect("key");
        store.close().await;
        self.nodes
            .iter()
            .map(|node| Api { base: node.base.clone(), http: client(), key: key.clone(), account_id: id })
            .collect()
    }
}

/// Starts `serve` on a free port; waits for its `listening on …` line.
pub async fn spawn(db: &TestDb, dist: &Path, extra: &[String]) -> Node {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coupon-server"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db-pool-size", "8", "--db"])
        .arg(db.arg())
        .arg("--dist")
        .arg(dist)
        .args(extra)
        .env_remove("COUPON_ADDR")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let line = tokio::time::timeout(START_TIMEOUT, lines.next_line())
        .await
        .expect("the server says where it listens in time")
        .expect("stdout is readable")
        .expect("a first line");
    let base = line.strip_prefix("listening on ").expect("listening on …").to_owned();
    Node { child, base }
}
