//! `cargo xtask js-package`: the rules as an ES module with TypeScript types, for JavaScript callers.

use std::fs;

use crate::error::XtaskError;
use crate::shell::Shell;
use crate::tools::{self, typescript::TYPESCRIPT};

/// The cargo profile of the package: speed over size (it is a library for other pages).
pub const PROFILE: &str = "js-release";

/// Builds the package, then runs it from Node as a JavaScript caller would (`tests/smoke.mjs`).
pub fn build_and_check(shell: &Shell) -> Result<(), XtaskError> {
    run(shell)?;
    let smoke = shell.layout().root().join("crates/coupon-rules-js/tests/smoke.mjs");
    shell.run(shell.cmd("node").arg(smoke).arg(shell.layout().target().join("js-package")))
}

/// Builds the package, then type-checks `tests/types.ts` against its generated `.d.ts` with tsc
/// (strict): the declarations come from the Rust types, and the program's `@ts-expect-error` lines
/// fail the check when a type is looser than the rules.
pub fn check_types(shell: &Shell) -> Result<(), XtaskError> {
    run(shell)?;
    tools::ensure(shell, &TYPESCRIPT)?;
    let out = shell.layout().target().join("js-package");
    // Beside the package, so that it imports `./coupon_rules_js.js` as a caller's program would.
    let program = out.join("types.ts");
    let source = shell.layout().root().join("crates/coupon-rules-js/tests/types.ts");
    fs::copy(&source, &program).map_err(|error| XtaskError::Write { path: program.clone(), source: error })?;
    let mut tsc = shell.cmd(TYPESCRIPT.program(shell.layout()));
    tsc.args([
        "--noEmit",
        "--strict",
        "--target",
        "es2022",
        "--module",
        "es2022",
        "--moduleResolution",
        "bundler",
        "--lib",
        "es2022,dom",
    ])
    .arg(&program);
    shell.run(&mut tsc)
}

/// Builds `crates/coupon-rules-js` for wasm and runs wasm-bindgen on it into `target/js-package/`.
pub fn run(shell: &Shell) -> Result<(), XtaskError> {
    let profile = format!("--profile={PROFILE}");
    shell.run(&mut shell.cargo(&["build", "-p", "coupon-rules-js", "--target", "wasm32-unknown-unknown", &profile]))?;
    let target = shell.layout().target();
    let wasm = target.join("wasm32-unknown-unknown").join(PROFILE).join("coupon_rules_js.wasm");
    let out = target.join("js-package");
    shell.run(shell.cmd("wasm-bindgen").arg("--target").arg("web").arg("--out-dir").arg(&out).arg(&wasm))?;
    println!("\nThe JavaScript package is in {}:", out.display());
    let mut files: Vec<_> =
        fs::read_dir(&out).map_err(|source| XtaskError::Read { path: out.clone(), source })?.flatten().collect();
    files.sort_by_key(|entry| entry.file_name());
    for entry in files {
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        println!("  {:<32} {:>8} bytes", entry.file_name().to_string_lossy(), size);
    }
    println!("\nimport init, {{ validateCouponUpdate }} from \"./coupon_rules_js.js\"; await init();");
    Ok(())
}
