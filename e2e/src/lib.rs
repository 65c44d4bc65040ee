//! Helpers for the browser end-to-end tests.
