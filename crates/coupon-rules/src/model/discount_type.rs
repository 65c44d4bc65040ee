//! The discount type: a percentage (457) or a fixed amount (458).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How the discount value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DiscountType {
    /// `457`: a percentage, 1–100.
    #[default]
    Percentage,
    /// `458`: an amount in the coupon's currency.
    FixedAmount,
}

impl DiscountType {
    /// The API's index: 457 or 458.
    pub const fn idx(self) -> i64 {
        match self {
            DiscountType::Percentage => 457,
            DiscountType::FixedAmount => 458,
        }
    }

    /// The type with this API index.
    pub const fn from_idx(idx: i64) -> Option<DiscountType> {
        match idx {
            457 => Some(DiscountType::Percentage),
            458 => Some(DiscountType::FixedAmount),
            _ => None,
        }
    }
}

impl Serialize for DiscountType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.idx())
    }
}

impl<'de> Deserialize<'de> for DiscountType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let idx = f64::deserialize(d)?;
        DiscountType::from_idx(idx as i64)
            .filter(|_| idx.fract() == 0.0)
            .ok_or_else(|| serde::de::Error::custom("discTypeIdx must be 457 or 458"))
    }
}
