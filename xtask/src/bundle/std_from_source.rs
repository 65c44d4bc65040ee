//! The browser bundles compile Rust's standard library themselves, with panics as bare traps.
//!
//! The precompiled std carries the machinery that formats a panic's message and location; in a
//! bundle built with `panic = "abort"` nobody ever reads them, yet they stay linked. Compiling std
//! from its source (the `rust-src` component) with `panic = "immediate-abort"` leaves them out: the
//! customer page's first load shrinks by about 15 KB gzipped. Both are unstable Cargo features, so the
//! stable toolchain (checked with 1.95) enables them with `RUSTC_BOOTSTRAP=1`, for the bundles only.

use std::process::Command;

use crate::tools::wasm_target::WASM_TARGET;

/// Sets what makes cargo build std from source for the `wasm-release` profile with immediate aborts.
pub fn apply(command: &mut Command) -> &mut Command {
    command
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT", "true")
        .env("CARGO_PROFILE_WASM_RELEASE_PANIC", "immediate-abort")
}

/// The arguments of a `cargo fetch` that also downloads std's own dependencies (with [`apply`]).
pub const FETCH_ARGS: [&str; 3] = ["fetch", "--target", WASM_TARGET];
