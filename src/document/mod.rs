//! The `Document`: one report, read once, every piece carrying its span — the
//! paragraphs, where the appendix (统计表) begins, the title and report year,
//! the outline of numbered headings and the outline the report declares.
//!
//! Checks read the document; they never re-scan the raw text for structure.
//! Numbers, sentences and tables hang off the same paragraphs and spans.

pub mod declared;
pub mod marker;
pub mod outline;

use std::sync::LazyLock;

use regex::Regex;

pub use declared::{DeclaredCount, DeclaredOutline, DeclaredPart};
pub use marker::NumberStyle;

use crate::numbers::breakdown::{Breakdown, BreakdownSpec};
use crate::numbers::{Quantity, read_quantities_into};
use crate::span::{LineIndex, Span};
use crate::table::grid::{Grid, TableDef};
use crate::table::stat::StatRow;
use crate::text::{fold, is_space};

/// One non-blank line of the report (exports put one paragraph per line).
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The text without leading and trailing blanks.
    pub span: Span,
    /// 0-based line number.
    pub line: usize,
    /// A statistics-table cell: the line starts with a tab, or it is a table row.
    pub table_cell: bool,
    /// At or after the appendix (附件 / 统计表).
    pub in_appendix: bool,
    /// Index into `Document::headings` when this paragraph opens with a heading.
    pub heading: Option<usize>,
    /// Cut out of a long line of a flattened web page at an inline heading
    /// (「… 一、总体情况 2022年，…」): its heading ends at the first space.
    pub inline: bool,
}

/// A numbered heading and the section it opens.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Marker and title, e.g. `二、主动公开政府信息情况`.
    pub span: Span,
    pub marker: Span,
    /// The heading's words: the short line, or the paragraph's first sentence.
    pub title: Span,
    pub style: NumberStyle,
    pub ordinal: u32,
    /// 1-based depth in the outline.
    pub level: usize,
    pub parent: Option<usize>,
    /// The style this heading's level uses; differs from `style` when the author
    /// numbered it like another level (`1、 概述` among `二、三、`).
    pub acting_style: NumberStyle,
    /// From the heading to the next heading of the same or a higher level.
    pub section: Span,
    pub paragraph: usize,
}

/// The report year and where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportYear {
    pub year: i32,
    pub span: Span,
    pub from_title: bool,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub lines: LineIndex,
    pub paragraphs: Vec<Paragraph>,
    /// Byte offset where the appendix starts (`text.len()` when there is none).
    pub body_end: usize,
    pub title: Option<Span>,
    pub year: Option<ReportYear>,
    pub headings: Vec<Heading>,
    pub declared: Option<DeclaredOutline>,
    pub list_counts: Vec<(DeclaredCount, usize)>,
    /// Sentences of the prose (body paragraphs that are not table cells), in order.
    pub sentences: Vec<Sentence>,
    /// Quantities of the prose, in order.
    pub quantities: Vec<Quantity>,
    /// Where reading quantities stopped at `MAX_QUANTITIES` (no report has that many).
    pub quantities_stopped_at: Option<usize>,
    /// Tables read against a pack's templates, once per document and pack.
    grids: Memo<Vec<Option<Grid>>>,
    /// Prose breakdowns, once per document and `[[breakdown]]`.
    breakdowns: Memo<Vec<Breakdown>>,
    /// The 2013–2018 appendix table, read on first use.
    stat_rows: std::cell::OnceCell<std::rc::Rc<Vec<StatRow>>>,
    /// Heading titles, width and spaces folded, on first use: every section
    /// rule matches against them.
    folded_titles: std::cell::OnceCell<Vec<String>>,
    /// The issuer's level when the configuration states it.
    pub issuer_level: Option<crate::config::Level>,
    /// 乡镇/街道 deadline (month, day) from the configuration.
    pub township_deadline: Option<(u32, u32)>,
}

/// What a document derives from a pack's shared definition (its table
/// templates, a `[[breakdown]]`), computed once and keyed by the definition's
/// address, so that every rule using it shares one reading.
#[derive(Debug, Clone)]
struct Memo<T>(std::cell::RefCell<Vec<(usize, std::rc::Rc<T>)>>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(std::cell::RefCell::default())
    }
}

impl<T> Memo<T> {
    fn get<D>(&self, def: &std::sync::Arc<D>, make: impl FnOnce() -> T) -> std::rc::Rc<T> {
        let key = std::sync::Arc::as_ptr(def) as *const () as usize;
        if let Some((_, v)) = self.0.borrow().iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let v = std::rc::Rc::new(make());
        self.0.borrow_mut().push((key, v.clone()));
        v
    }
}

