//! The main document part (`word/document.xml`) walked into the view: one
//! flat loop over XML events with a few flags and counters, never recursion,
//! so a deeply nested or huge body costs time linear in its size.
//!
//! What the reader shows is what Word shows with tracked changes accepted:
//! - paragraphs (`w:p`) with their automatic numbering rendered in front;
//!   runs (`w:r`) with `w:t`, `w:tab` (a tab), `w:br` (a line break; a page
//!   break ends the line), `w:cr`, `w:noBreakHyphen` ('-'), `w:sym`; hidden
//!   runs (`w:vanish`) are not shown;
//! - `w:ins`/`w:moveTo` kept, `w:del`/`w:moveFrom` dropped, and the old
//!   properties of a change (`w:pPrChange`, …) ignored;
//! - fields: only the cached result between `separate` and `end` (the
//!   instruction is not text); `w:fldSimple` keeps its runs;
//! - footnote and endnote references are marks, not text (their parts are
//!   not read, nor headers and footers);
//! - text boxes (`wps:txbx`, `v:textbox`): read once — the `mc:Choice` of an
//!   `mc:AlternateContent`, never its `mc:Fallback` copy — and written as
//!   their own lines right after the paragraph that anchors them, with that
//!   paragraph's place;
//! - tables: a table's rows are buffered until `w:tbl` ends, because a
//!   vertically merged cell's rowspan (`w:vMerge` restart) is known only from
//!   the rows below; continuation cells hold no text and are left out;
//!   `w:gridSpan` is the colspan; `w:gridBefore` becomes an empty leading cell
//!   spanning those columns (so the cells keep their grid columns), while
//!   `w:gridAfter` needs nothing; rows deleted as a tracked change are left
//!   out. A table inside a cell is flattened into that cell's text.
//!
//! Places: `Paragraph` counts the body's paragraphs outside tables (blank
//! ones included, text-box paragraphs not); `Cell` counts top-level tables,
//! their rows as written and grid columns, all 1-based.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::numbering::{Lists, Numbering, Styles};
use super::xml::{Names, Ns, attr, int_attr, on, push_ref};
use crate::read::view::{View, ViewBuilder};
use crate::source::map::Place;

/// `w:gridSpan`/`w:gridBefore` past this are clamped (the builder clamps
/// colspans to the same).
const MAX_SPAN: i64 = 1000;

/// A paragraph being read.
#[derive(Debug)]
struct Para {
    style: Option<String>,
    /// Its own `w:outlineLvl`, then (once its style is known) its level.
    outline: Option<u8>,
    num_id: Option<i64>,
    ilvl: Option<i64>,
    /// The numbering marker is written (after `w:pPr`, or at the first content).
    started: bool,
    /// Anything (text, marker, break) was written for it.
    written: bool,
    /// Where its text is: a body paragraph, a table cell or a text box.
    target: Target,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Body(u32),
    Cell,
    TextBox,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    Restart,
    Continue,
}

#[derive(Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    /// A new paragraph or line of the cell.
    Break,
}

#[derive(Debug)]
struct Cell {
    /// 0-based grid column of its first column.
    column: u32,
    span: u32,
    vmerge: Option<VMerge>,
    parts: Vec<Part>,
}

#[derive(Debug, Default)]
struct RowBuf {
    cells: Vec<Cell>,
    grid_before: u32,
    /// The grid column the next cell starts at.
    next: u32,
    deleted: bool,
}

/// The walk's state. Flags name the property element being read; `skip`
/// counts the open elements of a subtree that is not shown.
struct Walker<'a> {
    names: Names,
    b: ViewBuilder,
    lists: Lists<'a>,
    skip: usize,
    paras: Vec<Para>,
    body_paras: u32,
    tables: u32,
    /// Open `w:tbl`s outside text boxes; only the outermost is a table.
    table_depth: usize,
    table: Vec<RowBuf>,
    /// Open `w:txbxContent`s.
    textbox: usize,
    /// Text-box lines waiting for their anchoring paragraph to end.
    deferred: Vec<String>,
    /// Per open `mc:AlternateContent`: a choice was taken.
    alternates: Vec<bool>,
    /// Per open complex field: its result part has begun.
    fields: Vec<bool>,
    /// Open fields still in their instruction part (nothing shows then).
    in_instruction: usize,
    in_text: bool,
    in_ppr: bool,
    in_rpr: bool,
    in_trpr: bool,
    in_tcpr: bool,
    hidden: bool,
}

