//! The human format: one ariadne report per finding, over an excerpt of the
//! involved lines, with the true `path:line:column` in its header, then a
//! summary line.

use std::io::{self, Write};
use std::sync::LazyLock;

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};
use regex::Regex;

use super::Summary;
use super::escape;
use super::excerpt::Excerpt;
use crate::diagnostic::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

/// ariadne prints `<source id>:<line>:<col>` computed on the excerpt; the
/// renderer names the source with this marker and writes the true place there.
const MARK: &str = "\u{2063}@";
/// ariadne colours custom report kinds even with colour off.
static ANSI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("\x1b\\[[0-9;]*m").expect("static regex"));
static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{MARK}:[0-9?]+:[0-9?]+")).expect("static regex"));

pub fn render_human(
    results: &[FileReport],
    reports: usize,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    for r in results {
        for d in &r.diagnostics {
            write_one(results, r, d, color, w)?;
        }
    }
    writeln!(w, "{}", Summary::of(results, reports).line())
}

fn write_one(
    results: &[FileReport],
    r: &FileReport,
    d: &Diagnostic,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    // Labels into other reports (a finding across reports) are notes with
    // their file's place; the excerpt shows this file only.
    let elsewhere: Vec<String> = d
        .labels
        .iter()
        .filter_map(|l| {
            let other = super::file_of(results, r, l.file)?;
            let p = other.position(l.span.start);
            Some(format!(
                "{}:{}:{}: {}",
                escape::line(&other.source.path),
                p.line,
                p.column,
                escape::line(&l.message)
            ))
        })
        .collect();
    let here: Vec<&crate::diagnostic::Label> = d
        .labels
        .iter()
        .filter(|l| l.file.is_none_or(|f| f == r.source.id))
        .collect();
    let (kind, paint) = match d.severity {
        Severity::Error => (ReportKind::Error, Color::Red),
        Severity::Warning => (ReportKind::Warning, Color::Yellow),
        Severity::Info => (ReportKind::Custom("info", Color::Cyan), Color::Cyan),
    };
    if r.source.text.is_empty() {
        // Nothing to point into: an unreadable file or a pack without text.
        writeln!(
            w,
            "{}[{}]: {}: {}",
            d.severity,
            d.rule,
            escape::line(&r.source.path),
            escape::line(&d.message)
        )?;
        for e in &elsewhere {
            writeln!(w, "  = {e}")?;
        }
        if let Some(h) = &d.help {
            writeln!(w, "  help: {}", escape::line(h))?;
        }
        return writeln!(w);
    }
    let mut spans = vec![d.span];
    spans.extend(here.iter().map(|l| l.span));
    let ex = Excerpt::new(&r.source.text, &r.source.lines, &spans);
    // What is shown is escaped; spans move with it.
    let safe = escape::Text::new(&ex.text);
    let at = |s: Span| {
        let m = ex.map(s);
        safe.map(m.start)..safe.map(m.end)
    };
    let id = MARK.to_string();
    let primary = at(d.span);
    let mut labels = vec![
        Label::new((id.clone(), primary.clone()))
            .with_message(escape::line(d.span_label.as_deref().unwrap_or_default()))
            .with_color(paint)
            .with_order(-1),
    ];
    labels.extend(here.iter().enumerate().map(|(i, l)| {
        Label::new((id.clone(), at(l.span)))
            .with_message(escape::line(&l.message))
            .with_color(Color::Blue)
            .with_order(i as i32)
    }));
    let mut report = Report::build(kind, (id.clone(), primary))
        .with_code(&d.rule)
        .with_message(escape::line(&d.message))
        .with_config(
            Config::default()
                .with_color(color)
                .with_index_type(IndexType::Byte),
        )
        .with_labels(labels);
    for e in elsewhere {
        report = report.with_note(e);
    }
    if let Some(h) = &d.help {
        report = report.with_help(escape::line(h));
    }
    let mut buf = Vec::new();
    report
        .finish()
        .write((id, Source::from(safe.text.as_str())), &mut buf)?;
    let out = String::from_utf8_lossy(&buf);
    let p = r.position(d.span.start);
    let path = escape::line(&r.source.path);
    let place = match r.place(d.span.start) {
        Some(where_) => format!("{path}:{}:{}（{}）", p.line, p.column, where_.describe()),
        None => format!("{path}:{}:{}", p.line, p.column),
    };
    // The first header is the finding's place; later groups name the file only
    // (their columns would be excerpt columns).
    let out = HEADER.replace(&out, regex::NoExpand(&place));
    let out = HEADER.replace_all(&out, regex::NoExpand(&path));
    let out = if color {
        out
    } else {
        ANSI.replace_all(&out, "")
    };
    w.write_all(out.as_bytes())?;
    writeln!(w)
}
