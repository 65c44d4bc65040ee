//! The single writer with group commit.
//!
//! SQLite allows one writer at a time, and with `synchronous=FULL` every commit waits for an fsync
//! (about 1.3 ms on the benchmark machine: at most ~750 commits/s). So every write of the running
//! server goes to one task that takes all the writes waiting in its queue, runs them in one
//! transaction and commits once: one fsync for the whole batch. A write is answered only after its batch has committed, so
//! an answered write is durable.

use std::sync::Arc;

use coupon_rules::Coupon;
use sqlx::{Executor, SqliteConnection};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use super::bulk::{self, BulkOutcome, BulkUpdate};
use super::coupons::{self, Expected, Inserted};
use super::uses::{self, NewUse, UseOutcome};
use super::StoreError;
use crate::cache::{AccountCache, PublicCache};

/// The most writes committed together.
const MAX_BATCH: usize = 256;
/// How many writes may wait for the writer before callers wait to enqueue.
const QUEUE: usize = 4096;

type Reply<T> = oneshot::Sender<Result<T, StoreError>>;

enum Job {
    Insert { account_id: i64, coupon: Box<Coupon>, password_hash: Option<String>, reply: Reply<Inserted> },
    Update { id: i64, expected: Expected, coupon: Box<Coupon>, password_hash: Option<String>, reply: Reply<bool> },
    Delete { id: i64, cpn_no: String, reply: Reply<bool> },
    Use { cpn_no: String, new: NewUse, reply: Reply<UseOutcome> },
    Bulk { update: Box<BulkUpdate>, reply: Reply<BulkOutcome> },
}

/// What a batch's jobs make stale in the caches.
#[derive(Default)]
struct Stale {
    /// Codes whose cached public views go.
    codes: Vec<String>,
    /// Accounts whose cached groups go.
    catalogs: Vec<i64>,
}

impl Job {
    /// Notes what the job writes: the codes of its coupons (old and new), and its account's groups
    /// when it may create one.
    fn note_stale(&self, stale: &mut Stale) {
        match self {
            Job::Insert { coupon, .. } | Job::Update { coupon, .. } => stale.codes.push(coupon.cpn_no.clone()),
            Job::Delete { cpn_no, .. } | Job::Use { cpn_no, .. } => stale.codes.push(cpn_no.clone()),
            Job::Bulk { update, .. } => {
                stale.codes.extend(update.codes.iter().cloned());
                stale.codes.extend(update.changes.new_code.iter().cloned());
                if update.changes.new_group.is_some() {
                    stale.catalogs.push(update.account_id);
                }
            }
        }
    }

    fn fail(self, error: StoreError) -> Box<dyn Finished> {
        match self {
            Job::Insert { reply, .. } => Box::new(Outcome { reply, result: Err(error) }),
            Job::Update { reply, .. } | Job::Delete { reply, .. } => Box::new(Outcome { reply, result: Err(error) }),
            Job::Use { reply, .. } => Box::new(Outcome { reply, result: Err(error) }),
            Job::Bulk { reply, .. } => Box::new(Outcome { reply, result: Err(error) }),
        }
    }
}

/// A job that has run, waiting for its batch to commit before it is answered.
trait Finished: Send {
    /// The job's error, if it failed.
    fn error(&self) -> Option<String>;
    /// Replaces the job's result by the batch's failure (it was rolled back).
    fn fail(&mut self, why: &str);
    fn answer(self: Box<Self>);
}

struct Outcome<T> {
    reply: Reply<T>,
    result: Result<T, StoreError>,
}

impl<T: Send> Finished for Outcome<T> {
    fn error(&self) -> Option<String> {
        self.result.as_ref().err().map(ToString::to_string)
    }

    fn fail(&mut self, why: &str) {
        self.result = Err(StoreError::BatchFailed(why.to_owned()));
    }

    fn answer(self: Box<Self>) {
        // The caller may have given up (client gone): nothing to do then.
        let _ = self.reply.send(self.result);
    }
}

