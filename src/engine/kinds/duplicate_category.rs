//! `duplicate-category`: one breakdown names the same category twice
//! (「公共资源配置信息135条，公共资源配置信息92条」).

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::analysis::breakdown::same_category;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::rules::schema::BreakdownSpec;

pub const KIND: KindSpec = KindSpec {
    names: &["duplicate-category"],
    checks: &["duplicate-category"],
    vars: &["category", "first", "second", "unit"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            breakdown: Spanned<String>,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(DuplicateCategory {
            spec: ctx.breakdown(&p.breakdown)?,
        }))
    },
};

struct DuplicateCategory {
    spec: std::sync::Arc<BreakdownSpec>,
}

impl RuleCheck for DuplicateCategory {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        for b in cx.breakdowns(&self.spec).iter() {
            for (j, later) in b.parts.iter().enumerate() {
                let Some(first) = b.parts[..j]
                    .iter()
                    .find(|p| same_category(&doc.shown(p.label), &doc.shown(later.label)))
                else {
                    continue;
                };
                let (q1, q2) = (
                    &doc.quantities[first.quantity],
                    &doc.quantities[later.quantity],
                );
                let unit = q2.unit.unwrap_or("");
                out.emit(
                    later.label,
                    Some(format!("再次出现，{} {unit}", q2.shown())),
                    &[
                        ("category", doc.shown(later.label).into_owned()),
                        ("first", q1.shown()),
                        ("second", q2.shown()),
                        ("unit", unit.to_string()),
                    ],
                    vec![Label::new(
                        first.label,
                        format!("第一次出现，{} {unit}", q1.shown()),
                    )],
                );
            }
        }
    }
}
