//! The walk from the chosen element to the text view, as a browser lays the
//! page out: block elements start and end lines, `<br>` breaks one, runs of
//! ASCII blanks collapse to one space (NBSP and U+3000 are characters and
//! stay), inline elements (`span`, `strong`, `font`, `a`, Word's `o:p`) do
//! not break the line. A line of nothing but NBSP/U+3000 (`<p>&nbsp;</p>`,
//! Word's `<o:p>&nbsp;</o:p>`) is a blank line; an empty block is nothing.
//! Data tables go to the builder cell by cell; layout tables (whose cells
//! hold tables, or of a single cell) are read as blocks. The walk keeps its
//! own stack, so nesting depth costs no call stack.

use super::content::is_block;
use super::dom::{Dom, Kind, NONE};
use super::locate::Pieces;
use crate::read::view::{View, ViewBuilder};
use crate::source::map::Place;
use crate::source::text::is_space;

/// Reads `top` (and what it holds) into a view.
pub fn walk(dom: &Dom, top: u32) -> View {
    let n = dom.nodes.len();
    // Which elements hold a table somewhere inside (children follow parents).
    let mut holds_table = vec![false; n];
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        holds_table[p] |= holds_table[i] || dom.name(i as u32) == "table";
    }
    let mut w = Walker {
        dom,
        holds_table,
        b: ViewBuilder::new(),
        line: Vec::new(),
        visible: false,
        pending: Pending::None,
        last_place: Place::Line { line: 1, column: 1 },
        tables: Vec::new(),
        pre: 0,
    };
    // (node, next child to visit)
    let mut stack = vec![(top, dom.nodes[top as usize].first_child)];
    w.enter(top);
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        let child = *next;
        if child == NONE {
            stack.pop();
            w.exit(node);
            continue;
        }
        *next = dom.nodes[child as usize].next_sibling;
        match &dom.nodes[child as usize].kind {
            Kind::Text { text, pieces } => w.text(text, pieces),
            Kind::Element(_) => {
                w.enter(child);
                stack.push((child, dom.nodes[child as usize].first_child));
            }
            Kind::Root => {}
        }
    }
    w.flush(End::Paragraph);
    w.b.finish()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A table of data: rows and cells; started at its first row.
    Data { started: bool },
    /// A table for layout: its parts are blocks.
    Layout,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Paragraph,
    Break,
}

/// Blanks skipped since the last character of the line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pending {
    None,
    /// One ASCII space: written as it is, the source stays in step.
    Space,
    /// Other blanks (several, a line end): written as one space.
    Collapsed,
}

struct Walker<'d> {
    dom: &'d Dom,
    holds_table: Vec<bool>,
    b: ViewBuilder,
    /// The current line: pieces of text, each from its place.
    line: Vec<(String, Place)>,
    /// The line has a character that is not a blank.
    visible: bool,
    pending: Pending,
    last_place: Place,
    tables: Vec<Mode>,
    pre: usize,
}

