//! Numbers in prose, read exactly: what value, written how precisely, with
//! which unit, and whether the writer meant it approximately.

pub mod cjk;
pub mod date;
mod reader;

pub use reader::{Approx, Quantity, read_quantities, read_quantities_into};

use rust_decimal::Decimal;

/// Digits before the point a figure of a report may have: 10^16 is more than
/// any count or sum of money a report states (千万亿). Longer runs are ids or
/// garbage, and bounding them keeps every sum, product and share of figures
/// far inside `Decimal`'s range (its arithmetic panics on overflow).
pub const MAX_INTEGER_DIGITS: u32 = 16;

/// Decimals a figure may have (money in 万元 has up to six).
pub const MAX_DECIMALS: u32 = 10;

/// Whether `value`, written with `decimals` places, is a figure a report
/// could state (see `MAX_INTEGER_DIGITS`, `MAX_DECIMALS`).
pub fn plausible(value: Decimal, decimals: u32) -> bool {
    decimals <= MAX_DECIMALS && value.abs() < Decimal::from(10u64.pow(MAX_INTEGER_DIGITS))
}
