//! A run: discovery of the inputs (`discover`), the per-file phase — read,
//! analyse, check, keep small facts — in parallel (`pipeline`), then the
//! corpus phase over the facts of every report, and the regex warm-up that
//! overlaps reading (`warm`). Results keep the discovery order.

pub mod discover;
pub mod pipeline;
pub mod warm;

pub use discover::{Input, Walk, discover, discover_with};
pub use pipeline::{
    NOT_A_REPORT, Options, check_bytes, check_inputs, check_inputs_with, check_owned,
};
