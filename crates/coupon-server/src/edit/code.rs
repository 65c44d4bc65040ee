//! New coupon codes.

use coupon_rules::formats::code::{CODE_ALPHABET, GENERATED_CODE_LEN};
use rand::Rng;

/// A new random code: 16 of `A-Z0-9` from the thread's CSPRNG (ChaCha12 seeded by the OS).
pub fn generate() -> String {
    let mut rng = rand::rng();
    (0..GENERATED_CODE_LEN).map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())])).collect()
}

#[cfg(test)]
mod tests {
    use coupon_rules::formats::code::is_code;

    #[test]
    fn generated_codes_are_valid_and_differ() {
        let (a, b) = (super::generate(), super::generate());
        assert!(is_code(&a) && a.len() == 16, "{a}");
        assert_ne!(a, b);
    }
}
