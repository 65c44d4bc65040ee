//! The database a test's server runs on: a fresh SQLite file, or a fresh database on the test
//! run's PostgreSQL server (`COUPON_TEST_STORE=postgres`, with `COUPON_TEST_POSTGRES` naming the
//! server as `postgres://user@host:port`; `cargo xtask test` starts one and runs the suite on both).

use std::path::Path;

use coupon_server::store::{DbTarget, PoolSettings, Store};
use sqlx::{Connection, PgConnection, SqliteConnection};

/// Which store the tests run on, from `COUPON_TEST_STORE` (SQLite unless it says `postgres`).
pub fn postgres_wanted() -> bool {
    std::env::var("COUPON_TEST_STORE").is_ok_and(|store| store == "postgres")
}

/// The PostgreSQL server of the test run, as `postgres://user@host:port`.
pub fn postgres_server() -> String {
    std::env::var("COUPON_TEST_POSTGRES")
        .unwrap_or_else(|_| panic!("COUPON_TEST_POSTGRES is not set: `cargo xtask test` starts PostgreSQL and sets it"))
}

/// A database for one test.
#[derive(Debug, Clone)]
pub enum TestDb {
    /// A file in the test's temporary directory.
    Sqlite(std::path::PathBuf),
    /// A database of its own on the test run's PostgreSQL server, by URL.
    Postgres(String),
}

impl TestDb {
    /// A fresh, empty database of the store under test (files go into `dir`).
    pub async fn fresh(dir: &Path) -> TestDb {
        if postgres_wanted() {
            TestDb::fresh_postgres().await
        } else {
            TestDb::Sqlite(dir.join("coupons.sqlite"))
        }
    }

    /// A fresh, empty database on the test run's PostgreSQL server.
    pub async fn fresh_postgres() -> TestDb {
        let server = postgres_server();
        let name = format!("t_{:016x}", rand::random::<u64>());
        let mut admin =
            PgConnection::connect(&format!("{server}/postgres")).await.expect("the test PostgreSQL answers");
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("a database is created");
        admin.close().await.expect("closed");
        TestDb::Postgres(format!("{server}/{name}"))
    }

    /// The value of `--db`.
    pub fn arg(&self) -> String {
        match self {
            TestDb::Sqlite(path) => path.to_string_lossy().into_owned(),
            TestDb::Postgres(url) => url.clone(),
        }
    }

    /// The server's database setting.
    pub fn target(&self) -> DbTarget {
        self.arg().parse().expect("a database target")
    }

    /// The store itself, for setting up what the API cannot (accounts, keys).
    pub async fn store(&self) -> Store {
        let target = self.target();
        let settings = PoolSettings { max_connections: 2, ..PoolSettings::default_for(&target) };
        Store::open(&target, &settings).await.expect("the store opens")
    }

    /// Runs one SQL statement with one text parameter (`$1`) behind the server's back, as a bad
    /// migration or a hand edit could.
    pub async fn execute(&self, sql: &str, value: &str) {
        match self {
            TestDb::Sqlite(path) => {
                let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display())).await.expect("opens");
                sqlx::query(sql).bind(value).execute(&mut conn).await.expect("the statement runs");
                conn.close().await.expect("closed");
            }
            TestDb::Postgres(url) => {
                let mut conn = PgConnection::connect(url).await.expect("connects");
                sqlx::query(sql).bind(value).execute(&mut conn).await.expect("the statement runs");
                conn.close().await.expect("closed");
            }
        }
    }
}
