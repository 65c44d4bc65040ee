//! One server process on a fresh database of the store under test, with extra `serve` flags.

use tempfile::TempDir;

use crate::cluster::Cluster;
use crate::test_db::TestDb;

/// A server and the folder its SQLite file (if any) lives in.
pub struct Running {
    /// The server.
    pub cluster: Cluster,
    _dir: TempDir,
}

/// Starts one server with `flags`.
pub async fn one_server(flags: &[&str]) -> Running {
    let dir = tempfile::tempdir().expect("a folder");
    let db = TestDb::fresh(dir.path()).await;
    Running { cluster: Cluster::start_on(db, 1, flags).await, _dir: dir }
}
