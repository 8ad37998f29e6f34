//! Tables as part of the model: rows of cells as the reader found them, each
//! with its span and its text as written. A reader fills them from what its
//! format marks as a table (the plain reader's ` | `, tab and space-aligned
//! rows; HTML and DOCX tables); reading values and aligning rows to a pack's template
//! is analysis (`analysis::grid`, `analysis::stat`), not the model's business.

use crate::source::span::Span;

/// Where a table's structure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableOrigin {
    /// Consecutive text rows whose cells are separated by ` | `, tabs or runs
    /// of spaces.
    TextRows,
    /// A table the source format marked up (HTML `<table>`, DOCX `w:tbl`),
    /// merged cells expanded into the grid.
    Markup,
}

/// One table as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub span: Span,
    pub rows: Vec<Row>,
    pub origin: TableOrigin,
}

/// One row, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub span: Span,
    /// The paragraph the row was read from.
    pub paragraph: usize,
    pub cells: Vec<TableCell>,
}

/// One cell: its trimmed text's span in the reader's text view (read it with
/// `Document::slice`); a blank cell is kept, with an empty span where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCell {
    pub span: Span,
}
