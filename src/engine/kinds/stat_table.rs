//! `stat-table`: the 2013–2018 statistics table of the appendix. A parent
//! row equals the sum of its numbered items; a 「其中」 list is at most its
//! row (all of it, when it names a residual 其他 item); a de-duplicated total
//! is at most the sum of its channels; a parent row left blank while its items
//! have values is missing. Which of these a rule reports is its `relation`.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::analysis::Analysis;
use crate::analysis::stat::{self, StatRow};
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};

pub const KIND: KindSpec = KindSpec {
    names: &["stat-table"],
    checks: &["sum-mismatch", "value-missing"],
    vars: &["row", "value", "sum", "diff", "unit", "count", "parts"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct AtLeast {
            total: String,
            channels: String,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// `equal` (items), `among` (其中 lists), `at-least` (channels), `blank`.
            relation: Relation,
            /// Items naming one of these complete a 其中 list.
            #[serde(default)]
            complete_when: Vec<String>,
            /// De-duplicated totals and the row whose items are its channels.
            #[serde(default)]
            at_least: Vec<AtLeast>,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(StatTable {
            relation: p.relation,
            complete_when: p.complete_when,
            at_least: p
                .at_least
                .into_iter()
                .map(|a| (a.total, a.channels))
                .collect(),
        }))
    },
};

/// `equal` (items add up), `among` (a 其中 list), `at-least` (channels of a
/// de-duplicated total), `blank` (a row with a unit must not be blank).
#[derive(Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Relation {
    #[serde(rename = "equal")]
    Items,
    Among,
    #[serde(rename = "at-least")]
    Channels,
    Blank,
}

struct StatTable {
    relation: Relation,
    complete_when: Vec<String>,
    at_least: Vec<(String, String)>,
}

impl RuleCheck for StatTable {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let rows = cx.stat_rows();
        if rows.is_empty() {
            return;
        }
        let channel_parents: Vec<usize> = self
            .at_least
            .iter()
            .filter_map(|(_, c)| stat::find(&rows, c))
            .collect();
        match self.relation {
            Relation::Channels => {
                for (total, channels) in &self.at_least {
                    let (Some(t), Some(c)) =
                        (stat::find(&rows, total), stat::find(&rows, channels))
                    else {
                        continue;
                    };
                    let kids = stat::children(&rows, c, false);
                    if let (Some(tv), Some(sum)) = (rows[t].number(), sum(&rows, &kids))
                        && sum < tv
                    {
                        emit(out, &rows, t, &kids, tv, sum);
                    }
                }
            }
            Relation::Items | Relation::Among | Relation::Blank => {
                for p in 0..rows.len() {
                    if self.relation != Relation::Among && channel_parents.contains(&p) {
                        continue;
                    }
                    let kids = stat::children(&rows, p, self.relation == Relation::Among);
                    let Some(sum) = sum(&rows, &kids) else {
                        continue;
                    };
                    match (self.relation, rows[p].number()) {
                        (Relation::Items, Some(v)) if sum != v => {
                            emit(out, &rows, p, &kids, v, sum)
                        }
                        (Relation::Among, Some(v)) => {
                            let complete = kids.iter().any(|&k| {
                                self.complete_when
                                    .iter()
                                    .any(|w| rows[k].text.contains(w.as_str()))
                            });
                            if (complete && sum != v) || sum > v {
                                emit(out, &rows, p, &kids, v, sum);
                            }
                        }
                        (Relation::Blank, None) if rows[p].has_unit() => {
                            let mut labels = part_labels(&rows, &kids);
                            if let Some(c) = &rows[p].value {
                                labels.insert(0, Label::new(c.span, "空白"));
                            }
                            out.emit(
                                rows[p].label,
                                Some("未填数字".into()),
                                &vars(&rows, p, &kids, None, sum),
                                labels,
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Sum of the items' values; `None` when no item has one.
fn sum(rows: &[StatRow], kids: &[usize]) -> Option<Decimal> {
    let vals: Vec<Decimal> = kids.iter().filter_map(|&k| rows[k].number()).collect();
    (!vals.is_empty()).then(|| vals.iter().sum())
}

fn vars(
    rows: &[StatRow],
    p: usize,
    kids: &[usize],
    v: Option<Decimal>,
    sum: Decimal,
) -> Vec<(&'static str, String)> {
    // A heading row may have no unit of its own; its items do.
    let unit = std::iter::once(p)
        .chain(kids.iter().copied())
        .find_map(|i| rows[i].unit.clone().filter(|u| !u.is_empty()))
        .unwrap_or_default();
    let parts: Vec<String> = kids
        .iter()
        .map(|&k| {
            rows[k]
                .value
                .as_ref()
                .map_or_else(|| "空".into(), |c| c.shown())
        })
        .collect();
    vec![
        ("row", label_words(&rows[p].text)),
        (
            "value",
            v.map_or_else(String::new, |v| v.normalize().to_string()),
        ),
        ("sum", sum.normalize().to_string()),
        (
            "diff",
            v.map_or_else(String::new, |v| (sum - v).abs().normalize().to_string()),
        ),
        ("unit", unit),
        ("count", kids.len().to_string()),
        ("parts", parts.join(" + ")),
    ]
}

fn part_labels(rows: &[StatRow], kids: &[usize]) -> Vec<Label> {
    kids.iter()
        .filter_map(|&k| {
            rows[k].value.as_ref().map(|c| {
                Label::new(
                    c.span,
                    format!("{}：{}", label_words(&rows[k].text), c.shown()),
                )
            })
        })
        .collect()
}

fn emit(
    out: &mut Findings<'_>,
    rows: &[StatRow],
    p: usize,
    kids: &[usize],
    v: Decimal,
    sum: Decimal,
) {
    let mut labels = part_labels(rows, kids);
    if let Some(c) = &rows[p].value {
        labels.insert(0, Label::new(c.span, format!("填 {}", v.normalize())));
    }
    out.emit(
        rows[p].label,
        Some("上级栏目".into()),
        &vars(rows, p, kids, Some(v), sum),
        labels,
    )
}

/// A row label without its numbering and notes, short enough for a message.
fn label_words(text: &str) -> String {
    let t = text
        .trim_start_matches("其中")
        .trim_start_matches([':', '：']);
    let t = match crate::document::marker::parse_marker(t) {
        Some(m) => &t[m.text_start..],
        None => t,
    };
    let t = t.split(['(', '（']).next().unwrap_or(t);
    t.chars().take(24).collect()
}
