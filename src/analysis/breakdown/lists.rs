//! Following a list of parts: after its marker (其中, 包括, 分别为), after a
//! base written 「（在…的）N条…中」, on into the next sentence, and on into
//! the next line when a line ends mid-sentence (「其中：」, 「…，」, 「…；」).
//! Totals written after their parts (「…，合计N条」) are `marked_total`.

use super::{
    Breakdown, CLAUSE, LOOK_BACK, MAX_GAP, MAX_PARTS, Part, floor_char, in_parens, label, relation,
    without_parens,
};
use crate::document::Document;
use crate::rules::schema::BreakdownSpec;
use crate::source::span::Span;
use crate::source::text::is_space;

/// 「…8532条。其中…」 or 「…11946条，其中…」: the total stands right before the marker.
pub(super) fn after_marker(
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
    parts_from(doc, spec, si, total, marker.end)
}

/// Nouns a base 「N条信息中」 names (a bare 「N件…中」 is as often a state:
/// 「5件正在办理中」).
const BASE_NOUNS: &[&str] = &[
    "信息", "申请", "文件", "事项", "案件", "意见", "建议", "提案", "议案", "数据", "咨询",
];

/// 「在主动公开的2460条信息中，市级1720条…」, 「2460条信息中，…」: a figure
/// whose clause ends with 中 is the base of the parts after it.
pub(super) fn after_base(doc: &Document, spec: &BreakdownSpec, qi: usize) -> Option<Breakdown> {
    let q = &doc.quantities[qi];
    if q.is_percent() || q.unit.is_none() {
        return None;
    }
    let si = doc.sentence_at(q.span.start)?;
    let s = doc.sentences[si].span;
    // The base's words are short (「条信息中」): a bounded look ahead keeps a
    // sentence without clause breaks from being rescanned per figure.
    let rest = &doc.text[q.span.end..floor_char(&doc.text, s.end.min(q.span.end + 64))];
    let cut = rest.find(CLAUSE)?;
    if !rest[cut..].starts_with(['，', '：', ',', ':']) {
        return None;
    }
    let words = rest[..cut].trim_end_matches(is_space).strip_suffix('中')?;
    if words.chars().count() > 12 || words.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let before = &doc.text[s.start..q.span.start];
    let clause = &before[before.rfind(CLAUSE).map_or(0, |i| {
        i + before[i..].chars().next().map_or(0, char::len_utf8)
    })..];
    let opened_by_zai = clause.starts_with('在')
        && (clause.ends_with('的') || clause.ends_with('在'))
        && !clause.contains("正在");
    let names_noun =
        clause.trim_matches(is_space).is_empty() && BASE_NOUNS.iter().any(|n| words.ends_with(n));
    if !(opened_by_zai || names_noun) {
        return None;
    }
    parts_from(doc, spec, si, qi, q.span.end + cut)
}

