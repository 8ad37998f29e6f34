//! `ReportFacts`: what the per-file phase keeps of a report for the checks
//! across reports — small, plain and `Send`, built while the document is
//! still alive, so the corpus phase never reads a report again.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::Analysis;
use crate::rules::table::TableDef;
use crate::source::{FileId, Span};

/// One table cell as read: which template cell, its value, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactCell {
    /// Index into `ReportFacts::tables`.
    pub templates: u16,
    /// Index of the table in its templates, of the row in the table, of the
    /// column in the row's columns.
    pub table: u16,
    pub row: u16,
    pub column: u16,
    pub value: Option<Decimal>,
    pub span: Span,
}

/// A row whose cells ran together into one digit run that splits more than
/// one way (`grid::Run`): every split the report's own relations allow, for
/// the checks across years to choose among.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRun {
    pub templates: u16,
    pub table: u16,
    pub row: u16,
    pub span: Span,
    pub digits: String,
    /// A value per column of the row, for each split.
    pub splits: Vec<Vec<Decimal>>,
}

/// What the corpus checks of a run read, so the per-file phase keeps only
/// that (`CorpusCheck::wants`).
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    /// Table cells…
    pub cells: bool,
    /// …of these tables (by id) and rows (`None`: every row); empty: all
    /// (ten thousand reports' every cell would not fit the memory budget).
    pub cells_of: Vec<(String, Option<String>)>,
    /// Where these words occur (each found at most `MAX_MENTIONS` times).
    pub words: Vec<String>,
    /// A sketch of the body and hashes of its passages (`shingle`).
    pub text: bool,
    /// Sections whose passages are marked: phrases of each heading.
    pub sections: Vec<Vec<String>>,
    /// Passages shorter than this (characters, normalised) are not kept.
    pub min_passage: usize,
    /// Sentences holding one of these phrases are the wording every report
    /// shares (the 《条例》 opening, the statistics period): left out of the
    /// sketch and the passages' hashes.
    pub boilerplate: Vec<String>,
}

impl Wanted {
    /// Keeps passages of at least `chars` (the smallest any check asks for).
    pub fn passages_of(&mut self, chars: usize) {
        self.text = true;
        self.min_passage = match self.min_passage {
            0 => chars.max(1),
            m => m.min(chars.max(1)),
        };
    }

    /// Keeps the cells of a table's row (`None`: of every row).
    pub fn cells_of(&mut self, table: &str, row: Option<&str>) {
        self.cells = true;
        let k = (table.to_string(), row.map(str::to_string));
        if !self.cells_of.contains(&k) {
            self.cells_of.push(k);
        }
    }

    /// Whether a cell of this table and row is kept.
    pub fn keeps(&self, table: &str, row: &str) -> bool {
        self.cells_of.is_empty()
            || self
                .cells_of
                .iter()
                .any(|(t, r)| t == table && r.as_deref().is_none_or(|r| r == row))
    }

    /// Adds a word to look for; its index in `words`.
    pub fn word(&mut self, w: &str) -> usize {
        match self.words.iter().position(|x| x == w) {
            Some(k) => k,
            None => {
                self.words.push(w.to_string());
                self.words.len() - 1
            }
        }
    }
}

/// Occurrences kept per wanted word.
pub const MAX_MENTIONS: usize = 8;

/// A paragraph of the body as the copied-text checks compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Hash of the normalised text with the issuer's own names masked…
    pub masked: u64,
    /// …and with figures masked only (equal when copied with a name left in).
    pub raw: u64,
    pub span: Span,
    /// Normalised characters.
    pub chars: u32,
    /// Index into `Wanted::sections` of the section it lies in.
    pub section: Option<u16>,
    /// Index into `ReportFacts::own_names` of the first of the issuer's own
    /// names it holds.
    pub name: Option<u8>,
}

/// Where the issuer's name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameSource {
    Title,
    Config,
}

/// One report, as the corpus phase sees it.
#[derive(Debug, Clone)]
pub struct ReportFacts {
    pub file: FileId,
    pub path: String,
    pub year: Option<i32>,
    pub year_span: Option<Span>,
    /// The issuer's name (configuration first, else the title's words).
    pub issuer: Option<String>,
    pub issuer_from: Option<NameSource>,
    /// Other names of the issuer (configuration).
    pub aliases: Vec<String>,
    /// (index into `Wanted::words`, where).
    pub mentions: Vec<(u16, Span)>,
    /// The body's bottom-k sketch (`shingle::sketch`), when wanted.
    pub sketch: Vec<u64>,
    pub passages: Vec<Passage>,
    /// The body (before the appendix), for labels on the whole text.
    pub body: Span,
    /// The title as written.
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub level: Option<super::Level>,
    /// The table templates the cells refer to (shared with the packs).
    pub tables: Vec<Arc<Vec<TableDef>>>,
    pub cells: Vec<FactCell>,
    /// Rows read only as digit runs with several splits.
    pub runs: Vec<FactRun>,
}