/// The tables of one pack as read in one document.
pub type Grids = std::rc::Rc<Vec<Option<Grid>>>;

/// Quantities read from one document. A long report has a few thousand; the
/// bound keeps a hostile file's numbers (and the breakdowns built on them)
/// within memory, and the checks say where they stopped.
pub const MAX_QUANTITIES: usize = 100_000;

/// A sentence: up to 。！？ or the end of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Compiles the regexes documents and checks use (for
/// `RuleSet::warm_in_background`).
pub fn warm_statics() {
    for re in [&TITLE_YEAR, &TITLE_YEAR_CJK, &PERIOD_YEAR, &INLINE_HEADING] {
        LazyLock::force(re);
    }
    declared::warm_statics();
    crate::engine::late_publication::warm_statics();
}

/// 「附件」「附表2：」「…统计表」: a (folded) line that opens the appendix. In
/// code rather than a regex: `[^、。，]{0,30}` alone costs a regex compile of
/// 0.4 ms at every start.
fn is_appendix_line(s: &str) -> bool {
    let numbered = s
        .strip_prefix("附件")
        .or_else(|| s.strip_prefix("附表"))
        .is_some_and(|rest| {
            let rest = rest.strip_suffix([':', '：']).unwrap_or(rest);
            rest.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        });
    numbered
        || s.strip_suffix("统计表")
            .is_some_and(|head| head.chars().count() <= 30 && !head.contains(['、', '。', '，']))
}
static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})\s*年").expect("static regex"));
static TITLE_YEAR_CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"二[〇○零Ｏ0]([〇○零一二三四五六七八九Ｏ0])([〇○零一二三四五六七八九Ｏ0])\s*年")
        .expect("static regex")
});
static PERIOD_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"统计[^。]{0,16}?((?:19|20)[0-9]{2})\s*年\s*1\s*月\s*1\s*日").expect("static regex")
});

impl Document {
    pub fn parse(text: String) -> Document {
        let lines = LineIndex::new(&text);
        let mut paragraphs = Vec::new();
        for line in 0..lines.line_count() {
            let full = lines.line_span(&text, line);
            let raw = &text[full.range()];
            let content = raw.trim_matches(is_space);
            if content.is_empty() {
                continue;
            }
            let start = full.start + (raw.len() - raw.trim_start_matches(is_space).len());
            let cell = raw.starts_with('\t') || is_table_row(content);
            let mut from = 0;
            for cut in inline_cuts(content) {
                paragraphs.push(Paragraph {
                    span: Span::new(
                        start + from,
                        start + content[..cut].trim_end_matches(is_space).len(),
                    ),
                    line,
                    table_cell: cell,
                    in_appendix: false,
                    heading: None,
                    inline: from > 0,
                });
                from = cut;
            }
            paragraphs.push(Paragraph {
                span: Span::new(start + from, start + content.len()),
                line,
                table_cell: cell,
                in_appendix: false,
                heading: None,
                inline: from > 0,
            });
        }
        let mut doc = Document {
            body_end: text.len(),
            text,
            lines,
            paragraphs,
            title: None,
            year: None,
            headings: Vec::new(),
            declared: None,
            list_counts: Vec::new(),
            sentences: Vec::new(),
            quantities: Vec::new(),
            quantities_stopped_at: None,
            grids: Memo::default(),
            breakdowns: Memo::default(),
            stat_rows: std::cell::OnceCell::new(),
            folded_titles: std::cell::OnceCell::new(),
            issuer_level: None,
            township_deadline: None,
        };
        doc.find_appendix();
        doc.find_headings();
        doc.find_title_and_year();
        doc.find_declared();
        doc.read_prose();
        doc
    }

    /// The tables of `defs` in this document, read once.
    pub fn grids(&self, defs: &std::sync::Arc<Vec<TableDef>>) -> Grids {
        self.grids
            .get(defs, || crate::table::grid::read_all(self, defs))
    }

    /// The breakdowns `spec` finds in the prose, found once.
    pub fn breakdowns(&self, spec: &std::sync::Arc<BreakdownSpec>) -> std::rc::Rc<Vec<Breakdown>> {
        self.breakdowns
            .get(spec, || crate::numbers::breakdown::find(self, spec))
    }

    /// The folded title of every heading, in `headings` order.
    pub fn folded_titles(&self) -> &[String] {
        self.folded_titles.get_or_init(|| {
            self.headings
                .iter()
                .map(|h| fold(self.slice(h.title)))
                .collect()
        })
    }

    /// The rows of the 2013–2018 statistics table, read once.
    pub fn stat_rows(&self) -> std::rc::Rc<Vec<StatRow>> {
        self.stat_rows
            .get_or_init(|| std::rc::Rc::new(crate::table::stat::read(self)))
            .clone()
    }

