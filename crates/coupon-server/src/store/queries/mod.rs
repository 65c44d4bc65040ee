//! The store's SQL, written once for both drivers.
//!
//! `sqlite::queries` and `postgres::queries` are both this module (`#[path]`), compiled with their
//! own `Db`: every function has concrete sqlx types, which spares each query the dozen generic
//! bounds a driver-generic function would need. Placeholders are `$1, $2, …`, which both drivers
//! accept, and columns have types both read alike (i64, f64, bool, text). What differs between the
//! two SQL dialects is in each driver's `dialect` module.

pub mod accounts;
pub mod audits;
pub mod bulk;
pub mod catalog;
pub mod coupons;
pub mod demo;
pub mod guesses;
pub mod public;
pub mod search;
pub mod uses;
pub mod vendors;
pub mod webhooks;

use super::{dialect, Db};

/// A connection of the driver.
pub type Conn = <Db as sqlx::Database>::Connection;