impl ReportFacts {
    /// Every offset a finding across reports may point at in this report
    /// (its cells, passages, mentions, year and title): kept when the text
    /// is dropped right after the per-file phase.
    pub fn offsets(&self) -> Vec<usize> {
        let spans = self
            .cells
            .iter()
            .map(|c| c.span)
            .chain(self.runs.iter().map(|r| r.span))
            .chain(self.passages.iter().map(|p| p.span))
            .chain(self.mentions.iter().map(|m| m.1))
            .chain(self.year_span)
            .chain(self.title_span)
            .chain(std::iter::once(self.body));
        spans.flat_map(|s| [s.start, s.end]).collect()
    }

    /// The facts of the report `cx` analyses; table cells of `templates`
    /// only when `cells` (a corpus check reads them).
    pub fn collect(
        cx: &Analysis<'_>,
        file: FileId,
        path: &str,
        templates: &[&Arc<Vec<TableDef>>],
        cells: bool,
    ) -> ReportFacts {
        let wanted = Wanted {
            cells,
            ..Wanted::default()
        };
        Self::collect_wanted(cx, file, path, templates, &wanted, None)
    }

    /// `collect` with everything the corpus checks want; `named` is the
    /// issuer the configuration names (name, aliases).
    pub fn collect_wanted(
        cx: &Analysis<'_>,
        file: FileId,
        path: &str,
        templates: &[&Arc<Vec<TableDef>>],
        wanted: &Wanted,
        named: Option<(&str, &[String])>,
    ) -> ReportFacts {
        let doc = cx.doc;
        let from_title = doc
            .title
            .and_then(|t| super::issuer::title_name(doc.slice(t)));
        let (issuer, issuer_from, aliases) = match (named, from_title) {
            (Some((n, a)), _) => (Some(n.to_string()), Some(NameSource::Config), a.to_vec()),
            (None, Some(n)) => (Some(n), Some(NameSource::Title), Vec::new()),
            (None, None) => (None, None, Vec::new()),
        };
        let mut facts = ReportFacts {
            file,
            path: path.to_string(),
            year: doc.year.map(|y| y.year),
            year_span: doc.year.map(|y| y.span),
            issuer,
            issuer_from,
            aliases,
            mentions: Vec::new(),
            sketch: Vec::new(),
            passages: Vec::new(),
            body: Span::new(0, doc.body_end),
            title: doc.title.map(|t| doc.slice(t).to_string()),
            title_span: doc.title,
            level: cx.issuer.level(),
            tables: Vec::new(),
            cells: Vec::new(),
            runs: Vec::new(),
        };
        facts.mentions = mentions(&doc.text[..doc.body_end], &wanted.words);
        if wanted.text {
            let own = facts.own_names();
            let own: Vec<&str> = own.iter().map(String::as_str).collect();
            text_facts(cx, &own, wanted, &mut facts);
        }
        if !wanted.cells {
            return facts;
        }
        for defs in templates.iter().filter(|d| !d.is_empty()) {
            let k = facts.tables.len() as u16;
            facts.tables.push(Arc::clone(defs));
            for (t, grid) in cx.grids(defs).iter().enumerate() {
                let Some(grid) = grid else { continue };
                let def = &defs[t];
                for row in &grid.rows {
                    if !wanted.keeps(&def.id, &def.rows[row.def].id) {
                        continue;
                    }
                    if let Some(run) = &row.run
                        && let Some(splits) = &run.splits
                    {
                        facts.runs.push(FactRun {
                            templates: k,
                            table: t as u16,
                            row: row.def as u16,
                            span: run.span,
                            digits: run.digits.clone(),
                            splits: splits.clone(),
                        });
                    }
                    for (c, cell) in row.cells.iter().enumerate() {
                        let Some(cell) = cell else { continue };
                        facts.cells.push(FactCell {
                            templates: k,
                            table: t as u16,
                            row: row.def as u16,
                            column: c as u16,
                            value: cell.value,
                            span: cell.span,
                        });
                    }
                }
            }
        }
        facts.cells.shrink_to_fit();
        facts
    }

