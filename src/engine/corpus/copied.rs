//! `copied-text`: a report copied from another. Three comparisons, one per
//! rule (`compare`): the body against the same issuer's earlier reports
//! (similarity of shingle sketches, warning above `warning-above` %, error
//! above `error-above` %); passages of the named sections identical to an
//! earlier year's (`earlier-passages`); passages identical to another
//! issuer's report (`other-issuers`). Text is compared normalised (years,
//! figures and the issuer's own names masked), boilerplate sentences left
//! out (`boilerplate`), and a passage many issuers share is common wording
//! (`common-above`), not a copy.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::passages::{age, anchor, by_hash, groups, passage, year};
use super::{Corpus, CorpusFindings, CorpusKindCheck, CorpusKindSpec};
use crate::analysis::facts::Wanted;
use crate::analysis::shingle::similarity;
use crate::diagnostic::{Label, Severity};
use crate::engine::params;

pub const KIND: CorpusKindSpec = CorpusKindSpec {
    names: &["copied-text"],
    checks: &["copied-text"],
    vars: &[
        "similarity",
        "other",
        "other-year",
        "other-issuer",
        "chars",
        "section",
    ],
    compile: |p, ctx| {
        let p: Params = params(p, ctx)?;
        Ok(Box::new(p))
    },
    cross_year: false,
};

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum Compare {
    Body,
    EarlierPassages,
    OtherIssuers,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    compare: Compare,
    /// Body: similarity (per cent) above which the rule's severity applies…
    #[serde(default = "fifty")]
    warning_above: u32,
    /// …and above which it is an error.
    #[serde(default = "ninety")]
    error_above: u32,
    /// Earlier passages: the sections compared (phrases of their headings;
    /// none: every passage).
    #[serde(default)]
    sections: Vec<String>,
    /// Passages shorter than this (normalised characters) are not compared.
    #[serde(default = "thirty")]
    min_chars: usize,
    /// Sentences holding one of these phrases are left out.
    #[serde(default)]
    boilerplate: Vec<String>,
    /// Other issuers: a passage more issuers than this share is common wording.
    #[serde(default = "three")]
    common_above: usize,
}

fn fifty() -> u32 {
    50
}
fn ninety() -> u32 {
    90
}
fn thirty() -> usize {
    30
}
fn three() -> usize {
    3
}

/// Bodies with fewer distinct shingles are too short to compare.
const MIN_SHINGLES: usize = 40;

impl CorpusKindCheck for Params {
    fn wants(&self, wanted: &mut Wanted) {
        wanted.passages_of(self.min_chars);
        for b in &self.boilerplate {
            if !wanted.boilerplate.contains(b) {
                wanted.boilerplate.push(b.clone());
            }
        }
        if !self.sections.is_empty() && !wanted.sections.contains(&self.sections) {
            wanted.sections.push(self.sections.clone());
        }
    }

    fn run(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        match self.compare {
            Compare::Body => self.body(corpus, out),
            Compare::EarlierPassages => self.earlier_passages(corpus, out),
            Compare::OtherIssuers => self.other_issuers(corpus, out),
        }
    }
}

impl Params {
    fn body(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        let hundred = Decimal::from(100);
        for r in corpus.reports {
            if r.sketch.len() < MIN_SHINGLES {
                continue;
            }
            // The most similar earlier report (the latest on a tie).
            let mut best: Option<(Decimal, &crate::analysis::facts::ReportFacts)> = None;
            for e in corpus.earlier(r) {
                if e.sketch.len() < MIN_SHINGLES {
                    continue;
                }
                let s = similarity(&r.sketch, &e.sketch);
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, e));
                }
            }
            let Some((s, e)) = best else { continue };
            let percent = (s * hundred).round();
            if percent <= Decimal::from(self.warning_above) {
                continue;
            }
            let severity = (percent > Decimal::from(self.error_above)).then_some(Severity::Error);
            let ey = year(e);
            out.emit(
                r.file,
                (anchor(r), Some(format!("{} 年报告", year(r)))),
                &[
                    ("similarity", percent.to_string()),
                    ("other", e.path.clone()),
                    ("other-year", ey.clone()),
                    ("other-issuer", e.issuer.clone().unwrap_or_default()),
                ],
                vec![Label::in_file(
                    e.file,
                    anchor(e),
                    format!("{ey} 年报告，正文相似度 {percent}%"),
                )],
                severity,
            );
        }
    }

    fn earlier_passages(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        let section = corpus.sections.iter().position(|s| *s == self.sections);
        let name = self.sections.first().cloned().unwrap_or("正文".into());
        for r in corpus.reports {
            let earlier = corpus.earlier(r);
            if earlier.is_empty() {
                continue;
            }
            for p in &r.passages {
                if (p.chars as usize) < self.min_chars
                    || (!self.sections.is_empty()
                        && (section.is_none() || p.section.map(usize::from) != section))
                {
                    continue;
                }
                let found = earlier.iter().find_map(|e| {
                    e.passages
                        .iter()
                        .find(|q| q.masked == p.masked)
                        .map(|q| (e, q))
                });
                let Some((e, q)) = found else { continue };
                let ey = year(e);
                out.emit(
                    r.file,
                    (p.span, Some(format!("{} 年报告的这段", year(r)))),
                    &[
                        ("chars", p.chars.to_string()),
                        ("other", e.path.clone()),
                        ("other-year", ey.clone()),
                        ("other-issuer", e.issuer.clone().unwrap_or_default()),
                        ("section", name.clone()),
                    ],
                    vec![Label::in_file(
                        e.file,
                        q.span,
                        format!("{ey} 年报告的同一段"),
                    )],
                    None,
                );
            }
        }
    }

    fn other_issuers(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        let index = by_hash(corpus, self.min_chars, false);
        for g in groups(&index) {
            let mut g: Vec<_> = g
                .iter()
                .filter(|e| corpus.reports[e.1].issuer.is_some())
                .collect();
            g.sort_by_key(|e| (age(&corpus.reports[e.1]), e.2));
            let mut issuers: Vec<&str> = g
                .iter()
                .filter_map(|e| corpus.reports[e.1].issuer.as_deref())
                .collect();
            issuers.sort_unstable();
            issuers.dedup();
            if issuers.len() < 2 || issuers.len() > self.common_above {
                continue;
            }
            let (src, sp) = passage(corpus, g[0]);
            for e in &g[1..] {
                let (r, p) = passage(corpus, e);
                if r.issuer == src.issuer {
                    continue;
                }
                let (sy, who) = (year(src), src.issuer.clone().unwrap_or_default());
                out.emit(
                    r.file,
                    (p.span, Some("这段文字".into())),
                    &[
                        ("chars", p.chars.to_string()),
                        ("other", src.path.clone()),
                        ("other-year", sy.clone()),
                        ("other-issuer", who.clone()),
                    ],
                    vec![Label::in_file(
                        src.file,
                        sp.span,
                        format!("「{who}」{sy} 年报告的同一段"),
                    )],
                    None,
                );
            }
        }
    }
}
