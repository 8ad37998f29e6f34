//! `table-cells`: what a national table must contain — every template row
//! (`rows`), a filled cell in a column wherever the row has other values
//! (`blank`, e.g. 总计 left empty), and cells that can be read at all
//! (`split`: a flattened digit run that splits more than one way).

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::analysis::grid::View;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::rules::table::TableDef;
use crate::source::span::Span;

pub const KIND: KindSpec = KindSpec {
    names: &["table-cells"],
    checks: &["value-missing", "unverifiable"],
    vars: &["table", "rows", "count", "column"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            table: Spanned<String>,
            /// `rows`, `blank` or `split`.
            what: WhatName,
            /// For `blank`: the column that must be filled.
            #[serde(default)]
            column: Option<String>,
        }
        let p: Params = params(p, ctx)?;
        let (tables, index) = ctx.table(&p.table)?;
        let what = match p.what {
            WhatName::Rows => What::Rows,
            WhatName::Blank => What::Blank(
                p.column
                    .clone()
                    .ok_or_else(|| ctx.error(None, "what = \"blank\" 需要 column"))?,
            ),
            WhatName::Split => What::Split,
        };
        Ok(Box::new(TableCells {
            tables,
            index,
            what,
        }))
    },
};

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum WhatName {
    Rows,
    Blank,
    Split,
}

enum What {
    Rows,
    Blank(String),
    Split,
}

struct TableCells {
    tables: std::sync::Arc<Vec<TableDef>>,
    index: usize,
    what: What,
}

impl RuleCheck for TableCells {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let grids = cx.grids(&self.tables);
        let def = &self.tables[self.index];
        let Some(grid) = grids[self.index].as_ref() else {
            if matches!(self.what, What::Rows) {
                let at = doc.title.unwrap_or(Span::new(0, 0));
                out.emit(
                    at,
                    Some("本报告".into()),
                    &vars(def, "（整张表）".into(), 0, ""),
                    Vec::new(),
                );
            }
            return;
        };
        let view = View { def, grid };
        match &self.what {
            What::Rows => {
                let absent: Vec<&crate::rules::table::RowDef> = def
                    .rows
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !grid.rows.iter().any(|r| r.def == *i))
                    // An older form's row stands in; it is never missing.
                    .filter(|(_, r)| r.stands_for.is_empty())
                    .map(|(_, r)| r)
                    .collect();
                let mut missing: Vec<String> = Vec::new();
                for r in &absent {
                    let group = def.rows.iter().find(|g| g.stands_for.contains(&r.id));
                    // A whole group missing is named once.
                    match group.filter(|g| {
                        g.stands_for
                            .iter()
                            .all(|id| absent.iter().any(|a| &a.id == id))
                    }) {
                        Some(g) if g.stands_for.first() == Some(&r.id) => {
                            let items: Vec<String> = g
                                .stands_for
                                .iter()
                                .filter_map(|id| def.rows.iter().find(|x| &x.id == id))
                                .map(|x| match x.ordinal {
                                    Some(n) => format!("{n}.{}", x.label),
                                    None => x.label.clone(),
                                })
                                .collect();
                            missing.push(format!(
                                "「{}」的 {} 个子项（{}）",
                                g.label,
                                items.len(),
                                items.join("；")
                            ))
                        }
                        Some(_) => {}
                        None => missing.push(format!("「{}」", row_name(def, r))),
                    }
                }
                let columns: Vec<&str> = grid
                    .missing_columns
                    .iter()
                    .map(|&k| def.columns[k].label.as_str())
                    .collect();
                if !missing.is_empty() || !columns.is_empty() {
                    let names = missing
                        .iter()
                        .cloned()
                        .chain(columns.iter().map(|c| format!("「{c}」列")))
                        .collect::<String>();
                    out.emit(
                        grid.start,
                        Some(def.title.clone()),
                        &vars(def, names, missing.len() + columns.len(), ""),
                        Vec::new(),
                    );
                }
            }
            What::Blank(col) => {
                let mut labels = Vec::new();
                let mut names = Vec::new();
                for r in &grid.rows {
                    let id = &def.rows[r.def].id;
                    let Some(k) = view.columns_of(r).iter().position(|c| &c.id == col) else {
                        continue;
                    };
                    let blank = r
                        .cells
                        .get(k)
                        .is_some_and(|c| c.as_ref().is_none_or(|c| c.value.is_none()));
                    let others = r.cells.iter().enumerate().any(|(j, c)| {
                        j != k
                            && c.as_ref()
                                .is_some_and(|c| c.value.is_some_and(|v| !v.is_zero()))
                    });
                    if blank && others {
                        let should = view
                            .value(id, col)
                            .map_or_else(String::new, |v| format!("，应为 {}", v.normalize()));
                        labels.push(Label::new(r.label, format!("空白{should}")));
                        names.push(format!("「{}」", def.rows[r.def].label));
                    }
                }
                if let Some(first) = labels.first().cloned() {
                    let column = def
                        .columns
                        .iter()
                        .find(|c| &c.id == col)
                        .map_or(col.as_str(), |c| c.label.as_str());
                    let count = labels.len();
                    out.emit(
                        first.span,
                        Some(first.message),
                        &vars(def, names.join(""), count, column),
                        labels[1..].to_vec(),
                    );
                }
            }
            What::Split => {
                for r in grid.rows.iter().filter(|r| r.ambiguous()) {
                    let at = r.cells.iter().flatten().next().map_or(r.label, |c| c.span);
                    out.emit(
                        at,
                        Some("可拆分为多种数字组合".into()),
                        &vars(def, format!("「{}」", def.rows[r.def].label), 1, ""),
                        vec![Label::new(r.label, "此行")],
                    );
                }
            }
        }
    }
}

/// A row as a clerk finds it in the form: a numbered sub-item with its
/// number, under its group's label when the template names the group
/// (「其他处理 3.其他」, not a bare 「其他」).
fn row_name(def: &TableDef, row: &crate::rules::table::RowDef) -> String {
    let Some(n) = row.ordinal else {
        return row.label.clone();
    };
    match def.rows.iter().find(|g| g.stands_for.contains(&row.id)) {
        Some(group) => format!("{} {n}.{}", group.label, row.label),
        None => format!("{n}.{}", row.label),
    }
}

fn vars(def: &TableDef, rows: String, count: usize, column: &str) -> Vec<(&'static str, String)> {
    vec![
        ("table", def.title.clone()),
        ("rows", rows),
        ("count", count.to_string()),
        ("column", column.to_string()),
    ]
}
