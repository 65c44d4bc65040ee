//! Cache invalidation across servers: every write that changes what servers cache (groups and
//! templates, accounts and keys) sends a notification on [`CHANNEL`] in its own transaction, so
//! that it is delivered exactly when the write commits; every server listens and forgets.
//!
//! Coupons themselves are never cached on PostgreSQL (each read asks the database), so a use or an
//! edit on one server is seen by the next read on any other. A lost listening connection may have
//! missed notifications: the caches are then emptied, and entries expire after a second anyway.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use sqlx::PgPool;
use tokio::task::JoinHandle;

use crate::store::cache::{Caches, Stale};

/// The notification channel.
pub const CHANNEL: &str = "coupon_cache";
/// The longest pause before listening again after a failure.
const MAX_PAUSE: Duration = Duration::from_secs(5);

/// The notifications that tell the other servers what `stale` names.
pub fn messages(stale: &Stale) -> Vec<String> {
    let mut messages: Vec<String> = stale.catalogs.iter().map(|id| format!("catalog {id}")).collect();
    if stale.accounts {
        messages.push("accounts".to_owned());
    }
    messages
}

/// What a notification says is stale (`None`: a message of no known form).
fn parse(message: &str) -> Option<Stale> {
    match message.split_once(' ') {
        Some(("catalog", id)) => id.parse().ok().map(Stale::catalog),
        None if message == "accounts" => Some(Stale::accounts()),
        _ => None,
    }
}

/// Listens until aborted, reconnecting after failures.
pub fn start(pool: PgPool, caches: Arc<Caches>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut pause = Duration::from_millis(100);
        loop {
            match listen(&pool, &caches).await {
                Ok(()) => pause = Duration::from_millis(100),
                Err(e) => {
                    tracing::warn!(error = %e, "listening for cache invalidations failed; trying again");
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(MAX_PAUSE);
                }
            }
        }
    })
}

/// One listening connection, until it fails.
async fn listen(pool: &PgPool, caches: &Caches) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    // Whatever was sent while nobody listened is unknown.
    caches.forget_all();
    loop {
        match listener.try_recv().await? {
            Some(notification) => match parse(notification.payload()) {
                Some(stale) => caches.forget(&stale),
                None => tracing::warn!(payload = notification.payload(), "an unknown cache notification"),
            },
            // The connection was lost and will be reopened by the next receive.
            None => caches.forget_all(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_they_were_made_from() {
        let mut stale = Stale::catalog(7);
        stale.merge(Stale::accounts());
        let messages = messages(&stale);
        assert_eq!(messages, ["catalog 7", "accounts"]);
        let mut read = Stale::default();
        messages.iter().filter_map(|m| parse(m)).for_each(|s| read.merge(s));
        assert_eq!(read, stale);
        assert_eq!(parse("catalog x"), None);
    }
}
