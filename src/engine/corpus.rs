//! Checks across the reports of a run (this year's 上年结转 against last
//! year's 结转下年度, copied reports): each corpus kind reads only the small
//! `ReportFacts` the per-file phase kept, never the reports again, and its
//! findings may label places in other files (`Label::file`).
//!
//! The phase is wired and runs in the pipeline; no pack declares a corpus
//! kind yet.

use crate::analysis::facts::ReportFacts;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// The facts of every report of a run, in file order.
pub struct Corpus<'a> {
    pub reports: &'a [ReportFacts],
}

/// A check across reports.
pub trait CorpusCheck: Send + Sync {
    /// Findings, each with the file it belongs to.
    fn run(&self, corpus: &Corpus<'_>, out: &mut Vec<(FileId, Diagnostic)>);
}

/// A corpus kind: the name a pack's rule gives it and how to build it.
pub struct CorpusKindSpec {
    pub name: &'static str,
    pub make: fn() -> Box<dyn CorpusCheck>,
}

/// The corpus kinds (none yet: the repository issue adds them).
pub const CORPUS_KINDS: &[CorpusKindSpec] = &[];

/// Runs every corpus check; findings sorted by file, then position.
pub fn check_corpus(
    corpus: &Corpus<'_>,
    checks: &[Box<dyn CorpusCheck>],
) -> Vec<(FileId, Diagnostic)> {
    let mut out = Vec::new();
    for c in checks {
        c.run(corpus, &mut out);
    }
    out.sort_by(|(fa, a), (fb, b)| (fa, a.sort_key()).cmp(&(fb, b.sort_key())));
    out
}
