//! The reference coupon API server: the vendor-compatible JSON API over SQLite or PostgreSQL, validated by
//! `coupon-rules`, and the built app. See `README.md` for the design.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod console;
pub mod demo;
pub mod edit;
pub mod http;
pub mod keys;
pub mod page_hosts;
pub mod redeem;
pub mod routes;
pub mod security_headers;
pub mod server;
pub mod serving;
pub mod state;
pub mod static_files;
pub mod store;
pub mod views;
pub mod webhooks;

pub use config::ServeConfig;
pub use server::{start, RunningServer, StartError};
