//! One finding of the human format, fitted to the terminal: a header line
//! (「错误[rule]：message」, wrapped), then ariadne's drawing of the windows
//! (`excerpt`) with their underlines and labels, then help and notes,
//! wrapped. ariadne draws the windows; the header, help and notes are written
//! here because ariadne's are English and do not wrap, and the windows are
//! cut here because ariadne shows whole lines.
//!
//! Why not annotate-snippets (rustc's, ruff's): it has Chinese level names
//! and an ASCII mode, but its long-line trimming counts characters, not
//! columns — a 400-character line with four labels rendered 180 columns wide
//! at `term_width(80)` — and neither crate wraps label messages. The cutting
//! and wrapping would be ours either way; ariadne's drawing is kept.

use std::io::{self, Write};
use std::sync::LazyLock;

use ariadne::{CharSet, Color, Config, IndexType, Label, Report, ReportKind, Source};
use regex::Regex;

use super::escape::{self, shown_str_width};
use super::excerpt::{self, Mark, Window};
use super::{Lang, Style};
use crate::diagnostic::{Diagnostic, FileReport, Severity};
use crate::source::Span;

/// Windows one finding shows; the other labels are listed in a note.
const MAX_WINDOWS: usize = 4;
/// ariadne names each window's source with this marker and its number; the
/// renderer writes the true place there.
const MARK: &str = "\u{2063}@";
static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{MARK}([0-9]+):[0-9?]+:[0-9?]+")).expect("static regex"));

