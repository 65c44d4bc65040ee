//! A coupon's timeline beside the form while it is edited: edits (who, each field old → new, the
//! store password only as "changed"), uses and undos, newest first, paged with "Load more".
//!
//! [`panel`] holds the requests; [`entry`] and [`change`] show one entry and one changed field.

mod change;
mod entry;
mod panel;

pub use panel::HistoryPanel;
