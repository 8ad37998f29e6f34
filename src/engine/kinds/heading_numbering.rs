//! `heading-numbering`: within one level, ordinals must run 1, 2, 3… and one
//! numbering style must be used (`1、` among `一、`; `（3）` among `（一）（二）`).

use crate::analysis::Analysis;
use crate::diagnostic::{Edit, Fix, Label};
use crate::document::{Document, Heading};
use crate::engine::{Findings, KindSpec, RuleCheck, heading_text, params};

pub const KIND: KindSpec = KindSpec {
    names: &["heading-numbering"],
    checks: &["heading-numbering"],
    vars: &["details"],
    compile: |p, ctx| {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Params {}
        let _: Params = params(p, ctx)?;
        Ok(Box::new(HeadingNumbering))
    },
};

struct HeadingNumbering;

impl RuleCheck for HeadingNumbering {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let mut groups: std::collections::BTreeMap<Option<usize>, Vec<&Heading>> =
            std::collections::BTreeMap::new();
        for h in &doc.headings {
            groups.entry(h.parent).or_default().push(h);
        }
        for group in groups.values() {
            mixed_styles(doc, group, out);
            ordinals(doc, group, out);
        }
    }
}

fn mixed_styles(doc: &Document, group: &[&Heading], out: &mut Findings<'_>) {
    let odd: Vec<&&Heading> = group.iter().filter(|h| h.style != h.acting_style).collect();
    let Some(first) = odd.first() else { return };
    let level_style = first.acting_style;
    let names: Vec<String> = odd
        .iter()
        .map(|h| format!("「{}」", doc.slice(h.marker)))
        .collect();
    let proper: Vec<String> = group
        .iter()
        .filter(|h| h.style == h.acting_style)
        .map(|h| format!("「{}」", doc.slice(h.marker)))
        .collect();
    let level = if first.level == 1 {
        "一级标题".to_string()
    } else {
        format!("{}级标题", crate::numbers::cjk::numeral(first.level as u32))
    };
    let details = format!(
        "{level}{}用{}，同级标题{}用{}（应为{}）",
        names.join(""),
        first.style.describe(),
        proper.join(""),
        level_style.describe(),
        odd.iter()
            .map(|h| format!("「{}」", level_style.example(h.ordinal)))
            .collect::<String>(),
    );
    let mut labels: Vec<Label> = odd[1..]
        .iter()
        .map(|h| {
            Label::new(
                h.marker,
                format!("应为「{}」", level_style.example(h.ordinal)),
            )
        })
        .collect();
    if let Some(sib) = group.iter().find(|h| h.style == h.acting_style) {
        labels.push(Label::new(sib.marker, "同级标题的编号样式"));
    }
    // The level's own style for each odd marker: certain, the ordinals stay.
    let fix = Fix {
        message: format!("统一为{}", level_style.describe()),
        edits: odd
            .iter()
            .map(|h| Edit {
                span: h.marker,
                replacement: level_style.example(h.ordinal),
            })
            .collect(),
    };
    out.emit_fix(
        first.marker,
        Some(format!("应为「{}」", level_style.example(first.ordinal))),
        &[("details", details)],
        labels,
        fix,
    );
}

fn ordinals(doc: &Document, group: &[&Heading], out: &mut Findings<'_>) {
    let mut prev: Option<&Heading> = None;
    let mut reported = 0;
    for h in group {
        let expected = prev.map_or(1, |p| p.ordinal + 1);
        if h.ordinal != expected && reported < 3 {
            let example = |n| h.acting_style.example(n);
            let details = match prev {
                None => format!(
                    "本级第一个标题编号为「{}」，应从「{}」开始",
                    example(h.ordinal),
                    example(1)
                ),
                Some(p) if h.ordinal == p.ordinal => format!("编号「{}」重复", example(h.ordinal)),
                Some(p) if h.ordinal < p.ordinal => {
                    format!(
                        "「{}」之后又出现「{}」，编号倒退",
                        example(p.ordinal),
                        example(h.ordinal)
                    )
                }
                Some(p) => format!(
                    "「{}」之后是「{}」，缺少「{}」",
                    example(p.ordinal),
                    example(h.ordinal),
                    (p.ordinal + 1..h.ordinal)
                        .map(example)
                        .collect::<Vec<_>>()
                        .join("」「")
                ),
            };
            let labels = prev
                .map(|p| {
                    vec![Label::new(
                        p.marker,
                        format!("上一个同级标题：{}", heading_text(doc, p)),
                    )]
                })
                .unwrap_or_default();
            out.emit(
                h.marker,
                Some(format!("应为「{}」", example(expected))),
                &[("details", details)],
                labels,
            );
            reported += 1;
        }
        prev = Some(h);
    }
}
