//! Text hard-wrapped by a PDF copy: every line of a paragraph but its last
//! is cut at the page's width, wherever the width ran out — inside a word
//! (「审核\n审核」), inside a figure (「738\n条」, 「24\n60条」). Recognising it
//! (`hard_wrapped`), joining the wrapped lines of a paragraph into one
//! `Paragraph` (`join`), and the joined view of a span (`Joined`): the text
//! without the line breaks, whose offsets map back into the reader's text —
//! the text itself is never rewritten, so every span still points into it.

use std::borrow::Cow;

use super::{Paragraph, Table, marker};
use crate::source::span::Span;
use crate::source::text::is_space;

/// What a line that ends its sentence ends with. A line ending with 「，」
/// or 「、」 stops mid-sentence: a paragraph never ends so, a wrap often does.
const CLOSING: &[char] = &[
    '。', '；', '：', '！', '？', '）', '」', '”', '.', ';', ':', ')', '!', '?',
];

/// The prose lines the detection reads: whole lines of the body that are not
/// table rows and do not open with a heading's number.
fn prose_line(text: &str, p: &Paragraph) -> bool {
    !p.table_cell
        && !p.in_appendix
        && !p.inline
        && p.style_level.is_none()
        && marker::parse_marker(&text[p.span.range()]).is_none()
}

/// The width (in characters) the copy wrapped at, when the text is
/// hard-wrapped: at least half the prose lines (of at least eight) stop
/// mid-sentence, and those are of one width (within three characters of
/// their median, for seven in ten). Half, not most: a paragraph of two
/// lines has one that stops and one that ends.
pub(super) fn wrap_width(text: &str, paragraphs: &[Paragraph]) -> Option<usize> {
    let lines: Vec<&str> = paragraphs
        .iter()
        .filter(|p| prose_line(text, p))
        .map(|p| &text[p.span.range()])
        .collect();
    let mut open: Vec<usize> = lines
        .iter()
        .filter(|l| !l.ends_with(CLOSING))
        .map(|l| l.chars().count())
        .collect();
    if lines.len() < 8 || open.len() * 2 < lines.len() {
        return None;
    }
    open.sort_unstable();
    let median = open[open.len() / 2];
    let near = open.iter().filter(|&&w| w.abs_diff(median) <= 3).count();
    (median >= 15 && near * 10 >= open.len() * 7).then_some(median)
}

/// Joins each run of wrapped lines into one paragraph spanning them (line
/// breaks included). A line is wrapped — the next line goes on with it —
/// when it is as wide as the copy's lines (a paragraph's last line is
/// shorter) and the next line follows it directly and opens no heading; a
/// line ending with 「报告」 is a title and stays one. A
/// line opening with a heading's number goes on only when its title has
/// ended within it (「（一）主动公开情况。全年…」): a heading alone on its
/// line stays a heading. Table rows, the appendix and lines cut out of a
/// longer line are never joined. The tables' rows are re-pointed to their
/// paragraphs.
pub(super) fn join(
    text: &str,
    paragraphs: Vec<Paragraph>,
    width: usize,
    tables: &mut [Table],
) -> Vec<Paragraph> {
    let joinable = |p: &Paragraph| !p.table_cell && !p.in_appendix && !p.inline;
    let goes_on = |p: &Paragraph, q: &Paragraph| {
        let line = &text[p.span.range()];
        let next = &text[q.span.range()];
        joinable(p)
            && joinable(q)
            && q.style_level.is_none()
            && q.line == p.line + 1
            && line.chars().count() + 3 >= width
            // A title as wide as the copy's lines is still the title
            // (「…政府信息公开工作年度报告」 before the preface).
            && !line.ends_with("报告")
            && marker::parse_marker(next).is_none()
            && (marker::parse_marker(line).is_none() && p.style_level.is_none()
                || line.contains(['。', '！', '？', '；']))
    };
    let mut index = Vec::with_capacity(paragraphs.len());
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    let mut last_line_of: Option<Paragraph> = None;
    for p in paragraphs {
        match (&last_line_of, out.last_mut()) {
            (Some(prev), Some(joined)) if goes_on(prev, &p) => {
                joined.span.end = p.span.end;
            }
            _ => out.push(p.clone()),
        }
        index.push(out.len() - 1);
        last_line_of = Some(p);
    }
    for row in tables.iter_mut().flat_map(|t| &mut t.rows) {
        if let Some(&i) = index.get(row.paragraph) {
            row.paragraph = i;
        }
    }
    out
}

