//! Output hygiene for the formats a person reads in a terminal or a CI log
//! (human, concise, github): no control character of a report or a file name
//! reaches them raw. An escape sequence in a report (clear screen, window
//! title, a hyperlink) is shown as `\x1b`; a newline in a file name cannot
//! forge a line; bidirectional overrides cannot reorder what is shown.

use std::borrow::Cow;

/// Characters never written raw: C0 and C1 controls, DEL, and the Unicode
/// bidirectional controls.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn escaped(c: char) -> String {
    if (c as u32) < 0x80 {
        format!("\\x{:02x}", c as u32)
    } else {
        format!("\\u{{{:x}}}", c as u32)
    }
}

/// Display columns of `c` as the human output shows it: escaped when unsafe,
/// a tab as four columns (the drawing's tab width), else its width.
pub fn shown_width(c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    match c {
        '\t' => 4,
        c if is_unsafe(c) => escaped(c).len(),
        c => c.width().unwrap_or(0),
    }
}

/// Display columns of `s` as the human output shows it.
pub fn shown_str_width(s: &str) -> usize {
    s.chars().map(shown_width).sum()
}

/// A one-line string (a path, a message) made safe: every unsafe character,
/// newlines and tabs included, escaped.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unsafe(c) {
                    escaped(c)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Multi-line text (an excerpt) made safe, keeping newlines and tabs, with
/// the map of its byte offsets.
pub struct Text {
    pub text: String,
    /// (original offset, growth so far) at each escaped character.
    shifts: Vec<(usize, usize)>,
}

impl Text {
    pub fn new(s: &str) -> Text {
        Text::build(s, false)
    }

    /// Like `new`, with each tab as four spaces: the drawing's columns then
    /// do not depend on where a tab stop falls (ariadne's underline rows and
    /// text rows place tab stops differently).
    pub fn spaced(s: &str) -> Text {
        Text::build(s, true)
    }

    fn build(s: &str, spaced: bool) -> Text {
        let unsafe_here =
            |c: char| (is_unsafe(c) && c != '\n' && c != '\t') || (spaced && c == '\t');
        let escaped = |c: char| {
            if c == '\t' {
                "    ".to_string()
            } else {
                escaped(c)
            }
        };
        if !s.chars().any(unsafe_here) {
            return Text {
                text: s.to_string(),
                shifts: Vec::new(),
            };
        }
        let mut text = String::with_capacity(s.len() + 16);
        let mut shifts = Vec::new();
        for (i, c) in s.char_indices() {
            if unsafe_here(c) {
                let e = escaped(c);
                let grown = shifts.last().map_or(0, |&(_, g)| g) + e.len() - c.len_utf8();
                text.push_str(&e);
                shifts.push((i, grown));
            } else {
                text.push(c);
            }
        }
        Text { text, shifts }
    }

    /// Where byte `o` of the original is in the escaped text.
    pub fn map(&self, o: usize) -> usize {
        // Growth of the escapes strictly before `o`.
        let k = self.shifts.partition_point(|&(at, _)| at < o);
        o + if k == 0 { 0 } else { self.shifts[k - 1].1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(line("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(line("x\ny.txt"), "x\\x0ay.txt");
        assert_eq!(line("名\u{202e}txt"), "名\\u{202e}txt");
        assert!(matches!(line("报告.txt"), Cow::Borrowed(_)));
        let t = Text::new("共\x1b]0;x\x07条\n下一行");
        assert_eq!(t.text, "共\\x1b]0;x\\x07条\n下一行");
        let at = "共\x1b]0;x\x07".len();
        assert_eq!(&t.text[t.map(at)..t.map(at + "条".len())], "条");
        assert_eq!(t.map(0), 0);
    }
}
