//! What each command does.

use coupon_rules::Plan;

use crate::cli::{Command, CreateAccountArgs, CreateKeyArgs, CreateVendorCredentialsArgs, DbArg, ServeArgs};
use crate::config::ServeConfig;
use crate::demo::{self, Seeding};
use crate::keys;
use crate::server::{self, StartError};
use crate::store::accounts::NewAccount;
use crate::store::{PoolSettings, Store, StoreError};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The server could not start.
    #[error(transparent)]
    Start(#[from] StartError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Serving stopped with an error.
    #[error("serving failed: {0}")]
    Serve(#[from] std::io::Error),
    /// `create-key` for an account that does not exist.
    #[error("there is no account {0}")]
    NoSuchAccount(i64),
    /// `create-vendor-credentials` with a vendor_id that is taken.
    #[error("vendor_id {0} is taken")]
    VendorIdTaken(i64),
}

/// Runs a command to its end.
pub async fn run(command: Command) -> Result<(), CommandError> {
    match command {
        Command::Serve(args) => serve(args).await,
        Command::CreateAccount(args) => create_account(args).await,
        Command::CreateKey(args) => create_key(args).await,
        Command::CreateVendorCredentials(args) => create_vendor_credentials(args).await,
    }
}

async fn serve(args: ServeArgs) -> Result<(), CommandError> {
    let config = ServeConfig::from(args);
    let running = server::start(config).await?;
    let base = format!("http://{}", running.addr());
    tracing::info!(store = running.store_kind(), "serving on {base}");
    // Tests and tools read this first line to find the port.
    println!("listening on {base}");
    match running.demo() {
        Some(Seeding::Seeded) => println!("demo data seeded"),
        Some(Seeding::AlreadyHadAccounts) => println!("demo data: the database already has accounts, nothing added"),
        None => {}
    }
    if running.demo().is_some() {
        println!("coupon page: {base}/c/{}", demo::FEATURED_COUPON);
        println!("admin: {base}/admin");
        println!("demo API key: {}", demo::API_KEY);
        println!("demo vendor_id: {}, vendor_auth_code: {}", demo::VENDOR_ID, demo::VENDOR_AUTH_CODE);
        println!("store password of the demo coupons: {}", demo::STORE_PASSWORD);
    }
    shutdown_signal().await;
    tracing::info!("shutting down");
    running.stop().await?;
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Opens the store a CLI command works on (a single connection is enough).
async fn open(db: &DbArg) -> Result<Store, StoreError> {
    let settings = PoolSettings { max_connections: 1, ..PoolSettings::default_for(&db.db) };
    Store::open(&db.db, &settings).await
}

async fn create_account(args: CreateAccountArgs) -> Result<(), CommandError> {
    let store = open(&args.db).await?;
    let account =
        NewAccount { name: args.name, plan: args.plan, timezone: args.timezone, global_webhook: args.global_webhook };
    let id = store.create_account(account.clone()).await?;
    println!("account {id} created: {} ({}, {})", account.name, account.plan.as_str(), account.timezone.name());
    if !account.plan.includes(Plan::API) {
        println!("note: the {} plan does not include the API", account.plan.as_str());
    }
    store.close().await;
    Ok(())
}

async fn create_key(args: CreateKeyArgs) -> Result<(), CommandError> {
    let store = open(&args.db).await?;
    if store.account(args.account).await?.is_none() {
        return Err(CommandError::NoSuchAccount(args.account));
    }
    let key = keys::new_key();
    let id = store.add_api_key(args.account, keys::digest(&key), args.label.clone()).await?;
    println!("API key {id} \"{}\" for account {} (shown once, stored hashed): {key}", args.label, args.account);
    store.close().await;
    Ok(())
}

async fn create_vendor_credentials(args: CreateVendorCredentialsArgs) -> Result<(), CommandError> {
    let store = open(&args.db).await?;
    if store.account(args.account).await?.is_none() {
        return Err(CommandError::NoSuchAccount(args.account));
    }
    let code = keys::new_vendor_auth_code();
    let vendor_id = match store.add_vendor_credentials(args.account, args.vendor_id, keys::digest(&code)).await {
        Err(e) if e.is_unique_violation() => {
            return Err(CommandError::VendorIdTaken(args.vendor_id.unwrap_or_default()))
        }
        other => other?,
    };
    println!(
        "vendor credentials for account {} (the auth code is shown once, stored hashed): vendor_id {vendor_id} vendor_auth_code {code}",
        args.account
    );
    store.close().await;
    Ok(())
}
