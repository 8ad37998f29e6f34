//! Structure every reader shares, recovered from a reader's paragraphs: the
//! numbered headings and their outline, the title and report year, the
//! declared outline and list counts, the sentences and quantities of the
//! prose.

use std::sync::LazyLock;

use regex::Regex;

use super::{Document, Heading, MAX_QUANTITIES, Paragraph, ReportYear, Sentence, Table};
use super::{declared, marker, outline};
use crate::numbers::read_quantities_into;
use crate::source::span::{LineIndex, Span};

/// Compiles the regexes of document building ahead of use (the run's warm-up).
pub fn warm_statics() {
    for re in [&TITLE_YEAR, &TITLE_YEAR_CJK, &PERIOD_YEAR] {
        LazyLock::force(re);
    }
    declared::warm_statics();
    super::year::warm_statics();
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
    /// The model from a reader's text view: its paragraphs (table cells and
    /// the appendix already marked), where the body ends, and its tables.
    pub fn build(
        text: String,
        lines: LineIndex,
        paragraphs: Vec<Paragraph>,
        body_end: usize,
        mut tables: Vec<Table>,
    ) -> Document {
        // A PDF copy's wrapped lines are one paragraph: every structure
        // below (sentences, figures, lists, headings) is read across them.
        let wrapped_at = super::wrap::wrap_width(&text, &paragraphs);
        let paragraphs = match wrapped_at {
            Some(width) => super::wrap::join(&text, paragraphs, width, &mut tables),
            None => paragraphs,
        };
        Document::assemble(text, lines, paragraphs, body_end, tables, wrapped_at)
    }

    fn assemble(
        text: String,
        lines: LineIndex,
        paragraphs: Vec<Paragraph>,
        body_end: usize,
        tables: Vec<Table>,
        wrapped_at: Option<usize>,
    ) -> Document {
        let mut doc = Document {
            wrapped_at,
            body_end,
            text,
            lines,
            paragraphs,
            tables,
            title: None,
            year: None,
            format_notice: None,
            headings: Vec::new(),
            declared: None,
            list_counts: Vec::new(),
            sentences: Vec::new(),
            quantities: Vec::new(),
            quantities_stopped_at: None,
        };
        doc.find_headings();
        doc.find_title_and_year();
        doc.find_declared();
        doc.read_prose();
        doc
    }

    /// The model again, with the text in `regions` known to be table rows
    /// (analysis found a statistics table's rows there): paragraphs are cut
    /// at the regions' edges and what lies inside is a table cell — never a
    /// heading, a sentence or a number of the prose. A table flattened into
    /// the middle of a line is where a reader cannot see it; this is where
    /// the model learns it. `self` is returned as it is when nothing changes.
    pub fn with_table_regions(self, regions: &[Span]) -> Document {
        let overlapping = |p: &Paragraph| {
            let span = p.span;
            regions
                .iter()
                .filter(move |r| r.start < span.end && span.start < r.end)
        };
        // Where a heading glued after a table's last row starts, in a line
        // the reader already took for a table row (「…0 0 0五、存在的主要问题」).
        let glued = |text: &str, p: &Paragraph| -> Option<usize> {
            let r = overlapping(p).rfind(|r| r.end < p.span.end)?;
            let at = r.end + skip_figures(&text[r.end..p.span.end]);
            marker::parse_marker(&text[at..p.span.end]).map(|_| at)
        };
        if !self.paragraphs.iter().any(|p| {
            overlapping(p).next().is_some() && (!p.table_cell || glued(&self.text, p).is_some())
        }) {
            return self;
        }
        let Document {
            text,
            lines,
            paragraphs,
            body_end,
            tables,
            wrapped_at,
            ..
        } = self;
        let trim = |span: Span| {
            let s = &text[span.range()];
            let lead = s.len() - s.trim_start_matches(crate::source::text::is_space).len();
            let body = s.trim_matches(crate::source::text::is_space);
            Span::new(span.start + lead, span.start + lead + body.len())
        };
        let mut out = Vec::with_capacity(paragraphs.len());
        for p in paragraphs {
            if overlapping(&p).next().is_none() {
                out.push(Paragraph { heading: None, ..p });
                continue;
            }
            if p.table_cell {
                match glued(&text, &p) {
                    Some(at) => {
                        out.push(Paragraph {
                            span: trim(Span::new(p.span.start, at)),
                            heading: None,
                            ..p
                        });
                        out.push(Paragraph {
                            span: trim(Span::new(at, p.span.end)),
                            table_cell: false,
                            heading: None,
                            inline: true,
                            ..p
                        });
                    }
                    None => out.push(Paragraph { heading: None, ..p }),
                }
                continue;
            }
            let mut at = p.span.start;
            for r in overlapping(&p) {
                let (a, b) = (r.start.max(at), r.end.min(p.span.end));
                if a > at {
                    let before = trim(Span::new(at, a));
                    if !before.is_empty() {
                        out.push(Paragraph {
                            span: before,
                            heading: None,
                            ..p
                        });
                    }
                }
                if b > a {
                    out.push(Paragraph {
                        span: Span::new(a, b),
                        table_cell: true,
                        heading: None,
                        inline: true,
                        ..p
                    });
                }
                at = at.max(b);
                // The last row's figures and unit that were not read as cells
                // (「…政府集中采购13575394432.52元三、收到…」) belong to the
                // table, not to the heading glued to them.
                let skip = skip_figures(&text[at..p.span.end]);
                if skip > 0 && marker::parse_marker(&text[at + skip..p.span.end]).is_some() {
                    at += skip;
                    if let Some(last) = out.last_mut().filter(|l: &&mut Paragraph| l.table_cell) {
                        last.span.end = at;
                    }
                }
            }
            if at < p.span.end {
                let after = trim(Span::new(at, p.span.end));
                if !after.is_empty() {
                    // Cut from a longer line: its heading ends at its first blank.
                    out.push(Paragraph {
                        span: after,
                        heading: None,
                        inline: at > p.span.start || p.inline,
                        ..p
                    });
                }
            }
        }
        // The paragraphs are joined already: the width the copy wrapped at
        // stays what the whole text showed.
        Document::assemble(text, lines, out, body_end, tables, wrapped_at)
    }

    fn read_prose(&mut self) {
        for (pi, p) in self.paragraphs.iter().enumerate() {
            if p.in_appendix || p.table_cell {
                continue;
            }
            let text = &self.text[p.span.range()];
            if self.quantities_stopped_at.is_none() {
                self.quantities_stopped_at = if self.wrapped_at.is_some() && text.contains('\n') {
                    // A figure cut by a wrap (「24\n60条」) is read whole from
                    // the joined view, its spans mapped back.
                    let joined = super::Joined::new(&self.text, p.span);
                    let from = self.quantities.len();
                    let stopped = read_quantities_into(
                        joined.text(),
                        0,
                        MAX_QUANTITIES,
                        &mut self.quantities,
                    );
                    for q in &mut self.quantities[from..] {
                        q.span = joined.span(q.span.start, q.span.end);
                        q.number = joined.span(q.number.start, q.number.end);
                    }
                    stopped.map(|at| joined.start(at))
                } else {
                    read_quantities_into(text, p.span.start, MAX_QUANTITIES, &mut self.quantities)
                };
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
                    // A sentence of joined lines opens after the break.
                    let blanks = text[end..].len()
                        - text[end..]
                            .trim_start_matches(crate::source::text::is_space)
                            .len();
                    if text[end..end + blanks].contains('\n') {
                        start += blanks;
                    }
                }
            }
            if start < text.len()
                && !text[start..]
                    .trim_matches(crate::source::text::is_space)
                    .is_empty()
            {
                self.sentences.push(Sentence {
                    span: Span::new(p.span.start + start, p.span.end),
                    paragraph: pi,
                });
            }
        }
    }

    fn find_headings(&mut self) {
        use marker::NumberStyle;
        let mut found = Vec::new();
        // The ordinal the next heading of each level would have: an
        // unnumbered heading (a DOCX 「标题 2」 with no number) takes it, as if
        // numbered where it stands.
        const LEVELS: [NumberStyle; 4] = [
            NumberStyle::CjkComma,
            NumberStyle::ParenCjk,
            NumberStyle::Arabic,
            NumberStyle::ParenArabic,
        ];
        let mut next = [1u32; 4];
        let count = |next: &mut [u32; 4], rank: usize, ordinal: u32| {
            if rank < 4 {
                next[rank] = ordinal.saturating_add(1);
                for n in &mut next[rank + 1..] {
                    *n = 1;
                }
            }
        };
        // The report's own title (its first lines, before any text) styled
        // as a heading is the title, not a heading.
        let mut past_title = false;
        for (pi, p) in self.paragraphs.iter().enumerate() {
            if p.table_cell || p.in_appendix {
                continue;
            }
            let content = &self.text[p.span.range()];
            let numbered = marker::parse_marker(content);
            let after_title = past_title;
            past_title |= numbered.is_some() || p.style_level.is_none();
            let m = match (numbered, p.style_level) {
                (Some(m), _) => m,
                (None, Some(level))
                    if (level as usize) < LEVELS.len()
                        && content.chars().count() <= 60
                        && after_title
                        && !(found.is_empty() && content.contains("年度报告")) =>
                {
                    let rank = level as usize;
                    marker::Marker {
                        style: LEVELS[rank],
                        ordinal: next[rank],
                        len: 0,
                        text_start: 0,
                    }
                }
                _ => continue,
            };
            if let Some(rank) = LEVELS.iter().position(|&st| st == m.style) {
                count(&mut next, rank, m.ordinal);
            }
            let rest = &content[m.text_start..];
            let mut title_len = rest.find(['。', '！', '？', '；']).unwrap_or(rest.len());
            if p.inline {
                // Cut out of a flattened line: the title runs into the text.
                title_len = title_len.min(marker::run_on_title_end(rest));
            }
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
        self.format_notice = super::year::format_notice(self);
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
                    title_overruled: None,
                });
            } else if let Some(c) = TITLE_YEAR_CJK.captures(t) {
                let m = c.get(0).expect("group 0");
                let digits: String = m.as_str().chars().take(4).collect();
                self.year = Some(ReportYear {
                    year: crate::numbers::cjk::year_digits(&digits).unwrap_or_default(),
                    span: Span::new(title.start + m.start(), title.start + m.end()),
                    from_title: true,
                    title_overruled: None,
                });
            }
        }
        // The period sentence, read across hard-wrapped lines (「20\n23年」).
        let body = self.joined(Span::new(0, self.body_end));
        let period: Option<(i32, Span)> = PERIOD_YEAR.captures(body.text()).and_then(|c| {
            let m = c.get(1)?;
            Some((m.as_str().parse().ok()?, body.span(m.start(), m.end())))
        });
        drop(body);
        if self.year.is_none()
            && let Some((year, span)) = period
        {
            self.year = Some(ReportYear {
                year,
                span,
                from_title: false,
                title_overruled: None,
            });
        }
        if let Some(y) = self.year.filter(|y| y.from_title) {
            self.year = Some(super::year::weigh(self, y, period));
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

/// The figures, blanks and units at the start of `s` (a row's cells that were
/// not read, before a heading glued to them).
fn skip_figures(s: &str) -> usize {
    s.chars()
        .take_while(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '.' | ','
                        | ' '
                        | '\t'
                        | '元'
                        | '万'
                        | '件'
                        | '条'
                        | '个'
                        | '次'
                        | '人'
                        | '%'
                        | '％'
                )
        })
        .map(char::len_utf8)
        .sum()
}