pub fn write_finding(
    results: &[FileReport],
    r: &FileReport,
    d: &Diagnostic,
    style: &Style,
    w: &mut dyn Write,
) -> io::Result<()> {
    let width = style.width;
    let ell = style.ellipsis();
    header(d, style, w)?;
    let path = escape::line(&r.source.path);
    let mut notes: Vec<(&str, String)> = Vec::new();
    // Labels into other reports (a finding across reports) are notes with
    // their file's place; the drawing shows this file only.
    for l in &d.labels {
        if let Some(other) = super::file_of(results, r, l.file) {
            let p = other.position(l.span.start);
            notes.push((
                style.word("另见", "see"),
                format!(
                    "{}:{}:{}：{}",
                    escape::line(&other.source.path),
                    p.line,
                    p.column,
                    escape::line(&l.message)
                ),
            ));
        }
    }
    if r.source.text.is_empty() {
        // Nothing to point into: an unreadable file or a pack without text.
        let (open, close) = if style.ascii {
            (",-[", "---'")
        } else {
            ("╭─[", "───╯")
        };
        writeln!(
            w,
            "  {open} {} ]",
            squeeze_path(&path, width.saturating_sub(8), ell)
        )?;
        trailer(d, &notes, 2, style, w)?;
        return writeln!(w, "{close}");
    }
    // What to underline: the finding's span, then this file's labels.
    // ariadne underlines only labels with a message: an unnamed span is 「此处」.
    let primary = d
        .span_label
        .as_deref()
        .filter(|l| !l.is_empty())
        .unwrap_or(style.word("此处", "here"));
    let lines = &r.source.lines;
    let here: Vec<(Span, &str)> = std::iter::once((d.span, primary))
        .chain(
            d.labels
                .iter()
                .filter(|l| l.file.is_none_or(|f| f == r.source.id))
                .map(|l| (l.span, l.message.as_str())),
        )
        .map(|(s, m)| (visible(&r.source.text, lines, s), m))
        .collect();
    let last_line = here
        .iter()
        .map(|(s, _)| lines.line_of(s.start) + 1)
        .max()
        .unwrap_or(1);
    // ariadne's margin: ` NN │ `.
    let margin = digits(last_line) + 4;
    let avail = width.saturating_sub(margin).max(20);
    let room = excerpt::message_room(avail, shown_str_width(ell));
    let messages: Vec<String> = here
        .iter()
        .map(|(_, m)| {
            let m = escape::line(m);
            let cut = excerpt::fit(&m, room, ell);
            if cut != m {
                notes.push((style.word("标注", "label"), m.to_string()));
            }
            cut
        })
        .collect();
    let marks: Vec<Mark> = here
        .iter()
        .zip(&messages)
        .map(|((span, _), m)| Mark {
            span: *span,
            message_width: shown_str_width(m),
        })
        .collect();
    let all = excerpt::windows(&r.source.text, lines, &marks, avail, shown_str_width(ell));
    let shown = choose(all, &mut notes, r, style);
    let kind = match d.severity {
        Severity::Error => (ReportKind::Error, Color::Red),
        Severity::Warning => (ReportKind::Warning, Color::Yellow),
        Severity::Info => (ReportKind::Advice, Color::Cyan),
    };
    // Windows on different lines share one drawing, each on its true line
    // (blank lines pad the gaps: ariadne numbers lines from its source); a
    // second window on a line goes to a second drawing ("layer").
    let mut layers: Vec<(String, usize)> = Vec::new(); // (text, lines so far)
    let mut layer_first: Vec<Option<usize>> = Vec::new(); // the first window's text offset
    let mut labels = Vec::new();
    let mut at = None;
    let mut primary_layer = 0;
    for win in &shown {
        let k = layers
            .iter()
            .position(|(_, lines)| *lines <= win.line)
            .unwrap_or_else(|| {
                layers.push((String::new(), 0));
                layer_first.push(None);
                layers.len() - 1
            });
        let id = format!("{MARK}{k}");
        let raw = win.text(&r.source.text, ell);
        let safe = escape::Text::spaced(&raw);
        let (text, lines) = &mut layers[k];
        while *lines < win.line {
            text.push('\n');
            *lines += 1;
        }
        // Character offsets: ariadne 0.6 reads a later drawing's header
        // place as bytes in byte mode but computes it in characters.
        let base = text.chars().count();
        text.push_str(&safe.text);
        // An empty line gets one blank to carry its label.
        let len = match safe.text.chars().count() {
            0 => {
                text.push(' ');
                1
            }
            n => n,
        };
        text.push('\n');
        *lines += 1;
        layer_first[k].get_or_insert(here[win.marks[0]].0.start.max(win.orig.start));
        for &i in &win.marks {
            let range = win.map(here[i].0, ell);
            let chars = |b: usize| base + safe.text[..b].chars().count();
            let mut range = chars(safe.map(range.start))..chars(safe.map(range.end));
            // Still empty (a window's edge, an empty line): ariadne
            // misplaces an empty label at the start of a line.
            if range.is_empty() {
                if range.end < base + len {
                    range.end += 1;
                } else if range.start > base {
                    range.start -= 1;
                }
            }
            let color = if i == 0 { kind.1 } else { Color::Blue };
            let mut label = Label::new((id.clone(), range.clone()))
                .with_color(color)
                // ariadne starts a new drawing whenever a label's line comes
                // before the previous label's: order by layer, then text.
                .with_order(((k as i32) << 20) + labels.len() as i32);
            if !messages[i].is_empty() {
                label = label.with_message(&messages[i]);
            }
            if i == 0 {
                at = Some((id.clone(), range));
                primary_layer = k;
            }
            labels.push(label);
        }
    }
    let room = width.saturating_sub(margin + 6);
    let places: Vec<String> = layer_first
        .iter()
        .enumerate()
        .map(|(k, first)| {
            let at = if k == primary_layer {
                d.span.start
            } else {
                first.unwrap_or_default()
            };
            let p = r.position(at);
            let short = format!("{path}:{}:{}", p.line, p.column);
            let full = match r.place(at) {
                Some(x) if k == primary_layer => format!("{short}（{}）", x.describe()),
                _ => short.clone(),
            };
            if shown_str_width(&full) <= room {
                full
            } else {
                squeeze_path(&short, room, ell)
            }
        })
        .collect();
    let sources: Vec<(String, Source)> = layers
        .into_iter()
        .enumerate()
        .map(|(k, (text, _))| (format!("{MARK}{k}"), Source::from(text)))
        .collect();
    let at = at.unwrap_or_else(|| (format!("{MARK}0"), 0..0));
    let charset = if style.ascii {
        CharSet::Ascii
    } else {
        CharSet::Unicode
    };
    let report = Report::build(kind.0, at)
        .with_config(
            Config::default()
                .with_color(style.color)
                .with_index_type(IndexType::Char)
                .with_char_set(charset)
                .with_tab_width(4),
        )
        .with_labels(labels)
        .finish();
    let mut buf = Vec::new();
    let cache = ariadne::FnCache::new(
        (|id: &String| Err(format!("no window {id}"))) as fn(&String) -> Result<String, String>,
    )
    .with_sources(sources.into_iter().collect());
    report.write(cache, &mut buf)?;
    let out = String::from_utf8_lossy(&buf);
    let out = HEADER.replace_all(&out, |c: &regex::Captures| {
        let k: usize = c[1].parse().unwrap_or(0);
        places.get(k).cloned().unwrap_or_default()
    });
    // ariadne's first line is its (English) header and its last the
    // closing corner; ours replace them.
    let body: Vec<&str> = out.lines().collect();
    let inner = body
        .get(1..body.len().saturating_sub(1))
        .unwrap_or_default();
    for line in inner {
        writeln!(w, "{}", line.trim_end())?;
    }
    trailer(d, &notes, margin - 2, style, w)?;
    writeln!(w, "{}", body.last().copied().unwrap_or_default())
}

