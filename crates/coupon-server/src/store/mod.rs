//! The store: the one seam between the server and its database, SQLite or PostgreSQL.
//!
//! [`Store`] owns the connections, SQLite's single writer and the caches; handlers and services
//! call its methods and never sqlx. Both drivers run the same SQL (`queries/`, compiled once per
//! driver); what differs is how a write reaches the database: on SQLite through one writer task
//! that commits batches (group commit), on PostgreSQL as a transaction of its own per write, so
//! that any number of servers can share the database.

pub mod accounts;
pub mod audits;
pub mod bulk;
mod cache;
pub mod catalog;
pub mod coupons;
pub mod demo_seed;
mod error;
pub mod guesses;
pub mod postgres;
mod public;
pub mod search;
pub mod sqlite;
mod target;
pub mod uses;
pub mod webhooks;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use coupon_rules::Coupon;

use crate::clock;
use crate::views::PublicSource;
use accounts::{Account, ApiKeyInfo, KeyHolder, NewAccount};
use audits::{Actor, FieldChange, HistoryMark, HistoryPage, NewAudit};
use bulk::{BulkOutcome, BulkUpdate};
use cache::{AccountKey, Caches, Stale};
use catalog::Catalog;
use coupons::{Expected, Inserted, Page, StoredCoupon};
use demo_seed::DemoSeed;
pub use error::StoreError;
use guesses::{Admitted, GuessId, GuessLimits, Locked};
use postgres::PgStore;
use search::{Results, SearchQuery};
use sqlite::SqliteStore;
pub use target::{DbTarget, TargetError};
use uses::{NewUse, UndoOutcome, UseOutcome, UseRecord};
use webhooks::{
    Attempt, ConfigChange, DeliveryLog, Destination, EventDraft, EventSummary, LeasedEvent, Next, WebhookConfig,
};

/// What a write's closure returns: the future of its result, borrowing a connection.
pub type JobFuture<'c, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'c>>;

/// How the store uses its database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Connections at most (SQLite: readers; PostgreSQL: readers and writers).
    pub max_connections: u32,
    /// How long a request waits for a connection before it fails.
    pub acquire_timeout: Duration,
    /// How long one PostgreSQL statement may run.
    pub statement_timeout: Duration,
}

impl PoolSettings {
    /// The defaults for a kind of store: 8 SQLite readers (both cores busy while some wait on the
    /// disk), 16 PostgreSQL connections; 5 s to get one; 30 s per statement.
    pub fn default_for(target: &DbTarget) -> PoolSettings {
        let max_connections = match target {
            DbTarget::Sqlite(_) => 8,
            DbTarget::Postgres(_) => 16,
        };
        PoolSettings {
            max_connections,
            acquire_timeout: Duration::from_secs(5),
            statement_timeout: Duration::from_secs(30),
        }
    }
}

/// A failure [`Store::inject`] can cause.
#[cfg(feature = "fault-injection")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// SQLite: a batch whose rollback fails, as on a broken connection (the writer must replace
    /// it). PostgreSQL: the database cuts every connection of the pool.
    BrokenConnection,
    /// A write that panics in the middle of its transaction (SQLite: of the writer's batch).
    PanickingWrite,
}

/// What an edit writes beside the coupon, in the same transaction: its audit row (by `actor`, of
/// `changes`; none when nothing changed) and its `coupon.updated` event (when webhooks are on).
#[derive(Debug, Clone)]
pub struct EditTrail {
    /// Who edits.
    pub actor: Actor,
    /// What changes, field by field.
    pub changes: Vec<FieldChange>,
    /// The event to send, if the coupon sends webhooks.
    pub event: Option<EventDraft>,
}

/// An open store; cheap to clone (one reference count).
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Backend,
    caches: Arc<Caches>,
    /// Signalled when an event has been written to the outbox (the webhook worker wakes).
    events_written: Arc<Notify>,
}