    /// The issuer's own names: its name, aliases, and the name without the
    /// words of an office (「某县人民政府」 → 某县).
    pub fn own_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.issuer.iter().chain(&self.aliases).cloned().collect();
        if let Some(n) = &self.issuer {
            for suffix in ["人民政府", "管理委员会", "管委会"] {
                if let Some(short) = n.strip_suffix(suffix).filter(|s| s.chars().count() >= 2) {
                    v.push(short.to_string());
                }
            }
        }
        // Longest first, so that a name is masked before its part.
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v.dedup();
        v
    }

    /// Whether one of the wanted words (by index) occurs.
    pub fn mentions_word(&self, word: u16) -> bool {
        self.mentions.iter().any(|(w, _)| *w == word)
    }

    /// The cells of one row of a table, by template ids: (column id, column
    /// label, row label, cell), in column order.
    pub fn row_cells(&self, table: &str, row: &str) -> Vec<(&str, &str, &str, &FactCell)> {
        let mut out = Vec::new();
        for c in &self.cells {
            let def = &self.tables[c.templates as usize][c.table as usize];
            let r = &def.rows[c.row as usize];
            if def.id != table || r.id != row {
                continue;
            }
            let cols = r.columns.as_deref().unwrap_or(&def.columns);
            if let Some(col) = cols.get(c.column as usize) {
                out.push((col.id.as_str(), col.label.as_str(), r.label.as_str(), c));
            }
        }
        out
    }

    /// The rows of a table the report read: (row id, row label).
    pub fn rows_of(&self, table: &str) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        for c in &self.cells {
            let def = &self.tables[c.templates as usize][c.table as usize];
            let r = &def.rows[c.row as usize];
            if def.id == table && out.last().is_none_or(|l| l.0 != r.id) {
                out.push((r.id.as_str(), r.label.as_str()));
            }
        }
        out.dedup();
        for x in &self.runs {
            let def = &self.tables[x.templates as usize][x.table as usize];
            let r = &def.rows[x.row as usize];
            if def.id == table && !out.iter().any(|o| o.0 == r.id) {
                out.push((r.id.as_str(), r.label.as_str()));
            }
        }
        out
    }

    /// The run a row of a table was read as, by ids, with its columns.
    pub fn row_run(
        &self,
        table: &str,
        row: &str,
    ) -> Option<(&FactRun, &[crate::rules::table::Named])> {
        self.runs.iter().find_map(|x| {
            let def = &self.tables[x.templates as usize][x.table as usize];
            let r = &def.rows[x.row as usize];
            (def.id == table && r.id == row)
                .then(|| (x, r.columns.as_deref().unwrap_or(&def.columns)))
        })
    }

    /// The value and span of a cell by ids (`t3`, `carried`, `total`).
    pub fn cell(&self, table: &str, row: &str, column: &str) -> Option<&FactCell> {
        self.cells.iter().find(|c| {
            let def = &self.tables[c.templates as usize][c.table as usize];
            let r = &def.rows[c.row as usize];
            let cols = r.columns.as_deref().unwrap_or(&def.columns);
            def.id == table
                && r.id == row
                && cols.get(c.column as usize).is_some_and(|x| x.id == column)
        })
    }
}

/// Where each word occurs in the body (at most `MAX_MENTIONS` each).
fn mentions(body: &str, words: &[String]) -> Vec<(u16, Span)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
        out.extend(
            body.match_indices(w.as_str())
                .take(MAX_MENTIONS)
                .map(|(at, m)| (i as u16, Span::new(at, at + m.len()))),
        );
    }
    out.sort_by_key(|(w, s)| (s.start, *w));
    out
}

/// The text of a paragraph without the sentences of boilerplate.
fn own_words<'t>(text: &'t str, boilerplate: &[String]) -> std::borrow::Cow<'t, str> {
    if !boilerplate.iter().any(|b| text.contains(b.as_str())) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for sentence in text.split_inclusive(['。', '；', '！', '？', '\n']) {
        if !boilerplate.iter().any(|b| sentence.contains(b.as_str())) {
            out.push_str(sentence);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The body's sketch and its passages' hashes: prose only (no table, no
/// heading, no appendix, no boilerplate sentence).
fn text_facts(cx: &Analysis<'_>, own: &[&str], wanted: &Wanted, facts: &mut ReportFacts) {
    use super::shingle::{hash, normalise, sketch};
    let doc = cx.doc;
    let mut prose: Vec<char> = Vec::new();
    // The sections wanted: the spans of headings naming their phrases.
    let mut sections: Vec<(Span, u16)> = Vec::new();
    for h in &doc.headings {
        let title = doc.slice(h.title);
        if let Some(k) = wanted
            .sections
            .iter()
            .position(|ph| ph.iter().any(|p| title.contains(p.as_str())))
        {
            sections.push((h.section, k as u16));
        }
    }
    for p in doc
        .paragraphs
        .iter()
        .filter(|p| !p.table_cell && !p.in_appendix)
    {
        let mut span = p.span;
        // The heading's own words are not the passage.
        if let Some(h) = p.heading.and_then(|h| doc.headings.get(h)) {
            span.start = span.start.max(h.title.end).min(span.end);
        }
        let text = own_words(doc.slice(span), &wanted.boilerplate);
        let masked = normalise(&text, own);
        // A short line (a heading's rest, a label) is not the report's prose.
        if masked.len() >= MIN_PROSE {
            prose.extend_from_slice(&masked);
            prose.push('|');
        }
        if masked.len() < wanted.min_passage.max(1) {
            continue;
        }
        let raw = normalise(&text, &[]);
        let section = sections
            .iter()
            .find(|(s, _)| s.start <= span.start && span.end <= s.end)
            .map(|(_, k)| *k);
        facts.passages.push(Passage {
            masked: hash(&masked),
            raw: hash(&raw),
            span,
            chars: masked.len() as u32,
            section,
            name: own
                .iter()
                .position(|n| text.contains(n))
                .and_then(|k| u8::try_from(k).ok()),
        });
    }
    facts.sketch = sketch(&prose);
    facts.passages.shrink_to_fit();
}

/// Paragraphs shorter than this (normalised characters) are left out of the sketch.
const MIN_PROSE: usize = 8;

const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<ReportFacts>();
};
