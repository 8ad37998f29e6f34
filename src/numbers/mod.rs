//! Numbers in prose, read exactly: what value, written how precisely, with
//! which unit, and whether the writer meant it approximately.

pub mod cjk;
pub mod date;
mod reader;

pub use reader::{Quantity, read_quantities, read_quantities_into};
