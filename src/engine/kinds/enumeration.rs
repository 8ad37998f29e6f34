//! `enumeration-order`: the inline enumerations of prose (「一是…二是…三是…」)
//! run 一, 二, 三… within a paragraph; a list starts again at 「一是」. A
//! repeated or skipped item (「一是…三是…三是」) is a paragraph edited
//! without renumbering.

use crate::analysis::Analysis;
use crate::diagnostic::Label;
use crate::document::Joined;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::numbers::cjk::numeral;

pub const KIND: KindSpec = KindSpec {
    names: &["enumeration-order"],
    checks: &["heading-numbering"],
    vars: &["details"],
    compile: |p, ctx| {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Params {}
        let _: Params = params(p, ctx)?;
        Ok(Box::new(EnumerationOrder))
    },
};

struct EnumerationOrder;

/// 「三是」 → 3; not 「第三是」「唯一是」「统一是」. Scans from each 「是」 back
/// (a 50 MB paragraph is not copied into a vector of characters).
fn items(text: &str) -> Vec<(usize, u32, usize)> {
    let mut out = Vec::new();
    for (shi, _) in text.match_indices('是') {
        let mut back = text[..shi].char_indices().rev();
        let Some((at, c)) = back.next() else {
            continue;
        };
        let Some(n) = "一二三四五六七八九十".chars().position(|d| d == c) else {
            continue;
        };
        if let Some((_, p)) = back.next()
            && matches!(
                p,
                '第' | '唯'
                    | '统'
                    | '同'
                    | '单'
                    | '之'
                    | '不'
                    | '十'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
            )
        {
            continue;
        }
        out.push((at, n as u32 + 1, shi + '是'.len_utf8()));
    }
    out
}

impl RuleCheck for EnumerationOrder {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        for p in doc.body_paragraphs().filter(|p| !p.table_cell) {
            // Read across hard-wrapped lines: an item cut by a wrap (「二\n是」).
            let joined = doc.joined(p.span);
            let found = items(joined.text());
            // Lists: each from a 「一是」 to the next.
            let mut lists: Vec<&[(usize, u32, usize)]> = Vec::new();
            let mut from = None;
            for (k, item) in found.iter().enumerate() {
                if item.1 == 1 {
                    if let Some(f) = from {
                        lists.push(&found[f..k]);
                    }
                    from = Some(k);
                }
            }
            if let Some(f) = from {
                lists.push(&found[f..]);
            }
            for list in lists {
                check_list(&joined, list, out);
            }
        }
    }
}

/// The first item out of order in one list: a repeat or a gap.
fn check_list(joined: &Joined<'_>, list: &[(usize, u32, usize)], out: &mut Findings<'_>) {
    let span = |i: usize| joined.span(list[i].0, list[i].2);
    let name = |n: u32| format!("{}是", numeral(n));
    for i in 1..list.len() {
        let (prev, cur) = (list[i - 1].1, list[i].1);
        if cur == prev + 1 {
            continue;
        }
        let details = if cur == prev {
            format!("列举序号「{}」重复", name(cur))
        } else if cur > prev + 1 {
            let missing: String = (prev + 1..cur)
                .map(|n| format!("「{}」", name(n)))
                .collect();
            format!("「{}」之后是「{}」，缺少{missing}", name(prev), name(cur))
        } else {
            format!("「{}」之后又出现「{}」，序号倒退", name(prev), name(cur))
        };
        let labels = vec![Label::new(span(i - 1), "前一项")];
        out.emit(
            span(i),
            Some("序号".into()),
            &[("details", details)],
            labels,
        );
        return;
    }
}