enum Backend {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

/// Runs `$body` with `$db` the store's pool and `$q` its driver's queries module.
macro_rules! read {
    ($store:expr, |$db:ident, $q:ident| $body:expr) => {
        match &$store.inner.backend {
            Backend::Sqlite(sqlite) => {
                use $crate::store::sqlite::queries as $q;
                let $db = &sqlite.pool;
                $body
            }
            Backend::Postgres(pg) => {
                use $crate::store::postgres::queries as $q;
                let $db = &pg.pool;
                $body
            }
        }
    };
}

/// Runs `$body` in a write transaction, with `$conn` its connection and `$q` the driver's queries
/// module, and answers once it has committed and the caches have forgotten `$stale`.
macro_rules! write {
    ($store:expr, $stale:expr, move |$conn:ident, $q:ident| $body:expr) => {
        match &$store.inner.backend {
            Backend::Sqlite(sqlite) => {
                #[allow(unused_imports)]
                use $crate::store::sqlite::queries as $q;
                sqlite.writer.write($stale, move |$conn| Box::pin(async move { $body })).await
            }
            Backend::Postgres(pg) => {
                #[allow(unused_imports)]
                use $crate::store::postgres::queries as $q;
                pg.write($stale, move |$conn| Box::pin(async move { $body })).await
            }
        }
    };
}

/// Like [`write!`], for a body that makes its change in one statement (atomic by itself): on
/// PostgreSQL it runs without `BEGIN`/`COMMIT`, two round trips fewer; on SQLite it joins the
/// writer's batch like any write. `$stale` must name no catalog or account (those notify the other
/// servers inside a transaction).
macro_rules! write_statement {
    ($store:expr, $stale:expr, move |$conn:ident, $q:ident| $body:expr) => {
        match &$store.inner.backend {
            Backend::Sqlite(sqlite) => {
                #[allow(unused_imports)]
                use $crate::store::sqlite::queries as $q;
                sqlite.writer.write($stale, move |$conn| Box::pin(async move { $body })).await
            }
            Backend::Postgres(pg) => {
                #[allow(unused_imports)]
                use $crate::store::postgres::queries as $q;
                pg.write_statement($stale, move |$conn| Box::pin(async move { $body })).await
            }
        }
    };
}

impl Store {
    /// Opens the database (creating an SQLite file when missing) and brings its schema up to date.
    pub async fn open(target: &DbTarget, settings: &PoolSettings) -> Result<Store, StoreError> {
        let caches = Arc::new(Caches::default());
        let unreachable = |source: sqlx::Error| StoreError::Unreachable { target: target.to_string(), source };
        let backend = match target {
            DbTarget::Sqlite(path) => {
                Backend::Sqlite(SqliteStore::open(path, settings, Arc::clone(&caches)).await.map_err(|e| match e {
                    StoreError::Database(source) => unreachable(source),
                    other => other,
                })?)
            }
            DbTarget::Postgres(options) => {
                Backend::Postgres(PgStore::open(options, settings, Arc::clone(&caches)).await.map_err(|e| match e {
                    StoreError::Database(source) => unreachable(source),
                    other => other,
                })?)
            }
        };
        Ok(Store { inner: Arc::new(Inner { backend, caches, events_written: Arc::new(Notify::new()) }) })
    }

    /// Keeps the caches true to what other servers write (PostgreSQL: LISTEN/NOTIFY; SQLite has
    /// one server). A serving process calls it once; commands of the CLI need not.
    pub fn follow_other_servers(&self) {
        if let Backend::Postgres(pg) = &self.inner.backend {
            pg.listen();
        }
    }

    /// The kind of database: `sqlite` or `postgres`.
    pub fn kind(&self) -> &'static str {
        match self.inner.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Finishes the queued writes and closes the connections.
    pub async fn close(&self) {
        match &self.inner.backend {
            Backend::Sqlite(sqlite) => sqlite.close().await,
            Backend::Postgres(pg) => pg.close().await,
        }
    }

    /// Whether the database answers now (readiness).
    pub async fn ping(&self) -> Result<(), StoreError> {
        match &self.inner.backend {
            Backend::Sqlite(sqlite) => {
                sqlx::query("SELECT 1").execute(&sqlite.pool).await?;
            }
            Backend::Postgres(pg) => {
                sqlx::query("SELECT 1").execute(&pg.pool).await?;
            }
        }
        Ok(())
    }

    // Accounts.

