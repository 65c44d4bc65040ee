//! The API's `Y`/`N` switches.

use serde::{Deserialize, Serialize};

/// A switch the API writes as `"Y"` or `"N"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub enum YesNo {
    /// On.
    #[serde(rename = "Y")]
    Yes,
    /// Off.
    #[default]
    #[serde(rename = "N")]
    No,
}

impl YesNo {
    /// Reads exactly `Y` or `N`.
    pub fn parse(text: &str) -> Option<YesNo> {
        match text {
            "Y" => Some(YesNo::Yes),
            "N" => Some(YesNo::No),
            _ => None,
        }
    }

    /// `"Y"` or `"N"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            YesNo::Yes => "Y",
            YesNo::No => "N",
        }
    }

    /// Whether the switch is on.
    pub const fn is_yes(self) -> bool {
        matches!(self, YesNo::Yes)
    }
}

impl From<bool> for YesNo {
    fn from(on: bool) -> Self {
        if on {
            YesNo::Yes
        } else {
            YesNo::No
        }
    }
}
