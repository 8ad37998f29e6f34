//! The `Document`: one report as format-neutral plain data, every piece
//! carrying its span into the reader's text — the paragraphs, where the
//! appendix (统计表) begins, the tables with their cells, the title and report
//! year, the outline of numbered headings and the outline the report declares,
//! the sentences and quantities of the prose.
//!
//! A reader (`read/`) recovers paragraphs and tables from its format;
//! `build` recovers the structure every format shares. No caches and no
//! configuration live here: what is derived per pack or per run is
//! `analysis`. Checks read the document; they never re-scan the raw text for
//! structure.

pub mod build;
pub mod cells;
pub mod declared;
pub mod marker;
pub mod outline;
pub mod table;
pub mod wrap;
mod year;

pub use declared::{DeclaredCount, DeclaredOutline, DeclaredPart};
pub use marker::NumberStyle;
pub use table::{Row, Table, TableCell, TableOrigin};
pub use wrap::Joined;

use crate::numbers::Quantity;
use crate::source::span::{LineIndex, Span};

/// One non-blank line of the report (exports put one paragraph per line).
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The text without leading and trailing blanks.
    pub span: Span,
    /// 0-based line number.
    pub line: usize,
    /// A statistics-table cell: the line starts with a tab, or it is a table row.
    pub table_cell: bool,
    /// At or after the appendix (附件 / 统计表).
    pub in_appendix: bool,
    /// Index into `Document::headings` when this paragraph opens with a heading.
    pub heading: Option<usize>,
    /// Cut out of a long line of a flattened web page at an inline heading
    /// (「… 一、总体情况 2022年，…」): its heading ends at the first space.
    pub inline: bool,
    /// A heading by its style in the source (DOCX 「标题 1」 = 0), numbered or
    /// not: an unnumbered one is still a heading of the outline.
    pub style_level: Option<u8>,
}

/// A numbered heading and the section it opens.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Marker and title, e.g. `二、主动公开政府信息情况`.
    pub span: Span,
    pub marker: Span,
    /// The heading's words: the short line, or the paragraph's first sentence.
    pub title: Span,
    pub style: NumberStyle,
    pub ordinal: u32,
    /// 1-based depth in the outline.
    pub level: usize,
    pub parent: Option<usize>,
    /// The style this heading's level uses; differs from `style` when the author
    /// numbered it like another level (`1、 概述` among `二、三、`).
    pub acting_style: NumberStyle,
    /// From the heading to the next heading of the same or a higher level.
    pub section: Span,
    pub paragraph: usize,
}

/// The report year and where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportYear {
    pub year: i32,
    pub span: Span,
    pub from_title: bool,
    /// The year the title states when the rest of the report agrees on
    /// another (`year`), and where the title states it.
    pub title_overruled: Option<(i32, Span)>,
}

/// A cited notice that issued the national format of the report
/// (「国办公开办函〔2021〕30号」): the report year is not before `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatNotice {
    pub year: i32,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub lines: LineIndex,
    pub paragraphs: Vec<Paragraph>,
    /// Byte offset where the appendix starts (`text.len()` when there is none).
    pub body_end: usize,
    pub title: Option<Span>,
    pub year: Option<ReportYear>,
    /// The latest format notice the body cites.
    pub format_notice: Option<FormatNotice>,
    pub headings: Vec<Heading>,
    pub declared: Option<DeclaredOutline>,
    pub list_counts: Vec<(DeclaredCount, usize)>,
    /// Tables as the reader found them, in order.
    pub tables: Vec<Table>,
    /// Sentences of the prose (body paragraphs that are not table cells), in order.
    pub sentences: Vec<Sentence>,
    /// Quantities of the prose, in order.
    pub quantities: Vec<Quantity>,
    /// Where reading quantities stopped at `MAX_QUANTITIES` (no report has that many).
    pub quantities_stopped_at: Option<usize>,
    /// The width (characters) a PDF copy hard-wrapped the text at, when it
    /// did: its wrapped lines are joined into paragraphs (`wrap::join`).
    pub wrapped_at: Option<usize>,
}

/// Quantities read from one document. A long report has a few thousand; the
/// bound keeps a hostile file's numbers (and the breakdowns built on them)
/// within memory, and the checks say where they stopped.
pub const MAX_QUANTITIES: usize = 100_000;

/// A sentence: up to 。！？ or the end of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

impl Document {
    /// Quantities whose span lies within `span`.
    pub fn quantities_in(&self, span: Span) -> &[Quantity] {
        let from = self
            .quantities
            .partition_point(|q| q.span.start < span.start);
        let to = self.quantities.partition_point(|q| q.span.start < span.end);
        let to = (from..to)
            .take_while(|&i| self.quantities[i].span.end <= span.end)
            .last()
            .map_or(from, |i| i + 1);
        &self.quantities[from..to]
    }

    /// Index of the first quantity at or after byte `at`.
    pub fn quantity_index(&self, at: usize) -> usize {
        self.quantities.partition_point(|q| q.span.start < at)
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Paragraphs of the report body (before the appendix).
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| !p.in_appendix)
    }

    /// Text hard-wrapped by a PDF copy (`wrap::wrap_width`): its line ends
    /// are the copy's, not the report's.
    pub fn hard_wrapped(&self) -> bool {
        self.wrapped_at.is_some()
    }

    /// The text of `span` with the breaks of hard-wrapped lines taken out,
    /// its offsets mapping back into `text`: what paragraph-level checks read
    /// where a word or a figure may be cut by a wrap. The text of `span`
    /// itself when the report is not hard-wrapped.
    pub fn joined(&self, span: Span) -> Joined<'_> {
        if self.hard_wrapped() {
            Joined::new(&self.text, span)
        } else {
            Joined::plain(&self.text, span)
        }
    }

    /// `span`'s text as a message shows it: without the breaks of wrapped lines.
    pub fn shown(&self, span: Span) -> std::borrow::Cow<'_, str> {
        match self.joined(span) {
            j if j.is_joined() => std::borrow::Cow::Owned(j.text().to_string()),
            _ => std::borrow::Cow::Borrowed(self.slice(span)),
        }
    }

    pub fn top_level(&self) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(|h| h.level == 1)
    }
}

/// `Document` is shared across threads by the run: plain data only.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Document>();
};
