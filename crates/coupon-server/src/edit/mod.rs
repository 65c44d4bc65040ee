//! Creating, changing and deleting coupons through the API, validated by `coupon-rules`.
//!
//! An update reads the coupon, validates the request against it, and writes only if the coupon is
//! still the one it validated (same version, same use count); otherwise it starts over. So a rule
//! such as "only the memo may change after use" holds even when a use lands in between.

pub mod audit;
pub mod bulk;
mod code;
pub mod context;

use coupon_rules::formats::code::is_code;
use coupon_rules::{
    validate, Context, Coupon, ErrorCode, FieldError, Lang, Mode, PasswordChange, Report, UpdateRequest, YesNo,
};

use crate::redeem::password::{PasswordError, Passwords};
use crate::store::accounts::Account;
use crate::store::audits::{Actor, FieldChange};
use crate::store::coupons::Inserted;
use crate::store::webhooks::EventDraft;
use crate::store::{EditTrail, Store, StoreError};
use serde_json::Value;

/// How often an edit starts over when its coupon changed between reading and writing.
const MAX_TRIES: usize = 5;

/// Why an edit was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// Values of the wrong JSON type (each error names its field).
    #[error("wrong JSON types")]
    WrongTypes(Vec<FieldError>),
    /// The rules found errors (the report also carries the warnings).
    #[error("the request breaks {} rule(s)", .0.errors.len())]
    Rejected(Report),
    /// No such coupon for this account.
    #[error("no such coupon")]
    NotFound,
    /// The requested code is taken.
    #[error("the coupon code exists")]
    DuplicateCode,
    /// The coupon kept changing while we tried.
    #[error("the coupon keeps changing")]
    Busy,
    /// As many password hashings as allowed are under way.
    #[error("too many password checks at once")]
    PasswordsBusy,
    /// Hashing the store password failed.
    #[error(transparent)]
    Password(PasswordError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<PasswordError> for EditError {
    fn from(error: PasswordError) -> EditError {
        match error {
            PasswordError::Busy => EditError::PasswordsBusy,
            other => EditError::Password(other),
        }
    }
}

/// The services an edit needs.
#[derive(Clone, Copy)]
pub struct Editor<'a> {
    /// Where coupons are kept.
    pub store: &'a Store,
    /// Hashes new store passwords.
    pub passwords: &'a Passwords,
}

/// Values of the wrong JSON type, found before anything else (they make the body unreadable as a
/// request: 1001). The rules word the messages.
fn reject_wrong_types(request: &UpdateRequest, context: &Context, lang: Lang) -> Result<(), EditError> {
    if request.problems.is_empty() {
        return Ok(());
    }
    let report = validate(request, context, Mode::Update, lang);
    let wrong: Vec<FieldError> = report.errors.into_iter().filter(|e| e.code == ErrorCode::InvalidType).collect();
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(EditError::WrongTypes(wrong))
    }
}

fn checked(report: Report) -> Result<(), EditError> {
    if report.is_ok() {
        Ok(())
    } else {
        Err(EditError::Rejected(report))
    }
}

/// Applies a partial update; returns the coupon's code.
pub async fn update(
    editor: Editor<'_>,
    account: &Account,
    actor: &Actor,
    request: UpdateRequest,
    lang: Lang,
) -> Result<String, EditError> {
    let store = editor.store;
    let mut context = context::load(store, account, None).await?;
    reject_wrong_types(&request, &context, lang)?;
    let code = request.cpn_no.clone().unwrap_or_default();
    if !is_code(&code) {
        // Missing or malformed: there is nothing to look up, and the rules say what is wrong.
        checked(validate(&request, &context, Mode::Update, lang))?;
    }
    let mut new_hash: Option<String> = None;
    for _ in 0..MAX_TRIES {
        let stored = store.coupon(account.id, &code).await?.ok_or(EditError::NotFound)?;
        context.stored = Some(stored.coupon.clone());
        checked(validate(&request, &context, Mode::Update, lang))?;
        let edited = stored.coupon.updated_by(&request);
        let change = PasswordChange::of(&request);
        let password_changed = match &change {
            PasswordChange::Keep => false,
            PasswordChange::Clear => stored.password_hash.is_some(),
            PasswordChange::Set(_) => true,
        };
        let changes = audit::changes(&stored.coupon, &edited, password_changed);
        let password_hash = match change {
            PasswordChange::Keep => stored.password_hash.clone(),
            PasswordChange::Clear => None,
            PasswordChange::Set(password) => match &new_hash {
                Some(hash) => Some(hash.clone()),
                None => Some(new_hash.insert(editor.passwords.hash(password).await?).clone()),
            },
        };
        let event = (edited.webhook_enable_yn == YesNo::Yes).then(|| {
            EventDraft::updated(account.id, stored.id, &code, edited.grp_idx, &audit::changed_names(&changes))
        });
        let trail = EditTrail { actor: actor.clone(), changes, event };
        let written = store.update_coupon(stored.id, stored.expected(), edited, password_hash, trail).await?;
        if written {
            return Ok(code);
        }
    }
    Err(EditError::Busy)
}

/// Creates a coupon (with a new random code when none is given); returns its code.
pub async fn create(
    editor: Editor<'_>,
    account: &Account,
    actor: &Actor,
    request: UpdateRequest,
    lang: Lang,
) -> Result<String, EditError> {
    let store = editor.store;
    let context = context::load(store, account, None).await?;
    reject_wrong_types(&request, &context, lang)?;
    checked(validate(&request, &context, Mode::Create, lang))?;
    let given = request.cpn_no.clone().filter(|code| !code.is_empty());
    let password_hash = match PasswordChange::of(&request) {
        PasswordChange::Set(password) => Some(editor.passwords.hash(password).await?),
        PasswordChange::Keep | PasswordChange::Clear => None,
    };
    for _ in 0..MAX_TRIES {
        let code = given.clone().unwrap_or_else(code::generate);
        let blank = Coupon::with_defaults(code.clone(), context.today);
        let coupon = blank.updated_by(&request);
        // The history starts with the code (from nothing) and every field set beyond the defaults.
        let mut changes =
            vec![FieldChange::Value { field: "cpnNo".into(), old: Value::Null, new: code.clone().into() }];
        changes.extend(audit::changes(&blank, &coupon, password_hash.is_some()));
        match store.insert_coupon(account.id, coupon, password_hash.clone(), actor, changes).await? {
            Inserted::Created(_) => return Ok(code),
            Inserted::DuplicateCode if given.is_some() => return Err(EditError::DuplicateCode),
            // A generated code collided (36^16 codes: practically never): draw another.
            Inserted::DuplicateCode => continue,
        }
    }
    Err(EditError::Busy)
}

/// Deletes one of the account's coupons for good.
pub async fn delete(store: &Store, account: &Account, cpn_no: &str) -> Result<(), EditError> {
    let stored = store.coupon(account.id, cpn_no).await?.ok_or(EditError::NotFound)?;
    let coupon = &stored.coupon;
    let event = (coupon.webhook_enable_yn == YesNo::Yes)
        .then(|| EventDraft::deleted(account.id, stored.id, &coupon.cpn_no, coupon.grp_idx));
    if store.delete_coupon(stored.id, &coupon.cpn_no, event).await? {
        Ok(())
    } else {
        Err(EditError::NotFound)
    }
}
