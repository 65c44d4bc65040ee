//! The rules exported to JavaScript.
