//! Breakdowns in prose: a total and the parts that share its unit —
//! 「共10811条。其中，网站4993条，微博520条…」, 「…，合计N条」 — with each part's
//! category label and the relation the text implies (complete when a residual
//! category such as 其他 is named; a partial 其中 list otherwise; at least the
//! total when the total counts one item once across channels).
//!
//! What introduces totals and parts is data (the rule's phrases); how a list
//! is followed across sentences is code.

use crate::document::Document;
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
        let text = doc.slice(s.span);
        for phrase in &spec.parts_phrases {
            for (at, _) in text.match_indices(phrase.as_str()) {
                let marker = Span::new(s.span.start + at, s.span.start + at + phrase.len());
                if let Some(b) = after_marker(doc, spec, si, marker)
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
        if let Some(b) = marked_total(doc, spec, qi) {
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
fn floor_char(text: &str, mut i: usize) -> usize {
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

/// 「…8532条。其中…」 or 「…11946条，其中…」: the total stands right before the marker.
fn after_marker(
    doc: &Document,
    spec: &BreakdownSpec,
    si: usize,
    marker: Span,
) -> Option<Breakdown> {
    let s = doc.sentences[si];
    let para = doc.paragraphs[s.paragraph].span;
    let total = (0..doc.quantity_index(marker.start))
        .rev()
        .take(4)
        .find(|&i| {
            let q = doc.quantities[i].span.start.max(para.start);
            let from = floor_char(&doc.text, q.saturating_sub(LOOK_BACK).max(para.start));
            !in_parens(&doc.text[from..q])
        })?;
    let tq = &doc.quantities[total];
    // Only a note in parentheses may stand between a total and its 其中; the
    // bound keeps a long paragraph without numbers from being rescanned per marker.
    if !para.contains(tq.span) || marker.start.saturating_sub(tq.span.end) > MAX_GAP {
        return None;
    }
    let between = without_parens(&doc.text[tq.span.end.min(marker.start)..marker.start]);
    let only_punct = between.chars().all(|c| is_space(c) || CLAUSE.contains(&c));
    if !only_punct || tq.is_percent() || tq.unit.is_none() {
        return None;
    }
    let mut parts = Vec::new();
    let mut boundary = marker.end;
    for qi in doc.quantity_index(marker.end)..doc.quantities.len() {
        let q = &doc.quantities[qi];
        if q.span.end > s.span.end || parts.len() >= MAX_PARTS {
            break;
        }
        // A list ends where the next total's own 其中 begins: after 「；」, a
        // figure followed by its own 其中 opens a new list (「行政复议N件，其中…；
        // 行政诉讼M件，其中…」 is two lists), while parts that each carry a
        // share (「…172条，占1.5%；工作动态类…」) go on.
        let gap = &doc.text[boundary.min(q.span.start)..q.span.start];
        let has_marker = |t: &str| spec.parts_phrases.iter().any(|p| t.contains(p.as_str()));
        if !parts.is_empty() && has_marker(gap) {
            break;
        }
        if !parts.is_empty() && gap.contains(['；', ';']) {
            let rest = &doc.text[q.span.end..s.span.end];
            let clause = rest.split(['；', ';']).next().unwrap_or(rest);
            if has_marker(clause) {
                break;
            }
        }
        if q.unit == tq.unit {
            parts.push(Part {
                quantity: qi,
                label: label(doc, boundary, q.span.start),
            });
        }
        boundary = q.span.end;
    }
    if parts.is_empty() {
        return None;
    }
    continue_list(doc, spec, si, tq.unit, &mut parts);
    if parts.len() < 2 {
        return None;
    }
    let relation = relation(doc, spec, total, &parts, false);
    Some(Breakdown {
        total,
        parts,
        relation,
    })
}

/// 「…。通过其它形式公开政府信息2025条。」: a short next sentence with one
/// quantity of the unit, opening like the list's first part or naming the
/// residual category, continues the list.
fn continue_list(
    doc: &Document,
    spec: &BreakdownSpec,
    si: usize,
    unit: Option<&str>,
    parts: &mut Vec<Part>,
) {
    let first_label: String = doc.slice(parts[0].label).chars().take(2).collect();
    for next in doc.sentences.iter().skip(si + 1).take(3) {
        if next.paragraph != doc.sentences[si].paragraph || next.span.len() > 120 {
            return;
        }
        let qs = doc.quantities_in(next.span);
        let qi = doc.quantity_index(next.span.start);
        if qs.len() != 1 || qs[0].unit != unit {
            return;
        }
        let lab = label(doc, next.span.start, qs[0].span.start);
        let words = doc.slice(lab);
        let residual = spec
            .complete_when
            .iter()
            .any(|w| words.contains(w.as_str()));
        if !(residual || first_label.chars().count() == 2 && words.starts_with(&first_label)) {
            return;
        }
        parts.push(Part {
            quantity: qi,
            label: lab,
        });
    }
}

/// 「A a条，B b条，合计N条」 (parts before) or 「共N条：A a条、B b条」 (parts after a colon).
fn marked_total(doc: &Document, spec: &BreakdownSpec, qi: usize) -> Option<Breakdown> {
    let q = &doc.quantities[qi];
    if q.is_percent() || q.unit.is_none() {
        return None;
    }
    let before = &doc.text[..q.span.start];
    let phrase = spec
        .total_phrases
        .iter()
        .filter(|p| before.ends_with(p.as_str()))
        .max_by_key(|p| p.len())?;
    let si = doc.sentence_at(q.span.start)?;
    let s = doc.sentences[si].span;
    let from = doc
        .quantity_index(s.start)
        .max(qi.saturating_sub(MAX_PARTS));
    let to = doc.quantity_index(s.end).min(qi + MAX_PARTS);
    let same_unit: Vec<usize> = (from..to)
        .filter(|&i| doc.quantities[i].unit == q.unit && i != qi)
        .collect();
    let earlier: Vec<usize> = same_unit.iter().copied().filter(|&i| i < qi).collect();
    let later: Vec<usize> = same_unit.iter().copied().filter(|&i| i > qi).collect();
    let colon_after = doc.text[q.span.end..s.end]
        .trim_start_matches(is_space)
        .starts_with(['：', ':']);
    let (chosen, from) = if earlier.len() >= 2 && later.is_empty() {
        (earlier, s.start)
    } else if colon_after && later.len() >= 2 {
        (later, q.span.end)
    } else {
        return None;
    };
    let mut boundary = from;
    let parts: Vec<Part> = chosen
        .iter()
        .map(|&i| {
            let p = Part {
                quantity: i,
                label: label(doc, boundary, doc.quantities[i].span.start),
            };
            boundary = doc.quantities[i].span.end;
            p
        })
        .collect();
    let sums_stated = chosen[0] < qi && phrase != "共";
    let relation = relation(doc, spec, qi, &parts, sums_stated);
    Some(Breakdown {
        total: qi,
        parts,
        relation,
    })
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
        let l = doc.slice(p.label);
        spec.complete_when.iter().any(|w| l.contains(w.as_str()))
    });
    if residual || sums_stated || spec.complete {
        PartsRelation::Equal
    } else {
        PartsRelation::AtMost
    }
}

/// The category words before a number: from the last clause break (or the
/// previous number) to the number, without list openers and copulas.
pub fn label(doc: &Document, from: usize, to: usize) -> Span {
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