/// The parts of the total `total` from byte `start` to the end of the list.
fn parts_from(
    doc: &Document,
    spec: &BreakdownSpec,
    si: usize,
    total: usize,
    start: usize,
) -> Option<Breakdown> {
    let tq = &doc.quantities[total];
    let (end, last) = list_end(doc, si);
    let mut parts = Vec::new();
    let mut boundary = start;
    for qi in doc.quantity_index(start)..doc.quantities.len() {
        let q = &doc.quantities[qi];
        if q.span.end > end || parts.len() >= MAX_PARTS {
            break;
        }
        // A list ends where the next total's own 其中 begins: after 「；」, a
        // figure followed by its own 其中 opens a new list (「行政复议N件，其中…；
        // 行政诉讼M件，其中…」 is two lists), while parts that each carry a
        // share (「…172条，占1.5%；工作动态类…」) go on.
        // A list opened inside a note 「（含上年结转5件）」 ends with the note.
        if closes_enclosing(&doc.text[start..q.span.start]) {
            break;
        }
        // A figure in a note 「（含转载200条）」 is not a part of this list.
        if in_parens(&doc.text[start..q.span.start]) {
            continue;
        }
        let gap = without_parens(&doc.text[boundary.min(q.span.start)..q.span.start]);
        let gap = gap.as_str();
        let has_marker = |t: &str| spec.parts_phrases.iter().any(|p| t.contains(p.as_str()));
        if !parts.is_empty() && has_marker(gap) {
            break;
        }
        if !parts.is_empty() && gap.contains(['；', ';']) {
            let rest = &doc.text[q.span.end..end];
            let clause = rest.split(['；', ';']).next().unwrap_or(rest);
            if has_marker(clause) {
                break;
            }
        }
        // Parts in another unit (条 among 个, 次, 人) are not this list's.
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
    // Parts that each carry a share, the shares adding up to 100 %, are the
    // whole list: a figure after them without a share is another subject's
    // (「…其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件」).
    let shared = parts
        .iter()
        .take_while(|p| super::share_of(doc, p.quantity).is_some())
        .count();
    if shared >= 2 && shared < parts.len() && super::shares_complete(doc, &parts[..shared]) {
        parts.truncate(shared);
    } else {
        continue_list(doc, spec, last, tq.unit, &mut parts);
    }
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

/// Does `text` close a parenthesis it did not open?
fn closes_enclosing(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

/// Lines a list may run on over when each ends mid-sentence.
const MAX_LIST_LINES: usize = 16;

/// Where the list opened in sentence `si` ends: the sentence's end, or, when
/// its line ends mid-sentence (「其中：」, 「…，」, 「…；」), the end of the next
/// line's first sentence, and so on. Returns the end and the last sentence.
fn list_end(doc: &Document, si: usize) -> (usize, usize) {
    let mut last = si;
    while let Some(next) = doc.sentences.get(last + 1) {
        let s = doc.sentences[last];
        if next.paragraph != s.paragraph + 1 || last + 1 - si > MAX_LIST_LINES {
            break;
        }
        let ends = |i: usize, with: &[char]| {
            doc.slice(doc.paragraphs[i].span)
                .trim_end_matches(is_space)
                .ends_with(with)
        };
        let open = ends(s.paragraph, &['：', ':', '，', ',', '；', ';', '、']);
        let p = &doc.paragraphs[next.paragraph];
        // 「（一）政策文件1722条；」 after 「其中：」 is an item, not a heading:
        // a heading does not end with punctuation.
        let item = p.heading.is_none()
            || ends(s.paragraph, &['：', ':', '；', ';'])
                && ends(next.paragraph, &['；', ';', '，', ',', '。']);
        if !open || !item || p.table_cell || p.in_appendix {
            break;
        }
        last += 1;
    }
    (doc.sentences[last].span.end, last)
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
        let words = doc.shown(lab);
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
pub(super) fn marked_total(doc: &Document, spec: &BreakdownSpec, qi: usize) -> Option<Breakdown> {
    let q = &doc.quantities[qi];
    if q.is_percent() || q.unit.is_none() {
        return None;
    }
    // The words just before the figure, read across a hard wrap
    // (「合\n计18场」, 「共\n2460条」).
    let longest = spec
        .total_phrases
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0);
    let from = floor_char(&doc.text, q.span.start.saturating_sub(longest + 16));
    let joined = doc.joined(Span::new(from, q.span.start));
    let before = joined.text();
    let phrase = spec
        .total_phrases
        .iter()
        .filter(|p| before.ends_with(p.as_str()))
        .max_by_key(|p| p.len())?;
    let si = doc.sentence_at(q.span.start)?;
    let mut s = doc.sentences[si].span;
    // Parts before their total stand in its clause: 「…许可证783条、…备案16条；
    // 公开劳动就业、三农信息等信息共62条」 — after 「；」 is another subject.
    if let Some(semi) = doc.text[s.start..q.span.start].rfind(['；', ';']) {
        let cut = s.start
            + semi
            + doc.text[s.start + semi..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        s = crate::source::span::Span::new(cut, s.end);
    }
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