/// Walks `document.xml` into the view.
pub(super) fn walk(
    xml: &str,
    styles: &Styles,
    numbering: &Numbering,
) -> Result<View, quick_xml::Error> {
    let mut w = Walker {
        names: Names::default(),
        b: ViewBuilder::new(),
        lists: Lists::new(styles, numbering),
        skip: 0,
        paras: Vec::new(),
        body_paras: 0,
        tables: 0,
        table_depth: 0,
        table: Vec::new(),
        textbox: 0,
        deferred: Vec::new(),
        alternates: Vec::new(),
        fields: Vec::new(),
        in_instruction: 0,
        in_text: false,
        in_ppr: false,
        in_rpr: false,
        in_trpr: false,
        in_tcpr: false,
        hidden: false,
    };
    let mut reader = Reader::from_str(xml);
    let mut root = true;
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) => {
                if w.skip > 0 {
                    w.skip += 1;
                    continue;
                }
                if std::mem::take(&mut root) {
                    w.names = Names::from_root(&e);
                }
                w.start(&e, false);
            }
            Event::Empty(e) => {
                if w.skip > 0 {
                    continue;
                }
                w.start(&e, true);
            }
            Event::End(e) => {
                if w.skip > 0 {
                    w.skip -= 1;
                    continue;
                }
                let qname = e.name();
                let (ns, local) = w.names.split(qname.as_ref());
                w.end(ns, local);
            }
            Event::Text(t) if w.skip == 0 && w.in_text => {
                w.emit(&t.xml10_content());
            }
            Event::CData(t) if w.skip == 0 && w.in_text => {
                w.emit(&t.xml10_content());
            }
            Event::GeneralRef(r) if w.skip == 0 && w.in_text => {
                let mut s = String::new();
                push_ref(&mut s, &r);
                w.emit(&s);
            }
            _ => {}
        }
    }
    // A document cut short: what was read is kept.
    w.textbox = 0;
    while !w.paras.is_empty() {
        w.end_paragraph();
    }
    while w.table_depth > 0 {
        w.end_table();
    }
    Ok(w.b.finish())
}