/// A span's text with the breaks of hard-wrapped lines taken out (a break
/// and the blanks around it), and the way back from its offsets to the
/// reader's text. A break between two ASCII letters stays (a wrapped English
/// word or address is rare; two words run together would be wrong).
#[derive(Debug, Clone)]
pub struct Joined<'a> {
    text: Cow<'a, str>,
    /// The reader's offset of the view's first byte.
    base: usize,
    /// (offset in the view, offset in the reader's text) where each run of
    /// kept text after the first starts; a run goes on to the next one's
    /// start. Empty — no allocation — for text with nothing taken out, which
    /// every paragraph-level check asks for in every report.
    runs: Vec<(usize, usize)>,
}

impl<'a> Joined<'a> {
    /// `span` of `source` as it is, nothing taken out.
    pub fn plain(source: &'a str, span: Span) -> Joined<'a> {
        Joined {
            text: Cow::Borrowed(&source[span.range()]),
            base: span.start,
            runs: Vec::new(),
        }
    }

    /// The view of `span` of `source`, its line breaks taken out.
    pub fn new(source: &'a str, span: Span) -> Joined<'a> {
        let s = &source[span.range()];
        if !s.contains('\n') {
            return Joined::plain(source, span);
        }
        let mut text = String::with_capacity(s.len());
        let mut runs = Vec::new();
        let mut at = 0;
        while let Some(nl) = s[at..].find('\n').map(|i| at + i) {
            let before = s[..nl].trim_end_matches(is_space).len().max(at);
            let after =
                nl + 1 + (s[nl + 1..].len() - s[nl + 1..].trim_start_matches(is_space).len());
            let ascii_word = s[..before]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && s[after..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic());
            let end = if ascii_word { nl + 1 } else { before };
            if at > 0 {
                runs.push((text.len(), span.start + at));
            }
            text.push_str(&s[at..end]);
            at = after;
        }
        runs.push((text.len(), span.start + at));
        text.push_str(&s[at..]);
        Joined {
            text: Cow::Owned(text),
            base: span.start,
            runs,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether some break was taken out.
    pub fn is_joined(&self) -> bool {
        !self.runs.is_empty()
    }

    /// The reader's offset of the char at view offset `v` (the end of the
    /// text maps to the end of the span).
    pub fn start(&self, v: usize) -> usize {
        match self.runs.partition_point(|r| r.0 <= v) {
            0 => self.base + v,
            i => self.runs[i - 1].1 + (v - self.runs[i - 1].0),
        }
    }

    /// The reader's offset just after the char that ends at view offset `v`.
    pub fn end(&self, v: usize) -> usize {
        match self.runs.partition_point(|r| r.0 < v) {
            0 => self.base + v,
            i => self.runs[i - 1].1 + (v - self.runs[i - 1].0),
        }
    }

    /// The reader's span of the view's `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        if from >= to {
            let at = self.start(from);
            return Span::new(at, at);
        }
        Span::new(self.start(from), self.end(to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_maps_back_into_the_text() {
        let text = "前言\n全年主动公开24\n60条，审核\n  审核完毕。";
        let span = Span::new(text.find('全').unwrap(), text.len());
        let j = Joined::new(text, span);
        assert_eq!(j.text(), "全年主动公开2460条，审核审核完毕。");
        let v = j.text().find("2460").unwrap();
        let s = j.span(v, v + 4);
        assert_eq!(&text[s.range()], "24\n60");
        let v = j.text().find("审核审核").unwrap();
        let s = j.span(v, v + "审核审核".len());
        assert_eq!(&text[s.range()], "审核\n  审核");
        // A span ending at a break ends before it.
        let v = j.text().find("24").unwrap();
        assert_eq!(&text[j.span(v, v + 2).range()], "24");
        assert_eq!(j.end(j.text().len()), text.len());
        // One line: the text itself.
        let one = Joined::new(text, Span::new(0, 6));
        assert!(!one.is_joined());
        assert_eq!(one.text(), "前言");
        assert_eq!(one.span(0, 3), Span::new(0, 3));
    }

    #[test]
    fn english_words_keep_their_break() {
        let text = "访问www.example\ngov.cn，按\nA类处理";
        let j = Joined::new(text, Span::new(0, text.len()));
        assert_eq!(j.text(), "访问www.example\ngov.cn，按A类处理");
    }
}
