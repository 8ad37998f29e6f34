//! Windows for the human renderer. Reports put a whole paragraph — often 400
//! characters — on one line, and CJK characters take two columns, so a line
//! is never shown whole: each cluster of spans on a line gets a window cut to
//! the clause around it, wide enough for the text, its underlines and the
//! label messages that the drawing puts to the right of the last underline.
//! Spans too far apart for one window get windows of their own.
//!
//! All widths are display columns as shown (`unicode-width`; escapes and
//! tabs included), not characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::escape::{shown_str_width, shown_width};
use crate::source::span::{LineIndex, Span};

/// Characters of context kept on each side of a cluster of spans.
const CONTEXT: usize = 14;
/// Columns between the end of a line's last underline and its label messages:
/// ariadne's arrow runs two characters past the last underline, each as wide
/// as the character of the line under it (two for CJK), then a space.
pub const ARROW: usize = 5;
/// Columns of the span itself that a window keeps before a long message.
const MIN_SPAN: usize = 8;

/// One thing to underline: a span and the display width of its message.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pub span: Span,
    pub message_width: usize,
}

/// A slice of one line, with `…` where it was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// 0-based line number.
    pub line: usize,
    /// The shown part of the original text.
    pub orig: Span,
    /// Cut before `orig` / after it.
    pub lead: bool,
    pub trail: bool,
    /// Indices into the marks this window shows, in text order.
    pub marks: Vec<usize>,
}

impl Window {
    /// The window's text with its cut marks.
    pub fn text(&self, source: &str, ellipsis: &str) -> String {
        let mut s = String::new();
        if self.lead {
            s.push_str(ellipsis);
        }
        s.push_str(&source[self.orig.range()]);
        if self.trail {
            s.push_str(ellipsis);
        }
        s
    }

    /// Where `span` (of the original text) is in `text()`: clipped to the
    /// window, as a byte range.
    pub fn map(&self, span: Span, ellipsis: &str) -> std::ops::Range<usize> {
        let shift = if self.lead { ellipsis.len() } else { 0 };
        let clip = |at: usize| at.clamp(self.orig.start, self.orig.end) - self.orig.start + shift;
        clip(span.start)..clip(span.end.max(span.start))
    }
}

/// Cuts windows for `marks` so that no row of the drawing is wider than
/// `avail` columns: the text, and the text up to the last underline plus the
/// arrow plus the widest message. `ellipsis_width` is 1 for `…`, 3 for `...`.
/// A message too wide even for a window that starts at its span must be
/// shortened by the caller (`fits`).
pub fn windows(
    text: &str,
    lines: &LineIndex,
    marks: &[Mark],
    avail: usize,
    ellipsis_width: usize,
) -> Vec<Window> {
    // Marks by line, clipped to the line (a span over lines is shown on its first).
    let mut order: Vec<(usize, Span, usize)> = marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let line = lines.line_of(m.span.start);
            let ls = lines.line_span(text, line);
            let clip = Span::new(
                m.span.start.clamp(ls.start, ls.end),
                m.span.end.clamp(ls.start, ls.end),
            );
            (line, clip, i)
        })
        .collect();
    order.sort_by_key(|&(line, s, i)| (line, s.start, s.end, i));
    let mut out: Vec<Window> = Vec::new();
    let mut at = 0;
    while at < order.len() {
        let (line, first, _) = order[at];
        let ls = lines.line_span(text, line);
        let width = |a: usize, b: usize| shown_str_width(&text[a..b]);
        let msg = |k: usize| marks[order[k].2].message_width;
        // Left context: the clause, at most CONTEXT characters, less when the
        // first message is long.
        let mut left = widen_left(text, ls.start, first.start);
        let lead_w = |left: usize| if left > ls.start { ellipsis_width } else { 0 };
        let need = |left: usize, end: usize, m: usize| lead_w(left) + width(left, end) + ARROW + m;
        while left < first.start && need(left, first.end, msg(at)) > avail {
            left = next_char(text, left);
        }
        // The first span itself may be too wide: show its beginning.
        let mut end_cap = ls.end;
        if need(left, first.end, msg(at)) > avail {
            let room = avail.saturating_sub(lead_w(left) + ARROW + msg(at) + ellipsis_width);
            end_cap = cut_at_width(text, first.start, first.end, room.max(MIN_SPAN));
        }
        let mut members = vec![order[at].2];
        let mut max_end = first.end.min(end_cap);
        let mut max_msg = msg(at);
        at += 1;
        while at < order.len() && order[at].0 == line {
            let s = order[at].1;
            // Nothing past the cut of a first span too wide to show whole.
            let (e, m) = (s.end.min(end_cap).max(max_end), msg(at).max(max_msg));
            if s.start >= end_cap || need(left, e, m) > avail {
                break;
            }
            members.push(order[at].2);
            max_end = e;
            max_msg = m;
            at += 1;
        }
        // Right context, as far as the text row fits.
        let mut right = widen_right(text, end_cap.min(ls.end), max_end);
        let trail_w = |r: usize| if r < ls.end { ellipsis_width } else { 0 };
        while right > max_end && lead_w(left) + width(left, right) + trail_w(right) > avail {
            right = prev_char(text, right);
        }
        out.push(Window {
            line,
            orig: Span::new(left, right),
            lead: left > ls.start,
            trail: right < ls.end,
            marks: members,
        });
    }
    out
}

