//! Renderers: the only code that writes findings out. One file per format;
//! each takes the sorted results and a writer.

mod excerpt;
mod human;
mod json;

use std::io::{self, Write};

use crate::check::FileResult;
use crate::diagnostic::Severity;

pub use human::render_human;
pub use json::{render_json, render_jsonl};

/// Output formats of `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Annotated source excerpts, for people.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON document (OUTPUT.md).
    Json,
    /// One JSON object per finding per line.
    Jsonl,
}

/// Counts over all results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// Counts findings; `files` counts reports, not rule packs.
    pub fn of(results: &[FileResult], reports: usize) -> Summary {
        let mut s = Summary {
            files: reports,
            ..Summary::default()
        };
        for r in results {
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.infos += r.count(Severity::Info);
        }
        s
    }

    /// `5 files: 3 errors, 9 warnings, 4 notes`.
    pub fn line(&self) -> String {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        format!(
            "{}: {}, {}, {}",
            n(self.files, "file", "files"),
            n(self.errors, "error", "errors"),
            n(self.warnings, "warning", "warnings"),
            n(self.infos, "note", "notes"),
        )
    }
}

/// Renders in `format`. `color` applies to the human format only.
pub fn render(
    format: Format,
    results: &[FileResult],
    reports: usize,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => render_human(results, reports, color, w),
        Format::Concise => render_concise(results, reports, w),
        Format::Json => render_json(results, reports, w),
        Format::Jsonl => render_jsonl(results, w),
    }
}

fn render_concise(results: &[FileResult], reports: usize, w: &mut dyn Write) -> io::Result<()> {
    for r in results {
        for d in &r.diagnostics {
            let p = r.lines.position(&r.text, d.span.start);
            writeln!(
                w,
                "{}:{}:{}: {}[{}] {}",
                r.path, p.line, p.column, d.severity, d.rule, d.message
            )?;
        }
    }
    writeln!(w, "{}", Summary::of(results, reports).line())
}
