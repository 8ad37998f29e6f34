//! The national tables (表二、表三、表四) read against a template from the pack:
//! each template row is found by its label, in order, after the table's start
//! phrase; the text after the label is split into cells in whatever layout it
//! has. Rows whose cells were concatenated into one digit run are split using
//! the table's relations, solving all such rows jointly; when several splits
//! fit, the row is reported as ambiguous instead of guessed.

use std::collections::BTreeMap;

use crate::document::Document;
use crate::document::cells::{self, Cell, Layout};
use crate::rules::table::{ForEach, Named, RowDef, TableDef, TableEquation};
use crate::source::span::Span;
use crate::source::text::{fold_char, is_han, is_label_noise, is_quote, is_space};
use rust_decimal::Decimal;

/// One row as found in the text.
#[derive(Debug, Clone)]
pub struct GridRow {
    pub def: usize,
    pub label: Span,
    /// One cell per column of the row's template; `None` when the text has
    /// fewer cells than the template.
    pub cells: Vec<Option<Cell>>,
    /// For a row whose digit run splits more than one way (ambiguous): the
    /// run and every split the table's relations allow (`Run::splits` is
    /// `None` when there were too many to keep: nothing may be concluded).
    pub run: Option<Run>,
}

/// A row's cells run together into one digit run, and the splits left open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub span: Span,
    pub digits: String,
    /// Each a value per column of the row; complete (every split the
    /// relations allow), deduplicated, in the order found.
    pub splits: Option<Vec<Vec<Decimal>>>,
}

/// A table read against its template.
#[derive(Debug, Clone)]
pub struct Grid {
    pub start: Span,
    pub rows: Vec<GridRow>,
    /// Columns of the template the table left out (its header does not name
    /// them and its rows are that many cells short); the rows' cells are
    /// aligned to the columns that are there, these cells absent.
    pub missing_columns: Vec<usize>,
}

impl GridRow {
    /// The row's digit run could be split in more than one way.
    pub fn ambiguous(&self) -> bool {
        self.run.is_some()
    }
}

impl Grid {
    pub fn row(&self, id: &str, def: &TableDef) -> Option<&GridRow> {
        self.rows.iter().find(|r| def.rows[r.def].id == id)
    }

    /// From the first row's label to the last row's last cell: the text that
    /// is this table's rows, whatever its layout (a table flattened into one
    /// line included). `None` for one row of fewer than three cells (表四 is
    /// one row of fifteen; a lone label with a number may be prose).
    pub fn rows_span(&self, text: &str) -> Option<Span> {
        if self.rows.len() < 2
            && self
                .rows
                .first()
                .is_none_or(|r| r.cells.iter().flatten().count() < 3)
        {
            return None;
        }
        let first = self.rows.iter().map(|r| r.label.start).min()?;
        // The header rows between the table's opening words and its first
        // row are table too (「…行政诉讼情况行政复议行政诉讼结果维持…」 must not
        // run into the section title) — when they are near and no sentence
        // ends between (opening words met in prose are not the table).
        let start = if self.start.start < first
            && first - self.start.start <= 600
            && !text[self.start.start..first].contains(['。', '；'])
        {
            self.start.start
        } else {
            first
        };
        let end = self
            .rows
            .iter()
            .flat_map(|r| {
                std::iter::once(r.label.end).chain(r.cells.iter().flatten().map(|c| c.span.end))
            })
            .max()?;
        Some(Span::new(start, end))
    }
}

/// Text folded for label search, mapped back to document offsets. The map
/// keeps only the points where the distance between folded and document
/// offsets changes (a dropped blank, a full-width char made ASCII), so a large
/// file costs a fraction of a byte per byte, not eight.
struct Folded<'a> {
    src: &'a str,
    base: usize,
    text: String,
    /// (folded byte, document byte) from which the distance holds.
    marks: Vec<(usize, usize)>,
}

