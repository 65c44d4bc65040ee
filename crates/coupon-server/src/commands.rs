//! What each command does.

use coupon_rules::{
    validate_group_webhook, validate_webhook_config, GroupWebhookRequest, Lang, Plan, WebhookConfigRequest,
};

use crate::cli::{
    Command, CreateAccountArgs, CreateKeyArgs, CreateVendorCredentialsArgs, DbArg, ServeArgs, WebhookArgs,
};
use crate::config::ServeConfig;
use crate::demo::{self, Seeding};
use crate::keys;
use crate::server::{self, StartError};
use crate::store::accounts::NewAccount;
use crate::store::{PoolSettings, Store, StoreError};
use crate::webhooks;

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
    /// `webhook` with settings the rules refuse.
    #[error("{0}")]
    Invalid(String),
    /// `webhook --group` for a group that does not exist.
    #[error("account {0} has no group {1}")]
    NoSuchGroup(i64, i64),
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
        Command::Webhook(args) => webhook(args).await,
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

async fn webhook(args: WebhookArgs) -> Result<(), CommandError> {
    let store = open(&args.db).await?;
    let Some(account) = store.account(args.account).await? else {
        return Err(CommandError::NoSuchAccount(args.account));
    };
    let refused = |report: coupon_rules::Report| {
        let reasons: Vec<String> = report.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        CommandError::Invalid(reasons.join("; "))
    };
    if let Some(group) = args.group {
        let request = GroupWebhookRequest { callback_url: Some(args.url.unwrap_or_default()), ..Default::default() };
        let report = validate_group_webhook(&request, Lang::En);
        if !report.is_ok() {
            return Err(refused(report));
        }
        let url = request.callback_url.unwrap_or_default();
        if !store.set_group_webhook_url(account.id, group, url.clone()).await? {
            return Err(CommandError::NoSuchGroup(account.id, group));
        }
        println!("group {group} of account {}: callback URL {url:?}", account.id);
        store.close().await;
        return Ok(());
    }
    if !account.plan.includes(Plan::WEBHOOK) {
        println!("note: the {} plan does not include webhooks (enterprise does)", account.plan.as_str());
    }
    let request = WebhookConfigRequest { callback_url: args.url, enable_yn: args.enable, ..Default::default() };
    let stored = store.webhook_config(account.id).await?;
    let report = validate_webhook_config(&request, stored.as_ref().map_or("", |c| c.callback_url.as_str()), Lang::En);
    if !report.is_ok() {
        return Err(refused(report));
    }
    let enabled = request.enable_yn.as_deref().map(|yn| yn == "Y");
    let done = webhooks::configure(&store, account.id, request.callback_url, enabled).await?;
    let enabled = enabled.unwrap_or(account.global_webhook);
    println!(
        "webhook of account {}: callback URL {:?}, {}",
        account.id,
        done.config.callback_url,
        if enabled { "on" } else { "off" }
    );
    if let Some(secret) = done.new_secret {
        println!("signing secret (shown once): {secret}");
    }
    if args.rotate_secret {
        let secret = webhooks::rotate(&store, account.id).await?;
        println!("new signing secret (shown once; the old one signs too for 24 hours): {secret}");
    }
    store.close().await;
    Ok(())
}
