//! The single writer with group commit.
//!
//! SQLite allows one writer at a time, and with `synchronous=FULL` every commit waits for an fsync
//! (about 1.3 ms on the benchmark machine: at most ~750 commits/s). So every write of the running
//! server goes to one task that takes all the writes waiting in its queue, runs them in one
//! transaction and commits once: one fsync for the whole batch. A write is answered only after its
//! batch has committed, so an answered write is durable.
//!
//! The writer heals: a batch runs in a task of its own, so a panicking job loses only its batch
//! (its callers get [`StoreError::WriterStopped`]); a connection that failed a batch and cannot roll
//! back, or that a panic took down, is replaced before the next batch.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, Executor, SqliteConnection};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::store::cache::{Caches, Stale};
use crate::store::{JobFuture, StoreError};

/// The most writes committed together.
const MAX_BATCH: usize = 256;
/// How many writes may wait for the writer before callers wait to enqueue.
const QUEUE: usize = 4096;
/// The longest pause between attempts to reopen a lost connection.
const MAX_REOPEN_PAUSE: Duration = Duration::from_secs(2);

/// A job's work: run on the connection, or told why its batch failed before its turn.
type Run = Box<dyn for<'c> FnOnce(Turn<'c>) -> Pin<Box<dyn Future<Output = Box<dyn Finished>> + Send + 'c>> + Send>;

/// A job's turn in its batch: the connection, or why the batch failed before it.
type Turn<'c> = Result<&'c mut SqliteConnection, String>;

/// One write waiting for the writer.
struct Job {
    run: Run,
    stale: Stale,
    /// The tests' injected fault: its batch's rollback "fails" and leaves the transaction open.
    fail_rollback: bool,
}

/// A job that has run, waiting for its batch to commit before it is answered.
trait Finished: Send {
    /// The job's error, if it failed.
    fn error(&self) -> Option<String>;
    /// Replaces the job's result by the batch's failure (it was rolled back); a job that failed
    /// keeps its own error.
    fn fail(&mut self, why: &str);
    /// Sends the result to the caller.
    fn answer(self: Box<Self>);
}

struct Outcome<T> {
    reply: oneshot::Sender<Result<T, StoreError>>,
    result: Result<T, StoreError>,
}

impl<T: Send> Finished for Outcome<T> {
    fn error(&self) -> Option<String> {
        self.result.as_ref().err().map(ToString::to_string)
    }

    fn fail(&mut self, why: &str) {
        if self.result.is_ok() {
            self.result = Err(StoreError::BatchFailed(why.to_owned()));
        }
    }

    fn answer(self: Box<Self>) {
        // The caller may have given up (client gone): nothing to do then.
        let _ = self.reply.send(self.result);
    }
}

/// A handle to the writer task; cheap to clone.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

/// Stops the writer once the jobs already queued are written.
pub struct WriterStop {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl WriterStop {
    /// Asks the writer to finish its queue, and waits until it has.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        if let Err(e) = self.task.await {
            tracing::warn!(error = %e, "the writer task failed");
        }
    }
}

/// Makes a job's closure higher-ranked over the connection's lifetime (closures infer that only
/// from a bound like this one).
fn run_fn<F>(f: F) -> Run
where
    F: for<'c> FnOnce(Turn<'c>) -> Pin<Box<dyn Future<Output = Box<dyn Finished>> + Send + 'c>> + Send + 'static,
{
    Box::new(f)
}

impl Writer {
    /// Starts the writer task on `conn` (reopened with `options` when lost). Committed writes
    /// invalidate what they made stale in `caches` before they are answered.
    pub fn start(conn: SqliteConnection, options: SqliteConnectOptions, caches: Arc<Caches>) -> (Writer, WriterStop) {
        let (jobs, queue) = mpsc::channel(QUEUE);
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(run(conn, options, queue, stopped, caches));
        (Writer { jobs }, WriterStop { stop, task })
    }

