//! What can go wrong in the store. None of it reaches a client: the API answers 1099.

/// A failure of the database or of data read from it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached at start-up (the target names it, never with a password).
    #[error("cannot reach the database ({target}): {source}")]
    Unreachable {
        /// Where the database was looked for.
        target: String,
        /// Why it cannot be reached.
        source: sqlx::Error,
    },
    /// The database refused or failed a statement.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration could not be applied at start-up.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored value does not parse as its type (a bug or a hand-edited database).
    #[error("stored {what} is invalid: {value:?}")]
    Corrupt {
        /// Which value.
        what: &'static str,
        /// What was stored.
        value: String,
    },
    /// The transaction a write was batched into failed to commit.
    #[error("the write batch failed: {0}")]
    BatchFailed(String),
    /// The writer task is gone (the server is shutting down).
    #[error("the writer has stopped")]
    WriterStopped,
}

impl StoreError {
    /// A stored value that does not parse.
    pub fn corrupt(what: &'static str, value: impl Into<String>) -> StoreError {
        StoreError::Corrupt { what, value: value.into() }
    }

    /// Whether this is a violation of a UNIQUE constraint.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::Database(e)) if e.is_unique_violation())
    }

    /// Whether PostgreSQL refused a transaction because another one changed its rows first
    /// (SQLSTATE 40001): the caller reads again and retries.
    pub fn is_serialization_failure(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::Database(e)) if e.code().as_deref() == Some("40001"))
    }
}
