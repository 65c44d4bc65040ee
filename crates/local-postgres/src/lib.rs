//! A throwaway PostgreSQL server: `initdb` into a folder, `postgres` on a free loopback port with
//! its socket in that folder, stopped when dropped. The binaries are Debian's (`postgresql`
//! package, `/usr/lib/postgresql/<version>/bin`). As root, the server runs as the `postgres` user
//! (PostgreSQL refuses root), which then owns the folder.
//!
//! Trust authentication on loopback only: for tests, benchmarks and the demo, never production.

use std::fs;
use std::io;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Where Debian installs PostgreSQL's versions.
const DEBIAN_ROOT: &str = "/usr/lib/postgresql";
/// The superuser `initdb` creates.
pub const SUPERUSER: &str = "postgres";
/// How long the server may take to accept connections.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a server could not be made, started or stopped.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// No PostgreSQL is installed.
    #[error("PostgreSQL is not installed (no {DEBIAN_ROOT}/<version>/bin/postgres); install Debian's `postgresql`")]
    NotInstalled,
    /// A file or folder could not be used.
    #[error("{what} ({}): {source}", path.display())]
    Io {
        /// What was being done.
        what: &'static str,
        /// Where.
        path: PathBuf,
        /// Why not.
        source: io::Error,
    },
    /// A PostgreSQL program failed.
    #[error("`{program}` failed ({status}); see {}", log.display())]
    Failed {
        /// Which program.
        program: String,
        /// How it ended.
        status: ExitStatus,
        /// Its log.
        log: PathBuf,
    },
    /// The server did not accept connections in time.
    #[error("PostgreSQL did not become ready within {READY_TIMEOUT:?}; see {}", log.display())]
    NotReady {
        /// The server's log.
        log: PathBuf,
    },
}

/// The newest installed PostgreSQL's `bin` folder.
pub fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir(DEBIAN_ROOT)
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("postgres").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// A PostgreSQL server of its own in a folder.
#[derive(Debug)]
pub struct LocalPostgres {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    as_postgres_user: bool,
    running: bool,
}

impl LocalPostgres {
    /// Makes a new cluster in `dir` (emptied first) and starts it on a free loopback port.
    pub fn start_fresh(dir: &Path) -> Result<LocalPostgres, PgError> {
        let bin = bin_dir().ok_or(PgError::NotInstalled)?;
        let io = |what| move |source| PgError::Io { what, path: dir.to_path_buf(), source };
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(io("cannot empty the folder"))?;
        }
        fs::create_dir_all(dir.join("run")).map_err(io("cannot make the folder"))?;
        let as_postgres_user = is_root();
        let mut server =
            LocalPostgres { bin, dir: dir.to_path_buf(), port: free_port(dir)?, as_postgres_user, running: false };
        if as_postgres_user {
            server.run(Command::new("chown").args(["-R", SUPERUSER]).arg(dir), "chown")?;
        }
        let data = server.data();
        let mut initdb = server.program("initdb");
        server.run(
            initdb.arg("-D").arg(&data).args([
                "--auth=trust",
                "--username",
                SUPERUSER,
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ]),
            "initdb",
        )?;
        server.start()?;
        Ok(server)
    }

    /// `postgres://postgres@127.0.0.1:PORT`: append `/database`.
    pub fn url(&self) -> String {
        format!("postgres://{SUPERUSER}@127.0.0.1:{}", self.port)
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The folder of its data, socket and log.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Starts the server (again) and waits until it accepts connections.
    pub fn start(&mut self) -> Result<(), PgError> {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB",
            self.port,
            self.dir.join("run").display()
        );
        let mut pg_ctl = self.program("pg_ctl");
        pg_ctl.arg("-D").arg(self.data()).arg("-l").arg(self.log()).args(["-o", &options, "-w", "-t", "60", "start"]);
        self.run(&mut pg_ctl, "pg_ctl start")?;
        self.running = true;
        self.wait_ready()
    }

    /// Stops the server: `fast` ends sessions and checkpoints, else it stops at once (`immediate`,
    /// recovering at the next start, like a crash).
    pub fn stop(&mut self, fast: bool) -> Result<(), PgError> {
        let mode = if fast { "fast" } else { "immediate" };
        let mut pg_ctl = self.program("pg_ctl");
        pg_ctl.arg("-D").arg(self.data()).args(["-m", mode, "-w", "stop"]);
        self.run(&mut pg_ctl, "pg_ctl stop")?;
        self.running = false;
        Ok(())
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn log(&self) -> PathBuf {
        self.dir.join("postgres.log")
    }

    fn wait_ready(&self) -> Result<(), PgError> {
        let started = Instant::now();
        while started.elapsed() < READY_TIMEOUT {
            let mut ready = self.program("pg_isready");
            ready.args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", SUPERUSER]);
            if ready.stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success()) {
                return Ok(());
            }
            thread::sleep(Duration::from_millis(100));
        }
        Err(PgError::NotReady { log: self.log() })
    }

    /// A PostgreSQL program, as the `postgres` user when running as root.
    fn program(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        if self.as_postgres_user {
            let mut command = Command::new("runuser");
            command.args(["-u", SUPERUSER, "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn run(&self, command: &mut Command, what: &str) -> Result<(), PgError> {
        let log = self.log();
        let output = command.stdin(Stdio::null()).output().map_err(|source| PgError::Io {
            what: "cannot start a PostgreSQL program",
            path: PathBuf::from(what),
            source,
        })?;
        if output.status.success() {
            return Ok(());
        }
        // Keep what it said next to the server's log.
        let said = self.dir.join(format!("{}.out", what.replace(' ', "-")));
        let _ = fs::write(&said, [output.stdout, output.stderr].concat());
        Err(PgError::Failed {
            program: what.to_owned(),
            status: output.status,
            log: if log.exists() { log } else { said },
        })
    }
}

impl Drop for LocalPostgres {
    fn drop(&mut self) {
        if self.running {
            let _ = self.stop(false);
        }
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// A loopback port nobody listens on now.
fn free_port(dir: &Path) -> Result<u16, PgError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|source| PgError::Io {
        what: "cannot find a free port",
        path: dir.to_path_buf(),
        source,
    })?;
    listener.local_addr().map(|addr| addr.port()).map_err(|source| PgError::Io {
        what: "cannot find a free port",
        path: dir.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_server_answers_restarts_and_stops() {
        let dir = std::env::temp_dir().join(format!("local-postgres-test-{}", std::process::id()));
        let mut server = LocalPostgres::start_fresh(&dir).expect("the server starts");
        assert!(server.url().starts_with("postgres://postgres@127.0.0.1:"));
        let ready = |server: &LocalPostgres| {
            let mut probe = server.program("pg_isready");
            probe.args(["-q", "-h", "127.0.0.1", "-p", &server.port().to_string()]);
            probe.status().is_ok_and(|status| status.success())
        };
        assert!(ready(&server));
        server.stop(true).expect("stops");
        assert!(!ready(&server), "stopped");
        server.start().expect("starts again");
        assert!(ready(&server));
        drop(server);
        let _ = fs::remove_dir_all(&dir);
    }
}
