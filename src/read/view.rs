//! The text view of a structured document (HTML, DOCX) and its builder: the
//! readers walk their markup and hand the builder paragraphs, line breaks and
//! tables; the builder writes the text a person sees — one paragraph a line,
//! one table row a line with its cells apart by tabs (the layout the plain
//! reader knows best) — and keeps, for every piece, the place in the source it
//! came from. Tables are kept as the model's tables too, merged cells expanded
//! into their grid. The view is then read like plain text (`plain::read_marked`)
//! with the table rows marked, so every format shares one reading of prose,
//! headings and the statistics tables.

use crate::document::{Document, Row, Table, TableCell, TableOrigin};
use crate::source::map::{Place, SourceMap};
use crate::source::span::Span;
use crate::source::text::{is_han, is_space};

use super::plain::{self, Markup};

/// What a structured reader produced.
#[derive(Debug, Default)]
pub struct View {
    pub text: String,
    pub map: SourceMap,
    pub markup: Markup,
}

impl View {
    /// Reads the view into the model (its map stays with the caller).
    pub fn read(self) -> (Document, SourceMap) {
        (plain::read_marked(self.text, self.markup), self.map)
    }
}

/// Spans past these are not expanded (the HTML standard's own clamps are 1000
/// and 65534; the national forms use at most 15 columns and 22 rows).
const MAX_COLSPAN: u32 = 1000;
/// A table's expanded grid stops growing here; its text is still kept.
const MAX_GRID_CELLS: usize = 1 << 20;

/// Builds a `View` from a walk over a document.
#[derive(Debug, Default)]
pub struct ViewBuilder {
    view: View,
    /// The current line has text.
    open: bool,
    table: Option<TableState>,
    /// Tables started inside a cell: their cells are the outer cell's text.
    nested: usize,
    /// Lines ended so far (the current line's 0-based number).
    lines: usize,
}

#[derive(Debug, Default)]
struct TableState {
    rows: Vec<Vec<PendingCell>>,
    row: Option<Vec<PendingCell>>,
    cell: Option<PendingCell>,
}

#[derive(Debug, Default)]
struct PendingCell {
    pieces: Vec<(String, Place)>,
    rowspan: u32,
    colspan: u32,
    /// The next piece starts a new paragraph of the cell.
    broken: bool,
}

impl ViewBuilder {
    pub fn new() -> ViewBuilder {
        ViewBuilder::default()
    }

