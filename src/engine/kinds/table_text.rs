//! `table-text`: figures quoted in the text against the national tables
//! (「予以公开及部分公开258件」 against 表三's 予以公开 + 部分公开). A pair may
//! name an alternative reading: 「收到」 may mean 新收 or 新收 + 上年结转.

use crate::analysis::Analysis;
use crate::engine::PackRegex;
use rust_decimal::Decimal;

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::grid::View;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::rules::table::TableDef;
use crate::source::text::is_space;

pub const KIND: KindSpec = KindSpec {
    names: &["table-text"],
    checks: &["value-mismatch"],
    vars: &[
        "text",
        "text-value",
        "table-value",
        "unit",
        "cells",
        "table",
    ],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Pair {
            /// Matched against the words just before a figure.
            text: Spanned<String>,
            table: Spanned<String>,
            /// `row.column` terms whose sum the figure must equal…
            cells: Vec<String>,
            /// …or, read another way, this sum.
            #[serde(default)]
            or_cells: Vec<String>,
            /// How the table figure is named in messages.
            name: String,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            pairs: Vec<Pair>,
        }
        let p: Params = params(p, ctx)?;
        let mut pairs = Vec::new();
        let mut tables = None;
        for pair in &p.pairs {
            let (t, index) = ctx.table(&pair.table)?;
            let terms = |v: &[String]| -> Result<Vec<(String, String)>, crate::rules::FileError> {
                v.iter()
                    .map(|c| {
                        let (r, col) = c.split_once('.').ok_or_else(|| {
                            ctx.error(
                                Some(pair.table.span().into()),
                                format!("「{c}」应写成 行.列"),
                            )
                        })?;
                        let def = &t[index];
                        if !def.rows.iter().any(|x| x.id == r) {
                            return Err(ctx.error(
                                Some(pair.table.span().into()),
                                format!("表「{}」没有行「{r}」", def.id),
                            ));
                        }
                        Ok((r.to_string(), col.to_string()))
                    })
                    .collect()
            };
            pairs.push(PairC {
                text: ctx.regex(&pair.text)?,
                index,
                cells: terms(&pair.cells)?,
                or_cells: terms(&pair.or_cells)?,
                name: pair.name.clone(),
            });
            tables = Some(t);
        }
        let tables = tables.ok_or_else(|| ctx.error(None, "pairs 不能为空"))?;
        Ok(Box::new(TableText { tables, pairs }))
    },
};

struct PairC {
    text: PackRegex,
    index: usize,
    cells: Vec<(String, String)>,
    or_cells: Vec<(String, String)>,
    name: String,
}

struct TableText {
    tables: std::sync::Arc<Vec<TableDef>>,
    pairs: Vec<PairC>,
}

impl RuleCheck for TableText {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let grids = cx.grids(&self.tables);
        for s in &doc.sentences {
            let qs = doc.quantities_in(s.span);
            for (k, q) in qs.iter().enumerate() {
                if q.approx || q.is_percent() || q.unit != Some("件") {
                    continue;
                }
                let from = if k == 0 {
                    s.span.start
                } else {
                    qs[k - 1].span.end
                };
                let before = doc.shown(crate::source::span::Span::new(from, q.span.start));
                let words = words_before(&before);
                for pair in &self.pairs {
                    if !pair.text.is_match(words) {
                        continue;
                    }
                    let Some(grid) = grids[pair.index].as_ref() else {
                        continue;
                    };
                    let view = View {
                        def: &self.tables[pair.index],
                        grid,
                    };
                    let Some(wants) = view.sums(&pair.cells) else {
                        continue;
                    };
                    let alts = (!pair.or_cells.is_empty())
                        .then(|| view.sums(&pair.or_cells))
                        .flatten();
                    if wants.contains(&q.value)
                        || alts.as_ref().is_some_and(|a| a.contains(&q.value))
                    {
                        continue;
                    }
                    // The other reading cannot be checked (a row of it is
                    // missing, reported as such): do not guess which was meant.
                    if !pair.or_cells.is_empty() && alts.is_none() {
                        continue;
                    }
                    let mut labels: Vec<crate::diagnostic::Label> = pair
                        .cells
                        .iter()
                        .filter_map(|(r, c)| view.cell(r, c).map(|cell| (r, cell)))
                        .map(|(r, cell)| {
                            let label = row_label(&view, r);
                            let shown = view
                                .value(r, "total")
                                .filter(|_| cell.value.is_none())
                                .map_or_else(
                                    || cell.shown(),
                                    |v| format!("{}（由各列合计）", v.normalize()),
                                );
                            crate::diagnostic::Label::new(
                                cell.span,
                                format!("表中「{label}」{shown}"),
                            )
                        })
                        .collect();
                    // Cells run together: the run, and that no split of it
                    // gives the text's figure.
                    let mut runs: Vec<&crate::analysis::grid::Run> = Vec::new();
                    for (r, _) in &pair.cells {
                        let Some(row) = view.grid.row(r, view.def) else {
                            continue;
                        };
                        if let Some(run) = row.run.as_ref().filter(|x| !runs.contains(x)) {
                            runs.push(run);
                            labels.push(crate::diagnostic::Label::new(
                                run.span,
                                format!(
                                    "表中「{}」各格连写为 {}，无论怎样拆分都不是 {}",
                                    row_label(&view, r),
                                    run.digits,
                                    q.shown()
                                ),
                            ));
                        }
                    }
                    let table_value = match wants.as_slice() {
                        [one] => one.normalize().to_string(),
                        many => readings(many),
                    };
                    out.emit(
                        q.number,
                        Some(format!("正文 {} 件", q.shown())),
                        &[
                            ("text", words.to_string()),
                            ("text-value", q.shown()),
                            ("table-value", table_value),
                            ("unit", "件".into()),
                            ("cells", pair.name.clone()),
                            ("table", view.def.title.clone()),
                        ],
                        labels,
                    );
                    break;
                }
            }
        }
    }
}

/// A row's label as messages name it (its first twelve characters).
fn row_label(view: &View<'_>, row: &str) -> String {
    let label = view
        .def
        .rows
        .iter()
        .find(|d| d.id == row)
        .map_or(row, |d| d.label.as_str());
    label.chars().take(12).collect()
}

/// The values a run-together cell may have, for a message: 「70、470 或
/// 2470」, the smallest six and 「等」 past them.
fn readings(values: &[Decimal]) -> String {
    let shown: Vec<String> = values
        .iter()
        .take(6)
        .map(|v| v.normalize().to_string())
        .collect();
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() && values.len() <= 6 => {
            format!("{} 或 {last}", rest.join("、"))
        }
        _ if values.len() > 6 => format!("{} 等", shown.join("、")),
        _ => shown.join("、"),
    }
}

/// The words of the clause just before a figure.
fn words_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| "，。；：、,;:（(".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words = text[start..].trim_matches(is_space);
    words.strip_prefix("其中").unwrap_or(words)
}
