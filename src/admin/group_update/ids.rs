//! The element ids of the screen's fields: the control's, and those of its hint, its messages and
//! its "remove" switch. Prefixed `g-` so they never meet the edit form's `f-` ids.

use coupon_rules::paddle::PaddleField;

/// The ids of one field of the change.
#[derive(Debug, Clone, Copy)]
pub struct ChangeIds {
    field: PaddleField,
}

impl ChangeIds {
    /// The ids of `field`.
    pub fn of(field: PaddleField) -> ChangeIds {
        ChangeIds { field }
    }

    /// The control's id (`g-expires`): also the target of the apply bar's links.
    pub fn control(self) -> String {
        format!("g-{}", self.field.name())
    }

    /// The hint's id.
    pub fn hint(self) -> String {
        format!("g-{}-hint", self.field.name())
    }

    /// The message list's id.
    pub fn messages(self) -> String {
        format!("g-{}-msgs", self.field.name())
    }

    /// The "remove" switch's id.
    pub fn clear(self) -> String {
        format!("g-{}-clear", self.field.name())
    }

    /// What a control is described by: its hint, then its messages.
    pub fn described_by(self) -> String {
        format!("{} {}", self.hint(), self.messages())
    }
}