    /// Whether the database holds any account (the demo is seeded only into an empty one).
    pub async fn has_accounts(&self) -> Result<bool, StoreError> {
        read!(self, |db, q| q::accounts::any(db).await)
    }

    /// The account of the API key with this digest, and the key (a revoked key has none).
    pub async fn account_by_key(&self, digest: &str) -> Result<Option<Arc<KeyHolder>>, StoreError> {
        let load = async { read!(self, |db, q| q::accounts::find_by_key_digest(db, digest).await) };
        self.inner.caches.key(digest, load).await
    }

    /// The account of the second vendor's credentials: a vendor id and its auth code's digest.
    pub async fn account_by_vendor(&self, vendor_id: i64, digest: &str) -> Result<Option<Arc<Account>>, StoreError> {
        let load = async { read!(self, |db, q| q::vendors::find_account(db, vendor_id, digest).await) };
        self.inner.caches.account(AccountKey::Vendor(vendor_id, digest.to_owned()), load).await
    }

    /// The account with this id.
    pub async fn account(&self, id: i64) -> Result<Option<Arc<Account>>, StoreError> {
        let load = async { read!(self, |db, q| q::accounts::find(db, id).await) };
        self.inner.caches.account(AccountKey::Id(id), load).await
    }

    /// Creates an account; returns its id.
    pub async fn create_account(&self, account: NewAccount) -> Result<i64, StoreError> {
        write!(self, Stale::default(), move |conn, q| q::accounts::insert(&mut *conn, &account).await)
    }

    /// Stores an API key (by its digest) with a label for an account; returns the key's id.
    pub async fn add_api_key(&self, account_id: i64, digest: String, label: String) -> Result<i64, StoreError> {
        write!(self, Stale::default(), move |conn, q| {
            q::accounts::insert_key(&mut *conn, account_id, &digest, &label).await
        })
    }

    /// An account's API keys (never the keys themselves), oldest first.
    pub async fn api_keys(&self, account_id: i64) -> Result<Vec<ApiKeyInfo>, StoreError> {
        read!(self, |db, q| q::accounts::keys(db, account_id).await)
    }

    /// Revokes one of an account's keys; returns whether the account has it. Every cached key of
    /// this server is forgotten before the answer, and (PostgreSQL) every other server is told in
    /// the same transaction: the key's next request is refused everywhere.
    pub async fn revoke_api_key(&self, account_id: i64, key_id: i64) -> Result<bool, StoreError> {
        write!(self, Stale::accounts(), move |conn, q| q::accounts::revoke_key(&mut *conn, account_id, key_id).await)
    }

    /// Whether a use of this key is to be written now (about once a minute per server).
    pub fn due_key_use(&self, key_id: i64) -> bool {
        self.inner.caches.note_key_use(key_id)
    }

    /// Notes that a key was used now (see [`Store::due_key_use`]).
    pub async fn touch_api_key(&self, key_id: i64) -> Result<(), StoreError> {
        write_statement!(self, Stale::default(), move |conn, q| q::accounts::touch_key(conn, key_id).await)
    }

    /// Stores the second vendor's credentials for an account: `vendor_id` when given, else the next
    /// free one; returns the vendor id.
    pub async fn add_vendor_credentials(
        &self,
        account_id: i64,
        vendor_id: Option<i64>,
        digest: String,
    ) -> Result<i64, StoreError> {
        write!(self, Stale::default(), move |conn, q| q::vendors::insert(&mut *conn, account_id, vendor_id, &digest)
            .await)
    }

    /// The account's groups and templates.
    pub async fn catalog(&self, account_id: i64) -> Result<Arc<Catalog>, StoreError> {
        let load = async {
            read!(self, |db, q| {
                let groups = q::catalog::groups(db, account_id).await?;
                let templates = q::catalog::templates(db, account_id).await?;
                Ok::<_, StoreError>(Catalog { groups, templates })
            })
        };
        self.inner.caches.catalog(account_id, load).await
    }

    // Coupons.

    /// An account's coupon with this code (another account's is not found).
    pub async fn coupon(&self, account_id: i64, cpn_no: &str) -> Result<Option<StoredCoupon>, StoreError> {
        read!(self, |db, q| q::coupons::find(db, account_id, cpn_no).await)
    }

