//! The form's data without the reactive wiring: a coupon written as the texts its inputs show, and
//! the request those texts make once the admin has typed. Every check is `coupon-rules`'; here is
//! only the translation between inputs and the API's request.

use std::collections::BTreeMap;

use coupon_rules::{normalize_code, Coupon, DiscountType, Field, Mode, UpdateRequest};

/// What each input of the form holds, by field.
pub type FieldTexts = BTreeMap<Field, String>;

/// The fields the form has an input for: every field of the request, the code only when creating
/// (when editing, the code names the coupon and is not editable).
pub fn editable_fields(mode: Mode) -> impl Iterator<Item = Field> {
    Field::ALL.iter().copied().filter(move |field| mode == Mode::Create || *field != Field::CpnNo)
}

/// The texts the inputs start from: the stored coupon's values (update), or the API's defaults with
/// the values a new coupon has to be given left empty (create). The password is never known: empty.
pub fn texts_of(coupon: &Coupon, mode: Mode) -> FieldTexts {
    let creating = mode == Mode::Create;
    editable_fields(mode)
        .map(|field| {
            let text = match field {
                Field::CpnNo => String::new(),
                Field::Nm => coupon.nm.clone(),
                Field::Disc if creating => String::new(),
                Field::Disc => number_text(coupon.disc),
                Field::DiscTypeIdx => coupon.disc_type_idx.idx().to_string(),
                Field::DiscCurrency => coupon.disc_currency.code().to_owned(),
                Field::StrtYmd => coupon.strt_ymd.to_string(),
                Field::EndYmd => coupon.end_ymd.map(|end| end.to_string()).unwrap_or_default(),
                Field::UseLimit => coupon.use_limit.to_string(),
                Field::GrpIdx => coupon.grp_idx.to_string(),
                Field::TmplIdx => coupon.tmpl_idx.to_string(),
                Field::OnsiteYn => coupon.onsite_yn.as_str().to_owned(),
                Field::OnsitePwd => String::new(),
                Field::Memo => coupon.memo.clone(),
                Field::Url => coupon.url.clone(),
                Field::Color => coupon.color.clone(),
                Field::Background => coupon.background.clone(),
                Field::UserId => coupon.user_id.clone(),
                Field::UserNm => coupon.user_nm.clone(),
                Field::UserPhnno => coupon.user_phnno.clone(),
                Field::UserEml => coupon.user_eml.clone(),
                Field::UserEtc1 => coupon.user_etc1.clone(),
                Field::UserEtc2 => coupon.user_etc2.clone(),
                Field::Domain => coupon.domain.clone(),
                Field::WebhookEnableYn => coupon.webhook_enable_yn.as_str().to_owned(),
            };
            (field, text)
        })
        .collect()
}

/// A number as an admin would type it: `10`, `12.5`, `5000`.
fn number_text(value: f64) -> String {
    // Rust prints the shortest text that reads back as the same f64, without exponent for these sizes.
    let text = value.to_string();
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// What the form's texts ask of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Intent<'a> {
    /// Update or create.
    pub mode: Mode,
    /// The coupon's code (update); ignored when creating.
    pub cpn_no: &'a str,
    /// Whether the admin asked to remove the stored password.
    pub remove_password: bool,
}

/// The request the form sends. Update: the code and only the fields whose text differs from where
/// it started (absent = unchanged). Create: every field with a text (absent = the API's default), the
/// code normalised as people type it. Numbers go through `set_input`, so text that is not a number
/// becomes the rules' `invalid_type` finding on its field.
pub fn request(intent: Intent<'_>, initial: &FieldTexts, current: &FieldTexts) -> UpdateRequest {
    let mut request = UpdateRequest::default();
    match intent.mode {
        Mode::Update => {
            request.cpn_no = Some(intent.cpn_no.to_owned());
            for (field, text) in current {
                if *field != Field::OnsitePwd && initial.get(field) != Some(text) {
                    request.set_input(*field, text);
                }
            }
            // A fixed amount needs its currency in the same request: when the type is switched to
            // one, the currency the select shows goes along even if it is the stored one.
            if request.disc_type_idx == Some(DiscountType::FixedAmount.idx()) && request.disc_currency.is_none() {
                if let Some(currency) = current.get(&Field::DiscCurrency) {
                    request.set_input(Field::DiscCurrency, currency);
                }
            }
        }
        Mode::Create => {
            for (field, text) in current.iter().filter(|(_, text)| !text.is_empty()) {
                match field {
                    Field::CpnNo => request.set_input(*field, &normalize_code(text)),
                    Field::OnsitePwd => {}
                    _ => request.set_input(*field, text),
                }
            }
        }
    }
    // The password input is empty unless a new one is typed; "remove" sends the empty password.
    match current.get(&Field::OnsitePwd).map(String::as_str) {
        Some(password) if !password.is_empty() => request.set_input(Field::OnsitePwd, password),
        _ if intent.remove_password && intent.mode == Mode::Update => request.set_input(Field::OnsitePwd, ""),
        _ => {}
    }
    request
}

