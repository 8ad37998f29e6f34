//! Breakdowns in prose: a total and the parts that share its unit —
//! 「共10811条。其中，网站4993条，微博520条…」, 「…，合计N条」 — with each part's
//! category label and the relation the text implies (complete when a residual
//! category such as 其他 is named; a partial 其中 list otherwise; at least the
//! total when the total counts one item once across channels).
//!
//! What introduces totals and parts is data (the rule's phrases); how a list
//! is followed across sentences is code.

mod lists;

use rust_decimal::Decimal;

use crate::document::Document;
use crate::numbers::Quantity;
use crate::rules::schema::BreakdownSpec;
use crate::source::span::Span;
use crate::source::text::{fold, is_space};

/// How a breakdown's parts relate to its total (a pack names it: `equal`,
/// `at-most`, `at-least`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartsRelation {
    /// Parts add up to the total.
    Equal,
    /// A partial list: parts add up to at most the total.
    AtMost,
    /// The total counts once what several parts count: parts ≥ total.
    AtLeast,
}

impl PartsRelation {
    pub fn name(self) -> &'static str {
        match self {
            PartsRelation::Equal => "equal",
            PartsRelation::AtMost => "at-most",
            PartsRelation::AtLeast => "at-least",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Part {
    /// Index into `Document::quantities`.
    pub quantity: usize,
    /// The category words before the number.
    pub label: Span,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub total: usize,
    pub parts: Vec<Part>,
    pub relation: PartsRelation,
}

/// A list longer than this is not a breakdown a report writes; the bound also
/// keeps hostile input linear.
const MAX_PARTS: usize = 64;

const CLAUSE: &[char] = &['，', '；', '：', '、', ',', ';', ':', '。', '！', '？'];

/// Finds every breakdown of the document's prose.
pub fn find(doc: &Document, spec: &BreakdownSpec) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        // Read across hard-wrapped lines: a marker cut by a wrap (「其\n中」).
        let joined = doc.joined(s.span);
        let text = joined.text();
        for phrase in &spec.parts_phrases {
            for (at, _) in text.match_indices(phrase.as_str()) {
                let marker = joined.span(at, at + phrase.len());
                if let Some(b) = lists::after_marker(doc, spec, si, marker)
                    && !used.contains(&b.total)
                {
                    used.insert(b.total);
                    used.extend(b.parts.iter().map(|p| p.quantity));
                    out.push(b);
                }
            }
        }
    }
    for qi in 0..doc.quantities.len() {
        if used.contains(&qi) {
            continue;
        }
        if let Some(b) =
            lists::marked_total(doc, spec, qi).or_else(|| lists::after_base(doc, spec, qi))
        {
            used.insert(b.total);
            used.extend(b.parts.iter().map(|p| p.quantity));
            out.push(b);
        }
    }
    out.sort_by_key(|b| doc.quantities[b.total].span.start);
    out
}

/// How far (bytes) a total may stand before its 其中 (a parenthetical note between).
const MAX_GAP: usize = 2048;

/// How far back (bytes) a parenthetical that encloses a total may open.
const LOOK_BACK: usize = 240;

/// The char boundary at or before `i`.
pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Does `text` (what precedes a number) leave a parenthetical 「（…」 open?
fn in_parens(text: &str) -> bool {
    let open = text.rfind(['（', '(']);
    let close = text.rfind(['）', ')']);
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Drops 「（…）」 groups: a note after a total does not separate it from 其中.
fn without_parens(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| match c {
            '（' | '(' => {
                depth += 1;
                false
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

fn relation(
    doc: &Document,
    spec: &BreakdownSpec,
    total: usize,
    parts: &[Part],
    sums_stated: bool,
) -> PartsRelation {
    let t = doc.quantities[total].span;
    let around = doc
        .sentence_at(t.start)
        .map_or(t, |si| doc.sentences[si].span);
    // The total's own words: its sentence, but not more than a stretch around it.
    let from = floor_char(
        &doc.text,
        t.start.saturating_sub(LOOK_BACK).max(around.start),
    );
    let to = floor_char(&doc.text, (t.end + LOOK_BACK).min(around.end));
    let near = &doc.text[from..to];
    if spec.at_least_when.iter().any(|w| near.contains(w.as_str())) {
        return PartsRelation::AtLeast;
    }
    let residual = parts.iter().any(|p| {
        let l = doc.shown(p.label);
        spec.complete_when.iter().any(|w| l.contains(w.as_str()))
    });
    if residual || sums_stated || spec.complete || shares_complete(doc, parts) {
        PartsRelation::Equal
    } else {
        PartsRelation::AtMost
    }
}

/// 「市级1720条，占70%；县级758条，占30%」: every part carries a share and the
/// shares add up to 100 % within their printed precision — the list is complete.
fn shares_complete(doc: &Document, parts: &[Part]) -> bool {
    let mut sum = Decimal::ZERO;
    let mut slack = Decimal::ZERO;
    for p in parts {
        let Some(share) = share_of(doc, p.quantity) else {
            return false;
        };
        sum += share.value;
        slack += share.tolerance;
    }
    (sum - Decimal::ONE_HUNDRED).abs() <= slack
}

/// The share written right after quantity `qi`: 「1720条，占70%」, 「1720条（占比70%）」.
pub fn share_of(doc: &Document, qi: usize) -> Option<&Quantity> {
    let part = &doc.quantities[qi];
    let pct = doc
        .quantities
        .get(qi + 1)
        .filter(|q| q.is_percent() && !q.approx)?;
    let between = doc.text[part.span.end..pct.span.start]
        .trim_matches(|c: char| is_space(c) || "，,（(".contains(c));
    (between.chars().count() <= 4 && between.starts_with('占')).then_some(pct)
}

/// The longest category label read (bytes): a label is a few words; text
/// without clause breaks (a hostile file, a sentence of joined lines) must
/// not make every figure's label the whole text before it.
const MAX_LABEL: usize = 240;

/// The category words before a number: from the last clause break (or the
/// previous number) to the number, at most `MAX_LABEL` bytes, without list
/// openers and copulas.
pub fn label(doc: &Document, from: usize, to: usize) -> Span {
    let from = floor_char(&doc.text, from.max(to.saturating_sub(MAX_LABEL)));
    let text = &doc.text[from..to];
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let s = &text[start..];
    let words = s.trim_start_matches(is_space);
    let words = words
        .strip_prefix("其中")
        .unwrap_or(words)
        .trim_start_matches(is_space);
    let lead = s.len() - words.len();
    let trimmed = words.trim_end_matches(|c: char| is_space(c) || "为是达计共有".contains(c));
    Span::new(from + start + lead, from + start + lead + trimmed.len())
}

/// Two labels name the same category.
pub fn same_category(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}
