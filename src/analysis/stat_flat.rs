//! The 2013–2018 statistics table when its rows are not lines: a page
//! flattened onto one line, cells run together (「…公开政府信息数条11122其中：…」),
//! cells one per line between blank lines, labels wrapped by a PDF copy. The
//! table is read as a stream after its header (统计指标 单位 统计数): every
//! row with a figure ends in a unit followed by the figure, the words before
//! the unit back to the previous figure are its label, and numbered words
//! among them without a figure are group rows (「一、主动公开情况」).
//! `stat::read` uses this reading when its line reading finds fewer figures.

use super::stat::StatRow;
use crate::document::Document;
use crate::document::cells::{self, Cell};
use crate::document::marker::{NumberStyle, parse_marker};
use crate::source::span::Span;
use crate::source::text::{fold_char, is_han, is_space};

/// Units of the table's rows, longest first (「人次」 before 「次」).
const UNITS: &[&str] = &[
    "人次", "万元", "条", "件", "次", "篇", "个", "人", "元", "项", "场", "期", "家", "份",
];

/// The rows of the table after its header, read as a stream; empty when
/// the appendix has no header.
pub fn read(doc: &Document) -> Vec<StatRow> {
    let text = &doc.text;
    // A flattened page holds the body and the appendix on one line.
    let from = doc
        .lines
        .line_span(text, doc.lines.line_of(doc.body_end.min(text.len())))
        .start
        .min(doc.body_end);
    let Some(at) = text[from..].find("统计指标") else {
        return Vec::new();
    };
    let mut cursor = from + at + "统计指标".len();
    // The header's other cells.
    for word in ["单位", "统计数"] {
        let rest = &text[cursor..];
        let skipped = rest.len() - rest.trim_start_matches(is_space).len();
        if rest[skipped..].starts_with(word) {
            cursor += skipped + word.len();
        }
    }
    let mut rows = Vec::new();
    let mut arabic: Option<u32> = None;
    while let Some((unit, digits)) = next_figure(text, cursor) {
        if rows.len() >= super::stat::MAX_ROWS {
            break;
        }
        let label = Span::new(cursor, unit.start);
        // Prose after the table ends it (labels hold no sentence end).
        if text[label.range()].contains('。') {
            break;
        }
        let pieces = pieces(text, label);
        let Some((&last, groups)) = pieces.split_last() else {
            cursor = digits.end;
            continue;
        };
        for &g in groups {
            if let Some(r) = row(text, g, None, None, &mut arabic) {
                rows.push(r);
            }
        }
        let Some(mut r) = row(
            text,
            last,
            Some(text[unit.range()].to_string()),
            None,
            &mut arabic,
        ) else {
            cursor = digits.end;
            continue;
        };
        let mut value_end = digits.end;
        // Digits that open the next row (「件\t3.同意部分公开…」, 「件3.同意…」):
        // this row's cell is blank. Run together with the next row's 「2.」
        // (「条27672.政府网站…」): the end of the digits is that number — the
        // next of this row's list, or a list's first when it is in none.
        let after = &text[digits.end..];
        let mut after_chars = after.chars();
        if after_chars.next().is_some_and(|c| ".．、".contains(c))
            && after_chars.next().is_some_and(|c| !c.is_ascii_digit())
        {
            let run = &text[digits.range()];
            let marker = arabic.map_or(1, |n| n + 1).to_string();
            if digits.start > unit.end || run == marker {
                value_end = digits.start;
            } else if run.len() > marker.len() && run.ends_with(&marker) {
                value_end = digits.end - marker.len();
            }
        }
        let value = Span::new(digits.start, value_end);
        r.value = if value.is_empty() {
            Some(Cell {
                value: None,
                span: value,
            })
        } else {
            cells::value(&text[value.range()]).map(|v| Cell {
                value: v,
                span: value,
            })
        };
        rows.push(r);
        cursor = value_end;
    }
    rows
}

/// The next unit followed by a figure from `from`: (unit, digits).
fn next_figure(text: &str, from: usize) -> Option<(Span, Span)> {
    let mut i = from;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next()?;
        if let Some(u) = UNITS.iter().find(|u| rest.starts_with(**u)) {
            let after = i + u.len();
            let gap = text[after..].len() - text[after..].trim_start_matches(is_space).len();
            let start = after + gap;
            let digits = text[start..]
                .char_indices()
                .take_while(|(_, c)| {
                    let f = fold_char(*c);
                    f.is_ascii_digit() || f == ','
                })
                .last()
                .map(|(k, c)| start + k + c.len_utf8());
            if let Some(end) = digits {
                // A decimal part: 「12.5」 (not 「2.」 opening the next row).
                let mut end = end;
                let tail = &text[end..];
                if let Some(d) = tail.strip_prefix('.').or_else(|| tail.strip_prefix('．')) {
                    let n = d
                        .chars()
                        .take_while(|c| fold_char(*c).is_ascii_digit())
                        .count();
                    if n > 0 && !d[n..].starts_with(['.', '．', '、']) {
                        end += tail.len() - d.len() + n;
                    }
                }
                return Some((Span::new(i, after), Span::new(start, end)));
            }
        }
        i += c.len_utf8();
    }
    None
}

