//! Heading numbering markers: `一、` `（一）` `1.` `（1）` `①`, their style and
//! ordinal. Recognising a marker says nothing yet about the heading's level;
//! the outline decides that from the whole document.

use crate::numbers::cjk::{numeral as cjk_numeral, ordinal as cjk_ordinal};
use crate::source::text::{fold_char, is_space};

/// The numbering styles of Chinese official documents, in their customary
/// nesting order (一、 above （一） above 1. above （1） above ①).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    /// `一、`
    CjkComma,
    /// `（一）` / `(一)`
    ParenCjk,
    /// `1.` / `1、` / `1．`
    Arabic,
    /// `（1）` / `(1)`
    ParenArabic,
    /// `①`
    Circled,
}

impl NumberStyle {
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// How the `n`th heading of this style is written, for messages.
    pub fn example(self, n: u32) -> String {
        match self {
            NumberStyle::CjkComma => format!("{}、", cjk_numeral(n)),
            NumberStyle::ParenCjk => format!("（{}）", cjk_numeral(n)),
            NumberStyle::Arabic => format!("{n}."),
            NumberStyle::ParenArabic => format!("（{n}）"),
            NumberStyle::Circled => char::from_u32(0x2460 + n.saturating_sub(1))
                .map_or_else(|| n.to_string(), String::from),
        }
    }

    /// A name for the style in messages.
    pub fn describe(self) -> &'static str {
        match self {
            NumberStyle::CjkComma => "汉字数字编号",
            NumberStyle::ParenCjk => "括号汉字数字编号",
            NumberStyle::Arabic => "阿拉伯数字编号",
            NumberStyle::ParenArabic => "括号阿拉伯数字编号",
            NumberStyle::Circled => "圈码编号",
        }
    }
}

/// A recognised marker at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: NumberStyle,
    pub ordinal: u32,
    /// Bytes of the marker itself, from the start of the given text.
    pub len: usize,
    /// Bytes up to the heading text (marker plus spaces after it).
    pub text_start: usize,
}

/// Recognises a numbering marker at the very start of `s` (leading blanks
/// already removed by the caller).
pub fn parse_marker(s: &str) -> Option<Marker> {
    let chars: Vec<(usize, char)> = s.char_indices().take(8).collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| fold_char(c));
    let end_of = |i: usize| chars.get(i).map_or(s.len(), |&(o, _)| o);
    let first = at(0)?;

    let (style, ordinal, len_chars) = if ('\u{2460}'..='\u{2473}').contains(&first) {
        (NumberStyle::Circled, first as u32 - 0x2460 + 1, 1)
    } else if first == '(' {
        let close = (1..5).find(|&i| at(i) == Some(')'))?;
        let inner: String = (1..close).filter_map(at).collect();
        if let Ok(n) = inner.parse::<u32>() {
            (NumberStyle::ParenArabic, n, close + 1)
        } else {
            (NumberStyle::ParenCjk, cjk_ordinal(&inner)?, close + 1)
        }
    } else if first.is_ascii_digit() {
        let digits = (0..3)
            .take_while(|&i| at(i).is_some_and(|c| c.is_ascii_digit()))
            .count();
        if digits > 2 || !matches!(at(digits), Some('.' | '、')) {
            return None;
        }
        // `1.5%` and `3、4月` are numbers, not headings.
        if at(digits + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u32 = (0..digits)
            .filter_map(at)
            .collect::<String>()
            .parse()
            .ok()?;
        (NumberStyle::Arabic, n, digits + 1)
    } else {
        let numerals = (0..4)
            .take_while(|&i| at(i).is_some_and(|c| "一二三四五六七八九十".contains(c)))
            .count();
        if numerals == 0 || !matches!(at(numerals), Some('、' | '.')) {
            return None;
        }
        let word: String = (0..numerals).filter_map(at).collect();
        (NumberStyle::CjkComma, cjk_ordinal(&word)?, numerals + 1)
    };
    if ordinal == 0 {
        return None;
    }
    let len = end_of(len_chars);
    let rest = &s[len..];
    let text_start = len + (rest.len() - rest.trim_start_matches(is_space).len());
    if text_start >= s.len() {
        return None;
    }
    Some(Marker {
        style,
        ordinal,
        len,
        text_start,
    })
}

/// Where the title of a heading ends when it runs into the text with no line
/// end (a flattened page): at a blank, a clause's punctuation, a note in
/// parentheses, or the figures after it (「一、总体情况2019年，在…」).
/// `rest` starts after the marker. The reader cuts flattened lines with it
/// and the model reads those headings' titles with it.
pub fn run_on_title_end(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(i, c)| {
            matches!(
                c,
                ' ' | '\u{3000}' | '。' | '（' | '(' | '，' | '；' | '：' | ':'
            ) || (c.is_ascii_digit() && rest[..i].chars().count() >= 2)
        })
        .map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    fn m(s: &str) -> Option<(NumberStyle, u32)> {
        parse_marker(s).map(|m| (m.style, m.ordinal))
    }

    #[test]
    fn recognised_markers() {
        assert_eq!(m("一、概述"), Some((CjkComma, 1)));
        assert_eq!(m("十二、需要说明的事项"), Some((CjkComma, 12)));
        assert_eq!(m("（一）主动公开"), Some((ParenCjk, 1)));
        assert_eq!(m("(二)创新方式"), Some((ParenCjk, 2)));
        assert_eq!(m("1、 概述"), Some((Arabic, 1)));
        assert_eq!(m("3.各类媒体。"), Some((Arabic, 3)));
        assert_eq!(m("２．全角"), Some((Arabic, 2)));
        assert_eq!(m("（3） 因政府"), Some((ParenArabic, 3)));
        assert_eq!(m("(1)完善"), Some((ParenArabic, 1)));
        assert_eq!(m("②其他"), Some((Circled, 2)));
    }

    #[test]
    fn not_markers() {
        for s in [
            "一是加强组织领导",
            "2017年，我县",
            "1.5%的",
            "3、4月份",
            "一、",
            "二〇一七年",
            "（注：各子栏目）",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }

    #[test]
    fn text_start_skips_spaces() {
        let mk = parse_marker("1、 概述").unwrap();
        assert_eq!(&"1、 概述"[mk.text_start..], "概述");
        assert_eq!(&"1、 概述"[..mk.len], "1、");
    }
}
