//! `stock-chain`: a stock carried from year to year in a table — last year's
//! figure plus this year's additions minus its removals is this year's
//! (表二 现行有效件数 in the 2021 format, 对外公开总数量 in the 2019 format).
//! Real series break it when a clean-up happened: a word of `lower-when` in
//! the report lowers the finding to info.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Corpus, CorpusFindings, CorpusKindCheck, CorpusKindSpec};
use crate::analysis::facts::ReportFacts;
use crate::analysis::facts::Wanted;
use crate::diagnostic::{Label, Severity};
use crate::engine::params;
use crate::source::span::Span;

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
        for (_, list) in corpus.series() {
            // The first report of each year (as `Corpus::previous` picks),
            // cut into runs of consecutive years.
            let mut years: Vec<&ReportFacts> = Vec::new();
            for (y, i) in list {
                if years.last().is_none_or(|l| l.year != Some(*y)) {
                    years.push(&corpus.reports[*i]);
                }
            }
            let mut rows: Vec<&str> = Vec::new();
            for r in &years {
                for (row, _) in r.rows_of(&self.table) {
                    if !rows.contains(&row) {
                        rows.push(row);
                    }
                }
            }
            for row in rows {
                // Each year's readings of the row; a year without one ends
                // the chain there.
                let mut chain: Vec<(&ReportFacts, Vec<Reading>)> = Vec::new();
                for r in &years {
                    let consecutive = chain
                        .last()
                        .is_some_and(|(p, _)| p.year.map(|y| y + 1) == r.year);
                    if !consecutive {
                        self.chain(&chain, corpus, out);
                        chain.clear();
                    }
                    let mut readings = self.readings(r, row);
                    // Splits that agree on every figure the chain reads are
                    // one reading (the first year's moves are not read).
                    let first = chain.is_empty();
                    let mut seen: Vec<Vec<Decimal>> = Vec::new();
                    readings.retain(|x| {
                        let key = x.key(first);
                        let new = !seen.contains(&key);
                        seen.push(key);
                        new
                    });
                    if readings.is_empty() {
                        self.chain(&chain, corpus, out);
                        chain.clear();
                    } else {
                        chain.push((r, readings));
                    }
                }
                self.chain(&chain, corpus, out);
            }
        }
    }
}

/// One way to read a year's row: the stock, last year's stock column (as
/// the next year reads it) and the moves, with where each was read.
#[derive(Debug, Clone)]
struct Reading {
    row_label: String,
    /// (column label, value, span) of this year's stock.
    stock: (String, Decimal, Span),
    /// The same for the column the next year starts from.
    carried: (String, Decimal, Span),
    /// (adds, column label, value, span) of each move.
    moves: Vec<(bool, String, Decimal, Span)>,
    /// The run and this split of it, when the row was read as a run.
    run: Option<(Span, String, Vec<Decimal>)>,
}

impl Reading {
    /// The figures the chain reads of this reading: the carried stock, and
    /// unless it opens the chain, the stock and the moves.
    fn key(&self, opens: bool) -> Vec<Decimal> {
        let mut k = vec![self.carried.1];
        if !opens {
            k.push(self.stock.1);
            k.extend(self.moves.iter().map(|m| m.2));
        }
        k
    }
}

