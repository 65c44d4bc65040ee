//! The server over real HTTP on a loopback port, with a real SQLite file in a temporary directory.

mod support;

mod admin_api;
mod durability;
mod fuzz;
mod group_api;
mod isolation;
mod paddle_api;
mod public_api;
mod security;
mod static_app;
mod use_safety;
