//! The Webhooks screen (Enterprise plan): where the account's events go and whether they are sent,
//! the signing secret (shown once, rotated), a test event, and the latest events with their
//! delivery status and a "Resend".
//!
//! [`screen`] loads the config and the events and keeps the events fresh while any is on its way;
//! the other modules are its parts, one component each.

mod config_form;
mod event_list;
mod screen;
mod secret_panel;
mod test_event;
mod when;

pub use screen::WebhooksScreen;