impl Walker<'_> {
    /// An element starts (`empty`: and ends at once).
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let qname = e.name();
        let (ns, local) = self.names.split(qname.as_ref());
        match ns {
            Ns::W => {}
            Ns::Mc => return self.start_alternate(local, empty),
            Ns::M => {
                if local == "t" && !empty {
                    self.in_text = true;
                }
                return;
            }
            Ns::Other => return,
        }
        if self.in_ppr {
            return self.paragraph_property(local, e, empty);
        }
        if self.in_rpr {
            match local {
                "vanish" => self.hidden = on(e),
                "rPrChange" if !empty => self.skip = 1,
                _ => {}
            }
            return;
        }
        if self.in_trpr {
            if self.textbox > 0 {
                return;
            }
            match local {
                "gridBefore" => {
                    if let Some(row) = self.row() {
                        let n = int_attr(e, "val").unwrap_or(0).clamp(0, MAX_SPAN) as u32;
                        row.grid_before = n;
                        row.next = n;
                    }
                }
                "del" => {
                    if let Some(row) = self.row() {
                        row.deleted = true;
                    }
                    if !empty {
                        self.skip = 1;
                    }
                }
                "trPrChange" if !empty => self.skip = 1,
                _ => {}
            }
            return;
        }
        if self.in_tcpr {
            let cell = (self.table_depth == 1 && self.textbox == 0)
                .then(|| self.row().and_then(|r| r.cells.last_mut()))
                .flatten();
            match local {
                "gridSpan" => {
                    if let Some(c) = cell {
                        c.span = int_attr(e, "val").unwrap_or(1).clamp(1, MAX_SPAN) as u32;
                    }
                }
                "vMerge" => {
                    if let Some(c) = cell {
                        c.vmerge = Some(match attr(e, "val").as_deref() {
                            Some("restart") => VMerge::Restart,
                            _ => VMerge::Continue,
                        });
                    }
                }
                "tcPrChange" if !empty => self.skip = 1,
                _ => {}
            }
            return;
        }
        // Content of a paragraph other than its properties: its marker first.
        if local != "pPr" && local != "p" {
            self.begin_content();
        }
        match local {
            "p" => {
                self.begin_content();
                self.start_paragraph();
                if empty {
                    self.end_paragraph();
                }
            }
            "pPr" => self.in_ppr = !empty,
            "r" => self.hidden = false,
            "rPr" => self.in_rpr = !empty,
            "t" => self.in_text = !empty,
            "tab" | "ptab" => self.emit("\t"),
            "br" => match attr(e, "type").as_deref() {
                Some("page") => self.page_break(),
                _ => self.line_break(),
            },
            "cr" => self.line_break(),
            "noBreakHyphen" => self.emit("-"),
            "sym" => {
                let c = attr(e, "char")
                    .and_then(|h| u32::from_str_radix(h.trim(), 16).ok())
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    self.emit(c.encode_utf8(&mut [0; 4]));
                }
            }
            "fldChar" => match attr(e, "fldCharType").as_deref() {
                Some("begin") => {
                    self.fields.push(false);
                    self.in_instruction += 1;
                }
                Some("separate") => {
                    if let Some(result) = self.fields.last_mut()
                        && !*result
                    {
                        *result = true;
                        self.in_instruction -= 1;
                    }
                }
                Some("end") => {
                    // An instruction part closed without `separate`.
                    let unseparated = self.fields.pop() == Some(false);
                    self.in_instruction -= usize::from(unseparated);
                }
                _ => {}
            },
            "txbxContent" if !empty => {
                self.textbox += 1;
            }
            "tbl" if !empty => {
                self.start_table();
            }
            "tr" => {
                self.start_row();
                if empty {
                    self.end(Ns::W, "tr");
                }
            }
            "tc" => {
                self.start_cell();
                if empty {
                    self.end(Ns::W, "tc");
                }
            }
            "trPr" => self.in_trpr = !empty,
            "tcPr" => self.in_tcpr = !empty,
            // Not shown: deleted and moved-away text, field instructions,
            // note references, the properties of sections, tables and
            // content controls, old properties of a change, ruby guide text (`w:rt`;
            // its base text is shown).
            "del" | "moveFrom" | "instrText" | "delInstrText" | "delText" | "sectPr" | "tblPr"
            | "tblGrid" | "tblPrEx" | "sdtPr" | "sdtEndPr" | "pPrChange" | "rPrChange"
            | "customXmlPr" | "smartTagPr" | "fldData" | "footnoteReference"
            | "endnoteReference" | "commentReference" | "rt"
                if !empty =>
            {
                self.skip = 1;
            }
            // Everything else (`w:body`, `w:ins`, `w:moveTo`, `w:hyperlink`,
            // `w:fldSimple`, `w:sdt`, `w:smartTag`, bookmarks, drawings …) is
            // walked through.
            _ => {}
        }
    }

    fn end(&mut self, ns: Ns, local: &str) {
        match ns {
            Ns::W => {}
            Ns::Mc => {
                if local == "AlternateContent" {
                    self.alternates.pop();
                }
                return;
            }
            Ns::M => {
                if local == "t" {
                    self.in_text = false;
                }
                return;
            }
            Ns::Other => return,
        }
        match local {
            "p" => self.end_paragraph(),
            "pPr" => {
                self.in_ppr = false;
                self.begin_content();
            }
            "rPr" => self.in_rpr = false,
            "r" => self.hidden = false,
            "t" => self.in_text = false,
            "trPr" => self.in_trpr = false,
            "tcPr" => self.in_tcpr = false,
            "txbxContent" => self.textbox = self.textbox.saturating_sub(1),
            "tbl" => self.end_table(),
            "tc" => {
                if self.textbox == 0 && self.table_depth > 1 {
                    self.cell_break();
                } else if self.textbox == 0
                    && self.table_depth == 1
                    && let Some(row) = self.row()
                    && let Some(cell) = row.cells.last()
                {
                    row.next = row.next.saturating_add(cell.span);
                }
            }
            "tr" if self.textbox == 0 && self.table_depth > 1 => {
                self.cell_break();
            }
            _ => {}
        }
    }

    /// `mc:AlternateContent`: the first `mc:Choice` is read, the rest and the
    /// `mc:Fallback` (the same content for older readers) are not.
    fn start_alternate(&mut self, local: &str, empty: bool) {
        if empty {
            return;
        }
        match local {
            "AlternateContent" => self.alternates.push(false),
            "Choice" | "Fallback" => match self.alternates.last_mut() {
                Some(taken) if !*taken => *taken = true,
                Some(_) => self.skip = 1,
                None => {}
            },
            _ => {}
        }
    }

    fn paragraph_property(&mut self, local: &str, e: &BytesStart, empty: bool) {
        match local {
            "pStyle" => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = attr(e, "val");
                }
            }
            "outlineLvl" => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = int_attr(e, "val")
                        .and_then(|v| u8::try_from(v).ok())
                        .filter(|&v| v < 9);
                }
            }
            "numId" | "ilvl" => {
                if let Some(p) = self.paras.last_mut() {
                    let v = int_attr(e, "val");
                    if local == "numId" {
                        p.num_id = v;
                    } else {
                        p.ilvl = v;
                    }
                }
            }
            // The paragraph mark's run properties, tab stops, old properties.
            "rPr" | "tabs" | "pPrChange" | "sectPr" | "numberingChange" if !empty => self.skip = 1,
            _ => {}
        }
    }

    fn start_paragraph(&mut self) {
        let target = if self.textbox > 0 {
            self.deferred.push(String::new());
            Target::TextBox
        } else if self.table_depth > 0 {
            Target::Cell
        } else {
            self.body_paras = self.body_paras.saturating_add(1);
            Target::Body(self.body_paras)
        };
        self.paras.push(Para {
            style: None,
            outline: None,
            num_id: None,
            ilvl: None,
            started: false,
            written: false,
            target,
        });
    }

    /// The current paragraph's properties are known: writes its marker.
    fn begin_content(&mut self) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        if std::mem::replace(&mut p.started, true) {
            return;
        }
        let (style, num_id, ilvl) = (p.style.take(), p.num_id, p.ilvl);
        p.outline = p
            .outline
            .or_else(|| self.lists.outline_level(style.as_deref()));
        let marker = self.lists.marker(style.as_deref(), num_id, ilvl);
        self.write(&marker);
    }

    fn end_paragraph(&mut self) {
        self.begin_content();
        let Some(p) = self.paras.pop() else {
            return;
        };
        match p.target {
            Target::TextBox => {}
            Target::Cell => {
                self.cell_break();
                self.flush_deferred(None);
            }
            Target::Body(n) => {
                let place = Place::Paragraph { paragraph: n };
                let had_text = p.written;
                if had_text {
                    // A heading by its style (「标题 1」…): the outline sees it
                    // even when it carries no number.
                    if let Some(level) = p.outline.filter(|&l| l < 4) {
                        self.b.outline_level(level);
                    }
                    self.b.end_paragraph();
                }
                if !self.flush_deferred(Some(place)) && !had_text {
                    self.b.blank_line();
                }
            }
        }
    }

    /// Writes the text-box lines anchored in the paragraph that just ended
    /// (to the body at `place`, or into the current cell); true when any.
    fn flush_deferred(&mut self, place: Option<Place>) -> bool {
        if self.textbox > 0 || self.deferred.is_empty() {
            return false;
        }
        let lines = std::mem::take(&mut self.deferred);
        let mut any = false;
        for line in lines.iter().filter(|l| !l.trim().is_empty()) {
            any = true;
            match place {
                Some(place) => {
                    self.b.push(line, place);
                    self.b.end_paragraph();
                }
                None => {
                    if let Some(cell) = self.cell() {
                        cell.parts.push(Part::Text(line.clone()));
                        cell.parts.push(Part::Break);
                    }
                }
            }
        }
        any
    }

    /// Text of a run, shown unless inside a field instruction or hidden.
    fn emit(&mut self, s: &str) {
        if self.in_instruction > 0 || self.hidden {
            return;
        }
        self.begin_content();
        self.write(s);
    }

    /// Writes to where the current paragraph's text goes.
    fn write(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        p.written = true;
        match p.target {
            Target::TextBox => {
                if let Some(line) = self.deferred.last_mut() {
                    line.push_str(s);
                }
            }
            Target::Cell => {
                if let Some(cell) = self.cell() {
                    match cell.parts.last_mut() {
                        Some(Part::Text(t)) => t.push_str(s),
                        _ => cell.parts.push(Part::Text(s.to_owned())),
                    }
                }
            }
            Target::Body(n) => self.b.push(s, Place::Paragraph { paragraph: n }),
        }
    }

    fn line_break(&mut self) {
        if self.in_instruction > 0 || self.hidden {
            return;
        }
        self.begin_content();
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        p.written = true;
        match p.target {
            Target::TextBox => self.deferred.push(String::new()),
            Target::Cell => self.cell_break(),
            Target::Body(_) => self.b.line_break(),
        }
    }

    /// A page break ends the line (the paragraph goes on on the next page).
    fn page_break(&mut self) {
        if self.in_instruction > 0 || self.hidden {
            return;
        }
        self.begin_content();
        match self.paras.last().map(|p| p.target) {
            Some(Target::Body(_)) => self.b.end_paragraph(),
            Some(_) => self.line_break(),
            None => {}
        }
    }

    fn row(&mut self) -> Option<&mut RowBuf> {
        self.table.last_mut()
    }

    fn cell(&mut self) -> Option<&mut Cell> {
        self.table.last_mut().and_then(|r| r.cells.last_mut())
    }

    /// A new paragraph or line inside the current cell.
    fn cell_break(&mut self) {
        if let Some(cell) = self.cell()
            && cell.parts.last().is_some_and(|p| *p != Part::Break)
        {
            cell.parts.push(Part::Break);
        }
    }

    fn start_table(&mut self) {
        if self.textbox > 0 {
            return;
        }
        self.table_depth += 1;
        if self.table_depth > 1 {
            self.cell_break();
        }
    }

    fn start_row(&mut self) {
        if self.textbox > 0 {
            return;
        }
        match self.table_depth {
            1 => self.table.push(RowBuf::default()),
            0 => {}
            _ => self.cell_break(),
        }
    }

    fn start_cell(&mut self) {
        if self.textbox > 0 || self.table_depth != 1 {
            return;
        }
        if self.table.is_empty() {
            // A cell outside a row: a row of its own.
            self.table.push(RowBuf::default());
        }
        let row = self.table.last_mut().expect("a row");
        row.cells.push(Cell {
            column: row.next,
            span: 1,
            vmerge: None,
            parts: Vec::new(),
        });
    }

    fn end_table(&mut self) {
        if self.textbox > 0 || self.table_depth == 0 {
            return;
        }
        self.table_depth -= 1;
        if self.table_depth > 0 {
            return self.cell_break();
        }
        let rows: Vec<RowBuf> = std::mem::take(&mut self.table)
            .into_iter()
            .filter(|r| !r.deleted)
            .collect();
        if rows.is_empty() {
            return;
        }
        self.tables = self.tables.saturating_add(1);
        let rowspans = rowspans(&rows);
        self.b.start_table();
        for (r, (row, spans)) in rows.iter().zip(&rowspans).enumerate() {
            self.b.start_row();
            if row.grid_before > 0 {
                self.b.start_cell(1, row.grid_before);
                self.b.end_cell();
            }
            for (cell, &rowspan) in row.cells.iter().zip(spans) {
                if rowspan == 0 {
                    continue;
                }
                let place = Place::Cell {
                    table: self.tables,
                    row: u32::try_from(r + 1).unwrap_or(u32::MAX),
                    column: cell.column.saturating_add(1),
                };
                self.b.start_cell(rowspan, cell.span);
                for part in &cell.parts {
                    match part {
                        Part::Text(t) => self.b.push(t, place),
                        Part::Break => self.b.end_paragraph(),
                    }
                }
                self.b.end_cell();
            }
            self.b.end_row();
        }
        self.b.end_table();
    }
}

