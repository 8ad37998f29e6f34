//! A deterministic generator of complete, internally consistent annual
//! reports (政府信息公开工作年度报告) for property tests: the 2021 national
//! format (国办公开办函〔2021〕30号), the 2019 trial format (〔2019〕60号) and a
//! 2013–2018 report with its appendix statistics table. Each report is a
//! [`Model`] (figures, labels, prose choices) rendered in one [`Layout`] with
//! one label [`Variant`]; rendering records where every table cell and every
//! figure the prose quotes ended up, so that a test can check the place of a
//! finding. [`Model::mutate_cell`] and [`Model::remove_row`] make the defects
//! whose findings are known in advance.
//!
//! Self-contained: nothing here reads the project's files or calls the
//! library; the templates are written out in `labels.rs` and `stat.rs`.
#![allow(dead_code)]

pub mod figures;
pub mod kinds;
pub mod labels;
pub mod layout;
pub mod prose;
pub mod run;
pub mod stat;
pub mod t2;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub use figures::Figures;
pub use kinds::{Format, Variant};
pub use layout::Layout;

/// One generated report: what to render and how.
#[derive(Clone, Debug)]
pub struct Model {
    pub format: Format,
    pub layout: Layout,
    pub variant: Variant,
    pub seed: u64,
    /// The figures the tables show (mutations change these).
    pub table: Figures,
    /// The figures the prose quotes (never mutated).
    pub quoted: Figures,
    pub prose: prose::Choices,
    /// Template row ids taken out of the tables.
    pub removed: Vec<(String, String)>,
}

/// A table cell: table id (`t2`, `t3`, `t4`, `stat`), row id, column id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub table: String,
    pub row: String,
    pub col: String,
}

impl CellRef {
    pub fn new(table: &str, row: &str, col: &str) -> CellRef {
        CellRef {
            table: table.into(),
            row: row.into(),
            col: col.into(),
        }
    }
}

/// Where a table cell was written in the rendered text (byte offsets, 1-based line).
#[derive(Clone, Debug)]
pub struct Placed {
    pub cell: CellRef,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: String,
}

/// A figure of the prose that quotes table cells (the tool's text-vs-table pairs).
#[derive(Clone, Debug)]
pub struct Quote {
    /// The cells whose sum the figure equals.
    pub cells: Vec<CellRef>,
    /// Another reading the tool accepts (收到 = 新收 + 上年结转).
    pub or_cells: Vec<CellRef>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// The rendered text with the places of its cells and quotes.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub text: String,
    pub cells: Vec<Placed>,
    pub quotes: Vec<Quote>,
}

impl Rendered {
    pub fn cell(&self, c: &CellRef) -> Option<&Placed> {
        self.cells.iter().find(|p| &p.cell == c)
    }
}

/// A finding the tool should give: rule id (without the pack prefix), and a
/// byte range that the finding's span or one of its labels must contain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub rule: String,
    pub at: Option<(usize, usize)>,
    /// Texts the message must contain (row labels).
    pub message_has: Vec<String>,
}

/// What [`Model::mutate_cell`] did.
#[derive(Clone, Debug)]
pub struct Mutation {
    pub cell: CellRef,
    pub from: String,
    pub to: String,
    /// The relations the cell enters that the change breaks (rule ids without
    /// pack prefix), and whether the prose quotes it.
    pub relations: Vec<String>,
}

impl Model {
    pub fn new(format: Format, layout: Layout, variant: Variant, seed: u64) -> Model {
        let mut rng = StdRng::seed_from_u64(seed ^ 0x9e37_79b9_7f4a_7c15);
        let table = Figures::random(format, variant, &mut rng);
        let prose = prose::Choices::random(format, variant, &mut rng);
        Model {
            format,
            layout,
            variant,
            seed,
            quoted: table.clone(),
            table,
            prose,
            removed: Vec::new(),
        }
    }

    pub fn render(&self) -> Rendered {
        layout::render(self)
    }

    /// Findings a correct tool gives on the unmutated report (true findings
    /// that the variant itself causes).
    pub fn baseline(&self) -> Vec<Expected> {
        let mut out = Vec::new();
        if self.variant == Variant::Rows2019 && self.format == Format::F2021 {
            out.push(Expected {
                rule: "t3-rows".into(),
                at: None,
                message_has: vec!["申请人逾期未按收费通知要求缴纳费用".into()],
            });
        }
        out
    }

