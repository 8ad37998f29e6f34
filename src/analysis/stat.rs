//! The 2013–2018 statistics table (统计表) of a report's appendix, read
//! without a template: rows of label, unit and value, arranged as a tree by
//! their numbering (一、 > （一） > 1.), with 「其中」 rows as a list under the
//! row above them. Cell-per-line exports (each cell a tab-led line, rows
//! separated by blank lines, labels wrapping) and one-row-per-line exports
//! (cells separated by ` | `, tabs or runs of spaces) are both read; other
//! layouts are read as a stream (`stat_flat`).

use crate::document::Document;
use crate::document::cells::{self, Cell};
use crate::document::marker::parse_marker;
use crate::document::outline::{Candidate, place};
use crate::source::span::Span;
use crate::source::text::{fold, is_space};

#[derive(Debug, Clone)]
pub struct StatRow {
    /// The label as written (first line), for spans.
    pub label: Span,
    /// The label with wrapped lines joined, folded.
    pub text: String,
    pub unit: Option<String>,
    /// The value cell; `None` when the row has none at all.
    pub value: Option<Cell>,
    /// A 「其中」 row (or an unnumbered row continuing such a list).
    pub among: bool,
    /// The numbered row this one belongs under.
    pub parent: Option<usize>,
    numbered: Option<Candidate>,
}

impl StatRow {
    pub fn has_unit(&self) -> bool {
        self.unit.as_deref().is_some_and(|u| !u.is_empty())
    }

    pub fn number(&self) -> Option<rust_decimal::Decimal> {
        self.value.as_ref().and_then(|c| c.value)
    }
}

/// Reads the statistics table of the appendix (empty when there is none).
pub fn read(doc: &Document) -> Vec<StatRow> {
    if doc.body_end >= doc.text.len() {
        return Vec::new();
    }
    let groups = groups(doc);
    let mut rows: Vec<StatRow> = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let mut g = groups[i].clone();
        // 「七、…报送信息数」 then blank lines, then its unit and value.
        if g.len() == 1
            && let Some(next) = groups.get(i + 1)
            && next.len() <= 2
            && next.iter().all(|(_, t)| t.chars().count() <= 4)
        {
            g.extend(next.iter().cloned());
            i += 1;
        }
        i += 1;
        if let Some(r) = row(&g) {
            rows.push(r);
        }
    }
    // A page whose rows are not lines (flattened, cells run together or one
    // per line, PDF-wrapped labels) is read as a stream; the reading with
    // more figures is the table.
    let figures = |rows: &[StatRow]| rows.iter().filter(|r| r.number().is_some()).count();
    let flat = super::stat_flat::read(doc);
    if figures(&flat) > figures(&rows) {
        rows = flat;
    }
    // The form has about sixty rows; a hostile or garbled file with a
    // hundred thousand must not make the checks over them quadratic.
    rows.truncate(MAX_ROWS);
    arrange(&mut rows);
    rows
}

/// Rows of the statistics table read at most.
pub const MAX_ROWS: usize = 1000;

