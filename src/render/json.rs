//! `--format json` and `jsonl`, exactly as docs/output.md describes.

use std::io::{self, Write};

use serde::Serialize;

use super::Summary;
use crate::diagnostic::FileReport;
use crate::diagnostic::{Check, Diagnostic, Severity};
use crate::source::map::Place;
use crate::source::span::Span;

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    /// The reader used: text, markdown, html, docx.
    format: Option<&'a str>,
    encoding: Option<&'a str>,
    bom: bool,
    pack: Option<&'a str>,
    packs: Vec<&'a str>,
    year: Option<i32>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    /// The other file a corpus finding points into (absent: the finding's own).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    /// DOCX: the paragraph or table cell (lines of a Word file say little).
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<Place>,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    check: Check,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<Place>,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
    /// A certain correction (`--fix` applies it to .txt and .md files).
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    /// Each replaces its span (positions as for labels) with `replacement`.
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

fn located<'a>(r: &'a FileReport, span: Span, message: &'a str) -> JsonLabel<'a> {
    let s = r.position(span.start);
    let e = r.position(span.end);
    JsonLabel {
        path: None,
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
        byte_start: span.start,
        byte_end: span.end,
        place: r.place(span.start),
        message,
    }
}

fn diagnostic<'a>(
    results: &'a [FileReport],
    r: &'a FileReport,
    d: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
    let at = located(r, d.span, "");
    JsonDiagnostic {
        path: &r.source.path,
        rule: &d.rule,
        check: d.check,
        severity: d.severity,
        message: &d.message,
        line: at.line,
        column: at.column,
        end_line: at.end_line,
        end_column: at.end_column,
        byte_start: at.byte_start,
        byte_end: at.byte_end,
        place: at.place,
        labels: d
            .labels
            .iter()
            .map(|l| match super::file_of(results, r, l.file) {
                Some(other) => JsonLabel {
                    path: Some(&other.source.path),
                    ..located(other, l.span, &l.message)
                },
                None => located(r, l.span, &l.message),
            })
            .collect(),
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            message: &f.message,
            edits: f
                .edits
                .iter()
                .map(|e| {
                    let at = located(r, e.span, "");
                    JsonEdit {
                        line: at.line,
                        column: at.column,
                        end_line: at.end_line,
                        end_column: at.end_column,
                        byte_start: at.byte_start,
                        byte_end: at.byte_end,
                        replacement: &e.replacement,
                    }
                })
                .collect(),
        }),
    }
}

/// Files per batch rendered in parallel: enough to keep both cores busy,
/// few enough that the rendered batch stays small.
const BATCH: usize = 256;

/// Writes the document exactly as `serde_json::to_writer_pretty` would, but
/// renders the diagnostics of a batch of files in parallel: on a large run
/// the output is tens of megabytes and would otherwise be written by one core
/// after all checking is done.
pub fn render_json(results: &[FileReport], reports: usize, w: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    let files = json_files(results);
    write!(w, "{{\n  \"version\": 1,\n  \"files\": ")?;
    let mut array = ArrayWriter::new(w);
    for f in &files {
        array.item(&element(f)?)?;
    }
    array.end()?;
    write!(w, ",\n  \"diagnostics\": ")?;
    let mut array = ArrayWriter::new(w);
    for batch in results.chunks(BATCH) {
        let rendered: Vec<io::Result<String>> = batch
            .par_iter()
            .flat_map_iter(|r| {
                r.diagnostics
                    .iter()
                    .map(move |d| element(&diagnostic(results, r, d)))
            })
            .collect();
        for item in rendered {
            array.item(&item?)?;
        }
    }
    array.end()?;
    let summary = indented(&Summary::of(results, reports), "  ")?;
    write!(w, ",\n  \"summary\": {summary}\n}}\n")
}

