//! `template-mismatch`: the report's tables are on another year's national
//! format (a 2022 report with 2019 labels such as 「本年新制作数量」).

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::span::Span;
use crate::source::text::{fold, folded_contains_any};

pub const KIND: KindSpec = KindSpec {
    names: &["template-mismatch"],
    checks: &["template-mismatch"],
    vars: &["expected", "found", "markers"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// The format this pack expects, for messages.
            expected: String,
            /// Labels only the expected format has.
            own: Vec<String>,
            /// The other format's name and its labels.
            other: String,
            other_markers: Vec<String>,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(Template {
            expected: p.expected,
            own_folded: p.own.iter().map(|m| fold(m)).collect(),
            other: p.other,
            other_markers: p.other_markers,
        }))
    },
};

struct Template {
    expected: String,
    /// Labels only the expected format has, folded once.
    own_folded: Vec<String>,
    other: String,
    other_markers: Vec<String>,
}

impl RuleCheck for Template {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let text = &doc.text[..doc.body_end];
        if folded_contains_any(text, &self.own_folded) {
            return;
        }
        let hits: Vec<(Span, &str)> = self
            .other_markers
            .iter()
            .filter_map(|m| {
                text.find(m.as_str())
                    .map(|i| (Span::new(i, i + m.len()), m.as_str()))
            })
            .collect();
        let Some(&(first, _)) = hits.iter().min_by_key(|(s, _)| s.start) else {
            return;
        };
        let markers = hits
            .iter()
            .map(|(_, m)| format!("「{m}」"))
            .collect::<String>();
        let labels = hits
            .iter()
            .filter(|(s, _)| *s != first)
            .map(|(s, _)| Label::new(*s, format!("{}的栏目", self.other)))
            .collect();
        let at = doc.year.map_or(first, |y| y.span);
        let mut labels: Vec<Label> = labels;
        if at != first {
            labels.insert(0, Label::new(first, format!("{}的栏目", self.other)));
        }
        out.emit(
            at,
            Some(doc.year.map_or_else(
                || "报告年度".to_string(),
                |y| format!("报告年度 {}", y.year),
            )),
            &[
                ("expected", self.expected.clone()),
                ("found", self.other.clone()),
                ("markers", markers),
            ],
            labels,
        );
    }
}
