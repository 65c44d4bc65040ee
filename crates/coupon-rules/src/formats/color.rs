//! Hex colours (`#RRGGBB`, `#RRGGBBAA`) and their WCAG contrast.

use std::sync::OnceLock;

/// A colour with alpha, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity: 255 is opaque.
    pub a: u8,
}

impl Rgba {
    /// Opaque white, the page behind every coupon.
    pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 255 };

    /// Reads `#RRGGBB` or `#RRGGBBAA` (either case).
    pub fn parse(text: &str) -> Option<Rgba> {
        let hex = text.strip_prefix('#')?;
        if !(hex.len() == 6 || hex.len() == 8) || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgba { r: channel(0)?, g: channel(2)?, b: channel(4)?, a: if hex.len() == 8 { channel(6)? } else { 255 } })
    }

    /// This colour painted over an opaque `below`: what the eye sees.
    pub fn over(self, below: Rgba) -> Rgba {
        let a = f64::from(self.a) / 255.0;
        let mix = |top: u8, bottom: u8| (f64::from(top) * a + f64::from(bottom) * (1.0 - a)).round() as u8;
        Rgba { r: mix(self.r, below.r), g: mix(self.g, below.g), b: mix(self.b, below.b), a: 255 }
    }

    /// WCAG relative luminance of the opaque colour.
    pub fn luminance(self) -> f64 {
        let linear = linear_table();
        0.2126 * linear[usize::from(self.r)]
            + 0.7152 * linear[usize::from(self.g)]
            + 0.0722 * linear[usize::from(self.b)]
    }
}

/// sRGB channel value -> linear light, computed once: `powf` is slow in wasm and the form calls this on
/// every keystroke.
fn linear_table() -> &'static [f64; 256] {
    static TABLE: OnceLock<[f64; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|c| {
            let c = c as f64 / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    })
}

/// The WCAG contrast ratio (1–21) of text in `text` colour on a `background`, both shown on a white
/// page: translucent colours are blended first.
pub fn contrast_ratio(text: Rgba, background: Rgba) -> f64 {
    let background = background.over(Rgba::WHITE);
    let text = text.over(background);
    let (l1, l2) = (text.luminance(), background.luminance());
    let (light, dark) = if l1 > l2 { (l1, l2) } else { (l2, l1) };
    (light + 0.05) / (dark + 0.05)
}

/// The contrast WCAG AA asks of normal text.
pub const MIN_CONTRAST: f64 = 4.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_lengths_and_nothing_else() {
        assert_eq!(Rgba::parse("#4F4F4FFF"), Some(Rgba { r: 0x4f, g: 0x4f, b: 0x4f, a: 255 }));
        assert_eq!(Rgba::parse("#ffffff"), Some(Rgba::WHITE));
        for bad in ["#4F4F4", "4F4F4F", "#4F4F4FF", "#GGGGGG", "#fff", "", "#4F4F4F4F4F"] {
            assert_eq!(Rgba::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        let black = Rgba::parse("#000000").unwrap();
        assert!((contrast_ratio(black, Rgba::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Rgba::WHITE, Rgba::WHITE) - 1.0).abs() < 1e-9);
        let grey = Rgba::parse("#767676").unwrap();
        assert!((contrast_ratio(grey, Rgba::WHITE) - 4.54).abs() < 0.01);
        // A fully transparent text colour disappears into its background.
        let clear = Rgba::parse("#00000000").unwrap();
        assert!((contrast_ratio(clear, Rgba::WHITE) - 1.0).abs() < 1e-9);
    }
}