impl<'a> Folded<'a> {
    fn new(src: &'a str, base: usize) -> Folded<'a> {
        let mut text = String::with_capacity(src.len());
        let mut marks = vec![(0, base)];
        let mark = |text: &String, marks: &mut Vec<(usize, usize)>, orig: usize| {
            let (f, o) = *marks.last().expect("first mark");
            if orig - o != text.len() - f {
                marks.push((text.len(), orig));
            }
        };
        for (i, c) in src.char_indices() {
            if is_label_noise(c) {
                continue;
            }
            mark(&text, &mut marks, base + i);
            text.push(fold_char(c));
        }
        mark(&text, &mut marks, base + src.len());
        Folded {
            src,
            base,
            text,
            marks,
        }
    }

    /// Byte offset in the document of the char at folded byte `i`.
    fn at(&self, i: usize) -> usize {
        let i = i.min(self.text.len());
        let k = self.marks.partition_point(|&(f, _)| f <= i) - 1;
        let (f, o) = self.marks[k];
        let mut at = (o + (i - f)).min(self.base + self.src.len());
        while at > self.base && !self.src.is_char_boundary(at - self.base) {
            at -= 1;
        }
        at
    }

    /// The first folded byte whose document offset is at or after `orig`.
    fn folded_at(&self, orig: usize) -> usize {
        let k = self.marks.partition_point(|&(_, o)| o <= orig).max(1) - 1;
        let (f, o) = self.marks[k];
        let next = self.marks.get(k + 1).map_or(self.text.len(), |&(nf, _)| nf);
        (f + orig.saturating_sub(o)).min(next)
    }
}

/// Reads every table of `defs` in order; `None` for a table not found.
pub fn read_all(doc: &Document, defs: &[TableDef]) -> Vec<Option<Grid>> {
    let body = &doc.text[..doc.body_end];
    let folded = Folded::new(body, 0);
    let mut cursor = 0;
    let mut out = Vec::new();
    for (i, def) in defs.iter().enumerate() {
        let grid = read(doc, &folded, def, &defs[i + 1..], cursor);
        if let Some(g) = &grid
            && let Some(last) = g.rows.last()
        {
            cursor = folded.folded_at(last.label.end);
        }
        out.push(grid);
    }
    out
}

fn read(
    doc: &Document,
    f: &Folded<'_>,
    def: &TableDef,
    later: &[TableDef],
    from: usize,
) -> Option<Grid> {
    let (start_at, start_len) = def
        .start_keys
        .iter()
        .filter_map(|k| f.text[from..].find(k.as_str()).map(|i| (from + i, k.len())))
        .min()?;
    let mut cursor = start_at + start_len;
    // A row's label is looked for before the next table opens: a missing
    // 「（七）总计」 must not be found in 表四's header (「…总计」).
    // The next table's section heading (its title) bounds it too: its
    // header rows come before its start phrase.
    let bound = later
        .iter()
        .flat_map(|d| d.start_keys.iter().chain([&d.title_key]))
        .filter(|k| k.chars().count() >= 4)
        .filter_map(|k| f.text[cursor..].find(k.as_str()).map(|i| cursor + i))
        .min()
        .unwrap_or(f.text.len());
    // (def row, label span, folded start, folded end)
    let mut found: Vec<(usize, Span, usize, usize)> = Vec::new();
    let mut missing = Vec::new();
    for (ri, row) in def.rows.iter().enumerate() {
        let Some((at, len)) = find_label(f, row, cursor, bound) else {
            missing.push(ri);
            continue;
        };
        let mut end = at + len;
        // 「部分公开（区分处理的，只计这一情形，不计其他情形）」: the note belongs to
        // the label — right after it, not past a cell or a line (「（一）予以公开\t…
        // \n（二）部分公开」: folding dropped the tabs between).
        let label_doc_end = {
            let last = f.at(end - 1);
            last + doc.text[last..].chars().next().map_or(0, char::len_utf8)
        };
        if f.text[end..].starts_with('(')
            && doc.text[label_doc_end..].starts_with(['(', '（'])
            && let Some(close) = f.text[end..].find(')')
        {
            end += close + 1;
        }
        // The label ends after its last char, not at the next folded char
        // (which may sit past a line break and a tab) — and after the quotes
        // closing it (「危及“三安全一稳定”」), which folding dropped.
        let last = f.at(end - 1);
        let last_len = doc.text[last..].chars().next().map_or(0, char::len_utf8);
        let mut label_end = last + last_len;
        label_end += doc.text[label_end..]
            .chars()
            .take_while(|&c| is_quote(c))
            .map(char::len_utf8)
            .sum::<usize>();
        found.push((ri, Span::new(f.at(at), label_end), at, end));
        cursor = end;
    }
    if found.is_empty() {
        return None;
    }
    // A numbered row whose label lost characters in conversion
    // (「2.其他法律行政止公开」): between its found neighbours, by its ordinal
    // and most of its characters.
    for ri in missing {
        let prev = found.iter().filter(|r| r.0 < ri).max_by_key(|r| r.0);
        let next = found.iter().filter(|r| r.0 > ri).min_by_key(|r| r.0);
        let from = prev.map_or(start_at + start_len, |r| r.3);
        let to = next.map_or(bound, |r| r.2);
        if let Some((at, end)) = garbled_label(f, &def.rows[ri], from, to) {
            let last = f.at(end - 1);
            let last_len = doc.text[last..].chars().next().map_or(0, char::len_utf8);
            let span = Span::new(f.at(at), last + last_len);
            found.push((ri, span, at, end));
        }
    }
    // A row of the older form stands in only where the rows it stands for
    // are all absent; elsewhere its label is their group's label.
    let seen: Vec<&str> = found.iter().map(|f| def.rows[f.0].id.as_str()).collect();
    let stands_in = |ri: usize| {
        let targets = &def.rows[ri].stands_for;
        targets.is_empty() || !targets.iter().any(|t| seen.contains(&t.as_str()))
    };
    let keep: Vec<bool> = found.iter().map(|f| stands_in(f.0)).collect();
    let mut k = keep.iter();
    found.retain(|_| *k.next().expect("one flag per row"));
    found.sort_by_key(|r| r.2);
    let mut rows = Vec::new();
    for (k, &(ri, label, _, _)) in found.iter().enumerate() {
        let limit = found.get(k + 1).map_or(doc.body_end, |n| n.1.start);
        let next_ord = found.get(k + 1).and_then(|n| def.rows[n.0].ordinal);
        let (text_start, text, lead_is_cell) = cell_text(&doc.text, label.end, limit, next_ord);
        let want = def.rows[ri]
            .columns
            .as_ref()
            .map_or(def.columns.len(), Vec::len);
        let (mut layout, mut pieces) = cells::split(text, text_start);
        if lead_is_cell && layout == Layout::Tabs {
            pieces.insert(0, (Span::new(text_start, text_start), String::new()));
        }
        let nonblank: Vec<&(Span, String)> = pieces.iter().filter(|(_, t)| !t.is_empty()).collect();
        // One run of digits where several cells belong: concatenated cells.
        if want > 1
            && pieces.len() == 1
            && nonblank.len() == 1
            && nonblank[0].1.len() > 1
            && nonblank[0].1.chars().all(|c| c.is_ascii_digit())
        {
            layout = Layout::Flat;
        }
        let mut flat_piece = nonblank.first().map(|p| (*p).clone());
        // Fewer runs of digits than cells, one with a leading zero or with
        // at least a digit per cell (「230 000023」 for 23 | 0 | 0 | 0 | 0 | 0 |
        // 23, 「500000 5」): concatenated cells with a stray blank, not two
        // figures.
        if want > 1
            && layout == Layout::Spaces
            && (2..want).contains(&nonblank.len())
            && nonblank
                .iter()
                .all(|p| p.1.chars().all(|c| c.is_ascii_digit()))
            && (nonblank
                .iter()
                .any(|p| p.1.len() > 1 && p.1.starts_with('0'))
                || nonblank.iter().map(|p| p.1.len()).sum::<usize>() >= want)
        {
            let span = Span::new(nonblank[0].0.start, nonblank[nonblank.len() - 1].0.end);
            layout = Layout::Flat;
            flat_piece = Some((span, doc.text[span.range()].to_string()));
        }
        let mut cells: Vec<Option<Cell>> = match layout {
            Layout::Flat if want > 1 => Vec::new(),
            _ => cells::cells(&pieces).into_iter().map(Some).collect(),
        };
        let flat = layout == Layout::Flat && want > 1 && flat_piece.is_some();
        cells.resize(want, None);
        cells.truncate(want);
        rows.push((
            GridRow {
                def: ri,
                label,
                cells,
                run: None,
            },
            flat.then_some(flat_piece).flatten(),
        ));
    }
    let mut grid = Grid {
        start: Span::new(f.at(start_at), f.at(start_at + start_len)),
        rows: Vec::new(),
        missing_columns: Vec::new(),
    };
    split_flat(def, &mut rows);
    grid.rows = rows.into_iter().map(|(r, _)| r).collect();
    grid.missing_columns = missing_columns(&doc.text, def, &grid);
    if !grid.missing_columns.is_empty() {
        let want = def.columns.len() - grid.missing_columns.len();
        for row in &mut grid.rows {
            if row.cells.iter().flatten().count() != want {
                continue;
            }
            let old = std::mem::take(&mut row.cells);
            let mut present = old.into_iter().flatten();
            row.cells = (0..def.columns.len())
                .map(|k| {
                    if grid.missing_columns.contains(&k) {
                        None
                    } else {
                        present.next()
                    }
                })
                .collect();
        }
    }
    Some(grid)
}

/// The template's columns a table left out: its header (between the
/// table's opening words and its first row) names most columns but not
/// these, and most rows hold that many cells fewer. Tables whose rows have
/// columns of their own (表二) are not judged.
fn missing_columns(text: &str, def: &TableDef, grid: &Grid) -> Vec<usize> {
    if def.columns.len() < 2 || def.rows.iter().any(|r| r.columns.is_some()) {
        return Vec::new();
    }
    let Some(first) = grid.rows.iter().map(|r| r.label.start).min() else {
        return Vec::new();
    };
    if grid.start.start >= first {
        return Vec::new();
    }
    let header = crate::source::text::fold(&text[grid.start.start..first]);
    let missing: Vec<usize> = def
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !header.contains(&crate::source::text::fold(&c.label)))
        .map(|(k, _)| k)
        .collect();
    if missing.is_empty() || missing.len() * 2 >= def.columns.len() {
        return Vec::new();
    }
    let want = def.columns.len() - missing.len();
    let filled: Vec<usize> = grid
        .rows
        .iter()
        .map(|r| r.cells.iter().flatten().count())
        .filter(|&n| n > 0)
        .collect();
    let short = filled.iter().filter(|&&n| n == want).count();
    if filled.len() >= 3 && short * 3 >= filled.len() * 2 {
        missing
    } else {
        Vec::new()
    }
}

