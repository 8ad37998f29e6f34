//! The bottom layer: bytes to text ([`decode`]), the one span type and line
//! index ([`span`]), character classes and folding ([`text`]), and the
//! [`SourceFile`] every input becomes — the text all spans of its findings
//! point into. Imports nothing else of the crate.

pub mod decode;
pub mod file;
pub mod limited;
pub mod map;
pub mod mojibake;
pub mod span;
pub mod text;

pub use file::{FileId, SourceFile};
pub use span::{LineIndex, Position, Span};
