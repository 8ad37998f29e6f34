//! The passages of a run grouped by hash, and where a report is named, for
//! the copied-text and foreign-entity kinds: every kept passage once, sorted
//! by hash then report order, so groups of equal passages come out in a
//! deterministic order without a hash map.

use super::Corpus;
use crate::analysis::facts::{Passage, ReportFacts};
use crate::source::span::Span;

/// (hash, report index, passage index).
pub type Entry = (u64, usize, usize);

/// Every passage of at least `min_chars`, by its masked hash (names of the
/// issuer masked) or its raw hash (figures only masked).
pub fn by_hash(corpus: &Corpus<'_>, min_chars: usize, raw: bool) -> Vec<Entry> {
    let mut v: Vec<Entry> = corpus
        .reports
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.passages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.chars as usize >= min_chars)
                .map(move |(k, p)| (if raw { p.raw } else { p.masked }, i, k))
        })
        .collect();
    v.sort_unstable();
    v
}

/// Runs of equal hashes with more than one passage.
pub fn groups(v: &[Entry]) -> impl Iterator<Item = &[Entry]> {
    v.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1)
}

/// The passage an entry names.
pub fn passage<'a>(corpus: &Corpus<'a>, e: &Entry) -> (&'a ReportFacts, &'a Passage) {
    let r = &corpus.reports[e.1];
    (r, &r.passages[e.2])
}

/// Where a finding on the whole report is put: its title, else its year.
pub fn anchor(r: &ReportFacts) -> Span {
    r.title_span
        .or(r.year_span)
        .or(r.passages.first().map(|p| p.span))
        .unwrap_or_default()
}

/// The order in which a passage is taken as the original: earlier year,
/// then input order.
pub fn age(r: &ReportFacts) -> (i32, u32) {
    (r.year.unwrap_or(i32::MAX), r.file.0)
}

/// A report's year as written in a message (「2022」, or 「未知」).
pub fn year(r: &ReportFacts) -> String {
    r.year.map_or_else(|| "未知".to_string(), |y| y.to_string())
}