fn find_label(f: &Folded, row: &RowDef, cursor: usize, bound: usize) -> Option<(usize, usize)> {
    let keys = &row.keys;
    let first = keys
        .iter()
        .filter_map(|k| {
            f.text[cursor..bound.max(cursor)]
                .find(k.as_str())
                .map(|i| (cursor + i, k.len()))
        })
        .min()?;
    if !row.last {
        return Some(first);
    }
    // The last occurrence before the first digit after the first one.
    let mut best = first;
    loop {
        let after = best.0 + best.1;
        let next = keys
            .iter()
            .filter_map(|k| {
                f.text[after..]
                    .find(k.as_str())
                    .map(|i| (after + i, k.len()))
            })
            .min();
        match next {
            Some(n) if !f.text[after..n.0].chars().any(|c| c.is_ascii_digit()) => best = n,
            _ => return Some(best),
        }
    }
}

/// A numbered row's label that lost characters: its ordinal (`2.`) in
/// `from..to` of the folded text, then a run of words sharing most of the
/// template label's characters, in order.
fn garbled_label(f: &Folded, row: &RowDef, from: usize, to: usize) -> Option<(usize, usize)> {
    let n = row.ordinal?;
    let key: Vec<char> = row.keys.first()?.chars().collect();
    if key.len() < 6 || from >= to {
        return None;
    }
    let region = &f.text[from..to];
    for mark in [format!("{n}."), format!("{n}、")] {
        for (i, _) in region.match_indices(mark.as_str()) {
            let at = from + i + mark.len();
            let words: Vec<(usize, char)> = f.text[at..to]
                .char_indices()
                .take_while(|&(_, c)| is_han(c))
                .take(key.len() + 4)
                .collect();
            let text: Vec<char> = words.iter().map(|&(_, c)| c).collect();
            // Lost characters, not other words: most of the key, in order.
            if text.len() * 2 >= key.len() && lcs(&text, &key) * 4 >= key.len() * 3 {
                let end = at + words.last().map_or(0, |&(o, c)| o + c.len_utf8());
                return Some((at, end));
            }
        }
    }
    None
}

