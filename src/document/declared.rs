//! The report's own description of its structure: 「本报告由…等八个部分组成」,
//! 「全文由…四部分组成」, 「报告全文包括概述、…以及改进情况」, and the local
//! counts that announce a list (「做好以下四方面工作：」).

use std::sync::LazyLock;

use regex::Regex;

use crate::numbers::cjk::ordinal as cjk_ordinal;
use crate::source::span::Span;

/// One part named in a declared outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredPart {
    pub text: String,
    pub span: Span,
}

/// A declared outline: the parts listed and, when stated, their count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredOutline {
    /// The whole declaring phrase.
    pub span: Span,
    /// Its opening words up to the list (「本报告由」「报告全文包括」).
    pub head: Span,
    pub parts: Vec<DeclaredPart>,
    pub count: Option<u32>,
    pub count_span: Option<Span>,
}

/// 「以下四方面」: a count announcing the sub-items that follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredCount {
    pub span: Span,
    pub count: u32,
}

/// Compiles this module's regexes ahead of use.
pub fn warm_statics() {
    for re in [&WITH_COUNT, &WITHOUT_COUNT, &LIST_COUNT] {
        LazyLock::force(re);
    }
}

static WITH_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:由|包括|包含|分为|分成)(?P<list>[^。；]+?)等?(?P<count>[一二三四五六七八九十两0-9]{1,3})个?(?:部分|方面)",
    )
    .expect("static regex")
});
static WITHOUT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:报告|全文|年报)[^。；]{0,6}?(?:包括|包含|分为)(?P<list>[^。；]+)")
        .expect("static regex")
});
static LIST_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以下(?P<count>[一二三四五六七八九十两0-9]{1,3})(?:个)?(?:方面|项|点|部分)")
        .expect("static regex")
});

fn number(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| cjk_ordinal(s))
}

/// Finds a declared outline in one preface paragraph (`para` is its text,
/// starting at byte `base` of the document).
pub fn find_outline(para: &str, base: usize) -> Option<DeclaredOutline> {
    let (caps, count) = match WITH_COUNT.captures(para) {
        Some(c) => {
            let count = c
                .name("count")
                .and_then(|m| number(m.as_str()).map(|n| (n, m)));
            (c, count)
        }
        None => (WITHOUT_COUNT.captures(para)?, None),
    };
    let list = caps.name("list")?;
    let mut parts = split_parts(list.as_str(), base + list.start());
    if parts.len() < 2 {
        return None;
    }
    if let Some((n, _)) = count {
        // A name cut at its 、 (「因…行政复议、提起行政诉讼的情况」) and two
        // names joined by 和 (「…改进情况和其他需要报告的事项」) can leave the
        // count right and both parts wrong: split the joined ones first, to
        // the count plus the pieces that do not end a part, then merge those.
        let cut_inside = (0..parts.len().saturating_sub(1))
            .filter(|&i| !ends_a_part(&parts[i].text) && ends_a_part(&parts[i + 1].text))
            .count();
        split_joined(&mut parts, n as usize + cut_inside);
        merge_split(&mut parts, n as usize);
    }
    Some(DeclaredOutline {
        span: Span::new(base + caps.get(0)?.start(), base + caps.get(0)?.end()),
        head: Span::new(base + caps.get(0)?.start(), base + list.start()),
        parts,
        count: count.map(|(n, _)| n),
        count_span: count.map(|(_, m)| Span::new(base + m.start(), base + m.end())),
    })
}

/// Finds 「以下N方面」 in a paragraph.
pub fn find_list_count(para: &str, base: usize) -> Option<DeclaredCount> {
    let c = LIST_COUNT.captures(para)?;
    let whole = c.get(0)?;
    Some(DeclaredCount {
        span: Span::new(base + whole.start(), base + whole.end()),
        count: number(&c["count"])?,
    })
}

fn split_parts(list: &str, base: usize) -> Vec<DeclaredPart> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in list.char_indices().chain([(list.len(), '、')]) {
        if c == '、' || c == '，' || c == ',' {
            let raw = &list[start..i];
            let trimmed = raw.trim_start_matches(['以', '及']).trim();
            if !trimmed.is_empty() {
                let off = start + (raw.len() - raw.trim_start_matches(['以', '及']).len());
                parts.push(DeclaredPart {
                    text: trimmed.to_string(),
                    span: Span::new(base + off, base + off + trimmed.len()),
                });
            }
            start = i + c.len_utf8();
        }
    }
    parts
}

/// Words a part's name ends with (「…情况」, 「…事项」, 「…问题」): a name
/// cut at 、/和/及 before such a word is cut inside one part.
const PART_ENDS: &[&str] = &[
    "情况",
    "事项",
    "概述",
    "措施",
    "问题",
    "计划",
    "思路",
    "安排",
    "工作",
    "方向",
    "目标",
    "统计表",
    "数据",
    "说明",
    "总结",
    "不足",
    "成效",
    "打算",
    "改进",
    "概况",
    "表",
];

fn ends_a_part(name: &str) -> bool {
    PART_ENDS.iter().any(|w| name.ends_with(w))
}

/// 「…政府信息公开行政复议、行政诉讼情况…等六个部分」: more parts than declared
/// because a name holds a 、; a piece that does not end a part joins the next.
/// Only when the pieces that do not end a part are exactly the excess.
fn merge_split(parts: &mut Vec<DeclaredPart>, want: usize) {
    if parts.len() <= want {
        return;
    }
    let cut: Vec<usize> = (0..parts.len() - 1)
        .filter(|&i| !ends_a_part(&parts[i].text) && ends_a_part(&parts[i + 1].text))
        .collect();
    if cut.len() != parts.len() - want {
        return;
    }
    for &i in cut.iter().rev() {
        let next = parts.remove(i + 1);
        let p = &mut parts[i];
        let sep = next.span.start - p.span.end;
        p.text = format!(
            "{}{}{}",
            p.text,
            "、".repeat(usize::from(sep > 0)),
            next.text
        );
        p.span = Span::new(p.span.start, next.span.end);
    }
}