    /// Quantities whose span lies within `span`.
    pub fn quantities_in(&self, span: Span) -> &[Quantity] {
        let from = self
            .quantities
            .partition_point(|q| q.span.start < span.start);
        let to = self.quantities.partition_point(|q| q.span.start < span.end);
        let to = (from..to)
            .take_while(|&i| self.quantities[i].span.end <= span.end)
            .last()
            .map_or(from, |i| i + 1);
        &self.quantities[from..to]
    }

    /// Index of the first quantity at or after byte `at`.
    pub fn quantity_index(&self, at: usize) -> usize {
        self.quantities.partition_point(|q| q.span.start < at)
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    fn read_prose(&mut self) {
        for (pi, p) in self.paragraphs.iter().enumerate() {
            if p.in_appendix || p.table_cell {
                continue;
            }
            let text = &self.text[p.span.range()];
            if self.quantities_stopped_at.is_none() {
                self.quantities_stopped_at =
                    read_quantities_into(text, p.span.start, MAX_QUANTITIES, &mut self.quantities);
            }
            let mut start = 0;
            for (i, c) in text.char_indices() {
                if matches!(c, '。' | '！' | '？' | '!' | '?') {
                    let end = i + c.len_utf8();
                    self.sentences.push(Sentence {
                        span: Span::new(p.span.start + start, p.span.start + end),
                        paragraph: pi,
                    });
                    start = end;
                }
            }
            if start < text.len() {
                self.sentences.push(Sentence {
                    span: Span::new(p.span.start + start, p.span.end),
                    paragraph: pi,
                });
            }
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Paragraphs of the report body (before the appendix).
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| !p.in_appendix)
    }

    pub fn top_level(&self) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(|h| h.level == 1)
    }

    fn find_appendix(&mut self) {
        let mut seen_heading = false;
        let mut start = None;
        for (i, p) in self.paragraphs.iter().enumerate() {
            if !p.table_cell && marker::parse_marker(&self.text[p.span.range()]).is_some() {
                seen_heading = true;
                continue;
            }
            // Tables of the national format stand inside sections; only an
            // 附件/附表/统计表 line opens the appendix (a short line: long
            // paragraphs are not folded just to fail the match).
            if seen_heading
                && p.span.len() <= 256
                && is_appendix_line(&fold(&self.text[p.span.range()]))
            {
                start = Some(i);
                break;
            }
        }
        if let Some(i) = start {
            self.body_end = self.paragraphs[i].span.start;
            for p in &mut self.paragraphs[i..] {
                p.in_appendix = true;
            }
        }
    }

    fn find_headings(&mut self) {
        let mut found = Vec::new();
        for (pi, p) in self.paragraphs.iter().enumerate() {
            if p.table_cell || p.in_appendix {
                continue;
            }
            let content = &self.text[p.span.range()];
            let Some(m) = marker::parse_marker(content) else {
                continue;
            };
            let rest = &content[m.text_start..];
            let title_len = rest.find(['。', '！', '？', '；']).unwrap_or(rest.len());
            let title_text = rest[..title_len].trim_end_matches([':', '：', ' ', '\u{3000}']);
            let title = Span::new(
                p.span.start + m.text_start,
                p.span.start + m.text_start + title_text.len(),
            );
            found.push((pi, m, title));
        }
        let cands: Vec<outline::Candidate> = found
            .iter()
            .map(|(_, m, _)| outline::Candidate {
                style: m.style,
                ordinal: m.ordinal,
            })
            .collect();
        let placed = outline::place(&cands);
        for ((pi, m, title), pl) in found.into_iter().zip(placed) {
            let start = self.paragraphs[pi].span.start;
            self.paragraphs[pi].heading = Some(self.headings.len());
            self.headings.push(Heading {
                span: Span::new(start, title.end),
                marker: Span::new(start, start + m.len),
                title,
                style: m.style,
                ordinal: m.ordinal,
                level: pl.level,
                parent: pl.parent,
                acting_style: pl.acting,
                section: Span::default(),
                paragraph: pi,
            });
        }
        for i in 0..self.headings.len() {
            let level = self.headings[i].level;
            let end = self.headings[i + 1..]
                .iter()
                .find(|h| h.level <= level)
                .map_or(self.body_end, |h| h.span.start);
            self.headings[i].section = Span::new(self.headings[i].span.start, end);
        }
    }

