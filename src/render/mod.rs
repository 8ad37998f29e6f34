//! Renderers: the only code that writes findings out. One file per format;
//! each takes the sorted results and a writer.

mod csv;
pub mod escape;
mod excerpt;
mod github;
mod gitlab;
mod html;
mod human;
mod json;
mod junit;
mod rdjson;
mod sarif;
mod snippet;

use std::io::{self, Write};

use crate::diagnostic::FileReport;
use crate::diagnostic::Severity;

pub use excerpt::fit;
pub use human::render_human;
pub use json::{render_json, render_jsonl};
pub use snippet::wrap;

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
    /// One CSV row per report: path, issuer, year, pack, counts, top rules.
    Csv,
    /// GitLab Code Quality JSON, shown inline in merge requests.
    Gitlab,
    /// reviewdog's Diagnostic JSON (rdjson), with ranges.
    Rdjson,
    /// One self-contained web page for people: a summary table, each report's
    /// text with its findings marked in place, filters.
    Html,
}

/// The language of the frame around the messages (severity names, help,
/// verdicts, the summary); messages themselves are Chinese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// How the human format draws: width in columns, colour, ASCII-only
/// drawing (for consoles that draw box characters double-width), language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub width: usize,
    pub color: bool,
    pub ascii: bool,
    pub lang: Lang,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 100,
            color: false,
            ascii: false,
            lang: Lang::Zh,
        }
    }
}

impl Style {
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "..." } else { "…" }
    }
    pub fn bar(&self) -> &'static str {
        if self.ascii { "|" } else { "│" }
    }
    pub fn colon(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }
    /// The word in the style's language.
    pub fn word(&self, zh: &'static str, en: &'static str) -> &'static str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    pub fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => self.word("错误", "error"),
            Severity::Warning => self.word("警告", "warning"),
            Severity::Info => self.word("提示", "info"),
        }
    }
}

/// What renderers may need besides the results.
pub struct RenderCtx<'a> {
    pub color: bool,
    /// The human format's drawing; its language also frames the summary
    /// line of the concise format and `--statistics`.
    pub style: Style,
    /// `-q`: no verdict lines for reports that passed.
    pub quiet: bool,
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

    /// 「共 5 份报告：3 个错误、9 个警告、4 个提示」, or `line()` in English.
    pub fn line_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "共 {} 份报告：{} 个错误、{} 个警告、{} 个提示",
                self.files, self.errors, self.warnings, self.infos
            ),
            Lang::En => self.line(),
        }
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
        Format::Human => render_human(results, reports, &ctx.style, ctx.quiet, w),
        Format::Concise => render_concise(results, reports, ctx.style.lang, w),
        Format::Json => render_json(results, reports, w),
        Format::Jsonl => render_jsonl(results, w),
        Format::Sarif => sarif::render_sarif(results, ctx.rules, w),
        Format::Junit => junit::render_junit(results, ctx.fail_on, w),
        Format::Csv => csv::render_csv(results, w),
        Format::Gitlab => gitlab::render_gitlab(results, w),
        Format::Rdjson => rdjson::render_rdjson(results, w),
        Format::Html => html::render_html(results, reports, w),
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

/// `--statistics`: how many findings each rule has, most first (ties by
/// rule). As JSON for `--format json`/`jsonl` (`{"version": 1, "rules":
/// [{"rule", "check", "severity", "count"}], "summary"}`), as CSV for
/// `--format csv`, else an aligned table and the summary line.
pub fn render_statistics(
    format: Format,
    results: &[FileReport],
    reports: usize,
    lang: Lang,
    w: &mut dyn Write,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Row<'a> {
        rule: &'a str,
        check: &'a str,
        severity: Severity,
        count: usize,
    }
    let mut counts: std::collections::BTreeMap<(&str, &str, Severity), usize> =
        std::collections::BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        *counts
            .entry((d.rule.as_str(), d.check.as_str(), d.severity))
            .or_default() += 1;
    }
    let mut rows: Vec<Row> = counts
        .into_iter()
        .map(|((rule, check, severity), count)| Row {
            rule,
            check,
            severity,
            count,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then((a.rule, a.check, a.severity).cmp(&(b.rule, b.check, b.severity)))
    });
    let summary = Summary::of(results, reports);
    match format {
        Format::Json | Format::Jsonl => {
            #[derive(serde::Serialize)]
            struct Doc<'a> {
                version: u32,
                rules: &'a [Row<'a>],
                summary: Summary,
            }
            let doc = Doc {
                version: 1,
                rules: &rows,
                summary,
            };
            serde_json::to_writer_pretty(&mut *w, &doc)?;
            writeln!(w)
        }
        Format::Csv => {
            let mut out = ::csv::Writer::from_writer(w);
            out.write_record(["count", "rule", "check", "severity"])?;
            for r in &rows {
                out.write_record([&r.count.to_string(), r.rule, r.check, r.severity.as_str()])?;
            }
            out.flush()
        }
        _ => {
            let width =
                |f: fn(&Row) -> usize, min: usize| rows.iter().map(f).max().unwrap_or(0).max(min);
            let (n, rule, check) = (
                width(|r| r.count.to_string().len(), 5),
                width(|r| r.rule.len(), 0),
                width(|r| r.check.len(), 0),
            );
            for r in &rows {
                writeln!(
                    w,
                    "{:>n$}  {:<rule$}  {:<check$}  {}",
                    r.count, r.rule, r.check, r.severity
                )?;
            }
            writeln!(w, "{}", summary.line_in(lang))
        }
    }
}

fn render_concise(
    results: &[FileReport],
    reports: usize,
    lang: Lang,
    w: &mut dyn Write,
) -> io::Result<()> {
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
    writeln!(w, "{}", Summary::of(results, reports).line_in(lang))
}
