//! One call that changes a whole group of 10,000 coupons: the second vendor's `update_coupon` by
//! group (form-encoded, as its clients send it), and the admin API's `group-update` (JSON). Each is
//! timed from sending to the whole answer, which the server sends after the commit that holds every
//! change (WAL, `synchronous=FULL`). Every run changes the discount, expiry, allowed uses, products
//! and recurring flag to new values, so each one really writes all 10,000 rows; afterwards sample
//! coupons are read back.

use std::time::{Duration, Instant};

use hyper::Method;
use serde_json::{json, Value};

use crate::client::Connection;
use crate::measure::Timing;
use crate::seed;
use crate::server::ServerProcess;
use crate::LoadError;

/// Coupons in the group.
pub const COUPONS: usize = 10_000;
/// Calls timed per endpoint (odd, so the median is one of them).
const RUNS: usize = 7;
const GROUP: &str = "Load group";
const VENDOR_PATH: &str = "/2.1/product/update_coupon";
const ADMIN_PATH: &str = "/api/coupon/v1/group-update";
/// The goal for one call.
const GOAL: Duration = Duration::from_secs(1);

/// The change of run `n`: different values each time.
struct Change {
    discount: u32,
    expires: String,
    allowed_uses: u32,
    product_ids: String,
    recurring: u8,
}

impl Change {
    fn nth(n: usize, today: coupon_rules::Ymd) -> Change {
        Change {
            discount: 10 + n as u32,
            expires: today.add_days(40 + n as i64).to_string(),
            allowed_uses: 100 + n as u32,
            product_ids: format!("{},2000", 1000 + n),
            recurring: (n % 2) as u8,
        }
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("group", GROUP.to_owned()),
            ("discount_amount", self.discount.to_string()),
            ("expires", self.expires.clone()),
            ("allowed_uses", self.allowed_uses.to_string()),
            ("product_ids", self.product_ids.clone()),
            ("recurring", self.recurring.to_string()),
        ]
    }
}

/// The second vendor's credentials, and a form body with them first.
struct Credentials {
    vendor_id: i64,
    auth_code: String,
}

impl Credentials {
    fn form(&self, fields: &[(&str, String)]) -> String {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("vendor_id", &self.vendor_id.to_string()).append_pair("vendor_auth_code", &self.auth_code);
        for (name, value) in fields {
            form.append_pair(name, value);
        }
        form.finish()
    }
}

/// Seeds the group, then times both endpoints, alternating, `RUNS` times each.
pub async fn run(server: &ServerProcess) -> Result<Vec<Timing>, LoadError> {
    let (vendor_id, auth_code) = server.vendor_credentials().await?;
    let credentials = Credentials { vendor_id, auth_code };
    let mut admin = Connection::open(server.addr(), Some(server.key())).await?;
    let mut vendor = Connection::open(server.addr(), None).await?;
    let (today, group_idx) = seed_group(server, &credentials, &mut admin, &mut vendor).await?;

    let (mut vendor_runs, mut admin_runs) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    let mut last = Change::nth(0, today);
    for run in 0..RUNS {
        let change = Change::nth(2 * run, today);
        let form = credentials.form(&change.fields());
        let started = Instant::now();
        let answer = vendor.post_form(VENDOR_PATH, form).await?;
        vendor_runs.push(started.elapsed());
        expect_all_updated(&answer["response"]["updated"], &answer)?;

        let change = Change::nth(2 * run + 1, today);
        let body = Value::Object(change.fields().into_iter().map(|(k, v)| (k.to_owned(), json!(v))).collect());
        let started = Instant::now();
        let answer = admin.send(Method::POST, ADMIN_PATH, Some(&body)).await?;
        admin_runs.push(started.elapsed());
        expect_all_updated(&answer.result["updated"], &answer.result)?;
        last = change;
    }
    check_sample(&mut admin, group_idx, &last).await?;
    Ok(vec![
        timing("group-update (update_coupon, form)", vendor_runs, "vendor credentials"),
        timing("group-update (admin API, JSON)", admin_runs, "API key"),
    ])
}

/// The figures of one endpoint, with the goal (under one second) judged on the median.
fn timing(scenario: &str, runs: Vec<Duration>, how: &str) -> Timing {
    let mut timing = Timing { scenario: scenario.to_owned(), store: String::new(), runs, note: String::new() };
    let verdict = if timing.median() < GOAL { "met" } else { "missed" };
    timing.note =
        format!("{COUPONS} coupons per call, {how}; answered after the commit; read back: ok; goal < 1 s: {verdict}");
    timing
}

/// Makes the group as a client would (a first coupon moved into a new group by name), then fills it
/// through the API; returns today and the group's index.
async fn seed_group(
    server: &ServerProcess,
    credentials: &Credentials,
    admin: &mut Connection,
    vendor: &mut Connection,
) -> Result<(coupon_rules::Ymd, i64), LoadError> {
    let first = seed::create_coupons(server, 1, |_| json!({})).await?;
    let form = credentials.form(&[("coupon_code", first[0].clone()), ("new_group", GROUP.to_owned())]);
    let moved = vendor.post_form(VENDOR_PATH, form).await?;
    if moved["response"]["updated"] != 1 {
        return Err(LoadError::Seed(format!("moving a coupon into the group answered {moved}")));
    }
    let context = admin.send(Method::GET, "/api/coupon/v1/context", None).await?.result;
    let group = context["groups"].as_array().and_then(|groups| groups.iter().find(|g| g["name"] == GROUP));
    let idx = group.and_then(|g| g["idx"].as_i64()).ok_or_else(|| LoadError::Seed(format!("no group: {context}")))?;
    let today = context["today"].as_str().and_then(|t| coupon_rules::Ymd::parse(t).ok());
    let today = today.ok_or_else(|| LoadError::Seed(format!("no date: {context}")))?;
    seed::create_coupons(server, COUPONS - 1, |_| json!({"grpIdx": idx})).await?;
    Ok((today, idx))
}

fn expect_all_updated(updated: &Value, answer: &Value) -> Result<(), LoadError> {
    if updated.as_u64() == Some(COUPONS as u64) {
        Ok(())
    } else {
        Err(LoadError::Seed(format!("a group update answered {answer}")))
    }
}

/// The first, a middle and the last coupon of the group carry the last change.
async fn check_sample(admin: &mut Connection, group_idx: i64, last: &Change) -> Result<(), LoadError> {
    let mut coupons: Vec<Value> = Vec::new();
    let mut after = String::new();
    loop {
        let path = format!("/api/coupon/v1/list?grpIdx={group_idx}&limit=500{after}");
        let page = admin.send(Method::GET, &path, None).await?.result;
        coupons.extend(page["coupons"].as_array().cloned().unwrap_or_default());
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => break,
        }
    }
    if coupons.len() != COUPONS {
        return Err(LoadError::Seed(format!("the group lists {} coupons", coupons.len())));
    }
    for coupon in [&coupons[0], &coupons[COUPONS / 2], &coupons[COUPONS - 1]] {
        let carries = coupon["disc"].as_f64() == Some(f64::from(last.discount))
            && coupon["endYmd"].as_str() == Some(last.expires.as_str())
            && coupon["allowedUses"].as_u64() == Some(u64::from(last.allowed_uses))
            && coupon["recurring"].as_bool() == Some(last.recurring == 1);
        if !carries {
            return Err(LoadError::Seed(format!("a coupon missed the last change: {coupon}")));
        }
    }
    Ok(())
}
