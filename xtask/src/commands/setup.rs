//! `cargo xtask setup`: installs whatever the build and the tests need and is missing.

use crate::error::XtaskError;
use crate::shell::Shell;
use crate::tools::chromium::Chromium;
use crate::tools::node::Node;
use crate::tools::postgres::Postgres;
use crate::tools::rust_src::RustSrc;
use crate::tools::terser::TERSER;
use crate::tools::trunk::Trunk;
use crate::tools::typescript::TYPESCRIPT;
use crate::tools::wasm_bindgen::WasmBindgenCli;
use crate::tools::wasm_opt::WASM_OPT;
use crate::tools::wasm_target::WasmTarget;
use crate::tools::{ensure, Tool};

/// Checks every tool and installs the ones that are missing or at the wrong version.
pub fn run(shell: &Shell) -> Result<(), XtaskError> {
    println!("==> setup");
    let wasm_bindgen = WasmBindgenCli::from_lock(shell.layout())?;
    // Node before wasm-opt and terser: npm installs them.
    let tools: [&dyn Tool; 10] =
        [&WasmTarget, &RustSrc, &Trunk, &wasm_bindgen, &Node, &WASM_OPT, &TERSER, &TYPESCRIPT, &Chromium, &Postgres];
    for tool in tools {
        ensure(shell, tool)?;
    }
    Ok(())
}
