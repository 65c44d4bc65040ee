//! Seeding the server through its own API.

use std::net::SocketAddr;

use hyper::Method;
use serde_json::{json, Value};
use tokio::task::JoinSet;

use crate::client::Connection;
use crate::server::ServerProcess;
use crate::LoadError;

/// Connections used for seeding.
const SEEDERS: usize = 16;

/// Creates `count` coupons valid from yesterday for 30 days, with `fields(i)` added; returns their
/// codes in order.
pub async fn create_coupons(
    server: &ServerProcess,
    count: usize,
    fields: impl Fn(usize) -> Value,
) -> Result<Vec<String>, LoadError> {
    let mut conn = Connection::open(server.addr(), Some(server.key())).await?;
    let context = conn.send(Method::GET, "/api/coupon/v1/context", None).await?;
    let today = context.result["today"]
        .as_str()
        .and_then(coupon_dates)
        .ok_or_else(|| LoadError::Seed(format!("no date in the context: {}", context.result)))?;
    let bodies: Vec<Value> = (0..count)
        .map(|i| {
            let mut body = json!({"nm": format!("Load {i}"), "discTypeIdx": 457, "disc": 10,
                                  "strtYmd": today.0, "endYmd": today.1});
            if let Value::Object(extra) = fields(i) {
                body.as_object_mut().expect("an object").extend(extra);
            }
            body
        })
        .collect();
    let mut codes = vec![String::new(); count];
    let mut seeders = JoinSet::new();
    for seeder in 0..SEEDERS {
        let mine: Vec<(usize, Value)> =
            bodies.iter().cloned().enumerate().filter(|(i, _)| i % SEEDERS == seeder).collect();
        let (addr, key): (SocketAddr, String) = (server.addr(), server.key().to_owned());
        seeders.spawn_local(async move {
            let mut conn = Connection::open(addr, Some(&key)).await?;
            let mut made = Vec::with_capacity(mine.len());
            for (i, body) in mine {
                loop {
                    let answer = conn.send(Method::POST, "/api/coupon/v1/create", Some(&body)).await?;
                    match (answer.code, answer.result.as_str()) {
                        (0, Some(code)) => made.push((i, code.to_owned())),
                        // Busy hashing store passwords (bounded on purpose): as asked, retry.
                        (1007, _) => {
                            let wait = answer.result["retryAfter"].as_u64().unwrap_or(1);
                            tokio::time::sleep(std::time::Duration::from_millis(wait * 200)).await;
                            continue;
                        }
                        _ => {
                            return Err(LoadError::Seed(format!("create answered {}: {}", answer.code, answer.result)))
                        }
                    }
                    break;
                }
            }
            Ok::<_, LoadError>(made)
        });
    }
    while let Some(done) = seeders.join_next().await {
        for (i, code) in done.map_err(|e| LoadError::Seed(e.to_string()))?? {
            codes[i] = code;
        }
    }
    Ok(codes)
}

/// Yesterday and 30 days on, from the server's `YYYY-MM-DD` today.
fn coupon_dates(today: &str) -> Option<(String, String)> {
    let today = coupon_rules::Ymd::parse(today).ok()?;
    Some((today.add_days(-1).to_string(), today.add_days(30).to_string()))
}