/// Length of the longest common subsequence.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0; b.len() + 1];
    for &x in a {
        let mut cur = vec![0; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The text of a row's cells after its label: the rest of the line when the
/// row is one line, the tab-led lines below when each cell is a line, or the
/// run of digits and separators of a flattened page (without the next row's
/// ordinal glued to its end).
/// The text of a row's cells after its label, where it starts, and whether a
/// leading tab in it is a blank first cell (the cells stand on a line of
/// their own) rather than the separator after the label.
fn cell_text(text: &str, from: usize, limit: usize, next_ord: Option<u32>) -> (usize, &str, bool) {
    let rest = &text[from..limit.max(from)];
    let first_line = rest.split('\n').next().unwrap_or("");
    // Only the closing pipe of the label's own cell (a Markdown header row
    // whose data row is the next line): nothing of this row is on the line.
    // A row of blank cells apart by tabs (「4.保护第三方合法权益\t\t\t…」) is
    // this row's cells, blank.
    let nothing_here = first_line.trim().trim_matches('|').trim().is_empty()
        && first_line.matches('\t').count() < 2;
    if rest.contains('\n')
        && !nothing_here
        && first_line
            .chars()
            .any(|c| c.is_ascii_digit() || c == '|' || c == '\t')
    {
        // Cells hold numbers (and units); the first word is the next text.
        let end = first_line
            .char_indices()
            .find(|&(_, c)| is_han(c) && !matches!(c, '元' | '万'))
            .map_or(first_line.len(), |(i, _)| i);
        return (from, &first_line[..end], false);
    }
    if let Some(after_nl) = rest.strip_prefix('\n').or_else(|| {
        nothing_here
            .then(|| &rest[first_line.len().min(rest.len())..])
            .and_then(|r| r.strip_prefix('\n'))
    }) {
        // Blank lines between a header and its data row.
        let after_nl = after_nl.trim_start_matches(['\n', ' ', '\u{3000}']);
        let base = from + (rest.len() - after_nl.len());
        let first = after_nl.split('\n').next().unwrap_or("");
        if first.starts_with('\t') && first.trim_end_matches(is_space).matches('\t').count() >= 2 {
            // The row's cells on the next line, apart by tabs, the first ones
            // blank (「\t\t\t8\t8…」 under 表四's header): a leading tab is a
            // blank cell here, not the separator after a label.
            return (base, first, true);
        }
        if after_nl.starts_with('\t') {
            // Cell per line: tab-led lines up to the first line that is not one.
            let mut end = 0;
            for line in after_nl.split_inclusive('\n') {
                if !line.starts_with('\t') {
                    break;
                }
                end += line.len();
            }
            return (base - 1, &text[base - 1..base + end], false);
        }
        // Cell per line without tabs (a Word table pasted as paragraphs):
        // the lines that are each one value, up to words.
        let is_cell = |l: &str| {
            let t = l.trim_matches(is_space);
            !t.is_empty() && t.chars().count() <= 24 && cells::value(t).is_some()
        };
        let mut lines = after_nl.split_inclusive('\n');
        if let Some(first) = lines.next()
            && is_cell(first)
        {
            // A single blank line may stand between cells (each cell its own
            // paragraph with a blank one after it); two end the row.
            let (mut end, mut at, mut blanks) = (first.len(), first.len(), 0);
            for line in lines {
                at += line.len();
                if line.trim_matches(is_space).is_empty() {
                    blanks += 1;
                    if blanks >= 2 {
                        break;
                    }
                    continue;
                }
                if !is_cell(line) {
                    break;
                }
                blanks = 0;
                end = at;
            }
            let run = after_nl[..end].trim_end_matches(is_space);
            if run.contains('\n') {
                return (base, run, false);
            }
        }
        let line = after_nl.split('\n').next().unwrap_or("");
        return (base, line, false);
    }
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || matches!(
                    c,
                    '.' | '-' | ' ' | '|' | '\t' | '元' | '万' | '０'..='９' | '．'
                ))
        })
        .map_or(rest.len(), |(i, _)| i);
    let mut run = &rest[..end];
    if let Some(n) = next_ord {
        for suffix in [format!("{n}."), format!("{n}．"), format!("{n}、")] {
            if let Some(s) = run.trim_end().strip_suffix(suffix.as_str()) {
                run = s;
                break;
            }
        }
    }
    (
        from,
        run.trim_end_matches(|c: char| c == '.' || is_space(c)),
        false,
    )
}

