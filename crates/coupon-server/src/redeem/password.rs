//! Store passwords: argon2id hashes (PHC strings), checked off the async threads.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Why a password could not be hashed or checked.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// argon2 refused (never expected with the default parameters).
    #[error("argon2 failed: {0}")]
    Argon2(String),
    /// The stored hash is not a PHC string.
    #[error("the stored password hash is malformed")]
    MalformedHash,
    /// The blocking task died.
    #[error("the hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Hashes a new store password with argon2id (the crate's defaults: 19 MiB, 2 passes).
pub async fn hash(password: String) -> Result<String, PasswordError> {
    tokio::task::spawn_blocking(move || {
        // 16 bytes from the thread's CSPRNG, the salt length argon2 recommends.
        let salt =
            SaltString::encode_b64(&rand::random::<[u8; 16]>()).map_err(|e| PasswordError::Argon2(e.to_string()))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| PasswordError::Argon2(e.to_string()))
    })
    .await?
}

/// Whether `password` matches the stored hash. argon2 compares the digests in constant time.
pub async fn verify(stored_hash: String, password: String) -> Result<bool, PasswordError> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&stored_hash).map_err(|_| PasswordError::MalformedHash)?;
        Ok(Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await?
}
