//! The signature of a webhook request: `X-Coupon-Signature: t=<ts>,v1=<hex>[,v1=<hex>],alg=hmac-sha256`,
//! where each `v1` is the HMAC-SHA256, keyed with a secret (the whole `whsec_…` text), of
//! `"<ts>.<raw body>"`. During a rotation both secrets sign, the newer first.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The hex HMAC-SHA256 of `"<timestamp>.<body>"` under `secret`.
pub fn v1(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes a key of any length: this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// The `X-Coupon-Signature` value for `body` at `timestamp`, one `v1` per secret.
pub fn signature_header(secrets: &[&str], timestamp: i64, body: &[u8]) -> String {
    let mut header = format!("t={timestamp}");
    for secret in secrets {
        header.push_str(",v1=");
        header.push_str(&v1(secret, timestamp, body));
    }
    header.push_str(",alg=hmac-sha256");
    header
}

/// `X-Content-SHA256`: the hex SHA-256 of the body.
pub fn content_sha256(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_signature() {
        // HMAC-SHA256 under "key" of "1700000000.{}", computed independently
        // (`printf '1700000000.{}' | openssl dgst -sha256 -hmac key`).
        assert_eq!(v1("key", 1_700_000_000, b"{}"), "9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    }

    #[test]
    fn both_secrets_sign_during_a_rotation() {
        let header = signature_header(&["new", "old"], 5, b"x");
        assert_eq!(header, format!("t=5,v1={},v1={},alg=hmac-sha256", v1("new", 5, b"x"), v1("old", 5, b"x")));
    }
}
