//! `--format github`: GitHub Actions workflow commands (annotations) and, when
//! `$GITHUB_STEP_SUMMARY` is set, a Markdown table of every finding appended to
//! it (GitHub shows only the first ten annotations of a step).

use std::io::{self, Write};

use super::Summary;
use crate::diagnostic::FileReport;
use crate::diagnostic::Severity;

/// GitHub keeps at most 1 MiB of a step's summary; ours stays well under.
pub const STEP_SUMMARY_BUDGET: usize = 900 << 10;

fn escape_data(s: &str) -> String {
    // Control characters escaped visibly first: a CI log is a terminal too.
    let s = super::escape::line(s);
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render_github(
    results: &[FileReport],
    reports: usize,
    summary_file: Option<&mut dyn Write>,
    w: &mut dyn Write,
) -> io::Result<()> {
    for r in results {
        for d in &r.diagnostics {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let s = r.position(d.span.start);
            let e = r.position(d.span.end);
            writeln!(
                w,
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&r.source.path),
                s.line,
                s.column,
                e.line,
                e.column,
                escape_property(&d.rule),
                escape_data(&d.message)
            )?;
        }
    }
    let summary = Summary::of(results, reports);
    writeln!(w, "{}", summary.line())?;
    if let Some(f) = summary_file {
        let mut text = format!(
            "### report-lint\n\n{}\n\n| 文件 | 位置 | 级别 | 规则 | 说明 |\n|---|---|---|---|---|\n",
            summary.line()
        );
        let total: usize = results.iter().map(|r| r.diagnostics.len()).sum();
        let mut shown = 0;
        'rows: for r in results {
            for d in &r.diagnostics {
                let p = r.position(d.span.start);
                let cell = |s: &str| super::escape::line(s).replace('|', "\\|");
                let row = format!(
                    "| {} | {}:{} | {} | `{}` | {} |\n",
                    cell(&r.source.path),
                    p.line,
                    p.column,
                    d.severity,
                    d.rule,
                    cell(&d.message)
                );
                if text.len() + row.len() > STEP_SUMMARY_BUDGET {
                    break 'rows;
                }
                text.push_str(&row);
                shown += 1;
            }
        }
        if shown < total {
            text.push_str(&format!(
                "\n另有 {} 条发现未列入摘要（GitHub 步骤摘要以 1 MiB 为限），完整结果见日志或 SARIF。\n",
                total - shown
            ));
        }
        writeln!(f, "{text}")?;
    }
    Ok(())
}
