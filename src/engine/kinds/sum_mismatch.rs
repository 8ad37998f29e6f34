//! `sum-mismatch`: a prose total against its parts. Each rule checks one
//! relation (equal / at-most / at-least), so its severity and message can say
//! how sure the finding is.

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::analysis::breakdown::PartsRelation as Relation;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::rules::schema::BreakdownSpec;

pub const KIND: KindSpec = KindSpec {
    names: &["sum-mismatch"],
    checks: &["sum-mismatch"],
    vars: &["sum", "total", "diff", "unit", "count"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            breakdown: Spanned<String>,
            /// `equal`, `at-most` or `at-least`.
            relation: Relation,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(SumMismatch {
            spec: ctx.breakdown(&p.breakdown)?,
            relation: p.relation,
        }))
    },
};

struct SumMismatch {
    spec: std::sync::Arc<BreakdownSpec>,
    relation: Relation,
}

impl RuleCheck for SumMismatch {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        for b in cx.breakdowns(&self.spec).iter() {
            if b.relation != self.relation {
                continue;
            }
            let total = &doc.quantities[b.total];
            let sum: Decimal = b
                .parts
                .iter()
                .map(|p| doc.quantities[p.quantity].value)
                .sum();
            let slack: Decimal = total.tolerance
                + b.parts
                    .iter()
                    .map(|p| doc.quantities[p.quantity].tolerance)
                    .sum::<Decimal>();
            let diff = sum - total.value;
            let broken = match self.relation {
                Relation::Equal => diff.abs() > slack,
                Relation::AtMost => diff > slack,
                Relation::AtLeast => -diff > slack,
            };
            if !broken {
                continue;
            }
            let unit = total.unit.unwrap_or("");
            let labels = b
                .parts
                .iter()
                .map(|p| {
                    let q = &doc.quantities[p.quantity];
                    Label::new(q.number, format!("{} {unit}", q.shown()))
                })
                .collect();
            out.emit(
                total.number,
                Some(format!("总数 {} {unit}", total.shown())),
                &[
                    ("sum", sum.normalize().to_string()),
                    ("total", total.shown()),
                    ("diff", diff.abs().normalize().to_string()),
                    ("unit", unit.to_string()),
                    ("count", b.parts.len().to_string()),
                ],
                labels,
            );
        }
    }
}