/// 「…存在的主要问题及2018年工作思路四部分」: when fewer parts are listed than
/// declared, the last ones were joined with 及/以及/和; split them there — where
/// the left side ends a part (「收到和处理…申请情况」 is one part).
fn split_joined(parts: &mut Vec<DeclaredPart>, want: usize) {
    while parts.len() < want {
        // The rightmost joiner of a piece: a list joins its last item
        // (「…问题及改进情况和其他需要报告的事项」 is 「…问题及改进情况」 and
        // 「其他需要报告的事项」).
        let Some((idx, at, joiner)) = parts.iter().enumerate().rev().find_map(|(i, p)| {
            ["以及", "及", "和", "与"]
                .iter()
                .flat_map(|j| {
                    p.text
                        .match_indices(j)
                        .map(|(at, _)| at)
                        .filter(|&at| {
                            at > 0
                                && at + j.len() < p.text.len()
                                && ends_a_part(&p.text[..at])
                                // 「以及」 is not 「及」 after 以.
                                && !(*j == "及" && p.text[..at].ends_with('以'))
                        })
                        .map(move |at| (i, at, j.len()))
                })
                .max_by_key(|&(_, at, _)| at)
        }) else {
            return;
        };
        let p = parts.remove(idx);
        let (left, right) = (&p.text[..at], &p.text[at + joiner..]);
        parts.insert(
            idx,
            DeclaredPart {
                text: right.to_string(),
                span: Span::new(p.span.start + at + joiner, p.span.end),
            },
        );
        parts.insert(
            idx,
            DeclaredPart {
                text: left.to_string(),
                span: Span::new(p.span.start, p.span.start + at),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(o: &DeclaredOutline) -> Vec<&str> {
        o.parts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn counted_outline() {
        let p =
            "本报告由情况概述、主动公开政府信息情况、工作存在的主要问题及改进措施等三个部分组成。";
        let o = find_outline(p, 0).unwrap();
        assert_eq!(o.count, Some(3));
        assert_eq!(
            texts(&o),
            [
                "情况概述",
                "主动公开政府信息情况",
                "工作存在的主要问题及改进措施"
            ]
        );
        assert_eq!(&p[o.parts[1].span.range()], "主动公开政府信息情况");
    }

    #[test]
    fn joined_parts_are_split_to_the_count() {
        let p = "全文由概述、政府信息公开情况、政府信息公开工作存在的主要问题及2018年工作思路四部分组成，本报告";
        let o = find_outline(p, 10).unwrap();
        assert_eq!(
            texts(&o),
            [
                "概述",
                "政府信息公开情况",
                "政府信息公开工作存在的主要问题",
                "2018年工作思路"
            ]
        );
        assert_eq!(
            &p[o.parts[3].span.start - 10..o.parts[3].span.end - 10],
            "2018年工作思路"
        );
    }

    #[test]
    fn uncounted_outline() {
        let p = "报告全文包括概述、收费及减免情况、政府信息公开工作存在的主要问题以及改进情况。现向社会公布";
        let o = find_outline(p, 0).unwrap();
        assert_eq!(o.count, None);
        assert_eq!(
            texts(&o),
            [
                "概述",
                "收费及减免情况",
                "政府信息公开工作存在的主要问题以及改进情况"
            ]
        );
    }

    #[test]
    fn a_cut_name_and_a_joined_pair_with_the_count_right() {
        // A part's name holding 「、」 (复议、诉讼) and the last two parts
        // joined by 「和」 after one joined by 「及」, with the count right.
        let p = "本年度报告由概述、主动公开工作情况、依申请公开办理情况、政府信息公开引起行政复议、提起行政诉讼的情况、工作中的不足及改进措施和其他需要说明的事项等六个部分组成。";
        let o = find_outline(p, 0).unwrap();
        assert_eq!(
            texts(&o),
            [
                "概述",
                "主动公开工作情况",
                "依申请公开办理情况",
                "政府信息公开引起行政复议、提起行政诉讼的情况",
                "工作中的不足及改进措施",
                "其他需要说明的事项"
            ]
        );
    }

    #[test]
    fn a_name_with_a_dun_or_he_is_one_part() {
        let p = "本报告包括总体情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、其他需要报告的事项等四个部分。";
        let o = find_outline(p, 0).unwrap();
        assert_eq!(
            texts(&o),
            [
                "总体情况",
                "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况",
                "其他需要报告的事项"
            ]
        );
        assert_eq!(
            &p[o.parts[2].span.range()],
            "政府信息公开行政复议、行政诉讼情况"
        );
        // Fewer names than declared: 「收到和处理…」 is not where to split.
        let p = "本报告包括总体情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况等四个部分。";
        let o = find_outline(p, 0).unwrap();
        assert_eq!(
            texts(&o),
            [
                "总体情况",
                "收到和处理政府信息公开申请情况",
                "存在的主要问题",
                "改进情况"
            ]
        );
    }

    #[test]
    fn list_count() {
        let p = "2018年我县将做好以下四方面工作：";
        assert_eq!(find_list_count(p, 0).unwrap().count, 4);
        assert!(find_list_count("主要做好以下几方面工作", 0).is_none());
    }
}
