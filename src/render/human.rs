//! The human format, for a person at a terminal: findings grouped by report,
//! each report closed by a one-line verdict (「通过」 / 「2 个错误、1 个警告」),
//! then a table of the reports that did not pass and the summary line. Every
//! line fits `Style::width` columns (`snippet` draws one finding).

use std::io::{self, Write};

use super::escape::{self, shown_str_width};
use super::snippet::{squeeze_path, write_finding};
use super::{Lang, Style, Summary};
use crate::diagnostic::{FileReport, Severity};

pub fn render_human(
    results: &[FileReport],
    reports: usize,
    style: &Style,
    quiet: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut failed: Vec<&FileReport> = Vec::new();
    for r in results {
        // Rule packs and configuration files appear only when they have
        // findings; reports always get their verdict.
        if r.diagnostics.is_empty() && (r.meta.is_none() || quiet) {
            continue;
        }
        for d in &r.diagnostics {
            write_finding(results, r, d, style, w)?;
            writeln!(w)?;
        }
        let (pass, text) = verdict(r, style.lang);
        if !pass {
            failed.push(r);
        }
        let path = escape::line(&r.source.path);
        let room = style.width.saturating_sub(shown_str_width(&text) + 4);
        let line = format!(
            "{}{}{}",
            squeeze_path(&path, room, style.ellipsis()),
            style.colon(),
            text
        );
        if style.color {
            let code = if pass { "32" } else { "1;31" };
            writeln!(w, "\x1b[{code}m{line}\x1b[0m")?;
        } else {
            writeln!(w, "{line}")?;
        }
        if !r.diagnostics.is_empty() {
            writeln!(w)?;
        }
    }
    if reports > 1 && !failed.is_empty() {
        table(&failed, reports, style, w)?;
    }
    // Too wide (tens of thousands of findings at 40 columns): the counts
    // go under the number of reports.
    let summary = Summary::of(results, reports).line_in(style.lang);
    match summary.split_once(style.colon()) {
        Some((head, counts)) if shown_str_width(&summary) > style.width => {
            writeln!(w, "{head}{}", style.colon().trim_end())?;
            for line in super::snippet::wrap(counts, style.width, "  ", "  ") {
                writeln!(w, "{line}")?;
            }
            Ok(())
        }
        _ => writeln!(w, "{summary}"),
    }
}

/// Whether a report passed (no error, no warning: notes do not fail it) and
/// its verdict: 「通过」 or 「2 个错误、1 个警告」.
pub fn verdict(r: &FileReport, lang: Lang) -> (bool, String) {
    let (e, w) = (r.count(Severity::Error), r.count(Severity::Warning));
    let text = match (lang, e, w) {
        (Lang::Zh, 0, 0) => "通过".to_string(),
        (Lang::Zh, e, 0) => format!("{e} 个错误"),
        (Lang::Zh, 0, w) => format!("{w} 个警告"),
        (Lang::Zh, e, w) => format!("{e} 个错误、{w} 个警告"),
        (Lang::En, 0, 0) => "passed".to_string(),
        (Lang::En, e, w) => {
            let n = |k: usize, one: &str| format!("{k} {one}{}", if k == 1 { "" } else { "s" });
            match (e, w) {
                (e, 0) => n(e, "error"),
                (0, w) => n(w, "warning"),
                (e, w) => format!("{}, {}", n(e, "error"), n(w, "warning")),
            }
        }
    };
    (e == 0 && w == 0, text)
}

/// The reports that did not pass: counts first, the path last (cut on the
/// left when the terminal is narrow), so the columns stay aligned.
fn table(
    failed: &[&FileReport],
    reports: usize,
    style: &Style,
    w: &mut dyn Write,
) -> io::Result<()> {
    let (title, heads) = match style.lang {
        Lang::Zh => (
            format!("未通过的报告（{} / {reports}）：", failed.len()),
            ["错误", "警告", "提示", "报告"],
        ),
        Lang::En => (
            format!("Reports that did not pass ({} of {reports}):", failed.len()),
            ["errors", "warnings", "notes", "report"],
        ),
    };
    writeln!(w, "{title}")?;
    let col = |k: usize| heads[k].len().max(shown_str_width(heads[k])).max(5);
    let cell = |s: &str, k: usize| {
        let pad = col(k).saturating_sub(shown_str_width(s));
        format!("{}{s}", " ".repeat(pad))
    };
    let used = col(0) + col(1) + col(2) + 6;
    writeln!(
        w,
        "{}  {}  {}  {}",
        cell(heads[0], 0),
        cell(heads[1], 1),
        cell(heads[2], 2),
        heads[3]
    )?;
    for r in failed {
        let path = escape::line(&r.source.path);
        writeln!(
            w,
            "{}  {}  {}  {}",
            cell(&r.count(Severity::Error).to_string(), 0),
            cell(&r.count(Severity::Warning).to_string(), 1),
            cell(&r.count(Severity::Info).to_string(), 2),
            squeeze_path(&path, style.width.saturating_sub(used), style.ellipsis())
        )?;
    }
    writeln!(w)
}
