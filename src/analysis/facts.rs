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

/// One report, as the corpus phase sees it.
#[derive(Debug, Clone)]
pub struct ReportFacts {
    pub file: FileId,
    pub path: String,
    pub year: Option<i32>,
    pub year_span: Option<Span>,
    /// The title as written.
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub level: Option<super::Level>,
    /// The table templates the cells refer to (shared with the packs).
    pub tables: Vec<Arc<Vec<TableDef>>>,
    pub cells: Vec<FactCell>,
}

impl ReportFacts {
    /// The facts of the report `cx` analyses; table cells of `templates`
    /// only when `cells` (a corpus check reads them).
    pub fn collect(
        cx: &Analysis<'_>,
        file: FileId,
        path: &str,
        templates: &[&Arc<Vec<TableDef>>],
        cells: bool,
    ) -> ReportFacts {
        let doc = cx.doc;
        let mut facts = ReportFacts {
            file,
            path: path.to_string(),
            year: doc.year.map(|y| y.year),
            year_span: doc.year.map(|y| y.span),
            title: doc.title.map(|t| doc.slice(t).to_string()),
            title_span: doc.title,
            level: cx.issuer.level(),
            tables: Vec::new(),
            cells: Vec::new(),
        };
        if !cells {
            return facts;
        }
        for defs in templates.iter().filter(|d| !d.is_empty()) {
            let k = facts.tables.len() as u16;
            facts.tables.push(Arc::clone(defs));
            for (t, grid) in cx.grids(defs).iter().enumerate() {
                let Some(grid) = grid else { continue };
                for row in &grid.rows {
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
        facts
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

const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<ReportFacts>();
};
