//! `stat-text`: figures quoted in the text against the statistics table of
//! the appendix (「受理依申请公开10件」 against 收到申请数). The pack pairs a
//! pattern of the text with a row of the table.

use crate::analysis::Analysis;
use crate::engine::PackRegex;
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::breakdown::label;
use crate::analysis::stat;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};

pub const KIND: KindSpec = KindSpec {
    names: &["stat-text"],
    checks: &["value-mismatch"],
    vars: &["text", "row", "text-value", "table-value", "unit"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Pair {
            /// Matched against the words just before a figure in the text.
            text: Spanned<String>,
            /// A row of the table, by words of its label.
            row: String,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            pairs: Vec<Pair>,
        }
        let p: Params = params(p, ctx)?;
        let pairs = p
            .pairs
            .iter()
            .map(|pair| Ok((ctx.regex(&pair.text)?, pair.row.clone())))
            .collect::<Result<_, crate::rules::FileError>>()?;
        Ok(Box::new(StatText { pairs }))
    },
};

struct StatText {
    pairs: Vec<(PackRegex, String)>,
}

impl RuleCheck for StatText {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let rows = cx.stat_rows();
        if rows.is_empty() {
            return;
        }
        for (re, row) in &self.pairs {
            let Some(r) = stat::find(&rows, row) else {
                continue;
            };
            let (Some(tv), Some(cell)) = (rows[r].number(), rows[r].value.as_ref()) else {
                continue;
            };
            for s in &doc.sentences {
                for q in doc.quantities_in(s.span) {
                    let words = doc.shown(label(doc, s.span.start, q.span.start));
                    if q.approx || q.is_percent() || !re.is_match(&words) || q.value == tv {
                        continue;
                    }
                    let unit = q.unit.unwrap_or("");
                    out.emit(
                        q.number,
                        Some(format!("正文 {} {unit}", q.shown())),
                        &[
                            ("text", words.to_string()),
                            ("row", row.clone()),
                            ("text-value", q.shown()),
                            ("table-value", cell.shown()),
                            ("unit", unit.to_string()),
                        ],
                        vec![Label::new(cell.span, format!("统计表 {}", cell.shown()))],
                    );
                }
            }
        }
    }
}
