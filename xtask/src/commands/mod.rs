//! One module per `cargo xtask` command.

pub mod bench;
pub mod build;
pub mod fuzz;
pub mod js_package;
pub mod serve;
pub mod setup;
pub mod size;
pub mod soak;
pub mod test;
