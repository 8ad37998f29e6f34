//! `stock-chain`: a stock carried from year to year in a table — last year's
//! figure plus this year's additions minus its removals is this year's
//! (表二 现行有效件数 in the 2021 format, 对外公开总数量 in the 2019 format).
//! Real series break it when a clean-up happened: a word of `lower-when` in
//! the report lowers the finding to info.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Corpus, CorpusFindings, CorpusKindCheck, CorpusKindSpec};
use crate::analysis::facts::Wanted;
use crate::diagnostic::{Label, Severity};
use crate::engine::params;

pub const KIND: CorpusKindSpec = CorpusKindSpec {
    names: &["stock-chain"],
    checks: &["cross-year-mismatch"],
    vars: &[
        "table",
        "row",
        "column",
        "value",
        "previous",
        "change",
        "expected",
        "diff",
        "year",
        "previous-year",
        "why",
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
    table: String,
    /// This year's stock column.
    column: String,
    /// Last year's stock column (default: `column`).
    #[serde(default)]
    previous: Option<String>,
    /// This year's columns added to last year's stock…
    #[serde(default)]
    plus: Vec<String>,
    /// …and taken from it.
    #[serde(default)]
    minus: Vec<String>,
    /// Words that, in the report, explain a break (清理): info, not the rule's severity.
    #[serde(default)]
    lower_when: Vec<String>,
}

impl CorpusKindCheck for Params {
    fn wants(&self, wanted: &mut Wanted) {
        wanted.cells_of(&self.table, None);
        for w in &self.lower_when {
            if !wanted.words.contains(w) {
                wanted.words.push(w.clone());
            }
        }
    }

    fn run(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        let previous_col = self.previous.as_deref().unwrap_or(&self.column);
        for r in corpus.reports {
            let Some(prev) = corpus.previous(r) else {
                continue;
            };
            let (y, py) = (r.year.unwrap_or_default(), prev.year.unwrap_or_default());
            for (row, _) in r.rows_of(&self.table) {
                let now = r.row_cells(&self.table, row);
                let before = prev.row_cells(&self.table, row);
                let get = |cells: &[(&str, &str, &str, &crate::analysis::facts::FactCell)],
                           c: &str| {
                    cells
                        .iter()
                        .find(|x| x.0 == c)
                        .map(|x| (x.1.to_string(), x.2.to_string(), x.3.clone()))
                };
                let (Some(stock), Some(old)) =
                    (get(&now, &self.column), get(&before, previous_col))
                else {
                    continue;
                };
                let moves: Vec<_> = self
                    .plus
                    .iter()
                    .map(|c| (true, get(&now, c)))
                    .chain(self.minus.iter().map(|c| (false, get(&now, c))))
                    .collect();
                if moves.iter().any(|(_, m)| m.is_none()) {
                    continue;
                }
                // A row read without a figure in either year is not compared.
                let any = |cells: &[(&str, &str, &str, &crate::analysis::facts::FactCell)]| {
                    cells.iter().any(|c| c.3.value.is_some())
                };
                if !any(&now) || !any(&before) {
                    continue;
                }
                let v = |c: &crate::analysis::facts::FactCell| c.value.unwrap_or(Decimal::ZERO);
                let mut expected = v(&old.2);
                let mut change = String::new();
                let mut labels = vec![Label::in_file(
                    prev.file,
                    old.2.span,
                    format!("{py} 年{} {}", old.0, v(&old.2)),
                )];
                for (add, m) in &moves {
                    let (label, _, cell) = m.as_ref().expect("checked");
                    let x = v(cell);
                    expected = if *add { expected + x } else { expected - x };
                    change.push_str(&format!(" {} {x}", if *add { "+" } else { "−" }));
                    let this = if label.starts_with("本年") {
                        ""
                    } else {
                        "本年"
                    };
                    labels.push(Label::new(cell.span, format!("{this}{label} {x}")));
                }
                let value = v(&stock.2);
                if value == expected {
                    continue;
                }
                let lowered = self
                    .lower_when
                    .iter()
                    .find(|w| corpus.mentions(r, w).next().is_some());
                let why = lowered.map_or(String::new(), |w| {
                    format!("；报告提到「{w}」，可能因清理文件而不连续")
                });
                if let Some(w) = lowered
                    && let Some(at) = corpus.mentions(r, w).next()
                {
                    labels.push(Label::new(at, format!("提到「{w}」")));
                }
                let vars = [
                    ("table", self.table.clone()),
                    ("row", stock.1.clone()),
                    ("column", stock.0.clone()),
                    ("value", value.to_string()),
                    ("previous", v(&old.2).to_string()),
                    ("change", change.trim().to_string()),
                    ("expected", expected.to_string()),
                    ("diff", (value - expected).abs().to_string()),
                    ("year", y.to_string()),
                    ("previous-year", py.to_string()),
                    ("why", why),
                ];
                out.emit(
                    r.file,
                    (stock.2.span, Some(format!("本年{} {value}", stock.0))),
                    &vars,
                    labels,
                    lowered.map(|_| Severity::Info),
                );
            }
        }
    }
}
