//! The demo data of `serve --demo`: an account, its API key and vendor credentials, groups, a
//! template, a coupon in every state and three in the group "Spring sale", with dates relative to
//! today in Asia/Seoul. Seeded only into a database without accounts. The coupons go through the
//! same rules and code as an API create.

use std::collections::HashMap;

use chrono::{Duration, SecondsFormat, Utc};
use coupon_rules::{
    validate, Context, Coupon, Group, Lang, Mode, PasswordChange, Plan, Template, TemplateContent, UpdateRequest, Ymd,
};
use serde_json::{json, Value};

use crate::clock;
use crate::keys;
use crate::redeem::password::{PasswordError, Passwords};
use crate::store::accounts::NewAccount;
use crate::store::demo_seed::{DemoCoupon, DemoSeed};
use crate::store::{Store, StoreError};

/// The demo account's API key (stored hashed like any other).
pub const API_KEY: &str = "demo-key-7f3a9c2e5b1d4086";
/// The coupon the demo opens first: active, with a store password.
pub const FEATURED_COUPON: &str = "DEMOACTIVE000001";
/// The store password of the demo's on-site coupons.
pub const STORE_PASSWORD: &str = "1234";
/// The demo account's vendor_id in the second vendor's dialect.
pub const VENDOR_ID: i64 = 4242;
/// The demo account's vendor_auth_code (stored hashed like any other).
pub const VENDOR_AUTH_CODE: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

/// What seeding did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seeding {
    /// The demo was seeded now.
    Seeded,
    /// The database already had accounts: nothing was added.
    AlreadyHadAccounts,
}

/// Why the demo could not be seeded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Hashing a store password failed.
    #[error(transparent)]
    Password(#[from] PasswordError),
    /// A demo coupon breaks a rule (a bug in this file).
    #[error("demo coupon {code} breaks the rules: {codes:?}")]
    Invalid {
        /// The coupon.
        code: String,
        /// The rules it breaks.
        codes: Vec<String>,
    },
}

fn groups() -> Vec<Group> {
    vec![
        Group {
            idx: 1,
            name: "VIP".into(),
            color: "#FFD700FF".into(),
            background: "#1A1A1AFF".into(),
            url: "https://example.com/vip".into(),
        },
        Group {
            idx: 2,
            name: "Spring sale".into(),
            color: String::new(),
            background: String::new(),
            url: String::new(),
        },
    ]
}

fn templates() -> Vec<Template> {
    vec![Template {
        idx: 1,
        content: TemplateContent {
            title: "Welcome offer".into(),
            description: "A thank-you for joining us: 10% off everything in the shop.".into(),
            usage: "Show this coupon at the till before paying. Staff will tap \"Use Coupon\" and enter the store \
                    password."
                .into(),
            precautions: "One use per coupon. Cannot be combined with other offers or exchanged for cash.".into(),
        },
    }]
}

/// The demo coupons as create requests, and whether each has been used once already.
fn coupons(today: Ymd) -> Vec<(Value, bool)> {
    let day = |offset: i64| today.add_days(offset).to_string();
    vec![
        (
            json!({"cpnNo": "DEMOACTIVE000001", "nm": "10% off everything", "discTypeIdx": 457, "disc": 10,
                   "onsiteYn": "Y", "onsitePwd": STORE_PASSWORD, "useLimit": 1, "url": "https://example.com/shop",
                   "color": "#FFFFFFFF", "background": "#1E3A8AFF", "tmplIdx": 1,
                   "strtYmd": day(-7), "endYmd": day(30)}),
            false,
        ),
        (
            json!({"cpnNo": "DEMOLIMIT3000003", "nm": "₩5,000 off", "discTypeIdx": 458, "disc": 5000,
                   "discCurrency": "KRW", "onsiteYn": "Y", "onsitePwd": STORE_PASSWORD, "useLimit": 3,
                   "userId": "demo-user", "url": "https://example.com/shop", "color": "#1F2937FF",
                   "background": "#FEF3C7FF", "strtYmd": day(-1), "endYmd": day(60)}),
            false,
        ),
        (
            json!({"cpnNo": "DEMOSCHEDULED001", "nm": "Spring preview", "discTypeIdx": 457, "disc": 20,
                   "onsiteYn": "Y", "onsitePwd": STORE_PASSWORD, "strtYmd": day(10), "endYmd": day(40)}),
            false,
        ),
        (
            json!({"cpnNo": "DEMOEXPIRED00001", "nm": "Last season", "discTypeIdx": 457, "disc": 15,
                   "strtYmd": day(-60), "endYmd": day(-1)}),
            false,
        ),
        (
            json!({"cpnNo": "DEMOUSED00000001", "nm": "Used welcome gift", "discTypeIdx": 458, "disc": 5,
                   "discCurrency": "USD", "useLimit": 1, "onsiteYn": "Y", "onsitePwd": STORE_PASSWORD,
                   "strtYmd": day(-7), "endYmd": day(30)}),
            true,
        ),
        (
            json!({"cpnNo": "DEMONOURL0000001", "nm": "$5.00 off at the counter", "discTypeIdx": 458, "disc": 5,
                   "discCurrency": "USD", "onsiteYn": "N", "strtYmd": day(0), "endYmd": day(30)}),
            false,
        ),
        (
            json!({"cpnNo": "DEMOGROUP0000001", "nm": "VIP night", "discTypeIdx": 457, "disc": 25, "grpIdx": 1,
                   "onsiteYn": "Y", "onsitePwd": STORE_PASSWORD, "strtYmd": day(-1), "endYmd": day(30)}),
            false,
        ),
        (
            json!({"cpnNo": "DEMOOPEN00000001", "nm": "Open house", "discTypeIdx": 457, "disc": 5,
                   "onsiteYn": "Y", "useLimit": 0, "strtYmd": day(-1), "endYmd": day(30)}),
            false,
        ),
    ]
    .into_iter()
    .chain(spring_sale(today).into_iter().map(|spec| (spec, false)))
    .collect()
}

