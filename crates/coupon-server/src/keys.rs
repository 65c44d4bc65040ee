//! API keys and the second vendor's auth codes: made here, stored as SHA-256 digests.
//!
//! Keys are long random secrets, so a fast digest is enough (no password-style stretching) and
//! lets a request find its key by index; a lookup's timing tells nothing useful about other keys.

use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};

/// Random characters in a new key (about 190 bits).
const KEY_CHARS: usize = 32;

/// The stored form of a key: its SHA-256 digest in lowercase hex.
pub fn digest(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A new random key (`ck_` and 32 letters and digits from the thread's CSPRNG).
pub fn new_key() -> String {
    format!("ck_{}", Alphanumeric.sample_string(&mut rand::rng(), KEY_CHARS))
}

/// A new random vendor auth code for the second dialect: 32 lowercase hex digits (128 bits), which
/// the vendor's pattern `[0-9a-f]+` accepts. Stored as its [`digest`], like an API key.
pub fn new_vendor_auth_code() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_sha256_hex() {
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(new_key().starts_with("ck_") && new_key().len() == 35);
        let code = new_vendor_auth_code();
        assert!(code.len() == 32 && code.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{code}");
        assert_ne!(code, new_vendor_auth_code());
    }
}
