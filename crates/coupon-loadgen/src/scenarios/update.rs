//! Durable updates: 32 clients, each changing its own coupon's memo and discount one request at a
//! time. An update counts when answered with code 0, which the server sends only after the commit
//! (WAL, `synchronous=FULL`) that holds it.

use hyper::Method;
use serde_json::json;

use crate::cli::Settings;
use crate::client::Connection;
use crate::measure::{closed_loop, Client, Row};
use crate::seed;
use crate::server::ServerProcess;
use crate::LoadError;

const CLIENTS: usize = 32;

struct Editor {
    conn: Connection,
    code: String,
    n: u64,
}

impl Client for Editor {
    async fn step(&mut self) -> Result<bool, LoadError> {
        self.n += 1;
        let body = json!({"cpnNo": self.code, "memo": format!("n={}", self.n), "disc": 1 + self.n % 90});
        Ok(self.conn.code(Method::PUT, "/api/coupon/v1/update", Some(&body)).await? == 0)
    }
}

/// Measures durable updates.
pub async fn run(server: &ServerProcess, settings: &Settings) -> Result<Vec<Row>, LoadError> {
    let codes = seed::create_coupons(server, CLIENTS, |_| json!({})).await?;
    let mut clients = Vec::with_capacity(CLIENTS);
    for (i, code) in codes.into_iter().enumerate() {
        clients.push(Editor { conn: Connection::open(server.addr_for(i), Some(server.key())).await?, code, n: 0 });
    }
    let samples = closed_loop(clients, settings.duration).await?;
    let note = "one coupon per client; code 0 = committed".to_owned();
    Ok(vec![Row::new("update", CLIENTS, samples, settings.duration, note)])
}
