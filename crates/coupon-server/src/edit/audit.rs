//! What an edit changed, field by field, for the coupon's history.

use coupon_rules::Coupon;
use serde_json::{Map, Value};

use crate::store::audits::FieldChange;

/// Fields that uses change, not edits, or that stand for the password (its own entry).
const NOT_EDITED: [&str; 3] = ["useCnt", "lastUsedAt", "hasOnsitePwd"];

fn fields(coupon: &Coupon) -> Map<String, Value> {
    match serde_json::to_value(coupon) {
        Ok(Value::Object(map)) => map,
        // A coupon always serializes to an object; nothing to compare otherwise.
        _ => Map::new(),
    }
}

/// Each field (in the API's names) whose value differs between `before` and `after`, with both
/// values; the store password only as changed.
pub fn changes(before: &Coupon, after: &Coupon, password_changed: bool) -> Vec<FieldChange> {
    let (old, new) = (fields(before), fields(after));
    let mut changes: Vec<FieldChange> = new
        .into_iter()
        .filter(|(field, _)| !NOT_EDITED.contains(&field.as_str()))
        .filter_map(|(field, new)| {
            let old = old.get(&field).cloned().unwrap_or(Value::Null);
            (old != new).then_some(FieldChange::Value { field, old, new })
        })
        .collect();
    if password_changed {
        changes.push(FieldChange::Secret { field: "onsitePwd".to_owned(), changed: true });
    }
    changes
}

/// The names of the changed fields, sorted (what a `coupon.updated` event tells: never a value).
pub fn changed_names(changes: &[FieldChange]) -> Vec<String> {
    let mut names: Vec<String> = changes
        .iter()
        .map(|change| match change {
            FieldChange::Secret { field, .. } | FieldChange::Value { field, .. } => field.clone(),
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use coupon_rules::Ymd;

    #[test]
    fn only_changed_fields_with_both_values_and_the_password_without() {
        let before = Coupon::with_defaults("ABCD1234".into(), Ymd::parse("2026-01-01").unwrap());
        let mut after = before.clone();
        after.nm = "New".into();
        after.memo = "note".into();
        after.use_cnt = 3;
        let found = changes(&before, &after, true);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.contains(&FieldChange::Value {
            field: "nm".into(),
            old: Value::String(before.nm.clone()),
            new: "New".into()
        }));
        assert!(found.contains(&FieldChange::Value { field: "memo".into(), old: "".into(), new: "note".into() }));
        assert!(found.contains(&FieldChange::Secret { field: "onsitePwd".into(), changed: true }));
        assert!(changes(&before, &before, false).is_empty());
        assert_eq!(changed_names(&found), ["memo", "nm", "onsitePwd"]);
    }
}