impl Params {
    /// The readings of `row` in a report: one when its cells were read, one
    /// per split when they ran together, none when a cell is missing.
    fn readings(&self, r: &ReportFacts, row: &str) -> Vec<Reading> {
        let previous_col = self.previous.as_deref().unwrap_or(&self.column);
        let wanted: Vec<(bool, &str)> = self
            .plus
            .iter()
            .map(|c| (true, c.as_str()))
            .chain(self.minus.iter().map(|c| (false, c.as_str())))
            .collect();
        let cells = r.row_cells(&self.table, row);
        if !cells.is_empty() {
            // A row read without a figure is not compared.
            if !cells.iter().any(|c| c.3.value.is_some()) {
                return Vec::new();
            }
            let get = |c: &str| {
                cells.iter().find(|x| x.0 == c).map(|x| {
                    (
                        x.1.to_string(),
                        x.3.value.unwrap_or(Decimal::ZERO),
                        x.3.span,
                    )
                })
            };
            let moves: Option<Vec<_>> = wanted
                .iter()
                .map(|(add, c)| get(c).map(|(l, v, s)| (*add, l, v, s)))
                .collect();
            let (Some(stock), Some(carried), Some(moves)) =
                (get(&self.column), get(previous_col), moves)
            else {
                return Vec::new();
            };
            let row_label = cells[0].2.to_string();
            return vec![Reading {
                row_label,
                stock,
                carried,
                moves,
                run: None,
            }];
        }
        let Some((run, columns)) = r.row_run(&self.table, row) else {
            return Vec::new();
        };
        let def = &r.tables[run.templates as usize][run.table as usize];
        let row_label = def.rows[run.row as usize].label.clone();
        let at = |c: &str| columns.iter().position(|x| x.id == c);
        let label = |k: usize| columns[k].label.clone();
        let (Some(s), Some(p)) = (at(&self.column), at(previous_col)) else {
            return Vec::new();
        };
        let Some(ks): Option<Vec<(bool, usize)>> = wanted
            .iter()
            .map(|(add, c)| at(c).map(|k| (*add, k)))
            .collect()
        else {
            return Vec::new();
        };
        run.splits
            .iter()
            .filter(|split| split.len() == columns.len())
            .map(|split| Reading {
                row_label: row_label.clone(),
                stock: (label(s), split[s], run.span),
                carried: (label(p), split[p], run.span),
                moves: ks
                    .iter()
                    .map(|&(add, k)| (add, label(k), split[k], run.span))
                    .collect(),
                run: Some((run.span, run.digits.clone(), split.clone())),
            })
            .collect()
    }