    /// Text of the current paragraph (or cell), from `place` on. Tabs and line
    /// breaks inside it are blanks; a table cell's text is joined later.
    pub fn push(&mut self, text: &str, place: Place) {
        if text.is_empty() {
            return;
        }
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            let broken = std::mem::take(&mut cell.broken);
            if broken || cell.pieces.is_empty() {
                cell.pieces.push((String::new(), place));
                if broken && cell.pieces.len() > 1 {
                    // Marks the paragraph break for `join_pieces`.
                    cell.pieces.last_mut().expect("pushed").0.push('\n');
                }
            } else if cell.pieces.last().is_some_and(|p| p.1 != place) {
                cell.pieces.push((String::new(), place));
            }
            let piece = &mut cell.pieces.last_mut().expect("pushed").0;
            piece.extend(text.chars().map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            }));
            return;
        }
        if self.table.is_some() {
            // Text between cells (a stray text node in a row) is not a cell.
            return;
        }
        self.view.map.mark(self.view.text.len(), place);
        for c in text.chars() {
            match c {
                '\r' => {}
                '\n' => self.view.text.push(' '),
                c => self.view.text.push(c),
            }
        }
        self.open = true;
    }

    /// The current paragraph is a heading of this outline level (0 = the
    /// top) by its style, whatever its text says (`Markup::outline`).
    pub fn outline_level(&mut self, level: u8) {
        if self.table.is_none() && self.open {
            self.view.markup.outline.push((self.lines, level));
        }
    }

    /// A paragraph ends (a block element, `w:p`); nothing when the line is empty.
    pub fn end_paragraph(&mut self) {
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            cell.broken = true;
            return;
        }
        if self.open {
            self.newline();
        }
    }

    fn newline(&mut self) {
        self.view.text.push('\n');
        self.open = false;
        self.lines += 1;
    }

    /// A forced line break (`<br>`, `w:br`): a new line, kept even when empty.
    pub fn line_break(&mut self) {
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            cell.broken = true;
            return;
        }
        if self.table.is_none() {
            self.newline();
        }
    }

    /// An explicitly empty paragraph (`<p>&nbsp;</p>`, an empty `w:p`): a blank line.
    pub fn blank_line(&mut self) {
        if self.table.is_some() {
            return self.end_paragraph();
        }
        self.end_paragraph();
        self.newline();
    }

    pub fn start_table(&mut self) {
        if self.table.is_some() {
            self.nested += 1;
            self.end_paragraph();
            return;
        }
        self.end_paragraph();
        self.table = Some(TableState::default());
    }

    pub fn start_row(&mut self) {
        if self.nested > 0 {
            return self.end_paragraph();
        }
        if let Some(t) = self.table.as_mut() {
            t.close_row();
            t.row = Some(Vec::new());
        }
    }

    /// A cell spanning `rowspan` rows and `colspan` grid columns (1 when not merged).
    pub fn start_cell(&mut self, rowspan: u32, colspan: u32) {
        if self.nested > 0 {
            return self.end_paragraph();
        }
        if let Some(t) = self.table.as_mut() {
            t.close_cell();
            if t.row.is_none() {
                t.row = Some(Vec::new());
            }
            t.cell = Some(PendingCell {
                rowspan: rowspan.max(1),
                colspan: colspan.clamp(1, MAX_COLSPAN),
                ..PendingCell::default()
            });
        }
    }

    pub fn end_cell(&mut self) {
        if self.nested > 0 {
            return self.end_paragraph();
        }
        if let Some(t) = self.table.as_mut() {
            t.close_cell();
        }
    }

    pub fn end_row(&mut self) {
        if self.nested > 0 {
            return self.end_paragraph();
        }
        if let Some(t) = self.table.as_mut() {
            t.close_row();
        }
    }

    pub fn end_table(&mut self) {
        if self.nested > 0 {
            self.nested -= 1;
            return self.end_paragraph();
        }
        let Some(mut t) = self.table.take() else {
            return;
        };
        t.close_row();
        self.write_table(t.rows);
    }

    /// The view; a table left open is closed.
    pub fn finish(mut self) -> View {
        self.nested = 0;
        self.end_table();
        self.end_paragraph();
        self.view
    }

    /// Writes each row's cells, apart by tabs, one row a line, and the table
    /// with its merged cells expanded.
    fn write_table(&mut self, rows: Vec<Vec<PendingCell>>) {
        let row_count = rows.len();
        // grid[r][c] = (row, index) of the cell covering it.
        let mut grid: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); row_count];
        let mut budget = MAX_GRID_CELLS;
        let mut written: Vec<Vec<Span>> = Vec::with_capacity(row_count);
        let mut model_rows = Vec::with_capacity(row_count);
        for (r, cells) in rows.iter().enumerate() {
            let row_start = self.view.text.len();
            let mut spans = Vec::with_capacity(cells.len());
            let mut col = 0usize;
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    self.view.text.push('\t');
                }
                spans.push(self.write_cell(cell));
                // Place the cell in the first free column of its row.
                while grid[r].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                let rs = (cell.rowspan as usize).min(row_count - r);
                let cs = cell.colspan as usize;
                if rs * cs > budget {
                    continue;
                }
                budget -= rs * cs;
                for covered in grid.iter_mut().skip(r).take(rs) {
                    if covered.len() < col + cs {
                        covered.resize(col + cs, None);
                    }
                    for slot in &mut covered[col..col + cs] {
                        *slot = Some((r, i));
                    }
                }
                col += cs;
            }
            let row_end = self.view.text.len();
            self.view.markup.table_lines.push(self.lines);
            self.newline();
            written.push(spans);
            model_rows.push((Span::new(row_start, row_end), r));
        }
        let Some(&(first, _)) = model_rows.first() else {
            return;
        };
        let mut table = Table {
            span: first,
            rows: Vec::with_capacity(row_count),
            origin: TableOrigin::Markup,
        };
        for (span, r) in model_rows {
            table.span = table.span.cover(span);
            let cells = grid[r]
                .iter()
                .map(|slot| TableCell {
                    span: slot.map_or(Span::new(span.end, span.end), |(or, oi)| written[or][oi]),
                })
                .collect();
            table.rows.push(Row {
                span,
                // The row's line's paragraph, set by `plain::read_marked`.
                paragraph: 0,
                cells,
            });
        }
        self.view.markup.tables.push(table);
    }

    /// Writes one cell's text (its paragraphs joined), returning its span.
    fn write_cell(&mut self, cell: &PendingCell) -> Span {
        let start = self.view.text.len();
        let mut last: Option<char> = None;
        for (piece, place) in &cell.pieces {
            let (broken, piece) = match piece.strip_prefix('\n') {
                Some(rest) => (true, rest),
                None => (false, piece.as_str()),
            };
            let mut piece = piece;
            let mut place = *place;
            if last.is_none() || broken {
                let trimmed = piece.trim_start_matches(is_space);
                // The place is the piece's first character's: move it past
                // the blanks trimmed off (a line's column, in characters).
                if let Place::Line { line, column } = place {
                    let blanks = piece[..piece.len() - trimmed.len()].chars().count();
                    place = Place::Line {
                        line,
                        column: column.saturating_add(u32::try_from(blanks).unwrap_or(u32::MAX)),
                    };
                }
                piece = trimmed;
            }
            if piece.is_empty() {
                continue;
            }
            if broken && let Some(prev) = last {
                // A label wrapped onto a second paragraph joins without a
                // blank between Chinese characters (「政府信息公开」「目录条数」).
                let next = piece.chars().next().expect("not empty");
                if !(joins_tight(prev) && joins_tight(next)) {
                    self.view.text.push(' ');
                }
            }
            self.view.map.mark(self.view.text.len(), place);
            self.view.text.push_str(piece);
            last = piece.chars().last();
        }
        let trimmed = self.view.text.trim_end_matches(is_space).len().max(start);
        self.view.text.truncate(trimmed);
        Span::new(start, self.view.text.len())
    }
}

fn joins_tight(c: char) -> bool {
    is_han(c) || matches!(c, '（' | '）' | '、' | '，' | '“' | '”' | '《' | '》')
}

impl TableState {
    fn close_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(cell);
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(row) = self.row.take() {
            self.rows.push(row);
        }
    }
}
