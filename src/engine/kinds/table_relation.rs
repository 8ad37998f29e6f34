//! `table-relation`: one relation of a national table, checked for each
//! column (「一 + 二 = （七）总计 + 四」) or for each row (「总计 = 六类申请人之和」).
//! Blank cells count as 0 beside a filled one; a side with no filled cell is
//! not checked (a blank total is `table-cells`' finding, not an arithmetic one).

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::analysis::grid::View;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::rules::table::{ForEach, TableDef, TableEquation as Relation};

pub const KIND: KindSpec = KindSpec {
    names: &["table-relation"],
    checks: &["value-mismatch", "sum-mismatch"],
    vars: &["table", "holds", "where", "left", "right", "diff"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            table: Spanned<String>,
            relation: Spanned<String>,
        }
        let p: Params = params(p, ctx)?;
        let (tables, index) = ctx.table(&p.table)?;
        let def = &tables[index];
        let Some(rd) = def.relation.iter().find(|r| &r.id == p.relation.get_ref()) else {
            let known: Vec<&str> = def.relation.iter().map(|r| r.id.as_str()).collect();
            return Err(ctx
                .error(
                    Some(p.relation.span().into()),
                    format!("表「{}」没有关系「{}」", def.id, p.relation.get_ref()),
                )
                .with_label("没有这个 relation id")
                .with_help(format!("此表定义的关系：{}", known.join("、"))));
        };
        let relation = Relation::parse(rd).map_err(|m| ctx.error(None, m))?;
        let holds = rd.holds.clone();
        Ok(Box::new(TableRelation {
            tables,
            index,
            relation,
            holds,
        }))
    },
};

/// One place a relation is checked: its name, 「列」 or 「行」, and the
/// `(row, column)` terms of each side.
type Unit = (String, String, Vec<Term>, Vec<Term>);
type Term = (String, String);

struct TableRelation {
    tables: std::sync::Arc<Vec<TableDef>>,
    index: usize,
    relation: Relation,
    holds: String,
}

impl RuleCheck for TableRelation {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let grids = cx.grids(&self.tables);
        let Some(grid) = grids[self.index].as_ref() else {
            return;
        };
        let def = &self.tables[self.index];
        let view = View { def, grid };
        let units: Vec<Unit> = match self.relation.for_each {
            ForEach::Column => def
                .columns
                .iter()
                .map(|c| {
                    let terms =
                        |ids: &[String]| ids.iter().map(|r| (r.clone(), c.id.clone())).collect();
                    (
                        c.label.clone(),
                        "列".to_string(),
                        terms(&self.relation.left),
                        terms(&self.relation.right),
                    )
                })
                .collect(),
            ForEach::Row => grid
                .rows
                .iter()
                .filter(|r| view.columns_of(r).len() == def.columns.len())
                .map(|r| {
                    let id = &def.rows[r.def].id;
                    let terms =
                        |ids: &[String]| ids.iter().map(|c| (id.clone(), c.clone())).collect();
                    (
                        def.rows[r.def].label.clone(),
                        "行".to_string(),
                        terms(&self.relation.left),
                        terms(&self.relation.right),
                    )
                })
                .collect(),
        };
        for (name, kind, left, right) in units {
            // A missing or ambiguous row, or a blank total, leaves the relation
            // unknown; other blank cells are the zeros HTML exports leave empty.
            let side = |terms: &[(String, String)]| -> Option<Decimal> {
                if terms
                    .iter()
                    .any(|(r, _)| grid.row(r, def).is_none() && stand_in(def, grid, r).is_none())
                    || terms
                        .iter()
                        .any(|(r, _)| grid.row(r, def).is_some_and(|row| row.ambiguous()))
                {
                    return None;
                }
                // A blank 总计 of a row whose cells are all blank is that row's
                // zero (blank cells for 0); of a row with figures, its value is
                // unknown (`table-cells` reports it).
                let cells: Vec<Option<Decimal>> = terms
                    .iter()
                    .map(|(r, c)| {
                        if grid.row(r, def).is_none() {
                            // An older form's row in place of the missing ones:
                            // its figure for the first, nothing for the others.
                            let (sub, first) = stand_in(def, grid, r)?;
                            return if first {
                                view.cell(&def.rows[sub.def].id, c).and_then(|x| x.value)
                            } else {
                                Some(Decimal::ZERO)
                            };
                        }
                        view.cell(r, c).and_then(|x| x.value).or_else(|| {
                            let row = grid.row(r, def)?;
                            let all_blank = row
                                .cells
                                .iter()
                                .all(|x| x.as_ref().is_some_and(|x| x.value.is_none()));
                            (c.ends_with("total") && all_blank).then(Decimal::default)
                        })
                    })
                    .collect();
                let blank_total = terms
                    .iter()
                    .zip(&cells)
                    .any(|((_, c), v)| v.is_none() && c.ends_with("total"));
                if blank_total && terms.len() > 1 {
                    return None;
                }
                cells
                    .iter()
                    .any(Option::is_some)
                    .then(|| cells.iter().flatten().sum())
            };
            let (Some(l), Some(r)) = (side(&left), side(&right)) else {
                continue;
            };
            if l == r {
                continue;
            }
            let first = left
                .iter()
                .chain(&right)
                .find_map(|(r, c)| view.cell(r, c).map(|x| x.span));
            let Some(at) = first else { continue };
            let labels = left
                .iter()
                .chain(&right)
                .skip(1)
                .filter_map(|(r, c)| {
                    let cell = view.cell(r, c)?;
                    let row = def.rows.iter().find(|d| &d.id == r)?;
                    let col = def
                        .columns
                        .iter()
                        .find(|d| &d.id == c)
                        .map_or(c.as_str(), |d| d.label.as_str());
                    let what = if self.relation.for_each == ForEach::Column {
                        row.label.as_str()
                    } else {
                        col
                    };
                    Some(Label::new(
                        cell.span,
                        format!("{}：{}", short(what), cell.shown()),
                    ))
                })
                .collect();
            out.emit(
                at,
                Some(format!("{} {}", short(&name), l.normalize())),
                &[
                    ("table", def.title.clone()),
                    ("holds", self.holds.clone()),
                    ("where", format!("「{name}」{kind}")),
                    ("left", l.normalize().to_string()),
                    ("right", r.normalize().to_string()),
                    ("diff", (l - r).abs().normalize().to_string()),
                ],
                labels,
            );
        }
    }
}

/// The row read in place of `row` (an older form's row standing for it, when
/// none of the rows it stands for was found), and whether `row` is the first
/// of those (it takes the figure; the others take 0).
fn stand_in<'g>(
    def: &TableDef,
    grid: &'g crate::analysis::grid::Grid,
    row: &str,
) -> Option<(&'g crate::analysis::grid::GridRow, bool)> {
    grid.rows.iter().find_map(|r| {
        let targets = &def.rows[r.def].stands_for;
        let k = targets.iter().position(|t| t == row)?;
        Some((r, k == 0))
    })
}

fn short(s: &str) -> String {
    s.chars().take(14).collect()
}
