//! The command line: `cargo xtask <command> [options]`.

use crate::error::CliError;

/// Default address of `cargo xtask serve`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// Default run time of each fuzz target, in seconds.
pub const DEFAULT_FUZZ_SECONDS: u32 = 60;

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print the usage text.
    Help,
    /// Install the missing tools.
    Setup,
    /// Run every check of the project.
    Test,
    /// Build the browser bundles into dist/.
    Build,
    /// Measure the customer page's first load, optionally against a budget in KB.
    Size { max_kb: Option<u32> },
    /// Build the rules' JavaScript package into target/js-package/.
    JsPackage,
    /// Build, then run the server with demo data (on a fresh PostgreSQL when `postgres`).
    Serve { addr: String, postgres: bool },
    /// Run one benchmark by name (None: list them); the server benchmarks also on a fresh
    /// PostgreSQL (`postgres`), the second time with `instances` servers.
    Bench { name: Option<String>, postgres: bool, instances: Option<u32> },
    /// Mixed traffic against the release server for a while, then every answered write read back.
    Soak { seconds: Option<u32>, postgres: bool },
    /// Run fuzz targets for a while each (None: all of them).
    Fuzz { seconds: u32, target: Option<String> },
}

/// The usage text printed by `cargo xtask help`.
pub const USAGE: &str = "\
usage: cargo xtask <command>

  setup                          install what is missing: wasm target, trunk, wasm-bindgen, wasm-opt, chromium
  test                           setup, then fmt, clippy, native and browser tests, build, size budget, end-to-end
  build                          trunk release build of the page (dist/) and the admin form (dist/admin/)
  size [--max-kb N]              the customer page's first load as sent (brotli); fails above N KB
  js-package                     the rules as an ES module with TypeScript types, in target/js-package/
  serve [--addr A] [--postgres]  build, then run the server with demo data (default 127.0.0.1:8080);
                                 --postgres: on a fresh PostgreSQL cluster in target/postgres/demo
  bench [name] [--postgres [--instances N]]
                                 run a benchmark; without a name, list them; --postgres: the server
                                 benchmarks also on a fresh PostgreSQL with 1 and N (default 2) servers
  soak [--seconds N] [--postgres]
                                 mixed traffic at a steady rate for N seconds (default 300), then every
                                 answered write read back; --postgres: also on PostgreSQL
  fuzz [--seconds N] [target]    run cargo-fuzz targets of coupon-rules, N seconds each (default 60)";

impl Command {
    /// Parses the words after `cargo xtask`.
    pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Self, CliError> {
        let mut words = args.into_iter();
        let Some(command) = words.next() else {
            return Ok(Command::Help);
        };
        let mut rest = Words(words.collect());
        let parsed = match command.as_str() {
            "help" | "-h" | "--help" => Command::Help,
            "setup" => Command::Setup,
            "test" => Command::Test,
            "build" => Command::Build,
            "size" => Command::Size { max_kb: rest.number_flag("--max-kb")? },
            "js-package" => Command::JsPackage,
            "serve" => Command::Serve {
                addr: rest.flag("--addr")?.unwrap_or_else(|| DEFAULT_ADDR.to_owned()),
                postgres: rest.switch("--postgres"),
            },
            "bench" => Command::Bench {
                postgres: rest.switch("--postgres"),
                instances: rest.number_flag("--instances")?,
                name: rest.positional(),
            },
            "soak" => Command::Soak { seconds: rest.number_flag("--seconds")?, postgres: rest.switch("--postgres") },
            "fuzz" => {
                let seconds = rest.number_flag("--seconds")?.unwrap_or(DEFAULT_FUZZ_SECONDS);
                Command::Fuzz { seconds, target: rest.positional() }
            }
            other => return Err(CliError::UnknownCommand(other.to_owned())),
        };
        rest.finish()?;
        Ok(parsed)
    }
}

/// The words after the command name, consumed flag by flag.
struct Words(Vec<String>);

impl Words {
    /// Takes `--flag value` or `--flag=value` if present anywhere in the remaining words.
    fn flag(&mut self, flag: &'static str) -> Result<Option<String>, CliError> {
        let Some(at) = self.0.iter().position(|word| word == flag || word.starts_with(&format!("{flag}="))) else {
            return Ok(None);
        };
        let word = self.0.remove(at);
        match word.split_once('=') {
            Some((_, inline)) => Ok(Some(inline.to_owned())),
            None if at < self.0.len() => Ok(Some(self.0.remove(at))),
            None => Err(CliError::MissingValue { flag }),
        }
    }

    /// Takes `--flag` (a switch without a value) if present; says whether it was.
    fn switch(&mut self, flag: &'static str) -> bool {
        let at = self.0.iter().position(|word| word == flag);
        at.map(|at| self.0.remove(at)).is_some()
    }

    /// Like `flag`, for a whole number.
    fn number_flag(&mut self, flag: &'static str) -> Result<Option<u32>, CliError> {
        self.flag(flag)?.map(|value| value.parse().map_err(|_| CliError::NotANumber { flag, value })).transpose()
    }

    /// Takes the first remaining word that is not a flag.
    fn positional(&mut self) -> Option<String> {
        let at = self.0.iter().position(|word| !word.starts_with('-'))?;
        Some(self.0.remove(at))
    }

    /// Fails on any word left over.
    fn finish(self) -> Result<(), CliError> {
        match self.0.into_iter().next() {
            Some(extra) => Err(CliError::Unexpected(extra)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Command, CliError> {
        Command::parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn no_words_is_help() {
        assert_eq!(parse("").unwrap(), Command::Help);
    }

    #[test]
    fn flags_take_separate_or_inline_values() {
        assert_eq!(parse("size --max-kb 120").unwrap(), Command::Size { max_kb: Some(120) });
        assert_eq!(parse("size --max-kb=90").unwrap(), Command::Size { max_kb: Some(90) });
        assert_eq!(parse("size").unwrap(), Command::Size { max_kb: None });
        let serve = |addr: &str, postgres| Command::Serve { addr: addr.into(), postgres };
        assert_eq!(parse("serve --addr 0.0.0.0:9000").unwrap(), serve("0.0.0.0:9000", false));
        assert_eq!(parse("serve").unwrap(), serve(DEFAULT_ADDR, false));
        assert_eq!(parse("serve --postgres").unwrap(), serve(DEFAULT_ADDR, true));
    }

    #[test]
    fn fuzz_takes_flag_and_target_in_any_order() {
        let expected = Command::Fuzz { seconds: 5, target: Some("parse".into()) };
        assert_eq!(parse("fuzz parse --seconds 5").unwrap(), expected);
        assert_eq!(parse("fuzz --seconds 5 parse").unwrap(), expected);
        assert_eq!(parse("fuzz").unwrap(), Command::Fuzz { seconds: DEFAULT_FUZZ_SECONDS, target: None });
    }

    #[test]
    fn bad_lines_are_refused() {
        assert!(matches!(parse("deploy"), Err(CliError::UnknownCommand(word)) if word == "deploy"));
        assert!(matches!(parse("size --max-kb"), Err(CliError::MissingValue { flag: "--max-kb" })));
        assert!(matches!(parse("size --max-kb lots"), Err(CliError::NotANumber { .. })));
        assert!(matches!(parse("test extra"), Err(CliError::Unexpected(word)) if word == "extra"));
        assert!(matches!(parse("bench rules --fast"), Err(CliError::Unexpected(word)) if word == "--fast"));
    }
}
