//! `content-missing`: words a report (or one of its sections) must contain —
//! 「工作考核、社会评议和责任追究」 in a people's government's report (《条例》
//! 第五十条第（四）项), 「信息处理费」 in section 六 from 2021, the customary
//! electronic-version and contact statements. Optionally only for issuers
//! whose name (in the title, else the opening) contains given words.

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::analysis::Level;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::rules::SectionDef;
use crate::source::span::Span;
use crate::source::text::{fold, folded_contains};

pub const KIND: KindSpec = KindSpec {
    names: &["content-missing"],
    checks: &[
        "section-missing",
        "section-optional-missing",
        "statement-missing",
    ],
    vars: &["missing", "section"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Every one of these must appear (width and spaces folded).
            #[serde(default)]
            all: Vec<String>,
            /// At least one of these must appear: the ways reports say one
            /// thing (信息处理费 / 未收取任何费用 / 没有收费 …).
            #[serde(default)]
            any: Vec<String>,
            /// Look only inside this section (its heading and body).
            #[serde(default)]
            section: Option<Spanned<String>>,
            /// Only for issuers whose name contains one of these…
            #[serde(default)]
            issuer: Vec<String>,
            /// …and none of these. A level set in the configuration decides instead:
            /// the rule applies when it is `level`.
            #[serde(default)]
            not_issuer: Vec<String>,
            #[serde(default)]
            level: Option<Level>,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(Content {
            level: p.level,
            section: p.section.as_ref().map(|s| ctx.section(s)).transpose()?,
            all: p.all,
            any: p.any,
            issuer: p.issuer,
            not_issuer: p.not_issuer,
        }))
    },
};

struct Content {
    level: Option<Level>,
    all: Vec<String>,
    any: Vec<String>,
    section: Option<SectionDef>,
    issuer: Vec<String>,
    not_issuer: Vec<String>,
}

impl RuleCheck for Content {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        if let (Some(want), Some(have)) = (self.level, cx.issuer.configured) {
            if want != have {
                return;
            }
        } else if !self.issuer.is_empty() {
            let name = doc.title.map_or_else(
                || doc.text.chars().take(300).collect::<String>(),
                |t| doc.slice(t).to_string(),
            );
            if !self.issuer.iter().any(|w| name.contains(w.as_str()))
                || self.not_issuer.iter().any(|w| name.contains(w.as_str()))
            {
                return;
            }
        }
        let (scope, at, name) = match &self.section {
            Some(def) => {
                let Some(h) = cx
                    .folded_titles()
                    .iter()
                    .position(|t| def.matches(t))
                    .map(|i| &doc.headings[i])
                else {
                    return;
                };
                (h.section, h.span, def.name.clone())
            }
            None => (
                Span::new(0, doc.body_end),
                doc.title.unwrap_or(Span::new(0, 0)),
                "全文".to_string(),
            ),
        };
        let text = &doc.text[scope.range()];
        let mut missing: Vec<&String> = self
            .all
            .iter()
            .filter(|w| !folded_contains(text, &fold(w)))
            .collect();
        if !self.any.is_empty() && !self.any.iter().any(|w| folded_contains(text, &fold(w))) {
            missing.extend(self.any.first());
        }
        if missing.is_empty() {
            return;
        }
        out.emit(
            at,
            Some(if self.section.is_some() {
                "此部分".into()
            } else {
                "本报告".into()
            }),
            &[
                (
                    "missing",
                    missing
                        .iter()
                        .map(|m| format!("「{m}」"))
                        .collect::<String>(),
                ),
                ("section", name),
            ],
            Vec::new(),
        );
    }
}