/// The rowspan of every cell: a `w:vMerge` restart (or a continuation with
/// nothing to continue) spans itself and the continuation cells below it in
/// the same grid column; a continuation cell that continues a merge is 0.
/// Each cell is looked at once and looked up by binary search: linear-ish.
fn rowspans(rows: &[RowBuf]) -> Vec<Vec<u32>> {
    let mut spans: Vec<Vec<u32>> = rows.iter().map(|r| vec![1; r.cells.len()]).collect();
    // The merges open in the previous row: (grid column, head row, head cell).
    let mut open: Vec<(u32, usize, usize)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut next = Vec::new();
        for (i, cell) in row.cells.iter().enumerate() {
            match cell.vmerge {
                None => {}
                Some(VMerge::Restart) => next.push((cell.column, r, i)),
                Some(VMerge::Continue) => {
                    let head = open
                        .binary_search_by_key(&cell.column, |&(c, _, _)| c)
                        .ok()
                        .map(|k| (open[k].1, open[k].2));
                    match head {
                        Some((hr, hi)) => {
                            spans[hr][hi] = spans[hr][hi].saturating_add(1);
                            spans[r][i] = 0;
                            next.push((cell.column, hr, hi));
                        }
                        None => next.push((cell.column, r, i)),
                    }
                }
            }
        }
        // Cells come in increasing grid columns; keep the search valid anyway.
        next.sort_by_key(|&(c, _, _)| c);
        open = next;
    }
    spans
}
