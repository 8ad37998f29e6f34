//! Readers: one per input format, each turning a file into the format-neutral
//! `Document` (its paragraphs and tables with spans into the reader's text
//! view). `plain` reads text (`.txt`, `.md`); `html` and `docx` walk their
//! markup into a `view::View` — the text a person sees, with a map back to the
//! source — which is then read like text with its table rows marked.

pub mod docx;
pub mod html;
pub mod plain;
pub mod view;

/// A file its reader cannot read: what is wrong and what to do, in Chinese
/// (it becomes the file's `input-error`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(pub String);
