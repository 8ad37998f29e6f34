//! Certain corrections (`Diagnostic::fix`) applied to a report's text, and
//! shown as a unified diff: `--fix` writes them into `.txt` and `.md` files in
//! their own encoding; `--diff` only shows them. Never a DOCX or HTML file
//! (their text is a reader's view, not the file), never a figure or a year
//! (no check offers such a fix). The library computes; the command line
//! writes.

use crate::diagnostic::{Edit, FileReport};

/// The text of a report with its findings' fixes applied, and how many
/// findings' fixes that was. A fix whose edits overlap one applied before it
/// is left for the next run. `None` when the file's format is not one
/// `--fix` writes, or there is nothing to apply.
pub fn fixed_text(r: &FileReport) -> Option<(String, usize)> {
    if !matches!(r.source.format, Some("text" | "markdown")) || r.source.text.is_empty() {
        return None;
    }
    let text = &r.source.text;
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut fixes: Vec<&crate::diagnostic::Fix> = r
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .collect();
    fixes.sort_by_key(|f| f.edits.first().map(|e| (e.span.start, e.span.end)));
    for f in fixes {
        let fits = f.edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
                && !taken
                    .iter()
                    .any(|t| e.span.start < t.span.end && t.span.start < e.span.end)
        });
        if fits && !f.edits.is_empty() {
            taken.extend(&f.edits);
            applied += 1;
        }
    }
    if applied == 0 {
        return None;
    }
    taken.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Some((out, applied))
}

/// The bytes to write for `text` in the file's own encoding (and BOM); `None`
/// when the text cannot be written back in it.
pub fn encoded(r: &FileReport, text: &str) -> Option<Vec<u8>> {
    let label = r.source.encoding.unwrap_or("UTF-8");
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let mut out = Vec::new();
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        // encoding_rs encodes UTF-16 as UTF-8 (its output encoding); by hand.
        let le = enc == encoding_rs::UTF_16LE;
        if r.source.bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        return Some(out);
    }
    if r.source.bom && enc == encoding_rs::UTF_8 {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    let (bytes, _, unmappable) = enc.encode(text);
    (!unmappable).then(|| {
        out.extend_from_slice(&bytes);
        out
    })
}

/// A unified diff of the text before and after, with the file's path.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Check, Diagnostic, Fix};
    use crate::source::{SourceFile, Span};

    fn report(text: &str, edits: &[(usize, usize, &str)]) -> FileReport {
        let mut source = SourceFile::new("a.txt".into(), text.into());
        source.format = Some("text");
        source.encoding = Some("UTF-8");
        let mut r = FileReport::operational("a.txt", text, Vec::new());
        r.source = source;
        for &(s, e, rep) in edits {
            let mut d = Diagnostic::bare(Check::ConversionArtifact, "x", "m");
            d.fix = Some(Fix {
                message: "删除".into(),
                edits: vec![Edit {
                    span: Span::new(s, e),
                    replacement: rep.into(),
                }],
            });
            r.diagnostics.push(d);
        }
        r
    }

    #[test]
    fn edits_apply_in_order_and_overlaps_wait() {
        // In text order: 甲 → 子, 乙丙 → X; 丙's deletion overlaps and waits.
        let r = report("甲乙丙丁", &[(6, 9, ""), (0, 3, "子"), (3, 9, "X")]);
        let (text, n) = fixed_text(&r).unwrap();
        assert_eq!((text.as_str(), n), ("子X丁", 2));
        let d = diff("a.txt", &r.source.text, &text);
        assert!(d.contains("-甲乙丙丁") && d.contains("+子X丁"), "{d}");
    }

    #[test]
    fn only_text_files_and_their_encoding() {
        let mut r = report("甲乙", &[(0, 3, "")]);
        r.source.format = Some("docx");
        assert!(fixed_text(&r).is_none());
        let mut r = report("甲乙", &[(0, 3, "")]);
        r.source.encoding = Some("GBK");
        assert_eq!(encoded(&r, "乙").unwrap(), vec![0xD2, 0xD2]);
        r.source.encoding = Some("UTF-16LE");
        r.source.bom = true;
        assert_eq!(encoded(&r, "乙").unwrap(), vec![0xFF, 0xFE, 0x59, 0x4E]);
    }
}
