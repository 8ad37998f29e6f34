//! Readers: one per input format, each turning a decoded text into the
//! format-neutral `Document` (its paragraphs and tables with spans into the
//! reader's text view). Today the plain-text reader (`.txt`, and Markdown
//! exports read as text).

pub mod plain;
pub mod view;
