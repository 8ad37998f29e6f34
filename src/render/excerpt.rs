//! Excerpts for the human renderer. Reports put a whole paragraph — often 400
//! characters — on one line; showing that line would flood the terminal. An
//! excerpt keeps each involved line's clause or sentence around the spans,
//! marks cuts with `…`, and maps spans into the excerpt. Lines keep their
//! numbers (blank lines pad the gaps), so the margin shows true line numbers.

use crate::source::span::{LineIndex, Span};

/// Characters of context kept on each side of a cluster of spans.
const CONTEXT: usize = 14;
/// Spans closer than this (in characters) share one window.
const JOIN: usize = 16;
/// Lines up to this many characters are shown whole.
const SHORT: usize = 60;

pub struct Excerpt {
    pub text: String,
    windows: Vec<Window>,
}

struct Window {
    orig: Span,
    synth: usize,
}

impl Excerpt {
    pub fn new(text: &str, lines: &LineIndex, spans: &[Span]) -> Excerpt {
        let mut by_line: Vec<(usize, Vec<Span>)> = Vec::new();
        for &s in spans {
            let line = lines.line_of(s.start);
            let ls = lines.line_span(text, line);
            let clipped = Span::new(
                s.start.clamp(ls.start, ls.end),
                s.end.clamp(ls.start, ls.end),
            );
            match by_line.iter_mut().find(|(l, _)| *l == line) {
                Some((_, v)) => v.push(clipped),
                None => by_line.push((line, vec![clipped])),
            }
        }
        by_line.sort_by_key(|(l, _)| *l);
        let mut out = String::new();
        let mut windows = Vec::new();
        let mut current_line = 0;
        for (line, mut spans) in by_line {
            while current_line < line {
                out.push('\n');
                current_line += 1;
            }
            let ls = lines.line_span(text, line);
            let line_text = &text[ls.range()];
            if line_text.chars().count() <= SHORT {
                windows.push(Window {
                    orig: ls,
                    synth: out.len(),
                });
                out.push_str(line_text);
            } else {
                spans.sort();
                let mut cursor = ls.start;
                for w in clusters(text, ls, &spans) {
                    if w.start > cursor || (cursor > ls.start && w.start >= cursor) {
                        out.push('…');
                    }
                    windows.push(Window {
                        orig: w,
                        synth: out.len(),
                    });
                    out.push_str(&text[w.range()]);
                    cursor = w.end;
                }
                if cursor < ls.end {
                    out.push('…');
                }
            }
            out.push('\n');
            current_line += 1;
        }
        Excerpt { text: out, windows }
    }

    /// Where `span` of the original text is in the excerpt.
    pub fn map(&self, span: Span) -> Span {
        let Some(w) = self
            .windows
            .iter()
            .find(|w| w.orig.start <= span.start && span.start <= w.orig.end)
        else {
            return Span::new(0, 0);
        };
        let start = w.synth + (span.start - w.orig.start);
        let end = w.synth + (span.end.min(w.orig.end).max(span.start) - w.orig.start);
        Span::new(start, end)
    }
}

/// Windows over one long line: spans merged when close, each widened to the
/// enclosing clause but by at most `CONTEXT` characters.
fn clusters(text: &str, line: Span, spans: &[Span]) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::new();
    for &s in spans {
        match merged.last_mut() {
            Some(last) if text[last.end.min(s.start)..s.start].chars().count() <= JOIN => {
                *last = last.cover(s);
            }
            _ => merged.push(s),
        }
    }
    let mut out: Vec<Span> = Vec::new();
    for m in merged {
        let start = widen_left(text, line.start, m.start);
        let end = widen_right(text, line.end, m.end);
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(Span::new(start, end)),
        }
    }
    out
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

    #[test]
    fn long_line_is_cut_around_the_span() {
        let line = format!("{}，合计8532条，{}", "甲".repeat(100), "乙".repeat(100));
        let text = format!("标题\n{line}\n");
        let lines = LineIndex::new(&text);
        let at = text.find("8532").unwrap();
        let span = Span::new(at, at + 4);
        let ex = Excerpt::new(&text, &lines, &[span]);
        let shown = ex.text.lines().nth(1).unwrap();
        assert_eq!(
            shown,
            "…甲甲甲甲甲甲甲甲甲甲甲，合计8532条，乙乙乙乙乙乙乙乙乙乙乙乙…"
        );
        assert_eq!(&ex.text[ex.map(span).range()], "8532");
        assert_eq!(ex.text.lines().next(), Some(""), "line 1 is padding");
    }
}
