//! The human format: one ariadne report per finding, over an excerpt of the
//! involved lines, with the true `path:line:column` in its header, then a
//! summary line.

use std::io::{self, Write};
use std::sync::LazyLock;

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};
use regex::Regex;

use super::Summary;
use super::excerpt::Excerpt;
use crate::diagnostic::FileReport;
use crate::diagnostic::{Diagnostic, Severity};

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
            write_one(r, d, color, w)?;
        }
    }
    writeln!(w, "{}", Summary::of(results, reports).line())
}

fn write_one(r: &FileReport, d: &Diagnostic, color: bool, w: &mut dyn Write) -> io::Result<()> {
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
            d.severity, d.rule, r.source.path, d.message
        )?;
        if let Some(h) = &d.help {
            writeln!(w, "  help: {h}")?;
        }
        return writeln!(w);
    }
    let mut spans = vec![d.span];
    spans.extend(d.labels.iter().map(|l| l.span));
    let ex = Excerpt::new(&r.source.text, &r.source.lines, &spans);
    let id = MARK.to_string();
    let primary = ex.map(d.span);
    let mut labels = vec![
        Label::new((id.clone(), primary.range()))
            .with_message(d.span_label.clone().unwrap_or_default())
            .with_color(paint)
            .with_order(-1),
    ];
    labels.extend(d.labels.iter().enumerate().map(|(i, l)| {
        Label::new((id.clone(), ex.map(l.span).range()))
            .with_message(&l.message)
            .with_color(Color::Blue)
            .with_order(i as i32)
    }));
    let mut report = Report::build(kind, (id.clone(), primary.range()))
        .with_code(&d.rule)
        .with_message(&d.message)
        .with_config(
            Config::default()
                .with_color(color)
                .with_index_type(IndexType::Byte),
        )
        .with_labels(labels);
    if let Some(h) = &d.help {
        report = report.with_help(h);
    }
    let mut buf = Vec::new();
    report
        .finish()
        .write((id, Source::from(ex.text.as_str())), &mut buf)?;
    let out = String::from_utf8_lossy(&buf);
    let p = r.source.lines.position(&r.source.text, d.span.start);
    let place = format!("{}:{}:{}", r.source.path, p.line, p.column);
    // The first header is the finding's place; later groups name the file only
    // (their columns would be excerpt columns).
    let out = HEADER.replace(&out, regex::NoExpand(&place));
    let out = HEADER.replace_all(&out, regex::NoExpand(&r.source.path));
    let out = if color {
        out
    } else {
        ANSI.replace_all(&out, "")
    };
    w.write_all(out.as_bytes())?;
    writeln!(w)
}