/// The widest message a mark can have and still get a window (the rest is
/// cut by the caller and given in full below the drawing).
pub fn message_room(avail: usize, ellipsis_width: usize) -> usize {
    avail.saturating_sub(ellipsis_width + MIN_SPAN + ARROW + ellipsis_width)
}

/// `s` cut to at most `room` columns, with `…` when cut.
pub fn fit(s: &str, room: usize, ellipsis: &str) -> String {
    if s.width() <= room {
        return s.to_string();
    }
    let keep = room.saturating_sub(ellipsis.width());
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > keep {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push_str(ellipsis);
    out
}

/// The largest char boundary `b` in `from..=to` with `text[from..b]` at most
/// `room` columns wide.
fn cut_at_width(text: &str, from: usize, to: usize, room: usize) -> usize {
    let mut w = 0;
    for (i, c) in text[from..to].char_indices() {
        w += shown_width(c);
        if w > room {
            return from + i;
        }
    }
    to
}

fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(0, char::len_utf8)
}

fn prev_char(text: &str, at: usize) -> usize {
    at - text[..at].chars().next_back().map_or(0, char::len_utf8)
}

/// Context stops at the end of the sentence around the span.
const STOPS: &[char] = &['。', '；', '！', '？'];

fn widen_left(text: &str, floor: usize, from: usize) -> usize {
    let mut at = from;
    for (n, (i, c)) in text[floor..from].char_indices().rev().enumerate() {
        if n >= CONTEXT || STOPS.contains(&c) {
            break;
        }
        at = floor + i;
    }
    at
}

