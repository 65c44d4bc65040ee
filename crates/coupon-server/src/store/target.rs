//! Which database a command works on: an SQLite file, or a PostgreSQL server by URL.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;

/// The database of `--db` / `COUPON_DB`.
#[derive(Clone)]
pub enum DbTarget {
    /// An SQLite file (created when missing): the embedded default, one server.
    Sqlite(PathBuf),
    /// A PostgreSQL database (`postgres://user:pass@host:port/db`): any number of servers.
    Postgres(Box<PgConnectOptions>),
}

/// `--db` names neither a file nor a readable PostgreSQL URL.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// The value is empty.
    #[error("the database is empty: give a file path or a postgres:// URL")]
    Empty,
    /// The value starts like a PostgreSQL URL but does not parse as one.
    #[error("not a valid PostgreSQL URL: {0}")]
    BadUrl(String),
}

impl DbTarget {
    /// The name of the store kind, for logs (`sqlite`, `postgres`).
    pub fn kind(&self) -> &'static str {
        match self {
            DbTarget::Sqlite(_) => "sqlite",
            DbTarget::Postgres(_) => "postgres",
        }
    }
}

impl FromStr for DbTarget {
    type Err = TargetError;

    fn from_str(value: &str) -> Result<DbTarget, TargetError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(TargetError::Empty);
        }
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            // The parser's own message may quote the URL, password included: never show it.
            return PgConnectOptions::from_str(value)
                .map(|options| DbTarget::Postgres(Box::new(options)))
                .map_err(|_| TargetError::BadUrl(redact_url(value)));
        }
        Ok(DbTarget::Sqlite(PathBuf::from(value)))
    }
}

/// Where the database is, never with a password: `sqlite file coupons.sqlite`,
/// `postgres host 127.0.0.1 port 5432 database coupons`.
impl fmt::Display for DbTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbTarget::Sqlite(path) => write!(f, "sqlite file {}", path.display()),
            DbTarget::Postgres(options) => write!(
                f,
                "postgres host {} port {} database {}",
                options.get_host(),
                options.get_port(),
                options.get_database().unwrap_or("(the user's)")
            ),
        }
    }
}

impl fmt::Debug for DbTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A URL with any password replaced by `***`.
fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return "***".to_owned() };
    let (authority, tail) = rest.split_once('/').map_or((rest, ""), |(a, t)| (a, t));
    let authority = match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split_once(':').map_or(user_info, |(user, _)| user);
            format!("{user}:***@{host}")
        }
        None => authority.to_owned(),
    };
    if tail.is_empty() {
        format!("{scheme}://{authority}")
    } else {
        format!("{scheme}://{authority}/{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_sqlite_and_a_url_is_postgres() {
        assert!(matches!("coupons.sqlite".parse::<DbTarget>(), Ok(DbTarget::Sqlite(_))));
        let target: DbTarget = "postgres://shop:s3cret@db.example:6543/coupons".parse().unwrap();
        assert_eq!(target.to_string(), "postgres host db.example port 6543 database coupons");
        assert!(!format!("{target:?}").contains("s3cret"));
        assert!(matches!("".parse::<DbTarget>(), Err(TargetError::Empty)));
    }

    #[test]
    fn a_bad_url_is_refused_without_its_password() {
        let error = "postgres://shop:s3cret@db.example:notaport/coupons".parse::<DbTarget>().unwrap_err();
        let text = error.to_string();
        assert!(!text.contains("s3cret") && text.contains("shop:***@"), "{text}");
    }
}
