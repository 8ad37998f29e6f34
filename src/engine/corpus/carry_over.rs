//! `carry-over`: this year's 上年结转 (a row of a table) equals last year's
//! 结转下年度继续办理 of the same issuer, column by column. Labels both cells.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Corpus, CorpusFindings, CorpusKindCheck, CorpusKindSpec};
use crate::analysis::facts::Wanted;
use crate::diagnostic::Label;
use crate::engine::params;

pub const KIND: CorpusKindSpec = CorpusKindSpec {
    names: &["carry-over"],
    checks: &["cross-year-mismatch"],
    vars: &[
        "table",
        "row",
        "column",
        "value",
        "previous",
        "previous-row",
        "year",
        "previous-year",
        "diff",
    ],
    compile: |p, ctx| {
        let p: Params = params(p, ctx)?;
        Ok(Box::new(p))
    },
    cross_year: true,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// The table's id in the packs of both years.
    table: String,
    /// This year's row (上年结转).
    row: String,
    /// Last year's row (结转下年度继续办理).
    previous_row: String,
}

impl CorpusKindCheck for Params {
    fn wants(&self, wanted: &mut Wanted) {
        wanted.cells_of(&self.table, Some(&self.row));
        wanted.cells_of(&self.table, Some(&self.previous_row));
    }

    fn run(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        for r in corpus.reports {
            let Some(prev) = corpus.previous(r) else {
                continue;
            };
            let now = r.row_cells(&self.table, &self.row);
            let before = prev.row_cells(&self.table, &self.previous_row);
            // A row read with no figure at all is not compared (blank = 0 otherwise).
            if now.iter().all(|c| c.3.value.is_none()) || before.iter().all(|c| c.3.value.is_none())
            {
                continue;
            }
            for (col, label, row_label, cell) in &now {
                let Some((_, _, prev_label, old)) = before.iter().find(|c| c.0 == *col) else {
                    continue;
                };
                let value = cell.value.unwrap_or(Decimal::ZERO);
                let previous = old.value.unwrap_or(Decimal::ZERO);
                if value == previous {
                    continue;
                }
                let (y, py) = (r.year.unwrap_or_default(), prev.year.unwrap_or_default());
                let vars = [
                    ("table", self.table.clone()),
                    ("row", row_label.to_string()),
                    ("column", label.to_string()),
                    ("value", value.to_string()),
                    ("previous", previous.to_string()),
                    ("previous-row", prev_label.to_string()),
                    ("year", y.to_string()),
                    ("previous-year", py.to_string()),
                    ("diff", (value - previous).abs().to_string()),
                ];
                out.emit(
                    r.file,
                    (cell.span, Some(format!("本年上年结转（{label}）{value}"))),
                    &vars,
                    vec![Label::in_file(
                        prev.file,
                        old.span,
                        format!("{py} 年结转下年度（{label}）{previous}"),
                    )],
                    None,
                );
            }
        }
    }
}
