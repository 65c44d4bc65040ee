//! The staff's "Use" button under load: 32 clients race on coupons limited to 5 uses, each coupon
//! getting 6 presses (so one of them must be refused), each press with its own idempotency key.
//! Afterwards every coupon's use count is read back: over-use must be 0.
//!
//! Store passwords are argon2id (deliberately ~20–30 ms of CPU each), so the throughput run uses
//! coupons without one; a second, shorter run measures coupons with a password.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use hyper::Method;
use serde_json::json;

use crate::cli::Settings;
use crate::client::Connection;
use crate::measure::{closed_loop, Client, Row};
use crate::seed;
use crate::server::ServerProcess;
use crate::LoadError;

/// Staff pressing at once in the throughput run.
pub const CLIENTS: usize = 32;
const LIMIT: usize = 5;
const PRESSES_PER_COUPON: usize = LIMIT + 1;
/// Coupons seeded for the throughput run (more than 10 s of presses use).
pub const COUPONS: usize = 16_000;
const PASSWORD: &str = "4821";
const PASSWORD_COUPONS: usize = 200;
const PASSWORD_CLIENTS: usize = 8;
const PASSWORD_SECONDS: u64 = 5;

/// What the clients share: the next press, and the code-0 answers per coupon.
struct Presses {
    next: Cell<usize>,
    granted: Vec<Cell<usize>>,
    paths: Vec<String>,
}

struct Staff {
    conn: Connection,
    presses: Rc<Presses>,
    password: Option<&'static str>,
}

impl Client for Staff {
    async fn step(&mut self) -> Result<bool, LoadError> {
        let press = self.presses.next.get();
        self.presses.next.set(press + 1);
        let coupon = (press / PRESSES_PER_COUPON) % self.presses.paths.len();
        let body = match self.password {
            Some(password) => json!({"onsitePwd": password, "idempotencyKey": format!("press-{press}")}),
            None => json!({"idempotencyKey": format!("press-{press}")}),
        };
        let granted = &self.presses.granted[coupon];
        match self.conn.code(Method::POST, &self.presses.paths[coupon], Some(&body)).await? {
            0 => {
                granted.set(granted.get() + 1);
                Ok(true)
            }
            // 1009: used up; 1007: the server's argon2 runs were all busy (bounded on purpose).
            1009 | 1007 => Ok(false),
            other => Err(LoadError::Seed(format!("use answered code {other}"))),
        }
    }
}

/// Measures uses; returns a row without and a row with store passwords.
pub async fn run(server: &ServerProcess, settings: &Settings) -> Result<Vec<Row>, LoadError> {
    let open = measure(server, settings.duration, COUPONS, CLIENTS, None).await?;
    let guarded =
        measure(server, Duration::from_secs(PASSWORD_SECONDS), PASSWORD_COUPONS, PASSWORD_CLIENTS, Some(PASSWORD))
            .await?;
    Ok(vec![open, guarded])
}

async fn measure(
    server: &ServerProcess,
    duration: Duration,
    coupons: usize,
    clients: usize,
    password: Option<&'static str>,
) -> Result<Row, LoadError> {
    let scenario = if password.is_some() { "use (store password)" } else { "use" };
    let options = UseRun { duration, coupons, clients, password, webhooks: false, scenario };
    Ok(measure_uses(server, &options).await?.0)
}

/// One closed-loop run of uses.
#[derive(Debug, Clone)]
pub struct UseRun {
    /// How long to press.
    pub duration: Duration,
    /// Coupons seeded for it (limited to 5 uses, pressed 6 times each).
    pub coupons: usize,
    /// Staff pressing at once.
    pub clients: usize,
    /// The coupons' store password, if any.
    pub password: Option<&'static str>,
    /// Whether the coupons send webhooks (`webhookEnableYn` Y).
    pub webhooks: bool,
    /// The row's name.
    pub scenario: &'static str,
}

/// Seeds the run's coupons and presses them; its row and how many uses were granted.
pub async fn measure_uses(server: &ServerProcess, run: &UseRun) -> Result<(Row, usize), LoadError> {
    let UseRun { duration, coupons, clients, password, webhooks, scenario } = run.clone();
    let codes = seed::create_coupons(server, coupons, |_| {
        let mut fields = json!({"onsiteYn": "Y", "useLimit": LIMIT, "userId": "load"});
        if let Some(password) = password {
            fields["onsitePwd"] = json!(password);
        }
        if webhooks {
            fields["webhookEnableYn"] = json!("Y");
        }
        fields
    })
    .await?;
    let presses = Rc::new(Presses {
        next: Cell::new(0),
        granted: (0..coupons).map(|_| Cell::new(0)).collect(),
        paths: codes.iter().map(|c| format!("/api/public/v1/coupons/{c}/use")).collect(),
    });
    let mut staff = Vec::with_capacity(clients);
    for i in 0..clients {
        staff.push(Staff {
            conn: Connection::open(server.addr_for(i), None).await?,
            presses: Rc::clone(&presses),
            password,
        });
    }
    let samples = closed_loop(staff, duration).await?;
    let over_use = count_over_use(server, &codes, &presses).await?;
    let note = format!(
        "limit {LIMIT}, {PRESSES_PER_COUPON} presses per coupon, {} coupons pressed; over-use: {over_use}",
        (presses.next.get() / PRESSES_PER_COUPON).min(coupons)
    );
    let granted = presses.granted.iter().map(Cell::get).sum();
    Ok((Row::new(scenario, clients, samples, duration, note), granted))
}

/// Coupons whose stored count or granted uses exceed the limit, or disagree with each other.
async fn count_over_use(server: &ServerProcess, codes: &[String], presses: &Presses) -> Result<usize, LoadError> {
    let mut conn = Connection::open(server.addr(), Some(server.key())).await?;
    let pressed = (presses.next.get().div_ceil(PRESSES_PER_COUPON)).min(codes.len());
    let mut bad = 0;
    for (code, granted) in codes.iter().zip(&presses.granted).take(pressed) {
        let answer = conn.send(Method::GET, &format!("/api/coupon/v1/get?cpnNo={code}"), None).await?;
        let stored = answer.result["useCnt"].as_u64().unwrap_or(u64::MAX) as usize;
        if stored > LIMIT || granted.get() > LIMIT || stored != granted.get() {
            bad += 1;
        }
    }
    Ok(bad)
}
