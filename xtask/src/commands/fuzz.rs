//! `cargo xtask fuzz`: runs the cargo-fuzz targets of coupon-rules, each for a fixed time.

use crate::error::XtaskError;
use crate::shell::Shell;
use crate::tools::cargo_fuzz::CargoFuzz;
use crate::tools::ensure;
use crate::tools::nightly::Nightly;

/// The fuzz project of the rules crate.
const FUZZ_DIR: &str = "crates/coupon-rules/fuzz";

/// Runs `target` (or every target of the project) for `seconds` each.
pub fn run(shell: &Shell, seconds: u32, target: Option<&str>) -> Result<(), XtaskError> {
    println!("==> setup");
    ensure(shell, &Nightly)?;
    ensure(shell, &CargoFuzz)?;
    let dir = shell.layout().root().join(FUZZ_DIR);
    let targets = match target {
        Some(target) => vec![target.to_owned()],
        None => {
            let mut list = fuzz(shell, &["list"]);
            let listed = shell.output_of(list.current_dir(&dir))?.unwrap_or_default();
            listed.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
        }
    };
    if targets.is_empty() {
        return Err(XtaskError::NoFuzzTargets { dir });
    }
    let max_time = format!("-max_total_time={seconds}");
    for target in &targets {
        println!("==> fuzz {target} for {seconds} s");
        shell.run(fuzz(shell, &["run", target, "--", &max_time]).current_dir(&dir))?;
    }
    Ok(())
}

/// `cargo +nightly fuzz <args>`: libFuzzer's instrumentation needs nightly-only compiler flags.
fn fuzz(shell: &Shell, args: &[&str]) -> std::process::Command {
    let mut command = shell.cargo(&["+nightly", "fuzz"]);
    command.args(args);
    command
}
