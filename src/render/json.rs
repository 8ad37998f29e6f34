//! `--format json` and `jsonl`, exactly as OUTPUT.md describes.

use std::io::{self, Write};

use serde::Serialize;

use super::Summary;
use crate::check::FileResult;
use crate::diagnostic::{Check, Diagnostic, Severity};
use crate::span::Span;

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    encoding: Option<&'a str>,
    bom: bool,
    pack: Option<&'a str>,
    packs: Vec<&'a str>,
    year: Option<i32>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
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
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
}

fn located<'a>(r: &'a FileResult, span: Span, message: &'a str) -> JsonLabel<'a> {
    let s = r.position(span.start);
    let e = r.position(span.end);
    JsonLabel {
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
        byte_start: span.start,
        byte_end: span.end,
        message,
    }
}

fn diagnostic<'a>(r: &'a FileResult, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let at = located(r, d.span, "");
    JsonDiagnostic {
        path: &r.path,
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
        labels: d
            .labels
            .iter()
            .map(|l| located(r, l.span, &l.message))
            .collect(),
        help: d.help.as_deref(),
    }
}

pub fn render_json(results: &[FileResult], reports: usize, w: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        version: u32,
        files: Vec<JsonFile<'a>>,
        diagnostics: Vec<JsonDiagnostic<'a>>,
        summary: Summary,
    }
    let files = results
        .iter()
        .filter(|r| r.meta.is_some() || is_input_failure(r))
        .map(|r| JsonFile {
            path: &r.path,
            encoding: r.meta.as_ref().map(|m| m.encoding),
            bom: r.meta.as_ref().is_some_and(|m| m.bom),
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
        .collect();
    let doc = Doc {
        version: 1,
        files,
        diagnostics: results
            .iter()
            .flat_map(|r| r.diagnostics.iter().map(move |d| diagnostic(r, d)))
            .collect(),
        summary: Summary::of(results, reports),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

fn is_input_failure(r: &FileResult) -> bool {
    r.diagnostics.iter().any(|d| d.check == Check::InputError)
}

pub fn render_jsonl(results: &[FileResult], w: &mut dyn Write) -> io::Result<()> {
    for r in results {
        for d in &r.diagnostics {
            serde_json::to_writer(&mut *w, &diagnostic(r, d))?;
            writeln!(w)?;
        }
    }
    Ok(())
}