impl Walker<'_> {
    fn data_table(&self) -> bool {
        matches!(self.tables.last(), Some(Mode::Data { .. }))
    }

    fn enter(&mut self, n: u32) {
        let name = self.dom.name(n);
        match name {
            "br" => self.flush(End::Break),
            "table" => {
                self.flush(End::Paragraph);
                let mode = self.mode(n);
                self.tables.push(mode);
            }
            "thead" | "tbody" | "tfoot" if self.data_table() => {}
            "tr" if self.data_table() => {
                self.flush(End::Paragraph);
                if let Some(Mode::Data { started }) = self.tables.last_mut()
                    && !*started
                {
                    *started = true;
                    self.b.start_table();
                }
                self.b.start_row();
            }
            "td" | "th" if self.data_table() => {
                self.flush(End::Paragraph);
                let tag = self.dom.tag(n).expect("an element");
                self.b.start_cell(tag.rowspan, tag.colspan);
            }
            _ if is_block(name) => {
                self.flush(End::Paragraph);
                if matches!(name, "pre" | "listing" | "xmp" | "plaintext") {
                    self.pre += 1;
                }
            }
            _ => {}
        }
    }

    fn exit(&mut self, n: u32) {
        let name = self.dom.name(n);
        match name {
            "table" => {
                self.flush(End::Paragraph);
                if let Some(Mode::Data { started: true }) = self.tables.pop() {
                    self.b.end_table();
                }
            }
            "thead" | "tbody" | "tfoot" if self.data_table() => {}
            "tr" if self.data_table() => {
                self.flush(End::Paragraph);
                self.b.end_row();
            }
            "td" | "th" if self.data_table() => {
                self.flush(End::Paragraph);
                self.b.end_cell();
            }
            _ if is_block(name) => {
                self.flush(End::Paragraph);
                if matches!(name, "pre" | "listing" | "xmp" | "plaintext") {
                    self.pre = self.pre.saturating_sub(1);
                }
            }
            _ => {}
        }
    }

    /// Data or layout: a table whose cells hold tables, of one cell, or of
    /// none is layout.
    fn mode(&self, table: u32) -> Mode {
        if self.holds_table[table as usize] {
            return Mode::Layout;
        }
        let dom = self.dom;
        let rows = dom.children(table).flat_map(|c| {
            let section = matches!(dom.name(c), "thead" | "tbody" | "tfoot");
            let (direct, inner) = if section {
                (None, Some(dom.children(c)))
            } else {
                (Some(c), None)
            };
            direct.into_iter().chain(inner.into_iter().flatten())
        });
        let mut cells = 0usize;
        for r in rows.filter(|&r| dom.name(r) == "tr") {
            cells += dom
                .children(r)
                .filter(|&c| matches!(dom.name(c), "td" | "th"))
                .count();
            if cells > 1 {
                return Mode::Data { started: false };
            }
        }
        Mode::Layout
    }

    /// A text node: its characters added to the line, blanks collapsed, each
    /// piece of text that runs in step with the source with its place.
    fn text(&mut self, text: &str, pieces: &Pieces) {
        let mut piece = 0usize; // pieces[..piece] start at or before the char
        // (byte end of the last char written from this node, its piece)
        let mut prev: Option<(usize, usize)> = None;
        for (i, c) in text.char_indices() {
            while piece < pieces.len() && pieces[piece].0 <= i {
                piece += 1;
            }
            let blank = c.is_ascii_whitespace() && (self.pre == 0 || c == '\n');
            if self.pre > 0 && c == '\n' {
                self.flush(End::Break);
                prev = None;
                continue;
            }
            if blank {
                if !self.line.is_empty() {
                    self.pending = if self.pending == Pending::None && c == ' ' {
                        Pending::Space
                    } else {
                        Pending::Collapsed
                    };
                }
                continue;
            }
            let c = if c.is_ascii_whitespace() { ' ' } else { c };
            // Does the char follow the last one written, in the source too?
            let in_step = match prev {
                Some((end, p)) => {
                    p == piece && (end == i || self.pending == Pending::Space && end + 1 == i)
                }
                None => {
                    pieces.is_empty() && !self.line.is_empty() && self.pending != Pending::Collapsed
                }
            };
            if self.pending != Pending::None {
                if let Some(last) = self.line.last_mut() {
                    last.0.push(' ');
                }
                self.pending = Pending::None;
            }
            if !in_step || self.line.is_empty() {
                let place = match piece.checked_sub(1).map(|k| pieces[k]) {
                    Some((off, Place::Line { line, column })) => Place::Line {
                        line,
                        column: column.saturating_add(text[off..i].chars().count() as u32),
                    },
                    Some((_, other)) => other,
                    None => self.last_place,
                };
                self.last_place = place;
                self.line.push((String::new(), place));
            }
            self.line.last_mut().expect("pushed").0.push(c);
            self.visible |= !is_space(c);
            prev = Some((i + c.len_utf8(), piece));
        }
    }

    /// Ends the line: its text to the builder, then a paragraph end or a
    /// line break. A line of blanks only is a blank line (an empty one is
    /// nothing); in a table cell it is nothing either way.
    fn flush(&mut self, end: End) {
        let blank = !self.line.is_empty() && !self.visible;
        if self.visible {
            for (text, place) in self.line.drain(..) {
                self.b.push(&text, place);
            }
        }
        self.line.clear();
        self.visible = false;
        self.pending = Pending::None;
        match end {
            End::Paragraph if blank => self.b.blank_line(),
            End::Paragraph => self.b.end_paragraph(),
            End::Break => self.b.line_break(),
        }
    }
}