    /// Runs `job` in the writer's next transaction; answers once that transaction has committed,
    /// after the caches have forgotten `stale`. An error of the job rolls back its whole batch.
    pub async fn write<T, F>(&self, stale: Stale, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> JobFuture<'c, T> + Send + 'static,
    {
        self.submit(stale, false, job).await
    }

    /// A job whose batch fails to roll back, leaving the connection in an open transaction, as
    /// happens when a connection breaks: the writer must replace it (for the tests that show so).
    #[cfg(feature = "fault-injection")]
    pub async fn write_failing_rollback<T, F>(&self, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> JobFuture<'c, T> + Send + 'static,
    {
        self.submit(Stale::default(), true, job).await
    }

    async fn submit<T, F>(&self, stale: Stale, fail_rollback: bool, job: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> JobFuture<'c, T> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let run = run_fn(move |turn| {
            Box::pin(async move {
                let result = match turn {
                    Ok(conn) => job(conn).await,
                    Err(why) => Err(StoreError::BatchFailed(why)),
                };
                Box::new(Outcome { reply, result }) as Box<dyn Finished>
            })
        });
        self.jobs.send(Job { run, stale, fail_rollback }).await.map_err(|_| StoreError::WriterStopped)?;
        answer.await.map_err(|_| StoreError::WriterStopped)?
    }
}

async fn run(
    conn: SqliteConnection,
    options: SqliteConnectOptions,
    mut queue: mpsc::Receiver<Job>,
    mut stopped: oneshot::Receiver<()>,
    caches: Arc<Caches>,
) {
    let mut conn = Some(conn);
    let mut batch = Vec::with_capacity(MAX_BATCH);
    loop {
        let received = tokio::select! {
            received = queue.recv_many(&mut batch, MAX_BATCH) => received,
            _ = &mut stopped => {
                // Finish what is queued, accept nothing new.
                queue.close();
                queue.recv_many(&mut batch, MAX_BATCH).await
            }
        };
        if received == 0 {
            break;
        }
        let ready = match conn.take() {
            Some(ready) => ready,
            None => reopen(&options).await,
        };
        let jobs: Vec<Job> = std::mem::take(&mut batch);
        let caches = Arc::clone(&caches);
        // A batch of its own task: a panicking job takes down this batch, not the writer.
        match tokio::spawn(commit_batch(ready, jobs, caches)).await {
            Ok(kept) => conn = kept,
            Err(e) => tracing::error!(error = %e, "a write batch panicked; its writes were not made"),
        }
    }
    if let Some(conn) = conn {
        if let Err(e) = conn.close().await {
            tracing::warn!(error = %e, "closing the writer connection failed");
        }
    }
}

/// Opens the writer's connection again, waiting longer after each failure.
async fn reopen(options: &SqliteConnectOptions) -> SqliteConnection {
    let mut pause = Duration::from_millis(50);
    loop {
        match options.connect().await {
            Ok(conn) => {
                tracing::info!("the writer's connection is open again");
                return conn;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot reopen the writer's connection; trying again");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(MAX_REOPEN_PAUSE);
            }
        }
    }
}

/// Runs and commits one batch; returns the connection if it is still fit for the next one.
async fn commit_batch(mut conn: SqliteConnection, jobs: Vec<Job>, caches: Arc<Caches>) -> Option<SqliteConnection> {
    let mut stale = Stale::default();
    let mut finished: Vec<Box<dyn Finished>> = Vec::with_capacity(jobs.len());
    // Why the batch cannot commit, once known: the jobs after it do not run.
    let mut failure = conn.execute("BEGIN IMMEDIATE").await.err().map(|e| e.to_string());
    let began = failure.is_none();
    let fail_rollback = jobs.iter().any(|job| job.fail_rollback);
    for job in jobs {
        stale.merge(job.stale);
        let done = match &failure {
            Some(why) => (job.run)(Err(why.clone())).await,
            None => {
                let done = (job.run)(Ok(&mut conn)).await;
                failure = done.error();
                done
            }
        };
        finished.push(done);
    }
    if failure.is_none() {
        failure = conn.execute("COMMIT").await.err().map(|e| e.to_string());
    }
    let mut fit = true;
    if let Some(why) = failure {
        // An unexpected error (I/O, a full disk): nothing of this batch is kept, and every job of it
        // says so. Expected refusals (a taken code, a stale version) are answers, not errors.
        tracing::error!(error = %why, "a write batch failed");
        if began {
            let rolled_back = match fail_rollback {
                true => Err("an injected fault".to_owned()),
                false => conn.execute("ROLLBACK").await.map(drop).map_err(|e| e.to_string()),
            };
            if let Err(e) = rolled_back {
                tracing::error!(error = %e, "rolling back a failed batch failed; replacing the connection");
                fit = false;
            }
        }
        fit = fit && conn.ping().await.is_ok();
        finished.iter_mut().for_each(|f| f.fail(&why));
    }
    // Invalidate before answering: whoever sees the answer then reads the new state.
    caches.forget(&stale);
    finished.into_iter().for_each(|f| f.answer());
    fit.then_some(conn)
}
