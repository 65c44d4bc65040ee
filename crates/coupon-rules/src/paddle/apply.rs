//! What a valid request of the second vendor's dialect changes, as typed values: the same change
//! for every coupon it selects.

use crate::model::{Coupon, Currency, Ymd};

use super::request::PaddleRequest;
use super::rules::parse_product_ids;

/// The changes of a request that passed validation; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaddleChanges {
    /// The coupon's new code (`new_coupon_code`).
    pub new_code: Option<String>,
    /// The name of the group to move to (`new_group`); the caller finds or creates it.
    pub new_group: Option<String>,
    /// The products it applies to (`product_ids`); an empty list removes them all.
    pub product_ids: Option<Vec<u64>>,
    /// The last valid day (`expires`); `Some(None)` removes the expiry.
    pub end_ymd: Option<Option<Ymd>>,
    /// The total uses allowed (`allowed_uses`).
    pub allowed_uses: Option<i64>,
    /// The discount's currency (`currency`).
    pub currency: Option<Currency>,
    /// The discount value (`discount_amount`).
    pub disc: Option<f64>,
    /// Whether it applies to recurring payments (`recurring`).
    pub recurring: Option<bool>,
}

impl PaddleRequest {
    /// The changes this request asks for. Meant for a request that passed validation: a value that
    /// does not parse is left out.
    pub fn changes(&self) -> PaddleChanges {
        PaddleChanges {
            new_code: self.new_coupon_code.clone().filter(|code| !code.is_empty()),
            new_group: self.new_group.clone().filter(|group| !group.is_empty()),
            product_ids: self.product_ids.as_deref().and_then(|ids| parse_product_ids(ids).ok()).map(|mut ids| {
                // The same product twice means nothing more: keep the first of each.
                let mut seen = std::collections::HashSet::new();
                ids.retain(|id| seen.insert(*id));
                ids
            }),
            end_ymd: match self.expires.as_deref() {
                None => None,
                Some("") => Some(None),
                Some(date) => Ymd::parse(date).ok().map(Some),
            },
            allowed_uses: self.allowed_uses,
            currency: self.currency.as_deref().and_then(Currency::parse),
            disc: self.discount_amount,
            recurring: self.recurring.map(|r| r == 1),
        }
    }
}

impl PaddleChanges {
    /// Whether the request changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == PaddleChanges::default()
    }

    /// `coupon` with these changes, except the group move (a group is found by name by the caller,
    /// which sets `grp_idx`). The use count and uses never change here.
    pub fn applied_to(&self, coupon: &Coupon) -> Coupon {
        let mut c = coupon.clone();
        if let Some(code) = &self.new_code {
            c.cpn_no.clone_from(code);
        }
        if let Some(ids) = &self.product_ids {
            c.product_ids.clone_from(ids);
        }
        if let Some(end) = self.end_ymd {
            c.end_ymd = end;
        }
        c.allowed_uses = self.allowed_uses.or(c.allowed_uses);
        c.disc_currency = self.currency.unwrap_or(c.disc_currency);
        c.disc = self.disc.unwrap_or(c.disc);
        c.recurring = self.recurring.unwrap_or(c.recurring);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> PaddleRequest {
        PaddleRequest::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn blanks_remove_products_and_the_expiry() {
        let today = Ymd::parse("2026-11-21").unwrap();
        let coupon = Coupon {
            product_ids: vec![7, 8],
            end_ymd: Some(today.add_days(9)),
            ..Coupon::with_defaults("ABCD1234".into(), today)
        };
        let changes = form(&[("product_ids", ""), ("expires", "")]).changes();
        assert_eq!(changes.product_ids, Some(vec![]));
        assert_eq!(changes.end_ymd, Some(None));
        let changed = changes.applied_to(&coupon);
        assert!(changed.product_ids.is_empty());
        assert_eq!(changed.end_ymd, None);
    }

    #[test]
    fn absent_fields_stay_and_given_ones_change() {
        let today = Ymd::parse("2026-11-21").unwrap();
        let coupon = Coupon { allowed_uses: Some(4), ..Coupon::with_defaults("ABCD1234".into(), today) };
        let changes = form(&[
            ("new_coupon_code", "RENAMED2026"),
            ("product_ids", "12, 5,12"),
            ("discount_amount", "7.5"),
            ("currency", "EUR"),
            ("recurring", "1"),
            ("expires", "2027-01-31"),
        ])
        .changes();
        let changed = changes.applied_to(&coupon);
        assert_eq!(changed.cpn_no, "RENAMED2026");
        assert_eq!(changed.product_ids, vec![12, 5]);
        assert_eq!((changed.disc, changed.disc_currency), (7.5, Currency::EUR));
        assert!(changed.recurring);
        assert_eq!(changed.end_ymd, Ymd::parse("2027-01-31").ok());
        assert_eq!(changed.allowed_uses, Some(4));
        assert_eq!(changed.use_cnt, coupon.use_cnt);
        assert!(form(&[("group", "Spring")]).changes().is_empty());
    }
}
