//! The server over real HTTP on a loopback port, with a real SQLite file in a temporary directory
//! or, with `COUPON_TEST_STORE=postgres`, a database of its own on a real PostgreSQL server.

mod support;
mod test_db;

mod admin_api;
mod caps;
mod durability;
mod fuzz;
mod group_api;
mod guesses;
mod history_api;
mod isolation;
mod keys_api;
mod paddle_api;
mod public_api;
mod recovery;
mod redeem_retries;
mod search_api;
mod security;
mod shop_domains;
mod static_app;
mod undo_api;
mod use_safety;
mod webhooks;
