//! Coupons named in a sentence: the first few codes in groups of four, then how many more, so a
//! finding about a group of thousands stays one readable line.

use coupon_rules::{group_code, Lang};

use crate::admin::i18n::group_texts;

/// How many codes a sentence names before it counts the rest.
pub const NAMED: usize = 3;

/// `DEMO-SPRI-NG00-0001, DEMO-SPRI-NG00-0002, DEMO-SPRI-NG00-0003 and 7 more`.
pub fn coupon_names<'a>(codes: impl ExactSizeIterator<Item = &'a str>, lang: Lang) -> String {
    let total = codes.len();
    let named: Vec<String> = codes.take(NAMED).map(group_code).collect();
    let named = named.join(", ");
    match total.saturating_sub(NAMED) {
        0 => named,
        more => (group_texts(lang).and_more)(&named, more),
    }
}
