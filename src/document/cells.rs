//! Splitting the text of one table row into cells: by ` | `, tabs, runs of two
//! or more spaces, single spaces between numbers, or one per line; and the
//! value of a cell (`251000元`, `-18`, `9116.36`, blank).

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::source::span::Span;
use crate::source::text::{fold_char, is_space};

/// One cell read as a number: its value, or blank (which is not 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub value: Option<Decimal>,
    pub span: Span,
}

impl Cell {
    pub fn shown(&self) -> String {
        self.value
            .map_or_else(|| "（空白）".to_string(), |v| v.normalize().to_string())
    }
}

/// How the cells of a row are separated in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Lines,
    Pipes,
    Tabs,
    Spaces,
    /// One run of digits: adjacent cells were concatenated.
    Flat,
}

/// Splits `text` (starting at byte `base`) into cell pieces: each trimmed
/// cell's span and text.
pub fn split(text: &str, base: usize) -> (Layout, Vec<(Span, String)>) {
    let (layout, spans) = split_spans(text, base);
    let pieces = spans
        .into_iter()
        .map(|s| (s, text[s.start - base..s.end - base].to_string()))
        .collect();
    (layout, pieces)
}

/// `split` without copying: the span of each trimmed cell.
pub fn split_spans(text: &str, base: usize) -> (Layout, Vec<Span>) {
    let piece = |s: usize, e: usize| -> Span {
        let raw = &text[s..e];
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let t = raw.trim_matches(is_space);
        Span::new(base + s + lead, base + s + lead + t.len())
    };
    // Separators are ASCII, so a byte scan never lands inside a character.
    // `sep(bytes, i)` is the length of a separator starting at byte `i`.
    let split_on = |sep: &dyn Fn(&[u8], usize) -> Option<usize>, skip_lead: bool| {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(n) = sep(bytes, i) {
                out.push(piece(start, i));
                start = i + n;
                i += n;
            } else {
                i += 1;
            }
        }
        out.push(piece(start, text.len()));
        if skip_lead && out.first().is_some_and(|s: &Span| s.is_empty()) {
            out.remove(0);
        }
        out
    };
    if text.contains('\n') {
        let mut out = Vec::new();
        let mut off = 0;
        for line in text.split('\n') {
            // A tab-led line is a cell (possibly blank); an empty line separates rows.
            if line.starts_with('\t') || !line.trim_matches(is_space).is_empty() {
                out.push(piece(off, off + line.len()));
            }
            off += line.len() + 1;
        }
        return (Layout::Lines, out);
    }
    if text.contains('|') {
        return (
            Layout::Pipes,
            split_on(&|t: &[u8], i: usize| (t[i] == b'|').then_some(1), true),
        );
    }
    if text.trim_matches(is_space).contains('\t') || text.starts_with('\t') {
        return (
            Layout::Tabs,
            split_on(&|t: &[u8], i: usize| (t[i] == b'\t').then_some(1), true),
        );
    }
    let trimmed = text.trim_matches(is_space);
    if trimmed.contains("  ") {
        let two = |t: &[u8], i: usize| {
            let run = t[i..].iter().take_while(|&&b| b == b' ').count();
            (run >= 2 && (i == 0 || t[i - 1] != b' ')).then_some(run)
        };
        return (Layout::Spaces, split_on(&two, true));
    }
    if trimmed.contains(' ') {
        let one = |t: &[u8], i: usize| (t[i] == b' ').then_some(1);
        let mut cells = split_on(&one, true);
        cells.retain(|s| !s.is_empty());
        return (Layout::Spaces, cells);
    }
    (Layout::Flat, vec![piece(0, text.len())])
}

/// The value of a cell's text: `Some(None)` when blank, `None` when not a number.
pub fn value(text: &str) -> Option<Option<Decimal>> {
    let t: String = text
        .chars()
        .map(fold_char)
        .filter(|c| !is_space(*c))
        .collect();
    let t = t.trim_end_matches(['元', '件', '条', '个', '人', '次', '%']);
    let t = t.strip_suffix("万").unwrap_or(t);
    if t.is_empty() || t == "-" || t == "—" || t == "／" || t == "/" {
        return Some(None);
    }
    let t = t.replace([',', '，'], "");
    let v = Decimal::from_str(&t).ok()?;
    // Beyond any figure of a report (and kept so: sums must not overflow).
    crate::numbers::plausible(v, v.scale()).then_some(Some(v))
}

/// Cells from split pieces; pieces that are not numbers end the row.
pub fn cells(pieces: &[(Span, String)]) -> Vec<Cell> {
    pieces
        .iter()
        .map_while(|(span, t)| {
            value(t).map(|v| Cell {
                value: v,
                span: *span,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> (Layout, Vec<String>) {
        let (l, p) = split(text, 0);
        (l, p.into_iter().map(|(_, t)| t).collect())
    }

    #[test]
    fn layouts() {
        assert_eq!(
            texts(" | 821 | 35 |  |  | 2 | 1 | 859"),
            (
                Layout::Pipes,
                ["821", "35", "", "", "2", "1", "859"]
                    .map(String::from)
                    .to_vec()
            )
        );
        assert_eq!(texts(" | 258 | 12 |  |  | 1 | 1 | ").1.len(), 7);
        assert_eq!(
            texts("\t821\t35\t\t\t2\t1\t859").1,
            ["821", "35", "", "", "2", "1", "859"]
        );
        assert_eq!(
            texts("   821    35            2     1   859").0,
            Layout::Spaces
        );
        assert_eq!(texts(" 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 ").1.len(), 15);
        assert_eq!(
            texts("713000074"),
            (Layout::Flat, vec!["713000074".to_string()])
        );
        assert_eq!(texts("\n\t条\n\t12054\n").1, ["条", "12054"]);
        assert_eq!(texts("\n\t\n\t\n").1, ["", ""]);
    }

    #[test]
    fn values() {
        assert_eq!(value("251000元"), Some(Some(Decimal::from(251000))));
        assert_eq!(value("-18"), Some(Some(Decimal::from(-18))));
        assert_eq!(value(""), Some(None));
        assert_eq!(value("9116.36"), Some(Some(Decimal::new(911636, 2))));
        assert!(value("统计数").is_none());
    }
}