/// Whether the form holds anything not saved yet.
pub fn is_dirty(initial: &FieldTexts, current: &FieldTexts, remove_password: bool) -> bool {
    remove_password || initial != current
}

#[cfg(test)]
mod tests {
    use super::*;
    use coupon_rules::Ymd;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn stored() -> Coupon {
        Coupon {
            nm: "Spring".into(),
            disc: 12.5,
            end_ymd: Ymd::parse("2026-12-31").ok(),
            has_onsite_pwd: true,
            ..Coupon::with_defaults("ABCD1234".into(), Ymd::parse("2026-11-01").unwrap())
        }
    }

    #[wasm_bindgen_test]
    fn update_sends_the_code_and_only_what_changed() {
        let initial = texts_of(&stored(), Mode::Update);
        assert_eq!(initial[&Field::Disc], "12.5");
        assert!(!initial.contains_key(&Field::CpnNo));
        let mut current = initial.clone();
        current.insert(Field::EndYmd, "2027-01-31".into());
        current.insert(Field::Disc, "abc".into());
        let intent = Intent { mode: Mode::Update, cpn_no: "ABCD1234", remove_password: false };
        let request = request(intent, &initial, &current);
        assert_eq!(request.cpn_no.as_deref(), Some("ABCD1234"));
        assert_eq!(request.end_ymd.as_deref(), Some("2027-01-31"));
        assert_eq!(request.nm, None);
        assert_eq!(request.problems.len(), 1, "the non-number is kept as a problem");
        assert!(is_dirty(&initial, &current, false));
        assert!(!is_dirty(&initial, &initial, false));
    }

    #[wasm_bindgen_test]
    fn switching_to_a_fixed_amount_sends_the_currency_shown() {
        // Stored: a percentage with the default currency (KRW), which the select already shows.
        let initial = texts_of(&stored(), Mode::Update);
        assert_eq!(initial[&Field::DiscCurrency], "KRW");
        let mut current = initial.clone();
        current.insert(Field::DiscTypeIdx, "458".into());
        current.insert(Field::Disc, "5000".into());
        let intent = Intent { mode: Mode::Update, cpn_no: "ABCD1234", remove_password: false };
        let sent = request(intent, &initial, &current);
        assert_eq!(sent.disc_type_idx, Some(458));
        assert_eq!(sent.disc_currency.as_deref(), Some("KRW"));
        // A percentage change alone does not drag the currency along.
        let mut percent = initial.clone();
        percent.insert(Field::Disc, "20".into());
        assert_eq!(request(intent, &initial, &percent).disc_currency, None);
    }

    #[wasm_bindgen_test]
    fn passwords_are_sent_only_when_typed_or_removed() {
        let initial = texts_of(&stored(), Mode::Update);
        let keep = Intent { mode: Mode::Update, cpn_no: "ABCD1234", remove_password: false };
        assert_eq!(request(keep, &initial, &initial).onsite_pwd, None);
        let remove = Intent { remove_password: true, ..keep };
        assert_eq!(request(remove, &initial, &initial).onsite_pwd.as_deref(), Some(""));
        let mut typed = initial.clone();
        typed.insert(Field::OnsitePwd, "2468".into());
        assert_eq!(request(keep, &initial, &typed).onsite_pwd.as_deref(), Some("2468"));
    }

    #[wasm_bindgen_test]
    fn create_sends_every_filled_field_and_normalises_the_code() {
        let defaults = Coupon::with_defaults(String::new(), Ymd::parse("2026-11-01").unwrap());
        let initial = texts_of(&defaults, Mode::Create);
        assert_eq!(initial[&Field::Disc], "");
        let mut current = initial.clone();
        current.insert(Field::CpnNo, "abcd-1234".into());
        current.insert(Field::Nm, "New".into());
        let intent = Intent { mode: Mode::Create, cpn_no: "", remove_password: false };
        let request = request(intent, &initial, &current);
        assert_eq!(request.cpn_no.as_deref(), Some("ABCD1234"));
        assert_eq!(request.nm.as_deref(), Some("New"));
        assert_eq!(request.disc_type_idx, Some(457));
        assert_eq!(request.end_ymd, None);
    }
}