fn widen_right(text: &str, ceil: usize, from: usize) -> usize {
    let mut at = from;
    for (n, (i, c)) in text[from..ceil].char_indices().enumerate() {
        at = from + i + c.len_utf8();
        if n + 1 >= CONTEXT || STOPS.contains(&c) {
            break;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str, s: &str, message_width: usize) -> Mark {
        let at = text.find(s).unwrap();
        Mark {
            span: Span::new(at, at + s.len()),
            message_width,
        }
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let line = format!("{}，合计8532条，{}", "甲".repeat(100), "乙".repeat(100));
        let text = format!("标题\n{line}\n");
        let lines = LineIndex::new(&text);
        let m = mark(&text, "8532", 4);
        let w = windows(&text, &lines, &[m], 70, 1);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, 1);
        assert_eq!(
            w[0].text(&text, "…"),
            "…甲甲甲甲甲甲甲甲甲甲甲，合计8532条，乙乙乙乙乙乙乙乙乙乙乙乙…"
        );
        let shown = w[0].text(&text, "…");
        assert_eq!(&shown[w[0].map(m.span, "…")], "8532");
    }

    #[test]
    fn far_apart_spans_get_windows_of_their_own_and_every_row_fits() {
        let line = format!(
            "本年受理申请47件，{}其中当面申请12件，{}网络申请30件。",
            "甲".repeat(40),
            "乙".repeat(40)
        );
        let text = format!("{line}\n");
        let lines = LineIndex::new(&text);
        let marks = [
            mark(&text, "47件", 4),
            mark(&text, "12件", 8),
            mark(&text, "30件", 20),
        ];
        for avail in [40, 60, 100] {
            let w = windows(&text, &lines, &marks, avail, 1);
            assert_eq!(w.iter().map(|w| w.marks.len()).sum::<usize>(), 3);
            for win in &w {
                assert!(win.text(&text, "…").width() <= avail, "{avail}: {win:?}");
                let last = win.marks.iter().map(|&i| marks[i].span.end).max().unwrap();
                let msg = win.marks.iter().map(|&i| marks[i].message_width).max();
                let shown = win.text(&text, "…");
                let upto = &shown[..win.map(Span::new(last, last), "…").start];
                assert!(
                    upto.width() + ARROW + msg.unwrap() <= avail,
                    "{avail}: {win:?}"
                );
            }
            assert_eq!(w.len(), 3, "{avail}: 40 full-width characters apart");
        }
    }

    #[test]
    fn a_span_wider_than_the_width_shows_its_beginning() {
        let text = format!("{}\n", "长".repeat(100));
        let lines = LineIndex::new(&text);
        let m = Mark {
            span: Span::new(0, text.len() - 1),
            message_width: 10,
        };
        let w = windows(&text, &lines, &[m], 60, 1);
        assert_eq!(w.len(), 1);
        assert!(w[0].trail && !w[0].lead);
        assert!(w[0].text(&text, "…").width() + ARROW + 10 <= 60 + 1);
    }

    proptest::proptest! {
        /// Any text, any spans (nested, overlapping, over lines, empty), any
        /// width: no panic, every mark in exactly one window, and every row
        /// of the drawing fits.
        #[test]
        fn windows_always_fit(
            text in "[甲乙，。ab 1\n]{0,300}",
            raw in proptest::collection::vec((0usize..400, 0usize..60, 0usize..30), 1..8),
            avail in 30usize..120,
        ) {
            let text = format!("{text}\n");
            let lines = LineIndex::new(&text);
            let boundary = |mut at: usize| {
                at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let marks: Vec<Mark> = raw
                .iter()
                .map(|&(start, len, message_width)| {
                    let s = boundary(start);
                    // Wider messages are cut by the caller (`message_room`).
                    let message_width = message_width.min(message_room(avail, 1));
                    Mark { span: Span::new(s, boundary(s + len).max(s)), message_width }
                })
                .collect();
            let w = windows(&text, &lines, &marks, avail, 1);
            let mut seen: Vec<usize> = w.iter().flat_map(|w| w.marks.clone()).collect();
            seen.sort_unstable();
            proptest::prop_assert_eq!(seen, (0..marks.len()).collect::<Vec<_>>());
            for win in &w {
                let shown = win.text(&text, "…");
                proptest::prop_assert!(shown.width() <= avail, "{:?}", win);
                let mut arrow = 0;
                let mut widest = 0;
                for &i in &win.marks {
                    let r = win.map(marks[i].span, "…");
                    proptest::prop_assert!(shown.is_char_boundary(r.start) && shown.is_char_boundary(r.end));
                    arrow = arrow.max(shown[..r.end].width());
                    widest = widest.max(marks[i].message_width);
                }
                // The row of label messages: after the last underline.
                proptest::prop_assert!(arrow + ARROW + widest <= avail, "{:?}", win);
            }
        }
    }

    #[test]
    fn fit_cuts_by_columns() {
        assert_eq!(fit("本年现行有效件数", 9, "…"), "本年现行…");
        assert_eq!(fit("本年", 9, "…"), "本年");
    }
}
