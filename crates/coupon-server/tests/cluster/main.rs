//! Several real server processes on one real PostgreSQL database, with no sticky sessions: limits,
//! lockouts and what each server shows hold for all of them together, and faults lose nothing.
//! Needs the test run's PostgreSQL (`COUPON_TEST_POSTGRES`, set by `cargo xtask test`).

mod cluster;
mod faults;
mod freshness;
mod guesses;
mod migrations;
mod uses;
mod webhooks;

#[path = "../server/support.rs"]
#[allow(dead_code)]
mod support;
#[path = "../server/test_db.rs"]
#[allow(dead_code)]
mod test_db;
