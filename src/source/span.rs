//! The one span type of the crate — a byte range into the decoded text — and the
//! one line index that turns byte offsets into human positions.
//!
//! Every piece of a `Document`, every diagnostic and every label carries a `Span`.
//! Spans always sit on char boundaries; columns are counted in Unicode scalar
//! values (what docs/output.md promises) or UTF-16 units where a format asks for it.

use serde::Serialize;

/// A half-open byte range `start..end` into a decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// A span relative to `self.start` moved into absolute coordinates.
    pub fn offset(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based position for humans and machine formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
}

/// Line starts of a text, computed once per document.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Lines are separated by `\n`; the decoder has already folded CRLF and CR.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset.min(self.len)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte span of 0-based line `line`, without its `\n`.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(self.len, |s| s - 1);
        if end < start {
            end = start;
        }
        debug_assert!(text.is_char_boundary(end));
        Span::new(start, end)
    }

    /// 1-based line and char column of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// 1-based column in UTF-16 code units (for formats that count that way).
    pub fn utf16_column(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let start = self.starts[self.line_of(offset)];
        text[start..offset].encode_utf16().count() + 1
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_not_bytes() {
        let text = "一、概述\n二、主动公开 42条\n";
        let idx = LineIndex::new(text);
        let off = text.find("42").unwrap();
        assert_eq!(idx.position(text, off), Position { line: 2, column: 8 });
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_span(text, 0), Span::new(0, "一、概述".len()));
    }

    #[test]
    fn utf16_columns_count_surrogates() {
        let text = "𠀀a";
        let idx = LineIndex::new(text);
        assert_eq!(idx.utf16_column(text, text.find('a').unwrap()), 3);
        assert_eq!(idx.position(text, text.find('a').unwrap()).column, 2);
    }
}
