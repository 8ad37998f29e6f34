//! One input as the run knows it: its id, the name it is reported under, the
//! decoded text every span points into, and how it was decoded. Kept apart
//! from the findings so that a finding can point into another file
//! (`Label::file`) and renderers can look that file up.

use super::map::{Place, SourceMap};
use super::span::{LineIndex, Position};

/// The index of a file in one run, in discovery order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

impl FileId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// An input's text and where its offsets are on screen.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    /// The name the file is reported under (as given or as walked).
    pub path: String,
    /// The decoded text every span points into (empty when unreadable or
    /// compacted).
    pub text: String,
    pub lines: LineIndex,
    /// Canonical name of the encoding the text was decoded from (`None` for
    /// unreadable inputs and rule files).
    pub encoding: Option<&'static str>,
    pub bom: bool,
    /// The reader's format (`text`, `markdown`, `html`, `docx`; `None` for
    /// unreadable inputs and rule files).
    pub format: Option<&'static str>,
    /// From the text (the reader's view) back to the source file, for formats
    /// whose view is not the file: HTML line and column, DOCX paragraph or cell.
    pub map: SourceMap,
    /// After `compact`: the position (and source place) of every offset asked
    /// to be kept, sorted.
    positions: Option<Kept>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        SourceFile {
            id: FileId::default(),
            lines: LineIndex::new(&text),
            path,
            text,
            encoding: None,
            bom: false,
            format: None,
            map: SourceMap::default(),
            positions: None,
        }
    }

    /// A file whose line index the reader already built.
    pub fn with_lines(path: String, text: String, lines: LineIndex) -> SourceFile {
        SourceFile {
            id: FileId::default(),
            path,
            text,
            lines,
            encoding: None,
            bom: false,
            format: None,
            map: SourceMap::default(),
            positions: None,
        }
    }

    /// Line and column of a byte offset (after `compact`, only of the offsets kept).
    pub fn position(&self, offset: usize) -> Position {
        match &self.positions {
            Some(kept) => match kept.find(offset) {
                Some(i) => {
                    let (_, line, column) = kept.at[i];
                    Position {
                        line: line as usize,
                        column: column as usize,
                    }
                }
                // Only offsets of the findings were kept; others are not asked for.
                None => {
                    debug_assert!(false, "offset {offset} of no finding");
                    Position { line: 1, column: 1 }
                }
            },
            None => self.lines.position(&self.text, offset),
        }
    }

    /// Where a view offset is in the source file, for formats whose view is
    /// not the file (`None` for text: its line and column are the place).
    pub fn place(&self, offset: usize) -> Option<Place> {
        match &self.positions {
            Some(kept) => {
                let i = kept.find(offset)?;
                kept.places
                    .binary_search_by_key(&(i as u32), |&(k, _)| k)
                    .ok()
                    .map(|j| kept.places[j].1)
            }
            None => self.map.place(&self.text, offset),
        }
    }

    /// Whether spans can be located (the file was read).
    pub fn has_source(&self) -> bool {
        !self.text.is_empty() || self.positions.is_some()
    }

    /// Keeps the positions of `offsets` and drops the text: renderers that
    /// print no excerpt need only line and column, and a run over ten thousand
    /// reports must not keep them all in memory.
    pub fn compact(&mut self, mut offsets: Vec<usize>) {
        if self.text.is_empty() {
            return;
        }
        offsets.sort_unstable();
        offsets.dedup();
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut kept = Kept::default();
        for o in offsets {
            let p = self.lines.position(&self.text, o);
            if !self.map.is_empty()
                && let Some(place) = self.map.place(&self.text, o)
            {
                kept.places.push((narrow(kept.at.len()), place));
            }
            kept.at.push((o, narrow(p.line), narrow(p.column)));
        }
        kept.at.shrink_to_fit();
        self.positions = Some(kept);
        self.text = String::new();
        self.lines = LineIndex::new("");
    }
}

/// The positions kept when the text is dropped: (offset, line, column) in
/// twelve bytes plus the offset, and the source places of structured formats
/// apart (a ten-thousand-report run keeps hundreds of thousands).
#[derive(Debug, Clone, Default)]
struct Kept {
    at: Vec<(usize, u32, u32)>,
    /// (index into `at`, place), only for formats with a source map.
    places: Vec<(u32, Place)>,
}

impl Kept {
    fn find(&self, offset: usize) -> Option<usize> {
        self.at.binary_search_by_key(&offset, |&(o, ..)| o).ok()
    }
}