/// An empty span (a blank cell, an insertion point) drawn on the character
/// after it, or before it at the end of its line, so that the windows make
/// room for its underline.
fn visible(text: &str, lines: &crate::source::LineIndex, s: Span) -> Span {
    if !s.is_empty() || s.start > text.len() {
        return s;
    }
    let line = lines.line_span(text, lines.line_of(s.start));
    let at = s.start.clamp(line.start, line.end);
    if let Some(c) = text[at..line.end].chars().next() {
        Span::new(at, at + c.len_utf8())
    } else if let Some(c) = text[line.start..at].chars().next_back() {
        Span::new(at - c.len_utf8(), at)
    } else {
        s
    }
}

/// Keeps the window of the finding's span and the first others in text
/// order, at most `MAX_WINDOWS`; the labels of the rest become one note.
fn choose(
    all: Vec<Window>,
    notes: &mut Vec<(&str, String)>,
    r: &FileReport,
    style: &Style,
) -> Vec<Window> {
    if all.len() <= MAX_WINDOWS {
        return all;
    }
    let primary = all.iter().position(|w| w.marks.contains(&0)).unwrap_or(0);
    let mut keep: Vec<usize> = vec![primary];
    keep.extend(
        (0..all.len())
            .filter(|&k| k != primary)
            .take(MAX_WINDOWS - 1),
    );
    keep.sort_unstable();
    let left: Vec<usize> = (0..all.len()).filter(|k| !keep.contains(k)).collect();
    let count: usize = left.iter().map(|&k| all[k].marks.len()).sum();
    let mut lines: Vec<usize> = left
        .iter()
        .map(|&k| r.position(all[k].orig.start).line)
        .collect();
    lines.dedup();
    let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
    notes.push((
        style.word("另有", "more"),
        match style.lang {
            Lang::Zh => format!(
                "{count} 处标注未画出（第 {} 行）；--format json 或 html 列出全部",
                lines.join("、")
            ),
            Lang::En => format!(
                "{count} more labels not drawn (lines {}); --format json or html lists them all",
                lines.join(", ")
            ),
        },
    ));
    all.into_iter()
        .enumerate()
        .filter(|(k, _)| keep.contains(k))
        .map(|(_, w)| w)
        .collect()
}