    /// Checks one chain of consecutive years: chooses, where rows ran
    /// together, the splits that keep the chain closest (the least total
    /// break, so a finding is never larger than some reading's; a split
    /// that would repeal more than there were counts as worse than any), and
    /// reports each year whose stock breaks it. When several choices are
    /// equally close, only breaks between rows read cell by cell are
    /// reported.
    fn chain(
        &self,
        chain: &[(&ReportFacts, Vec<Reading>)],
        corpus: &Corpus<'_>,
        out: &mut CorpusFindings<'_>,
    ) {
        if chain.len() < 2 {
            return;
        }
        let expected = |prev: &Reading, now: &Reading| -> Decimal {
            now.moves.iter().fold(
                prev.carried.1,
                |e, (add, _, x, _)| {
                    if *add { e + x } else { e - x }
                },
            )
        };
        // A reading that leaves fewer than none (more repealed than there
        // were) is counted before any size of break: (impossible, break).
        let cost = |prev: &Reading, now: &Reading| -> (u32, Decimal) {
            let e = expected(prev, now);
            (u32::from(e.is_sign_negative()), (now.stock.1 - e).abs())
        };
        let add = |a: (u32, Decimal), b: (u32, Decimal)| (a.0 + b.0, a.1 + b.1);
        // best[t][j]: (least total cost up to year t ending in reading j,
        // how many choices reach it (2 = several), the reading before).
        type Best = ((u32, Decimal), u8, usize);
        let mut best: Vec<Vec<Best>> = vec![vec![((0, Decimal::ZERO), 1, 0); chain[0].1.len()]];
        for t in 1..chain.len() {
            let row: Vec<Best> = chain[t]
                .1
                .iter()
                .map(|now| {
                    let mut acc: Option<Best> = None;
                    for (i, prev) in chain[t - 1].1.iter().enumerate() {
                        let (c, n, _) = best[t - 1][i];
                        let c = add(c, cost(prev, now));
                        acc = Some(match acc {
                            Some((a, m, k)) if a < c => (a, m, k),
                            Some((a, m, k)) if a == c => (a, m.saturating_add(n).min(2), k),
                            _ => (c, n, i),
                        });
                    }
                    acc.expect("a chain's years have readings")
                })
                .collect();
            best.push(row);
        }
        let last = best.last().expect("two years");
        let Some((end, _)) = last
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.0.cmp(&b.1.0))
            .map(|(j, x)| (j, *x))
        else {
            return;
        };
        let ways: u32 = last
            .iter()
            .filter(|x| x.0 == last[end].0)
            .map(|x| u32::from(x.1))
            .sum();
        let unique = ways == 1;
        // The chosen reading of each year, walking back.
        let mut pick = vec![0; chain.len()];
        pick[chain.len() - 1] = end;
        for t in (1..chain.len()).rev() {
            pick[t - 1] = best[t][pick[t]].2;
        }
        for t in 1..chain.len() {
            let (prev_r, prev) = (chain[t - 1].0, &chain[t - 1].1[pick[t - 1]]);
            let (r, now) = (chain[t].0, &chain[t].1[pick[t]]);
            if !unique && (prev.run.is_some() || now.run.is_some()) {
                continue;
            }
            self.report(prev_r, prev, r, now, expected(prev, now), corpus, out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        prev_r: &ReportFacts,
        prev: &Reading,
        r: &ReportFacts,
        now: &Reading,
        expected: Decimal,
        corpus: &Corpus<'_>,
        out: &mut CorpusFindings<'_>,
    ) {
        let value = now.stock.1;
        if value == expected {
            return;
        }
        let (y, py) = (r.year.unwrap_or_default(), prev_r.year.unwrap_or_default());
        let split_note = |run: &Option<(Span, String, Vec<Decimal>)>| {
            run.as_ref().map(|(_, digits, split)| {
                let parts: Vec<String> = split.iter().map(|v| v.to_string()).collect();
                format!("（各格连写为 {digits}，按 {} 计）", parts.join(" / "))
            })
        };
        let carried_note = prev.run.as_ref().map_or(String::new(), |(_, digits, _)| {
            format!("（各格连写为 {digits}，该格按 {} 计）", prev.carried.1)
        });
        let mut labels = vec![Label::in_file(
            prev_r.file,
            prev.carried.2,
            format!("{py} 年{} {}{carried_note}", prev.carried.0, prev.carried.1),
        )];
        let mut change = String::new();
        for (add, label, x, span) in &now.moves {
            change.push_str(&format!(" {} {x}", if *add { "+" } else { "−" }));
            if now.run.is_none() {
                let this = if label.starts_with("本年") {
                    ""
                } else {
                    "本年"
                };
                labels.push(Label::new(*span, format!("{this}{label} {x}")));
            }
        }
        let lowered = self
            .lower_when
            .iter()
            .find(|w| corpus.mentions(r, w).next().is_some());
        let mut why = lowered.map_or(String::new(), |w| {
            format!("；报告提到「{w}」，可能因清理文件而不连续")
        });
        if now.run.is_some() || prev.run.is_some() {
            why.push_str("；表中有连写的数字，按与上下年最相符的拆分核对");
        }
        if let Some(w) = lowered
            && let Some(at) = corpus.mentions(r, w).next()
        {
            labels.push(Label::new(at, format!("提到「{w}」")));
        }
        let vars = [
            ("table", self.table.clone()),
            ("row", now.row_label.clone()),
            ("column", now.stock.0.clone()),
            ("value", value.to_string()),
            ("previous", prev.carried.1.to_string()),
            ("change", change.trim().to_string()),
            ("expected", expected.to_string()),
            ("diff", (value - expected).abs().to_string()),
            ("year", y.to_string()),
            ("previous-year", py.to_string()),
            ("why", why),
        ];
        let here = match split_note(&now.run) {
            Some(note) => format!("本年{} {value}{note}", now.stock.0),
            None => format!("本年{} {value}", now.stock.0),
        };
        out.emit(
            r.file,
            (now.stock.2, Some(here)),
            &vars,
            labels,
            lowered.map(|_| Severity::Info),
        );
    }
}
