use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Whether a webhook request is ours: `signature` is its `X-Coupon-Signature` header, `body` its
/// raw body (before any JSON parsing), `secret` your `whsec_…` secret, `now` the Unix time in
/// seconds. Requests older than 5 minutes are refused (a replayed request).
pub fn verify_webhook(secret: &str, signature: &str, body: &[u8], now: i64) -> bool {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in signature.split(',') {
        match part.split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v1)) => candidates.push(v1),
            _ => {}
        }
    }
    let Some(timestamp) = timestamp else { return false };
    if (now - timestamp).abs() > 300 {
        return false;
    }
    candidates.iter().any(|candidate| {
        let Ok(expected) = hex::decode(candidate) else { return false };
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
        mac.update(format!("{timestamp}.").as_bytes());
        mac.update(body);
        // Compares in constant time.
        mac.verify_slice(&expected).is_ok()
    })
}