/// The words of one stretch cut at each numbering marker that opens a row
/// (「一、主动公开情况（一）主动公开政府信息数」 is two rows).
fn pieces(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.range()];
    let mut cuts = vec![0];
    let mut prev: Option<char> = None;
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        // A marker inside a label's own note 「（…计1条）」 is not a row.
        let opens = depth == 0
            && i > 0
            && prev.is_some_and(|p| !p.is_ascii_digit() && p != '：' && p != ':')
            && parse_marker(&s[i..]).is_some_and(|m| {
                let bare = &s[i + m.text_start..];
                bare.chars().next().is_some_and(is_han)
                    && (m.style != NumberStyle::Arabic
                        || prev.is_some_and(|p| is_space(p) || is_han(p) || "）)".contains(p)))
            });
        if opens {
            cuts.push(i);
        }
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        // A marker's own parenthesis closes right after its numeral.
        if matches!(c, '（' | '(') && parse_marker(&s[i..]).is_some() {
            depth -= 1;
        }
        prev = Some(c);
    }
    cuts.push(s.len());
    cuts.windows(2)
        .filter_map(|w| {
            let piece = &s[w[0]..w[1]];
            let t = piece.trim_matches(is_space);
            let lead = piece.len() - piece.trim_start_matches(is_space).len();
            let start = span.start + w[0] + lead;
            (!t.is_empty()).then(|| Span::new(start, start + t.len()))
        })
        .collect()
}

fn row(
    text: &str,
    label: Span,
    unit: Option<String>,
    value: Option<Cell>,
    arabic: &mut Option<u32>,
) -> Option<StatRow> {
    // Wrapped words and stray blanks are not part of the label.
    let words: String = text[label.range()]
        .chars()
        .filter(|c| !is_space(*c))
        .collect();
    if !words.chars().any(is_han) {
        return None;
    }
    let r = super::stat::row_of(label, &words, unit, value);
    if let Some(m) = parse_marker(&words) {
        *arabic = (m.style == NumberStyle::Arabic).then_some(m.ordinal);
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = crate::read::plain::read(text.to_string());
        read(&doc)
            .into_iter()
            .map(|r| {
                (
                    r.text.clone(),
                    r.unit.clone(),
                    r.value.and_then(|c| c.value).map(|v| v.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn cells_run_together_and_the_next_rows_number_cut_off() {
        let got = rows(
            "某局2015年政府信息公开工作年度报告\n一、概述\n正文。\n附件\n统计指标单位统计数一、主动公开情况（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条120其中：主动公开规范性文件数条3（二）通过不同渠道和方式公开政府信息的情况1.政府公报公开政府信息数条272.政府网站公开政府信息数条93",
        );
        let short: Vec<(&str, Option<&str>, Option<&str>)> = got
            .iter()
            .map(|(t, u, v)| (t.as_str(), u.as_deref(), v.as_deref()))
            .collect();
        assert_eq!(short.len(), 6, "{short:?}");
        assert_eq!(short[0], ("一、主动公开情况", None, None));
        assert_eq!(short[1].1, Some("条"));
        assert_eq!(short[1].2, Some("120"));
        assert!(short[1].0.ends_with("计1条)"), "{}", short[1].0);
        assert_eq!(short[2].2, Some("3"));
        assert_eq!(
            short[4],
            ("1.政府公报公开政府信息数", Some("条"), Some("27"))
        );
        assert_eq!(
            short[5],
            ("2.政府网站公开政府信息数", Some("条"), Some("93"))
        );
    }

    #[test]
    fn cells_one_per_line_and_wrapped_labels() {
        let got = rows(
            "某局2015年政府信息公开工作年度报告\n一、概述\n正文。\n附件\n统计指标\n\n单位\n\n统计数\n\n三、依申请公开情况\n\n（一）收到申\n请数\n\n件\n\n82\n\n1.当面申请数 件 34\n",
        );
        assert_eq!(
            got,
            [
                ("三、依申请公开情况".to_string(), None, None),
                (
                    "(一)收到申请数".into(),
                    Some("件".into()),
                    Some("82".into())
                ),
                ("1.当面申请数".into(), Some("件".into()), Some("34".into())),
            ]
        );
    }
}