    /// The coupon with this code, whichever account it belongs to.
    pub async fn coupon_by_code(&self, cpn_no: &str) -> Result<Option<StoredCoupon>, StoreError> {
        read!(self, |db, q| q::coupons::find_by_code(db, cpn_no).await)
    }

    /// Whether some coupon names `host` (lower case) as its domain.
    pub async fn domain_in_use(&self, host: &str) -> Result<bool, StoreError> {
        read!(self, |db, q| q::coupons::domain_in_use(db, host).await)
    }

    /// The coupon with this code and the use made under idempotency `key`, if any, in one read.
    pub async fn coupon_by_code_with_use(
        &self,
        cpn_no: &str,
        key: &str,
    ) -> Result<Option<(StoredCoupon, Option<UseRecord>)>, StoreError> {
        read!(self, |db, q| q::coupons::find_by_code_with_use(db, cpn_no, key).await)
    }

    /// Every coupon of an account's group (0: the coupons without a group), by code.
    pub async fn coupons_in_group(&self, account_id: i64, grp_idx: i64) -> Result<Vec<StoredCoupon>, StoreError> {
        read!(self, |db, q| q::coupons::in_group(db, account_id, grp_idx).await)
    }

    /// A page of an account's group (0: the coupons without a group) by code, after `after`.
    pub async fn coupons_in_group_page(
        &self,
        account_id: i64,
        grp_idx: i64,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page, StoreError> {
        read!(self, |db, q| q::coupons::in_group_page(db, account_id, grp_idx, after, limit).await)
    }

    /// A page of an account's coupons matching a search, in its order.
    pub async fn search(&self, query: &SearchQuery) -> Result<Results, StoreError> {
        read!(self, |db, q| q::search::search(db, query).await)
    }

    /// What the public view of the coupon with this code is made from. SQLite keeps it cached (its
    /// one server sees every write); PostgreSQL reads it every time, so that a use or an edit on
    /// one server is seen by the next read on any other.
    pub async fn public_source(&self, cpn_no: &str) -> Result<Option<Arc<PublicSource>>, StoreError> {
        match &self.inner.backend {
            Backend::Sqlite(sqlite) => {
                let load = sqlite::queries::public::source(&sqlite.pool, cpn_no);
                self.inner.caches.public(cpn_no, load).await
            }
            Backend::Postgres(pg) => Ok(postgres::queries::public::source(&pg.pool, cpn_no).await?.map(Arc::new)),
        }
    }

    /// Stores a new coupon and, in the same transaction, its first audit row (by `actor`, of
    /// `changes`).
    pub async fn insert_coupon(
        &self,
        account_id: i64,
        coupon: Coupon,
        password_hash: Option<String>,
        actor: &Actor,
        changes: Vec<FieldChange>,
    ) -> Result<Inserted, StoreError> {
        let actor = actor.clone();
        write!(self, Stale::code(&coupon.cpn_no), move |conn, q| {
            let inserted = q::coupons::insert(&mut *conn, account_id, &coupon, password_hash.as_deref()).await?;
            if let Inserted::Created(id) = inserted {
                let audit = NewAudit { coupon_id: id, changes };
                q::audits::insert(conn, &[audit], &actor, &clock::now_rfc3339()).await?;
            }
            Ok(inserted)
        })
    }

    /// Writes an edited coupon if it is still as `expected`, and in the same transaction its audit
    /// row (by `actor`, of `changes`; none when nothing changed) and `event` (a `coupon.updated`,
    /// when the account's webhook is on); returns whether it was.
    pub async fn update_coupon(
        &self,
        id: i64,
        expected: Expected,
        coupon: Coupon,
        password_hash: Option<String>,
        trail: EditTrail,
    ) -> Result<bool, StoreError> {
        let EditTrail { actor, changes, event } = trail;
        let stale = Stale::code(&coupon.cpn_no);
        if changes.is_empty() && event.is_none() {
            // Nothing to audit and no event: one statement is enough.
            return write_statement!(self, stale, move |conn, q| {
                q::coupons::update(conn, id, expected, &coupon, password_hash.as_deref()).await
            });
        }
        let written = write!(self, stale, move |conn, q| {
            let updated = q::coupons::update(&mut *conn, id, expected, &coupon, password_hash.as_deref()).await?;
            if updated && !changes.is_empty() {
                let audit = NewAudit { coupon_id: id, changes };
                q::audits::insert(&mut *conn, &[audit], &actor, &clock::now_rfc3339()).await?;
            }
            let written = match event {
                Some(event) if updated => q::webhooks::insert_event(conn, &event).await?,
                _ => false,
            };
            Ok((updated, written))
        });
        self.events_were_written(&written.as_ref().map(|(_, written)| *written));
        written.map(|(updated, _)| updated)
    }

    /// Up to `limit` entries of a coupon's history after `mark`, newest first.
    pub async fn history(
        &self,
        coupon_id: i64,
        mark: Option<HistoryMark<'_>>,
        limit: u32,
    ) -> Result<HistoryPage, StoreError> {
        read!(self, |db, q| q::audits::history(db, coupon_id, mark, limit).await)
    }

    /// Deletes a coupon and its uses; returns whether it existed. `event` (a `coupon.deleted`) is
    /// written in the same transaction when the account's webhook is on.
    pub async fn delete_coupon(&self, id: i64, cpn_no: &str, event: Option<EventDraft>) -> Result<bool, StoreError> {
        let Some(event) = event else {
            return write_statement!(self, Stale::code(cpn_no), move |conn, q| q::coupons::delete(conn, id).await);
        };
        let deleted = write!(self, Stale::code(cpn_no), move |conn, q| {
            let deleted = q::coupons::delete(&mut *conn, id).await?;
            let written = deleted && q::webhooks::insert_event(conn, &event).await?;
            Ok((deleted, written))
        });
        self.events_were_written(&deleted.as_ref().map(|(_, written)| *written));
        deleted.map(|(deleted, _)| deleted)
    }

    /// Uses a coupon once, within its limits, if it is unchanged since it was checked. A use under
    /// an idempotency key that another server logged first is answered with that first use. With
    /// `new.event`, the use and its `coupon.used` event commit together (one transaction).
    pub async fn use_coupon(&self, cpn_no: &str, new: NewUse) -> Result<UseOutcome, StoreError> {
        let (coupon_id, key) = (new.coupon_id, new.idempotency_key.clone());
        let outcome = if new.event.is_some() {
            let outcome = write!(self, Stale::code(cpn_no), move |conn, q| q::uses::record(conn, &new).await);
            self.events_were_written(&outcome.as_ref().map(|o| matches!(o, UseOutcome::Applied(_))));
            outcome
        } else {
            write_statement!(self, Stale::code(cpn_no), move |conn, q| q::uses::record(conn, &new).await)
        };
        match (outcome, key) {
            (Err(e), Some(key)) if e.is_unique_violation() => {
                let first = read!(self, |db, q| q::uses::find_by_key(db, coupon_id, &key).await)?;
                first.map(UseOutcome::Replayed).ok_or(e)
            }
            (outcome, _) => outcome,
        }
    }

    /// Undoes use `use_no` of a coupon (`cpn_no`, row `coupon_id`) by `actor` for `reason`: the log
    /// keeps the use and records its undoing, the use count goes one down; a second undo of the
    /// same use changes nothing.
    pub async fn undo_use(
        &self,
        coupon_id: i64,
        cpn_no: &str,
        use_no: i64,
        actor: Actor,
        reason: String,
    ) -> Result<UndoOutcome, StoreError> {
        write!(self, Stale::code(cpn_no), move |conn, q| q::uses::undo(conn, coupon_id, use_no, &actor, &reason).await)
    }

    /// Undoes the use whose receipt carried the undo token with this digest, if it happened at
    /// `since` or later and the token was not taken (it is taken by this undo).
    pub async fn undo_use_by_token(
        &self,
        coupon_id: i64,
        cpn_no: &str,
        digest: String,
        since: String,
    ) -> Result<UndoOutcome, StoreError> {
        write!(self, Stale::code(cpn_no), move |conn, q| {
            match q::uses::find_by_undo_token(&mut *conn, coupon_id, &digest, &since).await? {
                Some(use_no) => q::uses::undo(conn, coupon_id, use_no, &Actor::Page, "").await,
                None => Ok(UndoOutcome::NoSuchUse),
            }
        })
    }

    /// Writes one change to a selection of coupons if it is still as validated: all or nothing.
    pub async fn bulk_update(&self, update: BulkUpdate) -> Result<BulkOutcome, StoreError> {
        let mut stale = Stale::default();
        stale.codes.extend(update.codes.iter().cloned());
        stale.codes.extend(update.changes.new_code.iter().cloned());
        if update.changes.new_group.is_some() {
            stale.catalogs.push(update.account_id);
        }
        let events = !update.events.is_empty();
        let outcome = write!(self, stale, move |conn, q| q::bulk::apply(conn, &update).await);
        self.events_were_written(&outcome.as_ref().map(|o| events && matches!(o, BulkOutcome::Updated(_))));
        outcome
    }

    // Webhooks.

    /// Wakes the webhook worker when a write may have added an event.
    fn events_were_written(&self, written: &Result<bool, &StoreError>) {
        if matches!(written, Ok(true)) {
            self.inner.events_written.notify_one();
        }
    }

    /// What the webhook worker waits on between rounds: an event written by this process.
    pub fn events_written(&self) -> Arc<Notify> {
        Arc::clone(&self.inner.events_written)
    }

    /// An account's webhook config, if it has one.
    pub async fn webhook_config(&self, account_id: i64) -> Result<Option<WebhookConfig>, StoreError> {
        read!(self, |db, q| q::webhooks::config(db, account_id).await)
    }

    /// Changes an account's webhook config (URL, global switch); returns whether the config was
    /// created (with `change.new_secret`).
    pub async fn change_webhook_config(&self, account_id: i64, change: ConfigChange) -> Result<bool, StoreError> {
        // The global switch is part of the account (the rules read it): every cached account goes.
        write!(self, Stale::accounts(), move |conn, q| q::webhooks::change_config(conn, account_id, &change).await)
    }

    /// Replaces an account's signing secret; the old one signs too until `previous_until_ms`.
    pub async fn rotate_webhook_secret(
        &self,
        account_id: i64,
        secret: String,
        previous_until_ms: i64,
    ) -> Result<(), StoreError> {
        write!(self, Stale::default(), move |conn, q| {
            q::webhooks::rotate_secret(conn, account_id, &secret, previous_until_ms).await
        })
    }

    /// Sets a group's own callback URL (`""`: none); returns whether the group exists.
    pub async fn set_group_webhook_url(&self, account_id: i64, grp_idx: i64, url: String) -> Result<bool, StoreError> {
        write!(self, Stale::default(), move |conn, q| {
            q::webhooks::set_group_url(conn, account_id, grp_idx, &url).await
        })
    }

    /// A group's own callback URL (`""`: none), if the group exists.
    pub async fn group_webhook_url(&self, account_id: i64, grp_idx: i64) -> Result<Option<String>, StoreError> {
        read!(self, |db, q| q::webhooks::group_url(db, account_id, grp_idx).await)
    }

    /// Where an account's event of group `grp_idx` goes now.
    pub async fn webhook_destination(&self, account_id: i64, grp_idx: i64) -> Result<Option<Destination>, StoreError> {
        read!(self, |db, q| q::webhooks::destination(db, account_id, grp_idx).await)
    }

    /// Leases up to `limit` due events until `until_ms` (see `queries::webhooks::lease`).
    pub async fn lease_webhook_events(&self, until_ms: i64, limit: i64) -> Result<Vec<LeasedEvent>, StoreError> {
        let now_ms = clock::now_millis();
        write!(self, Stale::default(), move |conn, q| q::webhooks::lease(conn, now_ms, until_ms, limit).await)
    }

    /// Logs a delivery attempt and what follows it.
    pub async fn finish_webhook_attempt(&self, row: i64, attempt: Attempt, next: Next) -> Result<(), StoreError> {
        write!(self, Stale::default(), move |conn, q| q::webhooks::finish(conn, row, &attempt, next).await)
    }

    /// An account's latest events, newest first.
    pub async fn webhook_events(
        &self,
        account_id: i64,
        cpn_no: Option<&str>,
        status: Option<&str>,
        limit: i64,
    ) -> Result<Vec<EventSummary>, StoreError> {
        read!(self, |db, q| q::webhooks::events(db, account_id, cpn_no, status, limit).await)
    }

    /// The delivery log of an account's event; `None` for no such event.
    pub async fn webhook_deliveries(
        &self,
        account_id: i64,
        event_id: &str,
    ) -> Result<Option<Vec<DeliveryLog>>, StoreError> {
        read!(self, |db, q| q::webhooks::deliveries(db, account_id, event_id).await)
    }

    /// Writes a `webhook.test` event for the account's callback URL; its id, or `None` when the
    /// account has no URL to send it to.
    pub async fn send_test_webhook_event(&self, account_id: i64) -> Result<Option<String>, StoreError> {
        let event = EventDraft::test(account_id);
        let event_id = event.event_id.clone();
        let written = write!(self, Stale::default(), move |conn, q| q::webhooks::insert_test_event(conn, &event).await);
        self.events_were_written(&written.as_ref().map(|w| *w));
        Ok(written?.then_some(event_id))
    }

    /// Sends an event again; returns whether the account has it.
    pub async fn resend_webhook_event(&self, account_id: i64, event_id: String) -> Result<bool, StoreError> {
        let now_ms = clock::now_millis();
        let found = write!(self, Stale::default(), move |conn, q| {
            q::webhooks::resend(conn, account_id, &event_id, now_ms).await
        });
        self.events_were_written(&found.as_ref().map(|f| *f));
        found
    }

    // Store passwords guessed.

    /// Admits a guess at a coupon's password under `limits`, counting it now (`count`; a guess of
    /// nothing is not counted), or says how long the coupon is locked.
    pub async fn admit_guess(
        &self,
        coupon_id: i64,
        account_id: i64,
        limits: GuessLimits,
        count: bool,
    ) -> Result<Result<Admitted, Locked>, StoreError> {
        let now_ms = clock::now_millis();
        write!(self, Stale::default(), move |conn, q| {
            q::guesses::admit(conn, coupon_id, account_id, limits, now_ms, count).await
        })
    }

    /// Forgets a guess whose password was right.
    pub async fn forget_guess(&self, guess: GuessId) -> Result<(), StoreError> {
        write_statement!(self, Stale::default(), move |conn, q| q::guesses::forget(conn, guess).await)
    }

    // Faults, for the tests that show the store recovers.

    /// Breaks the store on purpose (see [`Fault`]); the next writes must succeed again.
    #[cfg(feature = "fault-injection")]
    pub async fn inject(&self, fault: Fault) {
        match fault {
            Fault::BrokenConnection => match &self.inner.backend {
                Backend::Sqlite(sqlite) => {
                    // A failing job whose batch then fails to roll back: the writer's connection is
                    // left inside a transaction, where every later BEGIN would fail.
                    let failed: Result<(), StoreError> = sqlite
                        .writer
                        .write_failing_rollback(|_conn| {
                            Box::pin(async move { Err(StoreError::BatchFailed("an injected fault".into())) })
                        })
                        .await;
                    tracing::warn!(?failed, "injected: a batch whose rollback fails");
                }
                Backend::Postgres(pg) => {
                    let cut = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                               WHERE datname = current_database() AND pid <> pg_backend_pid()";
                    let result = sqlx::query(cut).execute(&pg.pool).await;
                    tracing::warn!(?result, "injected: every other connection to the database cut");
                }
            },
            Fault::PanickingWrite => {
                let store = self.clone();
                let panicked = tokio::spawn(async move {
                    let _: Result<(), StoreError> =
                        write!(store, Stale::default(), move |_conn, _q| panic!("an injected panic"));
                })
                .await;
                tracing::warn!(panicked = panicked.is_err(), "injected: a write that panics");
            }
        }
    }

    // The demo.

    /// Writes the demo's account, credentials, catalog and coupons in one transaction.
    pub async fn seed_demo(&self, seed: DemoSeed) -> Result<(), StoreError> {
        write!(self, Stale::accounts(), move |conn, q| q::demo::seed(conn, &seed).await)
    }
}