/// Splits flattened digit runs: every split of each run into its row's cell
/// count (no leading zeros) that satisfies the row relations, then a search
/// over the remaining choices that satisfies the column relations.
fn split_flat(def: &TableDef, rows: &mut [(GridRow, Option<(Span, String)>)]) {
    let relations = &def.relations;
    let col_ids: Vec<&str> = def.columns.iter().map(|c| c.id.as_str()).collect();
    let mut options: Vec<(usize, Vec<Vec<Decimal>>)> = Vec::new();
    // Rows whose splits were cut off at the cap: not every reading is known.
    let mut capped: Vec<usize> = Vec::new();
    for (i, (row, flat)) in rows.iter().enumerate() {
        let Some((_, digits)) = flat else { continue };
        let want = row.cells.len();
        let digits: String = digits.chars().filter(|c| c.is_ascii_digit()).collect();
        let mut found = Vec::new();
        splits(&digits, want, &mut Vec::new(), &mut |parts| {
            let ok = relations
                .iter()
                .filter(|r| r.for_each == ForEach::Row)
                .all(|r| !breaks(r, in_row(&col_ids, parts)));
            if ok {
                if found.len() < MAX_SPLITS {
                    found.push(parts.to_vec());
                } else if !capped.contains(&i) {
                    capped.push(i);
                }
            }
            true
        });
        options.push((i, found));
    }
    if options.is_empty() {
        return;
    }
    // Joint search over the ambiguous rows against the column relations.
    let ids: Vec<&str> = rows
        .iter()
        .map(|(r, _)| def.rows[r.def].id.as_str())
        .collect();
    let fixed: BTreeMap<usize, Vec<Decimal>> = rows
        .iter()
        .enumerate()
        .filter(|(_, (_, f))| f.is_none())
        .map(|(i, (r, _))| {
            (
                i,
                r.cells
                    .iter()
                    .map(|c| c.as_ref().and_then(|c| c.value).unwrap_or_default())
                    .collect(),
            )
        })
        .collect();
    let column_ok = |choice: &BTreeMap<usize, Vec<Decimal>>| -> bool {
        relations
            .iter()
            .filter(|r| r.for_each == ForEach::Column)
            .all(|r| {
                (0..col_ids.len()).all(|c| {
                    !breaks(r, |id: &String| {
                        let i = ids.iter().position(|x| x == id)?;
                        choice
                            .get(&i)
                            .or_else(|| fixed.get(&i))
                            .and_then(|vals| vals.get(c))
                            .copied()
                    })
                })
            })
    };
    // Runs that no split reads consistently (a figure in them is wrong):
    // the one reading of the whole table that breaks the fewest relations,
    // when there is one, is taken, so the broken relations are reported at
    // the wrong figure instead of the rows being left unread.
    if options.iter().any(|(_, o)| o.is_empty())
        && let Some(best) = least_broken(def, rows, &options, &ids, &fixed)
    {
        for (i, opts) in &mut options {
            if let Some(v) = best.get(i) {
                *opts = vec![v.clone()];
            }
        }
    }
    let mut solutions: Vec<BTreeMap<usize, Vec<Decimal>>> = Vec::new();
    let combos: usize = options
        .iter()
        .map(|(_, o)| o.len().max(1))
        .try_fold(1usize, |a, n| a.checked_mul(n))
        .unwrap_or(usize::MAX);
    let searched = combos <= 200_000;
    if searched {
        let mut choice = BTreeMap::new();
        search(&options, 0, &mut choice, &column_ok, &mut solutions);
    }
    // Every joint solution was found (the search stops past its cap).
    let all_solutions = searched && solutions.len() <= MAX_SOLUTIONS;
    for (i, opts) in &options {
        let values: Vec<&Vec<Decimal>> = solutions.iter().filter_map(|s| s.get(i)).collect();
        let unique = values
            .first()
            .filter(|v| values.iter().all(|w| w == *v))
            .copied();
        let picked = unique.or_else(|| (opts.len() == 1).then(|| &opts[0]));
        let (row, flat) = &mut rows[*i];
        let span = flat.as_ref().map(|f| f.0).unwrap_or_default();
        match picked {
            Some(vals) => {
                row.cells = vals
                    .iter()
                    .map(|v| {
                        Some(Cell {
                            value: Some(*v),
                            span,
                        })
                    })
                    .collect();
            }
            None => {
                // The readings left: those of the joint solutions when all
                // are known and there are some (a table whose relations no
                // reading meets keeps every split of its rows).
                let splits = if capped.contains(i) || opts.is_empty() {
                    None
                } else if all_solutions && !solutions.is_empty() {
                    let mut v: Vec<Vec<Decimal>> = Vec::new();
                    for s in &solutions {
                        if let Some(vals) = s.get(i).filter(|x| !v.contains(x)) {
                            v.push(vals.clone());
                        }
                    }
                    Some(v)
                } else {
                    Some(opts.clone())
                };
                let digits = flat.as_ref().map(|f| f.1.clone()).unwrap_or_default();
                row.run = Some(Run {
                    span,
                    digits,
                    splits,
                });
            }
        }
    }
}

