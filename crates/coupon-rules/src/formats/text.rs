//! Characters no free text may hold: control characters and the invisible marks that reorder text.

/// The first character of `text` that no free text may hold: a control character (C0, DEL, C1;
/// tab and line breaks only where `line_breaks` allows them) or a bidirectional formatting mark
/// (U+202E and its kin can make "gpj.exe" look like "exe.jpg" on a coupon or in a report).
pub fn forbidden_character(text: &str, line_breaks: bool) -> Option<char> {
    // ASCII text without control characters is the common case: one pass over the bytes.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b) || line_breaks && matches!(b, b'\t' | b'\n' | b'\r')) {
        return None;
    }
    text.chars().find(|c| {
        let allowed_break = line_breaks && matches!(c, '\t' | '\n' | '\r');
        c.is_control() && !allowed_break || is_bidi_control(*c)
    })
}

/// `U+202E`: how a character is named in messages.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_marks_are_found() {
        assert_eq!(forbidden_character("Summer sale 10%", false), None);
        assert_eq!(forbidden_character("여름 할인 — ₩5,000", false), None);
        assert_eq!(forbidden_character("a\0b", false), Some('\0'));
        assert_eq!(forbidden_character("gift\u{202E}gpj.exe", false), Some('\u{202E}'));
        assert_eq!(forbidden_character("x\u{2066}y", true), Some('\u{2066}'));
        assert_eq!(forbidden_character("x\u{7f}", true), Some('\u{7f}'));
        assert_eq!(forbidden_character("x\u{85}", true), Some('\u{85}'));
        assert_eq!(forbidden_character("line 1\r\nline 2\tend", true), None);
        assert_eq!(forbidden_character("line 1\nline 2", false), Some('\n'));
        assert_eq!(code_point('\u{202E}'), "U+202E");
        assert_eq!(code_point('\0'), "U+0000");
    }
}
