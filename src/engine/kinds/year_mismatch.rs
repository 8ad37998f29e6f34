//! `year-mismatch`: years that disagree with the report year — the
//! statistics period (「统计期限自2017年1月1日起至2017年12月31日止」) and
//! plans for the coming year dated with the report year or earlier
//! (「2017 年，我们将继续加强…」 in a 2017 report), a title whose year the
//! rest of the report contradicts (or one earlier than the format notice
//! it cites), and misspelt years (「20221年」). The
//! patterns of periods and plans are the pack's.

use crate::analysis::Analysis;
use crate::engine::PackRegex;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};

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
        // The period sentence, the body and the signing date agree on a year
        // the title does not state: the title is the one written wrong.
        if let Some((title_year, at)) = ry.title_overruled {
            let mut labels = Vec::new();
            // Overruled by the cited format notice's bound: say so where it is cited.
            match doc.format_notice.filter(|n| title_year < n.year) {
                Some(n) => {
                    labels.push(Label::new(
                        n.span,
                        format!(
                            "所引格式通知 {} 年印发，报告年度不早于 {} 年",
                            n.year, n.year
                        ),
                    ));
                    if ry.span != at {
                        labels.push(Label::new(ry.span, format!("报告年度 {report}")));
                    }
                }
                None => labels.push(Label::new(
                    ry.span,
                    format!("统计期限、正文和落款均为 {report} 年度"),
                )),
            }
            out.emit(
                at,
                Some(format!("应为 {report}")),
                &[
                    ("year", title_year.to_string()),
                    ("report-year", report.to_string()),
                    ("expected", report.to_string()),
                    ("what", "标题中的年度".into()),
                ],
                labels,
            );
        }
        misspelt_years(doc, report, out);
        for s in &doc.sentences {
            // Read across hard-wrapped lines: a year cut by a wrap (「20\n23年」).
            let joined = doc.joined(s.span);
            let text = joined.text();
            // `is_match` first: captures cost a slot allocation per sentence.
            if let Some(re) = self.plan.as_ref().filter(|re| re.is_match(text)) {
                for c in re.captures_iter(text) {
                    let Some(m) = c.name("year") else { continue };
                    let Ok(y) = m.as_str().parse::<i32>() else {
                        continue;
                    };
                    if y <= report {
                        let span = joined.span(m.start(), m.end());
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
                            let span = joined.span(m.start(), m.end());
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

/// 「20221年」: five digits before 年 where one digit too many makes a year —
/// a year typed wrong. The expected year is the report year or the next one
/// when deleting a digit gives it.
fn misspelt_years(doc: &crate::document::Document, report: i32, out: &mut Findings<'_>) {
    for s in &doc.sentences {
        let joined = doc.joined(s.span);
        let text = joined.text();
        if !text.contains('年') {
            continue;
        }
        for c in MISSPELT.captures_iter(text) {
            let m = c.get(1).expect("group 1");
            let digits = m.as_str();
            let candidates: Vec<i32> = (0..digits.len())
                .filter_map(|i| {
                    let mut d = digits.to_string();
                    d.remove(i);
                    d.parse().ok()
                })
                .filter(|y| (1990..=2100).contains(y))
                .collect();
            let Some(expected) = [report, report + 1, report - 1]
                .into_iter()
                .find(|y| candidates.contains(y))
            else {
                continue;
            };
            let span = joined.span(m.start(), m.end());
            out.emit(
                span,
                Some(format!("应为 {expected}")),
                &[
                    ("year", digits.to_string()),
                    ("report-year", report.to_string()),
                    ("expected", expected.to_string()),
                    ("what", "年份".into()),
                ],
                Vec::new(),
            );
        }
    }
}

static MISSPELT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:^|[^0-9０-９.．])((?:19|20)[0-9]{3})\s*年").expect("static regex")
});
