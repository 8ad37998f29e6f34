//! Checks across the reports of a run (this year's 上年结转 against last
//! year's 结转下年度, stock chains, copied reports, another issuer's name):
//! each corpus kind reads only the small `ReportFacts` the per-file phase
//! kept, never the reports again, and its findings may label places in other
//! files (`Label::file`). Kinds are declared in packs like the per-file ones
//! (`CORPUS_KINDS`, one file each); `Corpus` groups the reports by issuer and
//! year for them.

pub mod carry_over;
pub mod copied;
pub mod duplicate;
pub mod foreign;
pub mod passages;
pub mod stock_chain;

use std::collections::BTreeMap;

use toml::de::ValueDeserializer;

use super::CompileCtx;
use crate::analysis::facts::{ReportFacts, Wanted};
use crate::diagnostic::{Check, Diagnostic, Label, Severity};
use crate::rules::schema::fill;
use crate::rules::{FileError, RuleMeta};
use crate::source::FileId;
use crate::source::span::Span;

/// The facts of every report of a run, in file order, grouped by issuer.
pub struct Corpus<'a> {
    pub reports: &'a [ReportFacts],
    /// The words whose places the reports kept (`Wanted::words`).
    pub words: &'a [String],
    /// The sections whose passages the reports marked (`Wanted::sections`).
    pub sections: &'a [Vec<String>],
    /// Issuer name → (year, index into `reports`), sorted.
    series: BTreeMap<&'a str, Vec<(i32, usize)>>,
}

impl<'a> Corpus<'a> {
    pub fn new(reports: &'a [ReportFacts], wanted: &'a Wanted) -> Corpus<'a> {
        let mut series: BTreeMap<&str, Vec<(i32, usize)>> = BTreeMap::new();
        for (i, r) in reports.iter().enumerate() {
            if let (Some(name), Some(year)) = (r.issuer.as_deref(), r.year) {
                series.entry(name).or_default().push((year, i));
            }
        }
        series.values_mut().for_each(|v| v.sort());
        Corpus {
            reports,
            words: &wanted.words,
            sections: &wanted.sections,
            series,
        }
    }

    /// Where a report mentions `word` (one of `Wanted::words`).
    pub fn mentions<'r>(&self, r: &'r ReportFacts, word: &str) -> impl Iterator<Item = Span> + 'r {
        let k = self.words.iter().position(|w| w == word).map(|k| k as u16);
        r.mentions
            .iter()
            .filter(move |(w, _)| Some(*w) == k)
            .map(|(_, s)| *s)
    }

    /// Each issuer's reports, by year (several for a year when duplicated).
    pub fn series(&self) -> impl Iterator<Item = (&'a str, &[(i32, usize)])> {
        self.series.iter().map(|(k, v)| (*k, v.as_slice()))
    }

    /// The same issuer's report of the year before (the first in file
    /// order when two claim it).
    pub fn previous(&self, r: &ReportFacts) -> Option<&'a ReportFacts> {
        let year = r.year? - 1;
        let list = self.series.get(r.issuer.as_deref()?)?;
        list.iter()
            .find(|(y, _)| *y == year)
            .map(|(_, i)| &self.reports[*i])
    }

    /// The same issuer's reports of earlier years, latest first.
    pub fn earlier(&self, r: &ReportFacts) -> Vec<&'a ReportFacts> {
        let (Some(year), Some(name)) = (r.year, r.issuer.as_deref()) else {
            return Vec::new();
        };
        let Some(list) = self.series.get(name) else {
            return Vec::new();
        };
        list.iter()
            .rev()
            .filter(|(y, _)| *y < year)
            .map(|(_, i)| &self.reports[*i])
            .collect()
    }
}

/// A check across reports.
pub trait CorpusCheck: Send + Sync {
    /// What it reads of each report, beyond the year and issuer.
    fn wants(&self, _wanted: &mut Wanted) {}
    /// Whether it compares a report with the year before (a run without the
    /// earlier report says so once).
    fn cross_year(&self) -> bool {
        false
    }
    /// Findings, each with the file it belongs to.
    fn run(&self, corpus: &Corpus<'_>, out: &mut Vec<(FileId, Diagnostic)>);
}

/// A corpus kind's compiled rule: reads the corpus, emits through `CorpusFindings`.
pub trait CorpusKindCheck: Send + Sync {
    fn wants(&self, _wanted: &mut Wanted) {}
    fn run(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>);
}

/// Compiles one rule's own keys into a corpus check.
pub type CorpusCompileFn =
    fn(ValueDeserializer<'_>, &CompileCtx<'_>) -> Result<Box<dyn CorpusKindCheck>, FileError>;

/// A corpus kind: the names a pack's rule gives it, the checks it reports,
/// its placeholders and how to compile a rule's own keys.
pub struct CorpusKindSpec {
    pub names: &'static [&'static str],
    pub checks: &'static [&'static str],
    pub vars: &'static [&'static str],
    pub compile: CorpusCompileFn,
    /// Compares a report with the year before.
    pub cross_year: bool,
}