/// 「错误[gov2008/sum]：message」, wrapped under the message's first column.
fn header(d: &Diagnostic, style: &Style, w: &mut dyn Write) -> io::Result<()> {
    let name = style.severity(d.severity);
    let prefix = format!("{name}[{}]{}", d.rule, style.colon());
    let painted = if style.color {
        let code = match d.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        format!(
            "\x1b[1;{code}m{name}\x1b[0m\x1b[1m[{}]{}\x1b[0m",
            d.rule,
            style.colon()
        )
    } else {
        prefix.clone()
    };
    let pw = shown_str_width(&prefix);
    let indent = " ".repeat(if pw * 2 <= style.width { pw } else { 2 });
    let message = escape::line(&d.message);
    for (i, line) in wrap(&message, style.width.max(pw + 10), &prefix, &indent)
        .iter()
        .enumerate()
    {
        if i == 0 {
            writeln!(w, "{painted}{}", &line[prefix.len()..])?;
        } else {
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

/// Help and notes, each wrapped in the drawing's margin.
fn trailer(
    d: &Diagnostic,
    notes: &[(&str, String)],
    pad: usize,
    style: &Style,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut items: Vec<(&str, String)> = Vec::new();
    if let Some(h) = &d.help {
        items.push((style.word("帮助", "help"), escape::line(h).into_owned()));
    }
    items.extend(notes.iter().cloned());
    let (pad, bar) = (" ".repeat(pad), style.bar());
    for (word, text) in items {
        let lead = format!("{pad}{bar} {word}{}", style.colon());
        let indent = format!("{pad}{bar} {}", " ".repeat(shown_str_width(word) + 2));
        for line in wrap(&text, style.width, &lead, &indent) {
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

/// Punctuation that never opens a line (「。」 alone on the next line).
const CLOSING: &[char] = &[
    '。', '，', '、', '；', '：', '？', '！', '」', '』', '）', '》', '…',
];

/// Punctuation that never ends a line.
const OPENING: &[char] = &['「', '『', '（', '《', '“'];

/// Words for textwrap: each wide (CJK) character is a word of its own, so a
/// line breaks between any two of them (as Chinese text does), not only at
/// spaces; runs of narrow characters (numbers, Latin words) stay whole.
/// (textwrap's own line breaking needs the ICU segmenter, 25 crates.)
fn cjk_words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    use unicode_width::UnicodeWidthChar;
    let wide = |c: char| c.width() == Some(2);
    let mut words = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        // Closing punctuation stays with what precedes it and opening
        // punctuation with what follows, so neither starts or ends a line.
        let boundary = match chars.peek() {
            None => true,
            Some(&(_, n)) => {
                n != ' '
                    && !CLOSING.contains(&n)
                    && !OPENING.contains(&c)
                    && (c == ' ' || wide(c) || wide(n))
            }
        };
        if boundary {
            let end = chars.peek().map_or(line.len(), |&(i, _)| i);
            words.push(textwrap::core::Word::from(&line[start..end]));
            start = end;
        }
    }
    Box::new(words.into_iter())
}

/// `text` wrapped to `width` columns, Chinese-style (`cjk_words`).
pub fn wrap(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let opts = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(indent)
        .word_separator(textwrap::WordSeparator::Custom(cjk_words))
        // Never 「gov-」/「2008」 or 「--extend-」/「select」.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, opts)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// `…/long/path.txt:3:5` when the place (or any text) is wider than `room`:
/// the end is kept, where a path names its file.
pub fn squeeze_path(place: &str, room: usize, ell: &str) -> String {
    if shown_str_width(place) <= room {
        return place.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = shown_str_width(ell);
    for c in place.chars().rev() {
        used += escape::shown_width(c);
        if used > room {
            break;
        }
        kept.push(c);
    }
    let tail: String = kept.into_iter().rev().collect();
    format!("{ell}{tail}")
}

fn digits(n: usize) -> usize {
    n.max(1).ilog10() as usize + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_wraps_between_characters_and_keeps_punctuation_in_place() {
        let text = "即使数量很少，也应单列一部分报告主动公开情况。同级标题「二、」「三、」「四、」用汉字数字编号（应为「一、」）。";
        for width in 20..=60 {
            let lines = wrap(text, width, "帮助：", "      ");
            assert!(lines.len() > 1);
            for l in &lines {
                let w = unicode_width::UnicodeWidthStr::width(l.as_str());
                assert!(w <= width, "{width}: {l}");
                assert!(!l.ends_with(OPENING), "{width}: {lines:?}");
                assert!(!l.trim_start().starts_with(CLOSING), "{width}: {lines:?}");
            }
            assert_eq!(lines.concat().replace(' ', ""), format!("帮助：{text}"));
        }
        // Latin words and numbers are not split; Chinese does not wait for a space.
        let lines = wrap(
            "这是由 Word、PDF 或网页转换留下的内容，不是报告正文，共计 12054 条",
            30,
            "",
            "",
        );
        assert_eq!(lines[0], "这是由 Word、PDF 或网页转换留");
        assert!(lines.iter().any(|l| l.contains("12054")), "{lines:?}");
    }
}