/// Splits of one run kept; a run with more is not read further.
const MAX_SPLITS: usize = 64;
/// Joint solutions searched for before the search stops.
const MAX_SOLUTIONS: usize = 16;

/// Whether relation `r` is broken: both sides known (`value` of each term)
/// and unequal. A side with an unknown term decides nothing.
fn breaks(r: &TableEquation, value: impl Fn(&String) -> Option<Decimal>) -> bool {
    let left: Option<Decimal> = r.left.iter().map(&value).sum();
    let right: Option<Decimal> = r.right.iter().map(&value).sum();
    matches!((left, right), (Some(a), Some(b)) if a != b)
}

/// A row's values looked up by column id.
fn in_row<'a>(
    col_ids: &'a [&str],
    vals: &'a [Decimal],
) -> impl Fn(&String) -> Option<Decimal> + 'a {
    move |id| {
        col_ids
            .iter()
            .position(|c| c == id)
            .and_then(|k| vals.get(k))
            .copied()
    }
}

/// Split values chosen for the flattened rows, by row index.
type Choice = BTreeMap<usize, Vec<Decimal>>;

/// Readings of the table tried when looking for the least broken one, and
/// splits of one run kept for it (a run of many digits is left unread).
const MAX_READINGS: usize = 100_000;
const MAX_RUN_SPLITS: usize = 20_000;

