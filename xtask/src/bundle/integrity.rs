//! Subresource integrity: Trunk writes `integrity="sha384-…"` for each file the page loads, so a
//! file changed after Trunk needs its new digest in the page.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha384};

/// The `sha384-…` integrity value of `bytes`.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)))
}

/// `html` with the integrity value of `old` replaced by that of `new`; false when the page had none.
pub fn replace(html: &mut String, old: &[u8], new: &[u8]) -> bool {
    let (old, new) = (sri(old), sri(new));
    let found = html.contains(&old);
    *html = html.replace(&old, &new);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sri_is_base64_sha384() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(sri(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn replaces_the_old_digest_only() {
        let mut html = format!(r#"<link href="/a.js" integrity="{}"><link href="/b.css" integrity="x">"#, sri(b"old"));
        assert!(replace(&mut html, b"old", b"new"));
        assert_eq!(
            html,
            format!(r#"<link href="/a.js" integrity="{}"><link href="/b.css" integrity="x">"#, sri(b"new"))
        );
        assert!(!replace(&mut html, b"missing", b"new"));
    }
}
