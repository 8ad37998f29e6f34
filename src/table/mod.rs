//! Statistics tables as text exports really lay them out, turned into rows of
//! labelled cells with spans. Two readers:
//! - `stat`: the 2013–2018 统计表 of an appendix, template-free, read as a tree
//!   of numbered rows (一、 > （一） > 1. > 其中);
//! - `grid`: the national 2019/2021 tables (表二、表三、表四), matched row by row
//!   to a template from the pack, in any layout, flattened digit runs included.

pub mod cells;
pub mod grid;
pub mod stat;

use rust_decimal::Decimal;

use crate::span::Span;

/// One cell: its value, or blank (which is not 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub value: Option<Decimal>,
    pub span: Span,
}

impl Cell {
    pub fn shown(&self) -> String {
        self.value
            .map_or_else(|| "（空白）".to_string(), |v| v.normalize().to_string())
    }
}
