//! What every handler can reach: the store and the password runner (a leaf of the HTTP side: it
//! knows the services, nothing of routes or handlers).

use std::ops::Deref;
use std::sync::Arc;

use crate::edit::Editor;
use crate::page_hosts::PageHosts;
use crate::redeem::password::Passwords;
use crate::store::Store;

/// The shared state of the router (cloned per request: one reference count).
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    /// The state of a service made of these parts.
    pub fn new(services: Services) -> AppState {
        AppState(Arc::new(services))
    }
}

impl Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The parts of the running service.
pub struct Services {
    /// Where everything is kept.
    pub store: Store,
    /// The bounded argon2 runs for store passwords.
    pub passwords: Passwords,
    /// Which host shows which coupons.
    pub pages: PageHosts,
}

impl Services {
    /// What creating and editing coupons needs.
    pub fn editor(&self) -> Editor<'_> {
        Editor { store: &self.store, passwords: &self.passwords }
    }
}
