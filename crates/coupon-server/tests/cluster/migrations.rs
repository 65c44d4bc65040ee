//! N servers starting together on one empty database migrate it once and all come up.

use sqlx::{Connection, PgConnection};

use crate::cluster::Cluster;
use crate::support::client;
use crate::test_db::TestDb;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_starting_together_migrate_an_empty_database_once() {
    let cluster = Cluster::start(3).await;
    for node in &cluster.nodes {
        let ready = client().get(format!("{}/readyz", node.base)).send().await.expect("answered");
        assert_eq!(ready.status(), 200, "{} is ready", node.base);
    }
    let TestDb::Postgres(url) = &cluster.db else { panic!("the cluster runs on PostgreSQL") };
    let mut conn = PgConnection::connect(url).await.expect("connects");
    let applied: Vec<(i64, bool)> = sqlx::query_as("SELECT version, success FROM _sqlx_migrations ORDER BY version")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres")).unwrap().count();
    assert_eq!(applied.len(), files, "each migration once: {applied:?}");
    assert!(applied.iter().all(|(_, success)| *success));
    conn.close().await.unwrap();
}