    fn find_title_and_year(&mut self) {
        let first_heading = self
            .headings
            .first()
            .map_or(self.body_end, |h| h.span.start);
        let preface: Vec<Span> = self
            .paragraphs
            .iter()
            .take_while(|p| p.span.start < first_heading)
            .map(|p| p.span)
            .take(6)
            .collect();
        self.title = preface
            .iter()
            .copied()
            .find(|s| {
                let t = self.slice(*s);
                t.contains("报告") && t.chars().count() <= 60
            })
            .or_else(|| {
                preface
                    .first()
                    .copied()
                    .filter(|s| self.slice(*s).chars().count() <= 60)
            });
        if let Some(title) = self.title {
            let t = self.slice(title);
            if let Some(c) = TITLE_YEAR.captures(t) {
                let m = c.get(1).expect("group 1");
                self.year = Some(ReportYear {
                    year: m.as_str().parse().unwrap_or_default(),
                    span: Span::new(title.start + m.start(), title.start + m.end()),
                    from_title: true,
                });
            } else if let Some(c) = TITLE_YEAR_CJK.captures(t) {
                let d = |s: &str| crate::text::cjk_ordinal(s).unwrap_or(0) as i32;
                let m = c.get(0).expect("group 0");
                self.year = Some(ReportYear {
                    year: 2000 + d(&c[1]) * 10 + d(&c[2]),
                    span: Span::new(title.start + m.start(), title.start + m.end()),
                    from_title: true,
                });
            }
        }
        if self.year.is_none()
            && let Some(c) = PERIOD_YEAR.captures(&self.text[..self.body_end])
        {
            let m = c.get(1).expect("group 1");
            self.year = Some(ReportYear {
                year: m.as_str().parse().unwrap_or_default(),
                span: Span::new(m.start(), m.end()),
                from_title: false,
            });
        }
    }

    fn find_declared(&mut self) {
        let first_heading = self
            .headings
            .first()
            .map_or(self.body_end, |h| h.span.start);
        self.declared = self
            .paragraphs
            .iter()
            .take_while(|p| p.span.start < first_heading)
            .find_map(|p| declared::find_outline(&self.text[p.span.range()], p.span.start));
        for (pi, p) in self.paragraphs.iter().enumerate() {
            if p.in_appendix || p.table_cell || p.span.start < first_heading {
                continue;
            }
            if let Some(c) = declared::find_list_count(&self.text[p.span.range()], p.span.start) {
                self.list_counts.push((c, pi));
            }
        }
    }
}

static INLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ \u{3000}](?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
        .expect("static regex")
});

/// Where a long flattened line has headings inside it: after a blank, a
/// numbered title up to the next blank, not followed by the numbers of a
/// table row. Ordinary paragraphs are left whole.
fn inline_cuts(content: &str) -> Vec<usize> {
    if content.chars().count() < 300 {
        return Vec::new();
    }
    INLINE_HEADING
        .find_iter(content)
        .filter_map(|m| {
            let at = m.start()
                + content[m.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
            let marker = marker::parse_marker(&content[at..])?;
            let rest = &content[at + marker.text_start..];
            let title_end = rest
                .find([' ', '\u{3000}', '。', '（', '('])
                .unwrap_or(rest.len());
            let after = rest[title_end..].trim_start_matches(is_space);
            let title_chars = rest[..title_end].chars().count();
            // 「…数量 713000074」 is a table row; 「总体情况 2022年，…」 is a heading.
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let row_of_numbers = digits > 0 && !after[digits..].starts_with(['年', '月', '日']);
            (title_chars > 0 && title_chars <= 40 && !row_of_numbers).then_some(at)
        })
        .collect()
}

/// A table row flattened to one line: cells joined by ` | ` or tabs.
fn is_table_row(content: &str) -> bool {
    if content.matches(" | ").count() >= 1 || content.matches('\t').count() >= 2 {
        return true;
    }
    // `pdftotext -layout`: cells apart by runs of spaces, most of them numbers.
    let cells: Vec<&str> = content
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.len() >= 3
        && cells
            .iter()
            .filter(|c| crate::table::cells::value(c).is_some_and(|v| v.is_some()))
            .count()
            >= 2
}

#[cfg(test)]
mod tests {
    use super::is_appendix_line;

    #[test]
    fn appendix_lines() {
        for yes in [
            "附件",
            "附件1",
            "附表二:",
            "附件统计表",
            "2017年政府信息公开统计表",
            "统计表",
        ] {
            assert!(is_appendix_line(yes), "{yes}");
        }
        let long = format!("{}统计表", "字".repeat(31));
        for no in [
            "附件::",
            "附件:1",
            "附件说明",
            "一、情况，统计表",
            long.as_str(),
        ] {
            assert!(!is_appendix_line(no), "{no}");
        }
    }
}