/// The group "Spring sale" (2): three active, unused percentage coupons to try a group update on.
fn spring_sale(today: Ymd) -> Vec<Value> {
    [(1, 10), (2, 15), (3, 20)]
        .into_iter()
        .map(|(n, percent)| {
            json!({"cpnNo": format!("DEMOSPRING00000{n}"), "nm": format!("Spring sale {percent}% off"),
                   "discTypeIdx": 457, "disc": percent, "grpIdx": 2, "onsiteYn": "Y", "onsitePwd": STORE_PASSWORD,
                   "strtYmd": today.add_days(-1).to_string(), "endYmd": today.add_days(30).to_string()})
        })
        .collect()
}

/// Seeds the demo into a database that has no account yet.
pub async fn seed_if_empty(store: &Store, passwords: &Passwords) -> Result<Seeding, DemoError> {
    if store.has_accounts().await? {
        return Ok(Seeding::AlreadyHadAccounts);
    }
    let zone = chrono_tz::Asia::Seoul;
    let account = NewAccount { name: "Demo Shop".into(), plan: Plan::Business, timezone: zone, global_webhook: false };
    let today = clock::today_in(zone);
    let context = Context {
        today,
        plan: account.plan,
        timezone: zone.name().to_owned(),
        global_webhook: account.global_webhook,
        stored: None,
        groups: Some(groups()),
        templates: Some(templates()),
    };
    // The demo coupons share one store password: hash it once (argon2 is slow on purpose).
    let mut hashes: HashMap<String, String> = HashMap::new();
    let mut demo_coupons = Vec::new();
    for (spec, used) in coupons(today) {
        // Every spec is a JSON object, and any object parses as a request.
        let request: UpdateRequest = serde_json::from_value(spec).expect("a JSON object parses as a request");
        let code = request.cpn_no.clone().unwrap_or_default();
        let report = validate(&request, &context, Mode::Create, Lang::En);
        if !report.is_ok() {
            let codes = report.errors.iter().map(|e| format!("{}: {}", e.field, e.code)).collect();
            return Err(DemoError::Invalid { code, codes });
        }
        let mut coupon = Coupon::with_defaults(code, today).updated_by(&request);
        let password_hash = match PasswordChange::of(&request) {
            PasswordChange::Set(password) => match hashes.get(&password) {
                Some(hash) => Some(hash.clone()),
                None => Some(hashes.entry(password.clone()).or_insert(passwords.hash(password).await?).clone()),
            },
            PasswordChange::Keep | PasswordChange::Clear => None,
        };
        let used_at = used.then(|| (Utc::now() - Duration::days(1)).to_rfc3339_opts(SecondsFormat::Secs, true));
        if let Some(used_at) = &used_at {
            coupon.use_cnt = 1;
            coupon.last_used_at = Some(used_at.clone());
        }
        demo_coupons.push(DemoCoupon { coupon, password_hash, used_at });
    }
    let seed = DemoSeed {
        account,
        api_key_digest: keys::digest(API_KEY),
        vendor_id: VENDOR_ID,
        vendor_auth_digest: keys::digest(VENDOR_AUTH_CODE),
        groups: groups(),
        templates: templates(),
        coupons: demo_coupons,
    };
    store.seed_demo(seed).await?;
    Ok(Seeding::Seeded)
}
