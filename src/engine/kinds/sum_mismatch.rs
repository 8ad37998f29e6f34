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
            let parts: Vec<_> = b
                .parts
                .iter()
                .map(|p| &doc.quantities[p.quantity])
                .collect();
            // Approximate figures are bounds (2300余 is at least 2300): a
            // finding only where the bounds make the relation impossible.
            let (t_lo, t_hi) = total.bounds();
            let lo: Decimal = parts.iter().map(|q| q.bounds().0).sum();
            let hi: Option<Decimal> = parts.iter().map(|q| q.bounds().1).sum();
            let over = t_hi.is_some_and(|t| lo > t);
            let under = hi.is_some_and(|h| h < t_lo);
            let broken = match self.relation {
                Relation::Equal => over || under,
                Relation::AtMost => over,
                Relation::AtLeast => under,
            };
            if !broken {
                continue;
            }
            let approx = total.approx || parts.iter().any(|q| q.approx);
            let (sum, diff) = if !approx {
                let sum: Decimal = parts.iter().map(|q| q.value).sum();
                (sum.normalize().to_string(), (sum - total.value).abs())
            } else if over {
                let sum: Decimal = parts.iter().map(|q| q.bounds().0.max(Decimal::ZERO)).sum();
                let gap = sum - t_hi.unwrap_or(total.value);
                (format!("至少 {}", sum.normalize()), gap)
            } else {
                let sum = hi.unwrap_or_default();
                (format!("至多 {}", sum.normalize()), t_lo - sum)
            };
            let diff = if approx {
                format!("至少 {}", diff.normalize())
            } else {
                diff.normalize().to_string()
            };
            let unit = total.unit.unwrap_or("");
            let labels = b
                .parts
                .iter()
                .map(|p| {
                    let q = &doc.quantities[p.quantity];
                    Label::new(q.number, format!("{} {unit}", q.shown_as_written()))
                })
                .collect();
            out.emit(
                total.number,
                Some(format!("总数 {} {unit}", total.shown_as_written())),
                &[
                    ("sum", sum),
                    ("total", total.shown_as_written()),
                    ("diff", diff),
                    ("unit", unit.to_string()),
                    ("count", b.parts.len().to_string()),
                ],
                labels,
            );
        }
    }
}