    /// Changes one table cell by a small non-zero amount and returns the
    /// relations (and text quotes) that the change breaks.
    pub fn mutate_cell(&mut self, rng: &mut StdRng) -> Mutation {
        let mut candidates = self.table.mutable_cells(self.format);
        if self.table.blank_zeros {
            // A blank cell is 0; keep every changed cell, and its row's
            // total, written (a blank beside a figure is another finding).
            candidates.retain(|c| {
                let total = CellRef::new(&c.table, &c.row, "total");
                self.table.get(c) != Some(0)
                    && (c.table != "t3" || self.table.get(&total) != Some(0))
            });
        }
        let cell = candidates[rng.random_range(0..candidates.len())].clone();
        self.mutate(cell, rng)
    }

    /// Changes a cell that the prose's `k`-th quoted figure sums (`None`
    /// past the last quote, or when that figure's cells are all blank zeros).
    pub fn mutate_quoted(&mut self, k: usize, rng: &mut StdRng) -> Option<Mutation> {
        let q = self.render().quotes.get(k)?.clone();
        let cells: Vec<CellRef> = q
            .cells
            .into_iter()
            .filter(|c| !self.table.blank_zeros || self.table.get(c) != Some(0))
            .collect();
        if cells.is_empty() {
            return None;
        }
        let cell = cells[rng.random_range(0..cells.len())].clone();
        Some(self.mutate(cell, rng))
    }

    fn mutate(&mut self, cell: CellRef, rng: &mut StdRng) -> Mutation {
        let old = self.table.get(&cell).expect("cell exists");
        let delta = rng.random_range(1..=4i64);
        let new = if old > delta && rng.random_bool(0.4) {
            old - delta
        } else {
            old + delta
        };
        let before = self.table.broken(self.format);
        assert!(before.is_empty(), "generated figures break {before:?}");
        self.table.set(&cell, new);
        let mut relations = self.table.broken(self.format);
        let sum = |f: &Figures, cells: &[CellRef]| -> i64 {
            cells.iter().map(|c| f.get(c).unwrap_or(0)).sum()
        };
        for (k, q) in self.render().quotes.iter().enumerate() {
            if !q.cells.contains(&cell) && !q.or_cells.contains(&cell) {
                continue;
            }
            let said = sum(&self.quoted, &q.cells);
            let want = sum(&self.table, &q.cells);
            let alt = (!q.or_cells.is_empty()).then(|| sum(&self.table, &q.or_cells));
            if want != said && alt != Some(said) {
                relations.push(format!("text-vs-table@{k}"));
            }
        }
        Mutation {
            from: self.table.show(&cell, old),
            to: self.table.show(&cell, new),
            cell,
            relations,
        }
    }

    /// Takes one template row out of the national 表二 or 表三; returns the
    /// findings expected: the pack's missing-row finding naming that row
    /// (one finding per table, naming every row it misses).
    pub fn remove_row(&mut self, rng: &mut StdRng) -> Option<Vec<Expected>> {
        let rows = labels::removable_rows(self.format, self.variant);
        if rows.is_empty() {
            return None;
        }
        self.remove_row_at(rng.random_range(0..rows.len()))
    }

    /// Like [`Model::remove_row`], for the `k`-th removable row (`None` past the last).
    pub fn remove_row_at(&mut self, k: usize) -> Option<Vec<Expected>> {
        let (table, id, label) = labels::removable_rows(self.format, self.variant)
            .get(k)?
            .clone();
        self.removed.push((table.clone(), id));
        let e = Expected {
            rule: format!("{table}-rows"),
            at: None,
            message_has: vec![label],
        };
        let mut out = self.baseline();
        match out.iter_mut().find(|b| b.rule == e.rule) {
            Some(b) => b.message_has.extend(e.message_has),
            None => out.push(e),
        }
        Some(out)
    }

    /// The findings expected after [`Model::mutate_cell`], placed in `r`.
    pub fn expected_for(&self, m: &Mutation, r: &Rendered) -> Vec<Expected> {
        let mut out = self.baseline();
        let cell_at = r.cell(&m.cell).map(|p| (p.start, p.end));
        for rel in &m.relations {
            if let Some(k) = rel.strip_prefix("text-vs-table@") {
                let k: usize = k.parse().expect("quote index");
                let q = r.quotes.get(k).expect("quote placed");
                out.push(Expected {
                    rule: "text-vs-table".into(),
                    at: Some((q.start, q.end)),
                    message_has: Vec::new(),
                });
            } else {
                out.push(Expected {
                    rule: rel.clone(),
                    at: cell_at,
                    message_has: Vec::new(),
                });
            }
        }
        out
    }
}

/// A seeded generator for the test's own choices (which cell, which row).
pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}
