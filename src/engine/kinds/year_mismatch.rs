//! `year-mismatch`: years that disagree with the report year — the
//! statistics period (「统计期限自2017年1月1日起至2017年12月31日止」) and
//! plans for the coming year dated with the report year or earlier
//! (「2017 年，我们将继续加强…」 in a 2017 report). The patterns are the pack's.

use crate::analysis::Analysis;
use crate::engine::PackRegex;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::span::Span;

pub const KIND: KindSpec = KindSpec {
    names: &["year-mismatch"],
    checks: &["year-mismatch"],
    vars: &["year", "report-year", "expected", "what"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// A plan for the coming year; group `year` is the year it names.
            #[serde(default)]
            plan_regex: Option<Spanned<String>>,
            /// The statistics period; every group named `year…` must be the report year.
            #[serde(default)]
            period_regex: Option<Spanned<String>>,
        }
        let p: Params = params(p, ctx)?;
        let with_year =
            |r: &Option<Spanned<String>>| -> Result<Option<PackRegex>, crate::rules::FileError> {
                let Some(r) = r else { return Ok(None) };
                let re = ctx.regex(r)?;
                // Built-in packs are checked by the tests; asking a lazy regex
                // would compile it at load.
                if !ctx.lazy && !re.capture_names().flatten().any(|n| n.starts_with("year")) {
                    return Err(ctx
                        .error(Some(r.span().into()), "正则表达式缺少名为 year 的分组")
                        .with_label("需要 (?P<year>…)"));
                }
                Ok(Some(re))
            };
        Ok(Box::new(YearMismatch {
            plan: with_year(&p.plan_regex)?,
            period: with_year(&p.period_regex)?,
        }))
    },
};

struct YearMismatch {
    plan: Option<PackRegex>,
    period: Option<PackRegex>,
}

impl RuleCheck for YearMismatch {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let Some(ry) = doc.year else { return };
        let report = ry.year;
        let title_label = |out: Vec<Label>| -> Vec<Label> {
            let mut out = out;
            if ry.from_title {
                out.push(Label::new(ry.span, format!("报告年度 {report}")));
            }
            out
        };
        for s in &doc.sentences {
            let text = doc.slice(s.span);
            // `is_match` first: captures cost a slot allocation per sentence.
            if let Some(re) = self.plan.as_ref().filter(|re| re.is_match(text)) {
                for c in re.captures_iter(text) {
                    let Some(m) = c.name("year") else { continue };
                    let Ok(y) = m.as_str().parse::<i32>() else {
                        continue;
                    };
                    if y <= report {
                        let span = Span::new(s.span.start + m.start(), s.span.start + m.end());
                        out.emit(
                            span,
                            Some(format!("应为 {}", report + 1)),
                            &[
                                ("year", y.to_string()),
                                ("report-year", report.to_string()),
                                ("expected", (report + 1).to_string()),
                                ("what", "下一年度的工作计划".into()),
                            ],
                            title_label(Vec::new()),
                        );
                    }
                }
            }
            // The period sentence is where the year came from when the title has none.
            if let Some(re) = self
                .period
                .as_ref()
                .filter(|re| ry.from_title && re.is_match(text))
            {
                for c in re.captures_iter(text) {
                    for name in re
                        .capture_names()
                        .flatten()
                        .filter(|n| n.starts_with("year"))
                    {
                        let Some(m) = c.name(name) else { continue };
                        let Ok(y) = m.as_str().parse::<i32>() else {
                            continue;
                        };
                        if y != report {
                            let span = Span::new(s.span.start + m.start(), s.span.start + m.end());
                            out.emit(
                                span,
                                Some(format!("应为 {report}")),
                                &[
                                    ("year", y.to_string()),
                                    ("report-year", report.to_string()),
                                    ("expected", report.to_string()),
                                    ("what", "统计期限".into()),
                                ],
                                title_label(Vec::new()),
                            );
                        }
                    }
                }
            }
        }
    }
}
