//! Renderers: the only code that writes findings out. One file per format;
//! each takes the sorted results and a writer.

pub mod escape;
mod excerpt;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::io::{self, Write};

use crate::diagnostic::FileReport;
use crate::diagnostic::Severity;

pub use human::render_human;
pub use json::{render_json, render_jsonl};

/// Output formats of `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Annotated source excerpts, for people.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON document (docs/output.md).
    Json,
    /// One JSON object per finding per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (and a step summary table).
    Github,
    /// JUnit XML, for GitLab and Jenkins test reports.
    Junit,
}

/// What renderers may need besides the results.
pub struct RenderCtx<'a> {
    pub color: bool,
    pub reports: usize,
    pub rules: &'a crate::engine::RuleSet,
    /// Where the github format appends its Markdown summary.
    pub step_summary: Option<std::path::PathBuf>,
    /// The lowest severity that fails the run (`--fail-on`): JUnit makes
    /// findings below it passing test cases.
    pub fail_on: Severity,
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
    pub fn of(results: &[FileReport], reports: usize) -> Summary {
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

/// The report a label of `r` points into when it is another file's (`None`:
/// `r`'s own). A run numbers its files by their index in `results`.
pub fn file_of<'a>(
    results: &'a [FileReport],
    r: &FileReport,
    file: Option<crate::source::FileId>,
) -> Option<&'a FileReport> {
    let id = file.filter(|&f| f != r.source.id)?;
    results
        .get(id.index())
        .filter(|x| x.source.id == id)
        .or_else(|| results.iter().find(|x| x.source.id == id))
}

/// Renders in `format`.
pub fn render(
    format: Format,
    results: &[FileReport],
    ctx: &RenderCtx<'_>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let reports = ctx.reports;
    match format {
        Format::Human => render_human(results, reports, ctx.color, w),
        Format::Concise => render_concise(results, reports, w),
        Format::Json => render_json(results, reports, w),
        Format::Jsonl => render_jsonl(results, w),
        Format::Sarif => sarif::render_sarif(results, ctx.rules, w),
        Format::Junit => junit::render_junit(results, ctx.fail_on, w),
        Format::Github => match &ctx.step_summary {
            Some(path) => {
                let mut f = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)?;
                github::render_github(results, reports, Some(&mut f), w)
            }
            None => github::render_github(results, reports, None, w),
        },
    }
}

/// `--statistics`: how many findings each rule has, most first.
pub fn render_statistics(
    results: &[FileReport],
    reports: usize,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<(&str, &str, Severity), usize> =
        std::collections::BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        *counts
            .entry((d.rule.as_str(), d.check.as_str(), d.severity))
            .or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((rule, check, sev), n) in rows {
        writeln!(w, "{n:>5}  {rule:<32} {check:<26} {sev}")?;
    }
    writeln!(w, "{}", Summary::of(results, reports).line())
}

fn render_concise(results: &[FileReport], reports: usize, w: &mut dyn Write) -> io::Result<()> {
    for r in results {
        for d in &r.diagnostics {
            let p = r.position(d.span.start);
            writeln!(
                w,
                "{}:{}:{}: {}[{}] {}",
                escape::line(&r.source.path),
                p.line,
                p.column,
                d.severity,
                d.rule,
                escape::line(&d.message)
            )?;
        }
    }
    writeln!(w, "{}", Summary::of(results, reports).line())
}