/// The `files` entries: reports, and inputs that could not be read.
fn json_files(results: &[FileReport]) -> Vec<JsonFile<'_>> {
    results
        .iter()
        .filter(|r| r.meta.is_some() || is_input_failure(r))
        .map(|r| JsonFile {
            path: &r.source.path,
            format: r.meta.as_ref().and(r.source.format),
            encoding: r.meta.as_ref().and(r.source.encoding),
            bom: r.meta.is_some() && r.source.bom,
            pack: r
                .meta
                .as_ref()
                .and_then(|m| m.packs.first().map(String::as_str)),
            packs: r
                .meta
                .as_ref()
                .map(|m| m.packs.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            year: r.meta.as_ref().and_then(|m| m.year),
        })
        .collect()
}

/// A value pretty-printed as an element of a top-level array (depth 2).
fn element<T: Serialize>(value: &T) -> io::Result<String> {
    indented(value, "    ")
}

/// A value pretty-printed, its later lines indented by `indent` (JSON strings
/// hold no raw newline, so every newline is the formatter's).
fn indented<T: Serialize>(value: &T, indent: &str) -> io::Result<String> {
    let s = serde_json::to_string_pretty(value)?;
    Ok(s.replace('\n', &format!("\n{indent}")))
}

/// `[…]` at depth 1 in serde_json's pretty layout (`[]` when empty).
struct ArrayWriter<'w> {
    w: &'w mut dyn Write,
    first: bool,
}

impl<'w> ArrayWriter<'w> {
    fn new(w: &'w mut dyn Write) -> Self {
        ArrayWriter { w, first: true }
    }

    fn item(&mut self, rendered: &str) -> io::Result<()> {
        let sep = if self.first { "[" } else { "," };
        self.first = false;
        write!(self.w, "{sep}\n    {rendered}")
    }

    fn end(self) -> io::Result<()> {
        if self.first {
            write!(self.w, "[]")
        } else {
            write!(self.w, "\n  ]")
        }
    }
}

fn is_input_failure(r: &FileReport) -> bool {
    r.diagnostics.iter().any(|d| d.check == Check::InputError)
}

pub fn render_jsonl(results: &[FileReport], w: &mut dyn Write) -> io::Result<()> {
    for r in results {
        for d in &r.diagnostics {
            serde_json::to_writer(&mut *w, &diagnostic(results, r, d))?;
            writeln!(w)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSet;
    use crate::run::{Options, check_bytes};

    /// The document as `serde_json::to_writer_pretty` writes it in one piece.
    fn reference(results: &[FileReport], reports: usize) -> String {
        #[derive(Serialize)]
        struct Doc<'a> {
            version: u32,
            files: Vec<JsonFile<'a>>,
            diagnostics: Vec<JsonDiagnostic<'a>>,
            summary: Summary,
        }
        let files = json_files(results);
        let doc = Doc {
            version: 1,
            files,
            diagnostics: results
                .iter()
                .flat_map(|r| r.diagnostics.iter().map(move |d| diagnostic(results, r, d)))
                .collect(),
            summary: Summary::of(results, reports),
        };
        serde_json::to_string_pretty(&doc).unwrap() + "\n"
    }

    fn rendered(results: &[FileReport], reports: usize) -> String {
        let mut out = Vec::new();
        render_json(results, reports, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn batched_rendering_is_byte_for_byte_serde_pretty() {
        let rules = RuleSet::load(&[]).0;
        let seed = include_bytes!("../../examples/lingchuan-2017.txt");
        let mut results: Vec<FileReport> = (0..BATCH + 3)
            .map(|i| check_bytes(format!("r{i}.txt"), seed, &rules, &Options::default()))
            .collect();
        results.push(check_bytes(
            "empty.txt".into(),
            b"",
            &rules,
            &Options::default(),
        ));
        assert_eq!(
            rendered(&results, results.len()),
            reference(&results, results.len())
        );
        assert_eq!(rendered(&[], 0), reference(&[], 0));
        let clean = check_bytes(
            "t.txt".into(),
            "某县2017年政府信息公开工作年度报告\n".as_bytes(),
            &rules,
            &Options::default(),
        );
        let mut clean = clean;
        clean.diagnostics.clear();
        let one = [clean];
        assert_eq!(rendered(&one, 1), reference(&one, 1));
    }
}
