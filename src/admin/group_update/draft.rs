//! The screen's data without the reactive wiring: what the admin typed into the change fields, and
//! the request those texts make. Every check is `coupon-rules`'; here is only the translation from
//! inputs to the second dialect's request.

use coupon_rules::paddle::{PaddleField, PaddleRequest};

/// The change fields, in the order the screen shows them.
pub const CHANGE_FIELDS: [PaddleField; 7] = [
    PaddleField::NewGroup,
    PaddleField::Expires,
    PaddleField::DiscountAmount,
    PaddleField::Currency,
    PaddleField::AllowedUses,
    PaddleField::ProductIds,
    PaddleField::Recurring,
];

/// Whether a field can be blanked on purpose: a blank `expires` removes the expiry, a blank
/// `product_ids` removes the product list. Its input alone cannot say so (empty means "keep").
pub fn is_clearable(field: PaddleField) -> bool {
    matches!(field, PaddleField::Expires | PaddleField::ProductIds)
}

/// The change fields as typed: an empty input keeps the coupons' value; a cleared field is sent blank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeTexts {
    /// What each input holds.
    pub typed: Vec<(PaddleField, String)>,
    /// The clearable fields whose "remove" switch is on (their typed text is kept, not sent).
    pub cleared: Vec<PaddleField>,
}

impl ChangeTexts {
    /// The fields this change sends: cleared ones blank, typed ones as typed.
    fn sent(&self) -> impl Iterator<Item = (PaddleField, &str)> + '_ {
        CHANGE_FIELDS.into_iter().filter_map(|field| {
            if self.cleared.contains(&field) {
                Some((field, ""))
            } else {
                let typed = self.typed.iter().find(|(f, text)| *f == field && !text.is_empty());
                typed.map(|(_, text)| (field, text.as_str()))
            }
        })
    }

    /// Whether there is anything to apply.
    pub fn is_empty(&self) -> bool {
        self.sent().next().is_none()
    }

    /// The request `POST group-update` takes for group `group`: read the way the server reads a form
    /// body, so a number typed as `1O` is the rules' `invalid_type` on its field.
    pub fn request(&self, group: &str) -> PaddleRequest {
        let selector = std::iter::once((PaddleField::Group.name(), group));
        PaddleRequest::from_pairs(selector.chain(self.sent().map(|(field, text)| (field.name(), text))))
    }
}