/// A handle to the writer task; cheap to clone. The task ends when every handle is dropped.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer task on its own connection. Committed writes invalidate the public views
    /// in `cache` and the groups in `accounts`.
    pub fn start(conn: SqliteConnection, cache: PublicCache, accounts: Arc<AccountCache>) -> (Writer, JoinHandle<()>) {
        let (jobs, queue) = mpsc::channel(QUEUE);
        let task = tokio::spawn(run(conn, queue, Caches { public: cache, accounts }));
        (Writer { jobs }, task)
    }

    async fn submit<T>(&self, job: impl FnOnce(Reply<T>) -> Job) -> Result<T, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(job(reply)).await.map_err(|_| StoreError::WriterStopped)?;
        answer.await.map_err(|_| StoreError::WriterStopped)?
    }

    /// Stores a new coupon.
    pub async fn insert(
        &self,
        account_id: i64,
        coupon: Coupon,
        password_hash: Option<String>,
    ) -> Result<Inserted, StoreError> {
        self.submit(|reply| Job::Insert { account_id, coupon: Box::new(coupon), password_hash, reply }).await
    }

    /// Writes an edited coupon if it is still as `expected`; returns whether it was.
    pub async fn update(
        &self,
        id: i64,
        expected: Expected,
        coupon: Coupon,
        password_hash: Option<String>,
    ) -> Result<bool, StoreError> {
        self.submit(|reply| Job::Update { id, expected, coupon: Box::new(coupon), password_hash, reply }).await
    }

    /// Deletes a coupon; returns whether it existed.
    pub async fn delete(&self, id: i64, cpn_no: String) -> Result<bool, StoreError> {
        self.submit(|reply| Job::Delete { id, cpn_no, reply }).await
    }

    /// Uses a coupon once (see [`uses::record`]).
    pub async fn use_coupon(&self, cpn_no: String, new: NewUse) -> Result<UseOutcome, StoreError> {
        self.submit(|reply| Job::Use { cpn_no, new, reply }).await
    }

    /// Writes one change to a selection of coupons if it is still as validated (see [`bulk::apply`]).
    /// All or nothing, whatever else shares its batch.
    pub async fn bulk_update(&self, update: BulkUpdate) -> Result<BulkOutcome, StoreError> {
        self.submit(|reply| Job::Bulk { update: Box::new(update), reply }).await
    }
}

/// The caches a commit makes stale.
struct Caches {
    public: PublicCache,
    accounts: Arc<AccountCache>,
}

async fn run(mut conn: SqliteConnection, mut queue: mpsc::Receiver<Job>, caches: Caches) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        commit_batch(&mut conn, batch.drain(..), &caches).await;
    }
    if let Err(e) = sqlx::Connection::close(conn).await {
        tracing::warn!(error = %e, "closing the writer connection failed");
    }
}

async fn commit_batch(conn: &mut SqliteConnection, jobs: impl Iterator<Item = Job>, caches: &Caches) {
    let mut stale = Stale::default();
    let mut finished: Vec<Box<dyn Finished>> = Vec::new();
    // Why the batch cannot commit, once known: the jobs after it do not run.
    let mut failure = conn.execute("BEGIN IMMEDIATE").await.err().map(|e| e.to_string());
    for job in jobs {
        job.note_stale(&mut stale);
        match &failure {
            Some(why) => finished.push(job.fail(StoreError::BatchFailed(why.clone()))),
            None => {
                let done = run_job(conn, job).await;
                failure = done.error();
                finished.push(done);
            }
        }
    }
    if failure.is_none() {
        failure = conn.execute("COMMIT").await.err().map(|e| e.to_string());
    }
    if let Some(why) = failure {
        // An unexpected error (I/O, a full disk): nothing of this batch is kept, and every job of it
        // says so. Expected refusals (a taken code, a stale version) are answers, not errors.
        tracing::error!(error = %why, "a write batch failed");
        let _ = conn.execute("ROLLBACK").await;
        finished.iter_mut().for_each(|f| f.fail(&why));
    }
    // Invalidate before answering: whoever sees the answer then reads the new state.
    caches.public.invalidate(stale.codes.iter().map(String::as_str));
    stale.catalogs.iter().for_each(|account_id| caches.accounts.forget_catalog(*account_id));
    finished.into_iter().for_each(|f| f.answer());
}

async fn run_job(conn: &mut SqliteConnection, job: Job) -> Box<dyn Finished> {
    match job {
        Job::Insert { account_id, coupon, password_hash, reply } => {
            let result = coupons::insert(conn, account_id, &coupon, password_hash.as_deref()).await;
            Box::new(Outcome { reply, result })
        }
        Job::Update { id, expected, coupon, password_hash, reply } => {
            let result = coupons::update(conn, id, expected, &coupon, password_hash.as_deref()).await;
            Box::new(Outcome { reply, result })
        }
        Job::Delete { id, reply, .. } => Box::new(Outcome { reply, result: coupons::delete(conn, id).await }),
        Job::Use { new, reply, .. } => Box::new(Outcome { reply, result: uses::record(conn, &new).await }),
        Job::Bulk { update, reply } => Box::new(Outcome { reply, result: bulk::apply(conn, &update).await }),
    }
}