/// The corpus kinds.
pub const CORPUS_KINDS: &[CorpusKindSpec] = &[
    duplicate::KIND,
    carry_over::KIND,
    stock_chain::KIND,
    copied::KIND,
    foreign::KIND,
];

pub fn kind(name: &str) -> Option<&'static CorpusKindSpec> {
    CORPUS_KINDS.iter().find(|k| k.names.contains(&name))
}

/// A rule of a corpus kind, compiled from its pack.
pub struct CorpusRule {
    pub meta: RuleMeta,
    pub kind: &'static CorpusKindSpec,
    pub checker: Box<dyn CorpusKindCheck>,
}

impl std::fmt::Debug for CorpusRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusRule")
            .field("meta", &self.meta)
            .finish()
    }
}

impl CorpusCheck for CorpusRule {
    fn wants(&self, wanted: &mut Wanted) {
        self.checker.wants(wanted)
    }
    fn cross_year(&self) -> bool {
        self.kind.cross_year
    }
    fn run(&self, corpus: &Corpus<'_>, out: &mut Vec<(FileId, Diagnostic)>) {
        let mut f = CorpusFindings {
            meta: &self.meta,
            vars: self.kind.vars,
            out,
        };
        self.checker.run(corpus, &mut f);
    }
}

/// Where a running corpus rule puts its findings; fills its templates.
pub struct CorpusFindings<'a> {
    meta: &'a RuleMeta,
    vars: &'static [&'static str],
    out: &'a mut Vec<(FileId, Diagnostic)>,
}

impl CorpusFindings<'_> {
    pub fn check(&self) -> Check {
        self.meta.check
    }

    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.meta.severity
    }

    /// A finding on `file`; `severity` overrides the rule's.
    pub fn emit(
        &mut self,
        file: FileId,
        at: (Span, Option<String>),
        vars: &[(&str, String)],
        labels: Vec<Label>,
        severity: Option<Severity>,
    ) {
        debug_assert!(
            vars.iter().all(|(v, _)| self.vars.contains(v)),
            "{}: a placeholder its kind does not declare",
            self.meta.id
        );
        let mut labels = labels;
        labels.truncate(super::MAX_LABELS);
        self.out.push((
            file,
            Diagnostic {
                rule: self.meta.id.clone(),
                check: self.meta.check,
                severity: severity.unwrap_or(self.meta.severity),
                message: fill(&self.meta.message, vars),
                span: at.0,
                span_label: at.1,
                labels,
                help: self.meta.help.as_deref().map(|h| fill(h, vars)),
                fix: None,
            },
        ));
    }
}

/// Whether a report has a figure a cross-year check would compare.
fn has_figures(r: &ReportFacts) -> bool {
    r.cells
        .iter()
        .any(|c| c.value.is_some_and(|v| !v.is_zero()))
}

/// Runs every corpus check; findings sorted by file, then position.
pub fn check_corpus(corpus: &Corpus<'_>, checks: &[&dyn CorpusCheck]) -> Vec<(FileId, Diagnostic)> {
    let mut out = Vec::new();
    for c in checks {
        c.run(corpus, &mut out);
    }
    if checks.iter().any(|c| c.cross_year())
        && let Some(note) = earlier_missing(corpus)
    {
        out.push(note);
    }
    out.sort_by(|(fa, a), (fb, b)| (fa, a.sort_key()).cmp(&(fb, b.sort_key())));
    out
}

/// Once per run: the first report (by issuer, then year) whose year before
/// is not among the inputs, so cross-year checks were not made — when its
/// series has a gap before it, or when it is its issuer's only report in a
/// run of several and has figures to carry (a subset of a repository). A
/// single file is not noted (a pre-commit run would always carry the note),
/// nor the first year of a series (a repository starts somewhere).
fn earlier_missing(corpus: &Corpus<'_>) -> Option<(FileId, Diagnostic)> {
    let mut missing = Vec::new();
    let several = corpus.reports.len() > 1;
    for (_, list) in corpus.series() {
        for (k, (year, i)) in list.iter().enumerate() {
            let gap = k > 0 && list[k - 1].0 < year - 1;
            let alone = several && list.len() == 1 && has_figures(&corpus.reports[*i]);
            if gap || alone {
                missing.push((*year, *i));
            }
        }
    }
    let count = missing.len();
    let (year, i) = *missing.first()?;
    let r = &corpus.reports[i];
    let more = if count > 1 {
        format!("（本次共 {count} 份报告缺少上一年度的报告）")
    } else {
        String::new()
    };
    let mut d = Diagnostic::bare(
        Check::Unverifiable,
        "corpus/earlier-report-missing",
        format!(
            "跨年度检查需要上一年度（{}年）的报告，本次输入中没有，跨年度核对未做{more}",
            year - 1
        ),
    )
    .with_span(
        r.year_span.or(r.title_span).unwrap_or_default(),
        Some(format!("{year}年报告")),
    )
    .with_help(
        "把同一机关上一年度的报告一并检查（例如检查整个目录），即可核对上年结转、存量和重复文字",
    );
    d.severity = Severity::Info;
    Some((r.file, d))
}
