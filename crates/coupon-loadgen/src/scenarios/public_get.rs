//! The coupon page's read: `GET /api/public/v1/coupons/{cpnNo}` over 100 coupons.

use std::rc::Rc;

use hyper::Method;
use serde_json::json;

use crate::cli::Settings;
use crate::client::Connection;
use crate::measure::{closed_loop, Client, Row};
use crate::seed;
use crate::server::ServerProcess;
use crate::LoadError;

const COUPONS: usize = 100;
const CLIENTS: usize = 64;

struct Reader {
    conn: Connection,
    paths: Rc<Vec<String>>,
    next: usize,
}

impl Client for Reader {
    async fn step(&mut self) -> Result<bool, LoadError> {
        self.next = (self.next + 1) % self.paths.len();
        Ok(self.conn.code(Method::GET, &self.paths[self.next], None).await? == 0)
    }
}

/// Measures the public GET.
pub async fn run(server: &ServerProcess, settings: &Settings) -> Result<Vec<Row>, LoadError> {
    let codes = seed::create_coupons(
        server,
        COUPONS,
        |i| json!({"onsiteYn": "Y", "url": "https://example.com/shop", "memo": format!("secret {i}")}),
    )
    .await?;
    let paths: Rc<Vec<String>> = Rc::new(codes.iter().map(|c| format!("/api/public/v1/coupons/{c}")).collect());
    let mut clients = Vec::with_capacity(CLIENTS);
    for i in 0..CLIENTS {
        clients.push(Reader {
            conn: Connection::open(server.addr_for(i), None).await?,
            paths: Rc::clone(&paths),
            next: i,
        });
    }
    let samples = closed_loop(clients, settings.duration).await?;
    let note = format!("{COUPONS} coupons, round robin");
    Ok(vec![Row::new("public-get", CLIENTS, samples, settings.duration, note)])
}
