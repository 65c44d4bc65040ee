//! The languages messages are written in.

use serde::{Deserialize, Serialize};

/// A language for people-facing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// The language tag, as used in `lang` attributes and `Accept-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// Parses a single language tag (`ko`, `ko-KR`, `EN-us`); `None` for a language we do not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ko") {
            Some(Lang::Ko)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the best supported language from an `Accept-Language` header (`ko-KR,ko;q=0.9,en;q=0.8`).
    pub fn from_accept_language(header: &str) -> Lang {
        Self::best_of(header.split(',').map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (tag, q)
        }))
    }

    /// Picks the first supported language of a preference list (the browser's `navigator.languages`).
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    fn best_of<'a>(weighted: impl Iterator<Item = (&'a str, f32)>) -> Lang {
        let mut best: Option<(Lang, f32)> = None;
        for (tag, q) in weighted {
            if let Some(lang) = Lang::from_tag(tag) {
                if q > 0.0 && best.is_none_or(|(_, best_q)| q > best_q) {
                    best = Some((lang, q));
                }
            }
        }
        best.map(|(lang, _)| lang).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_highest_weight_we_speak() {
        assert_eq!(Lang::from_accept_language("ko-KR,ko;q=0.9,en;q=0.8"), Lang::Ko);
        assert_eq!(Lang::from_accept_language("fr-FR,en;q=0.5,ko;q=0.4"), Lang::En);
        assert_eq!(Lang::from_accept_language("de, ko;q=0.1"), Lang::Ko);
        assert_eq!(Lang::from_accept_language("de"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::En);
        assert_eq!(Lang::from_accept_language("ko;q=0"), Lang::En);
    }

    #[test]
    fn preferences_take_the_first_known() {
        assert_eq!(Lang::from_preferences(["fr", "ko-KR", "en"]), Lang::Ko);
        assert_eq!(Lang::from_preferences(["fr"]), Lang::En);
    }
}