/// The reading of the table's runs that breaks the fewest relations (row
/// relations of the runs no split reads consistently, every column
/// relation), when exactly one reading does; `None` when several tie or
/// there are too many to try.
fn least_broken(
    def: &TableDef,
    rows: &[(GridRow, Option<(Span, String)>)],
    options: &[(usize, Vec<Vec<Decimal>>)],
    ids: &[&str],
    fixed: &Choice,
) -> Option<Choice> {
    let col_ids: Vec<&str> = def.columns.iter().map(|c| c.id.as_str()).collect();
    let mut lists: Vec<(usize, Vec<Vec<Decimal>>, bool)> = Vec::new();
    for (i, opts) in options {
        if !opts.is_empty() {
            lists.push((*i, opts.clone(), false));
            continue;
        }
        let (row, flat) = &rows[*i];
        let digits: String = flat
            .as_ref()?
            .1
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let mut all = Vec::new();
        let mut over = false;
        splits(&digits, row.cells.len(), &mut Vec::new(), &mut |parts| {
            if all.len() < MAX_RUN_SPLITS {
                all.push(parts.to_vec());
                true
            } else {
                over = true;
                false
            }
        });
        if over || all.is_empty() {
            return None;
        }
        lists.push((*i, all, true));
    }
    let combos = lists
        .iter()
        .try_fold(1usize, |a, (_, l, _)| a.checked_mul(l.len()))
        .filter(|n| *n <= MAX_READINGS)?;
    // The row of each template row id: its list (by position), else fixed.
    let list_of: Vec<Option<usize>> = (0..ids.len())
        .map(|i| lists.iter().position(|(x, _, _)| *x == i))
        .collect();
    let broken = |picks: &[usize]| -> usize {
        let vals_of = |i: usize| -> Option<&Vec<Decimal>> {
            match list_of.get(i).copied().flatten() {
                Some(k) => Some(&lists[k].1[picks[k]]),
                None => fixed.get(&i),
            }
        };
        let value = |row: &str, c: usize| -> Option<Decimal> {
            let i = ids.iter().position(|x| *x == row)?;
            vals_of(i).and_then(|v| v.get(c)).copied()
        };
        let mut n = 0;
        for r in &def.relations {
            match r.for_each {
                ForEach::Row => {
                    for (k, (_, l, unread)) in lists.iter().enumerate() {
                        if !unread {
                            continue;
                        }
                        if breaks(r, in_row(&col_ids, &l[picks[k]])) {
                            n += 1;
                        }
                    }
                }
                ForEach::Column => {
                    n += (0..col_ids.len())
                        .filter(|&c| breaks(r, |id: &String| value(id, c)))
                        .count();
                }
            }
        }
        n
    };
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut ties = 0;
    let mut picks = vec![0; lists.len()];
    for mut k in 0..combos {
        for (p, (_, l, _)) in picks.iter_mut().zip(&lists) {
            *p = k % l.len();
            k /= l.len();
        }
        let n = broken(&picks);
        match &best {
            Some((m, _)) if n > *m => {}
            Some((m, _)) if n == *m => ties += 1,
            _ => {
                best = Some((n, picks.clone()));
                ties = 0;
            }
        }
    }
    let (_, picks) = best.filter(|_| ties == 0)?;
    Some(
        lists
            .iter()
            .zip(picks)
            .map(|((i, l, _), p)| (*i, l[p].clone()))
            .collect(),
    )
}

fn search(
    options: &[(usize, Vec<Vec<Decimal>>)],
    k: usize,
    choice: &mut BTreeMap<usize, Vec<Decimal>>,
    ok: &dyn Fn(&Choice) -> bool,
    out: &mut Vec<BTreeMap<usize, Vec<Decimal>>>,
) {
    if out.len() > MAX_SOLUTIONS {
        return;
    }
    let Some((i, opts)) = options.get(k) else {
        if ok(choice) {
            out.push(choice.clone());
        }
        return;
    };
    if opts.is_empty() {
        search(options, k + 1, choice, ok, out);
        return;
    }
    for o in opts {
        choice.insert(*i, o.clone());
        search(options, k + 1, choice, ok, out);
    }
    choice.remove(i);
}

/// Every way to cut `digits` into `n` numbers without leading zeros, until
/// `f` returns false; false when stopped so.
fn splits(
    digits: &str,
    n: usize,
    acc: &mut Vec<Decimal>,
    f: &mut dyn FnMut(&[Decimal]) -> bool,
) -> bool {
    if n == 0 {
        return !digits.is_empty() || f(acc);
    }
    // Each number has at most 12 digits: a longer run cannot be split (and
    // hostile runs of thousands of digits must not be searched).
    if digits.len() < n || digits.len() > n * 12 {
        return true;
    }
    let max = if n == 1 {
        digits.len()
    } else {
        (digits.len() - (n - 1)).min(12)
    };
    for len in 1..=max {
        let head = &digits[..len];
        if len > 1 && head.starts_with('0') {
            break;
        }
        if n == 1 && len != digits.len() {
            continue;
        }
        acc.push(head.parse::<u64>().map(Decimal::from).unwrap_or_default());
        let go_on = splits(&digits[len..], n - 1, acc, f);
        acc.pop();
        if !go_on {
            return false;
        }
    }
    true
}

