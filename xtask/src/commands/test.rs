//! `cargo xtask test`: setup, then every step of the table in `steps`, timed.

use std::time::{Duration, Instant};

use crate::commands::setup;
use crate::error::XtaskError;
use crate::postgres;
use crate::shell::Shell;
use crate::steps::TEST_STEPS;

/// Runs all test steps in order and stops at the first failure, naming the step.
pub fn run(shell: &Shell) -> Result<(), XtaskError> {
    setup::run(shell)?;
    // Stopped when this function returns, whether the steps passed or not.
    let _postgres = postgres::start_for_tests(shell)?;
    let total = TEST_STEPS.len();
    let mut timings = Vec::with_capacity(total);
    for (position, step) in TEST_STEPS.iter().enumerate() {
        let index = position + 1;
        println!("\n==> [{index}/{total}] {}", step.name);
        let started = Instant::now();
        let result = step.work.run(shell);
        let took = started.elapsed();
        if let Err(error) = result {
            println!("==> [{index}/{total}] {} FAILED after {}", step.name, seconds(took));
            return Err(XtaskError::StepFailed { index, total, name: step.name, source: Box::new(error) });
        }
        println!("==> [{index}/{total}] {} ok in {}", step.name, seconds(took));
        timings.push((step.name, took));
    }
    println!("\n==> all {total} steps passed");
    for (name, took) in timings {
        println!("    {name:<34} {:>8}", seconds(took));
    }
    Ok(())
}

fn seconds(duration: Duration) -> String {
    format!("{:.1}s", duration.as_secs_f64())
}
