//! Ctrl-C while xtask runs a server in the foreground.

use std::sync::Once;

/// From now on Ctrl-C stops the foreground children (the server stops gracefully on it), not
/// xtask, so that it can then stop what it started itself (the demo's PostgreSQL). A handler,
/// not "ignore": children start with the default disposition again.
pub fn outlive_ctrl_c() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // SAFETY: the action does nothing, which is async-signal-safe.
        let registered = unsafe { signal_hook_registry::register(libc::SIGINT, || {}) };
        if let Err(error) = registered {
            eprintln!("xtask: cannot catch Ctrl-C ({error}); stop the demo's PostgreSQL by hand if it stays");
        }
    });
}
