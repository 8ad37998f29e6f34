//! `--format rdjson`: reviewdog's Diagnostic JSON (rdjson), for reviewdog
//! to comment on pull requests of Gitee, Gitea, GitLab or GitHub: one
//! document with the tool as `source` and every finding with its `range`
//! (lines 1-based; columns 1-based in UTF-8 bytes as rdjson counts them, for
//! a text report; for an HTML page or a Word file, characters of the page's
//! line or of the text view, which are all that is known there), `severity`,
//! the rule as `code` and its labels as `related_locations`.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{FileReport, Severity};
use crate::source::span::Span;

#[derive(Serialize)]
struct Result<'a> {
    source: Source,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: String,
    location: Location<'a>,
    severity: &'static str,
    code: Code<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// A byte offset as rdjson's line and column.
fn position(r: &FileReport, offset: usize) -> Position {
    let p = r.position(offset);
    let text = &r.source.text;
    // A text report whose text is at hand: the column in bytes of the line.
    if r.source.map.is_empty() && offset <= text.len() && text.is_char_boundary(offset) {
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        return Position {
            line: p.line,
            column: offset - start + 1,
        };
    }
    Position {
        line: p.line,
        column: p.column,
    }
}

fn location<'a>(r: &'a FileReport, span: Span) -> Location<'a> {
    Location {
        path: &r.source.path,
        range: Range {
            start: position(r, span.start),
            end: position(r, span.end),
        },
    }
}

pub fn render_rdjson(results: &[FileReport], w: &mut dyn Write) -> io::Result<()> {
    let diagnostics = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push('\n');
                message.push_str(h);
            }
            Diagnostic {
                message,
                location: location(r, d.span),
                severity: severity(d.severity),
                code: Code { value: &d.rule },
                related_locations: d
                    .labels
                    .iter()
                    .map(|l| {
                        let at = super::file_of(results, r, l.file).unwrap_or(r);
                        Related {
                            message: &l.message,
                            location: location(at, l.span),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let doc = Result {
        source: Source {
            name: "report-lint",
            url: "https://github.com/report-lint/report-lint",
        },
        diagnostics,
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
