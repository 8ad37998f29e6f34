//! `section-missing` / `section-optional-missing`: a topic the regulation
//! requires is covered when a heading at any level names it.

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::diagnostic::Check;
use crate::engine::{Findings, KindSpec, RuleCheck, heading_text, params};
use crate::rules::SectionDef;
use crate::source::span::Span;

pub const KIND: KindSpec = KindSpec {
    names: &["section-missing", "section-optional-missing"],
    checks: &["section-missing", "section-optional-missing"],
    vars: &["section", "phrases", "found"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            section: Spanned<String>,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(SectionMissing {
            section: ctx.section(&p.section)?,
        }))
    },
};

/// Headings a finding lists.
const MAX_LISTED: usize = 12;

struct SectionMissing {
    section: SectionDef,
}

impl RuleCheck for SectionMissing {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        if cx.folded_titles().iter().any(|t| self.section.matches(t)) {
            return;
        }
        let tops: Vec<_> = doc.top_level().collect();
        // A garbled file can have 100,000 "headings": the list is capped.
        let mut found = tops
            .iter()
            .take(MAX_LISTED)
            .map(|h| format!("「{}」", heading_text(doc, h)))
            .collect::<Vec<_>>()
            .join("");
        if tops.len() > MAX_LISTED {
            found.push_str(&format!("等 {} 个", tops.len()));
        }
        let phrases = self
            .section
            .phrases
            .iter()
            .map(|p| format!("「{p}」"))
            .collect::<Vec<_>>()
            .join("");
        // The title stands for the report as a whole; without one, the first heading.
        let at = doc
            .title
            .or_else(|| tops.first().map(|h| h.span))
            .unwrap_or(Span::new(0, 0));
        // The headings that are there are one list in the help (labelling
        // each made a finding as long as the outline).
        out.emit(
            at,
            Some("本报告".to_string()),
            &[
                ("section", self.section.name.clone()),
                ("phrases", phrases),
                (
                    "found",
                    if found.is_empty() {
                        "（无）".into()
                    } else {
                        found.clone()
                    },
                ),
            ],
            Vec::new(),
        );
        if out.check() != Check::SectionOptionalMissing && !found.is_empty() {
            out.add_help(&format!("已有的一级标题：{found}"));
        }
    }
}
