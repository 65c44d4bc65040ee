//! The server as a real process under hostile traffic: a flood of password guesses whose clients
//! hang up, clients that trickle their headers, requests that take too long, more connections than
//! allowed. These tests measure time and memory, so they take turns (`TURN`). They run on the store
//! of the test run (`COUPON_TEST_STORE`), like the server suite.

mod cluster_run;
mod flood;
mod slow_clients;

#[path = "../cluster/cluster.rs"]
#[allow(dead_code)]
mod cluster;
#[path = "../server/support.rs"]
#[allow(dead_code)]
mod support;
#[path = "../server/test_db.rs"]
#[allow(dead_code)]
mod test_db;

/// One test at a time: each measures latencies and memory that another would disturb.
pub static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