/// Cell groups: (span, text) per cell, rows separated by blank lines or one per line.
fn groups(doc: &Document) -> Vec<Vec<(Span, String)>> {
    let first = doc.lines.line_of(doc.body_end);
    let mut out: Vec<Vec<(Span, String)>> = Vec::new();
    let mut current: Vec<(Span, String)> = Vec::new();
    // Cells one per line with no tab (a Word table pasted as paragraphs):
    // then a line that is a value or a unit is a cell, not a wrapped label.
    let tabbed = (first..doc.lines.line_count())
        .any(|l| doc.text[doc.lines.line_span(&doc.text, l).range()].starts_with('\t'));
    for line in first..doc.lines.line_count() {
        let span = doc.lines.line_span(&doc.text, line);
        let raw = &doc.text[span.range()];
        let inner = raw.trim_start_matches('\t');
        // Trailing tabs count: 「一、主动公开情况\t\t」 is a row whose unit and
        // value cells are blank, not a label wrapped onto the next line.
        let many = raw.contains(" | ") || inner.trim_start_matches(is_space).contains('\t');
        if many {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            let (_, pieces) = cells::split(raw, span.start);
            out.push(pieces);
        } else if raw.starts_with('\t') {
            let (_, pieces) = cells::split(&format!("\n{raw}"), span.start - 1);
            current.extend(pieces);
        } else if raw.trim_matches(is_space).is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else if !tabbed {
            let t = raw.trim_matches(is_space);
            let lead = raw.len() - raw.trim_start_matches(is_space).len();
            let piece = (
                Span::new(span.start + lead, span.start + lead + t.len()),
                t.to_string(),
            );
            // A label opens a row; a value or unit is its next cell.
            if current.is_empty() || is_unit(t) || cells::value(t).is_some() {
                current.push(piece);
            } else if current.len() == 1 {
                current[0].1.push_str(t);
            } else {
                // Words after a row's cells: the next row, with no blank line.
                out.push(std::mem::take(&mut current));
                current.push(piece);
            }
        } else if let Some(last) = current.last_mut() {
            // A label wrapped onto the next line.
            last.1.push_str(raw.trim_matches(is_space));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A unit cell: 条, 件, 人次, 万元 … (a few characters, no digits).
fn is_unit(t: &str) -> bool {
    let n = t.chars().count();
    (1..=3).contains(&n) && t.chars().all(crate::source::text::is_han) && parse_marker(t).is_none()
}

fn row(g: &[(Span, String)]) -> Option<StatRow> {
    let (label_span, label) = g.first()?;
    if label.is_empty() {
        return None;
    }
    let rest = &g[1..];
    let (unit, value) = match rest {
        [] => (None, None),
        [v] => match cells::value(&v.1) {
            Some(x) => (
                None,
                Some(Cell {
                    value: x,
                    span: v.0,
                }),
            ),
            None => (Some(v.1.clone()), None),
        },
        [u, v, ..] => {
            let x = cells::value(&v.1)?;
            (
                Some(u.1.clone()),
                Some(Cell {
                    value: x,
                    span: v.0,
                }),
            )
        }
    };
    Some(row_of(*label_span, label, unit, value))
}

/// A row from its label (as written), unit and value cell.
pub(super) fn row_of(
    label_span: Span,
    label: &str,
    unit: Option<String>,
    value: Option<Cell>,
) -> StatRow {
    let folded = fold(label);
    let among = folded.starts_with("其中");
    let bare = folded
        .trim_start_matches("其中")
        .trim_start_matches([':', '：']);
    let numbered = if among {
        None
    } else {
        parse_marker(bare).map(|m| Candidate {
            style: m.style,
            ordinal: m.ordinal,
        })
    };
    StatRow {
        label: label_span,
        text: folded,
        unit,
        value,
        among,
        parent: None,
        numbered,
    }
}

/// Parents: numbered rows by their outline; 「其中」 rows and the unnumbered
/// rows that continue them under the numbered row above.
fn arrange(rows: &mut [StatRow]) {
    let idx: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].numbered.is_some())
        .collect();
    let cands: Vec<Candidate> = idx
        .iter()
        .map(|&i| rows[i].numbered.expect("numbered"))
        .collect();
    for (k, p) in place(&cands).into_iter().enumerate() {
        rows[idx[k]].parent = p.parent.map(|pi| idx[pi]);
    }
    let mut last_numbered = None;
    let mut in_list = false;
    for (i, row) in rows.iter_mut().enumerate() {
        if row.numbered.is_some() {
            last_numbered = Some(i);
            in_list = false;
        } else if row.among || in_list {
            row.among = true;
            row.parent = last_numbered;
            in_list = true;
        }
    }
}

/// Children of row `p`: its numbered items, or its 「其中」 list.
pub fn children(rows: &[StatRow], p: usize, among: bool) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| rows[i].parent == Some(p) && rows[i].among == among)
        .collect()
}

/// The first row whose label contains `words` (folded).
pub fn find(rows: &[StatRow], words: &str) -> Option<usize> {
    let w = fold(words);
    rows.iter().position(|r| r.text.contains(&w))
}
