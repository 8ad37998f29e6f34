//! `late-publication`: the report's own date (「发布时间: 2018-02-11」 at the
//! top, or the signature date at the end, 「2018年1月22日」「二○一二年二月二十日」)
//! against the legal deadline in the year after the report year, which depends
//! on the issuer's level (configuration, else the title: 人民政府/管委会 →
//! government; 镇/乡/街道 → township; 局、委、办、中心 → department).

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::analysis::Analysis;
use crate::analysis::Level;
use crate::diagnostic::Label;
use crate::document::Document;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::numbers::cjk::ordinal as cjk_ordinal;
use crate::numbers::date::MonthDay;
use crate::source::span::Span;

pub const KIND: KindSpec = KindSpec {
    names: &["late-publication"],
    checks: &["late-publication"],
    vars: &["date", "deadline", "level", "year"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Deadlines as `MM-DD` of the year after the report year.
            government: MonthDay,
            department: MonthDay,
            township: MonthDay,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(Late {
            government: p.government,
            department: p.department,
            township: p.township,
        }))
    },
};

struct Late {
    government: MonthDay,
    department: MonthDay,
    township: MonthDay,
}

/// Compiles this module's regexes ahead of use.
pub fn warm_statics() {
    for re in [&STATED, &SIGNED, &SIGNED_CJK] {
        LazyLock::force(re);
    }
}

static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:发布|公开|成文|印发)(?:时间|日期)\s*[:：]\s*([0-9]{4})\s*[-年./]\s*([0-9]{1,2})\s*[-月./]\s*([0-9]{1,2})").expect("static regex")
});
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日$").expect("static regex")
});
static SIGNED_CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$").expect("static regex")
});

/// The report's date and where it is written.
fn report_date(doc: &Document) -> Option<((i32, u32, u32), Span)> {
    for p in doc.paragraphs.iter().take(10) {
        let t = doc.slice(p.span);
        if let Some(c) = STATED.captures(t) {
            let m = c.get(0)?;
            return Some((
                (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?),
                Span::new(p.span.start + m.start(), p.span.start + m.end()),
            ));
        }
    }
    let body: Vec<_> = doc
        .paragraphs
        .iter()
        .filter(|p| p.span.end <= doc.body_end)
        .collect();
    for p in body.iter().rev().take(6) {
        let t = doc.slice(p.span).trim();
        if let Some(c) = SIGNED.captures(t) {
            return Some((
                (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?),
                p.span,
            ));
        }
        if let Some(c) = SIGNED_CJK.captures(t) {
            let year = crate::numbers::cjk::year_digits(&c[1])?;
            return Some(((year, cjk_ordinal(&c[2])?, cjk_ordinal(&c[3])?), p.span));
        }
    }
    None
}

impl RuleCheck for Late {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let (Some(year), Some(((y, m, d), at))) = (doc.year, report_date(doc)) else {
            return;
        };
        let level = cx.issuer.level();
        let MonthDay { month: dm, day: dd } = match level {
            Some(Level::Department) => self.department,
            Some(Level::Township) => cx.issuer.township_deadline.unwrap_or(self.township),
            _ => self.government,
        };
        let deadline = (year.year + 1, dm, dd);
        if (y, m, d) <= deadline {
            return;
        }
        let level_name = match level {
            Some(Level::Department) => "政府部门",
            Some(Level::Township) => "乡镇、街道",
            _ => "人民政府",
        };
        out.emit(
            at,
            Some("报告日期".into()),
            &[
                ("date", format!("{y}年{m}月{d}日")),
                ("deadline", format!("{}年{dm}月{dd}日", year.year + 1)),
                ("level", level_name.into()),
                ("year", year.year.to_string()),
            ],
            doc.title
                .map(|t| vec![Label::new(t, format!("{} 年度报告", year.year))])
                .unwrap_or_default(),
        );
    }
}