/// Looking up values of a table read against its template.
pub struct View<'a> {
    pub def: &'a TableDef,
    pub grid: &'a Grid,
}

impl View<'_> {
    pub fn columns_of(&self, row: &GridRow) -> &[Named] {
        self.def.rows[row.def]
            .columns
            .as_deref()
            .unwrap_or(&self.def.columns)
    }

    /// The cell of `row` in column `col`, as read.
    pub fn cell(&self, row: &str, col: &str) -> Option<&Cell> {
        let r = self.grid.row(row, self.def)?;
        let k = self.columns_of(r).iter().position(|c| c.id == col)?;
        r.cells.get(k)?.as_ref()
    }

    /// The value of a cell; a blank cell that a row relation defines (总计 =
    /// the applicant columns) is computed from the others.
    pub fn value(&self, row: &str, col: &str) -> Option<Decimal> {
        if let Some(v) = self.cell(row, col).and_then(|c| c.value) {
            return Some(v);
        }
        let r = self.grid.row(row, self.def)?;
        if r.ambiguous() {
            return None;
        }
        self.def.relations.iter().find_map(|rel| {
            if rel.for_each != ForEach::Row || rel.left != [col.to_string()] {
                return None;
            }
            let vals: Vec<Option<Decimal>> = rel
                .right
                .iter()
                .map(|c| self.cell(row, c).map(|x| x.value))
                .map(|v| v.map(|v| v.unwrap_or_default()))
                .collect();
            vals.iter()
                .all(Option::is_some)
                .then(|| vals.iter().flatten().sum())
        })
    }

    /// `t3.open.total + t3.partial.total`-style sums over this table: each
    /// term `row.column`.
    pub fn sum(&self, terms: &[(String, String)]) -> Option<Decimal> {
        terms.iter().map(|(r, c)| self.value(r, c)).sum()
    }

    /// Every value `sum` could have when some of its rows are digit runs
    /// that split more than one way (each split a row's relations allow),
    /// sorted; `None` when a term is neither read nor a run with known
    /// splits, or the readings are too many to list.
    pub fn sums(&self, terms: &[(String, String)]) -> Option<Vec<Decimal>> {
        if let Some(v) = self.sum(terms) {
            return Some(vec![v]);
        }
        // The runs the terms read from, each with its splits.
        let mut runs: Vec<(&GridRow, &[Vec<Decimal>])> = Vec::new();
        let mut fixed = Decimal::ZERO;
        let mut from_runs: Vec<(usize, usize)> = Vec::new();
        for (r, c) in terms {
            if let Some(v) = self.value(r, c) {
                fixed += v;
                continue;
            }
            let row = self.grid.row(r, self.def)?;
            let splits = row.run.as_ref()?.splits.as_deref()?;
            let k = self.columns_of(row).iter().position(|x| &x.id == c)?;
            let at = match runs.iter().position(|(x, _)| std::ptr::eq(*x, row)) {
                Some(at) => at,
                None => {
                    runs.push((row, splits));
                    runs.len() - 1
                }
            };
            from_runs.push((at, k));
        }
        let combos = runs
            .iter()
            .try_fold(1usize, |a, (_, s)| a.checked_mul(s.len()))
            .filter(|n| (1..=4096).contains(n))?;
        let mut out = Vec::new();
        for mut n in 0..combos {
            let mut pick = Vec::with_capacity(runs.len());
            for (_, s) in &runs {
                pick.push(&s[n % s.len()]);
                n /= s.len();
            }
            let v = from_runs
                .iter()
                .map(|&(at, k)| pick[at].get(k).copied())
                .sum::<Option<Decimal>>()?;
            out.push(fixed + v);
        }
        out.sort();
        out.dedup();
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_splits() {
        let mut all = Vec::new();
        splits("713000074", 7, &mut Vec::new(), &mut |p| {
            all.push(p.to_vec());
            true
        });
        let want: Vec<Decimal> = [71, 3, 0, 0, 0, 0, 74]
            .into_iter()
            .map(Decimal::from)
            .collect();
        assert!(all.contains(&want));
        assert!(all.iter().all(|p| p.len() == 7));
    }
}
