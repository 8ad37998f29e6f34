//! `foreign-entity`: words of another issuer in a report. `look-for =
//! "names"`: a passage identical (figures masked) to another issuer's where
//! that issuer's own name stands, and the report's issuer's name does not —
//! copied with the name left in. `look-for = "level-words"`: a government's
//! report calling itself by another tier's word (「我市」 in a district's),
//! worse inside a passage another report has too. Precision first: a word
//! that may quote the tier above (「全市」「按照市里部署」) is not listed.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::passages::{age, by_hash, groups, passage, year};
use super::{Corpus, CorpusFindings, CorpusKindCheck, CorpusKindSpec};
use crate::analysis::facts::Wanted;
use crate::analysis::issuer::tier;
use crate::diagnostic::Label;
use crate::engine::params;

pub const KIND: CorpusKindSpec = CorpusKindSpec {
    names: &["foreign-entity"],
    checks: &["foreign-entity"],
    vars: &["name", "other", "other-year", "word", "count", "why"],
    compile: |p, ctx| {
        let p: Params = params(p, ctx)?;
        Ok(Box::new(p))
    },
    cross_year: false,
};

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum LookFor {
    Names,
    LevelWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    look_for: LookFor,
    /// Level words: per tier (`city`, `county`, `district`), the words a
    /// report of that tier should not call itself by.
    #[serde(default)]
    level_words: BTreeMap<String, Vec<String>>,
    /// Passages shorter than this (normalised characters) are not compared.
    #[serde(default = "thirty")]
    min_chars: usize,
}

fn thirty() -> usize {
    30
}

impl CorpusKindCheck for Params {
    fn wants(&self, wanted: &mut Wanted) {
        wanted.passages_of(self.min_chars);
        for w in self.level_words.values().flatten() {
            wanted.word(w);
        }
    }

    fn run(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        match self.look_for {
            LookFor::Names => self.names(corpus, out),
            LookFor::LevelWords => self.level_words(corpus, out),
        }
    }
}

impl Params {
    fn names(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        let index = by_hash(corpus, self.min_chars, true);
        for g in groups(&index) {
            // Owners: passages holding their own issuer's name.
            let mut owners: Vec<_> = g
                .iter()
                .filter(|e| {
                    let (r, p) = passage(corpus, e);
                    r.issuer.is_some() && p.masked != p.raw
                })
                .collect();
            owners.sort_by_key(|e| (age(&corpus.reports[e.1]), e.2));
            let Some(owner) = owners.first() else {
                continue;
            };
            let (src, sp) = passage(corpus, owner);
            // The name as the passage writes it (「甲县」 for 甲县人民政府).
            let who = sp
                .name
                .and_then(|k| src.own_names().get(usize::from(k)).cloned())
                .or_else(|| src.issuer.clone())
                .unwrap_or_default();
            for e in g {
                let (r, p) = passage(corpus, e);
                // Another issuer, whose own name the passage does not hold.
                if r.issuer.is_none() || r.issuer == src.issuer || p.masked != p.raw {
                    continue;
                }
                let sy = year(src);
                out.emit(
                    r.file,
                    (p.span, Some(format!("写着「{who}」"))),
                    &[
                        ("name", who.clone()),
                        ("other", src.path.clone()),
                        ("other-year", sy.clone()),
                    ],
                    vec![Label::in_file(
                        src.file,
                        sp.span,
                        format!("{} {sy} 年报告的同一段", src.path),
                    )],
                    None,
                );
            }
        }
    }

    fn level_words(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        let index = by_hash(corpus, self.min_chars, true);
        for (ri, r) in corpus.reports.iter().enumerate() {
            let Some(name) = r.issuer.as_deref() else {
                continue;
            };
            let Some(words) = tier(name).and_then(|t| self.level_words.get(t)) else {
                continue;
            };
            for w in words {
                let at: Vec<_> = corpus.mentions(r, w).collect();
                let Some(first) = at.first() else { continue };
                let mut labels: Vec<Label> = at[1..]
                    .iter()
                    .map(|s| Label::new(*s, format!("又一处「{w}」")))
                    .collect();
                // Inside a passage another report has too: say whose.
                let mut why = String::new();
                let shared = r
                    .passages
                    .iter()
                    .filter(|p| p.span.start <= first.start && first.end <= p.span.end)
                    .find_map(|p| {
                        let k = index.partition_point(|e| e.0 < p.raw);
                        index[k..]
                            .iter()
                            .take_while(|e| e.0 == p.raw)
                            .find(|e| e.1 != ri)
                    });
                if let Some(e) = shared {
                    let (o, q) = passage(corpus, e);
                    let oy = year(o);
                    why = format!("；所在段落与 {}（{oy} 年）的一段相同，可能照抄", o.path);
                    labels.insert(
                        0,
                        Label::in_file(o.file, q.span, format!("{} {oy} 年报告的同一段", o.path)),
                    );
                }
                out.emit(
                    r.file,
                    (*first, Some(format!("「{w}」"))),
                    &[
                        ("name", name.to_string()),
                        ("word", w.clone()),
                        ("count", at.len().to_string()),
                        ("why", why),
                    ],
                    labels,
                    None,
                );
            }
        }
    }
}
