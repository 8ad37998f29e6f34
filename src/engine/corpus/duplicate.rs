//! `duplicate-report`: two files that claim the same issuer and year. The
//! later file (in input order) gets the finding, labelled at both titles.

use serde::Deserialize;

use super::{Corpus, CorpusFindings, CorpusKindCheck, CorpusKindSpec};
use crate::diagnostic::Label;
use crate::engine::params;

pub const KIND: CorpusKindSpec = CorpusKindSpec {
    names: &["duplicate-report"],
    checks: &["year-mismatch"],
    vars: &["issuer", "year", "other"],
    compile: |p, ctx| {
        let _: Params = params(p, ctx)?;
        Ok(Box::new(Duplicate))
    },
    cross_year: false,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {}

struct Duplicate;

impl CorpusKindCheck for Duplicate {
    fn run(&self, corpus: &Corpus<'_>, out: &mut CorpusFindings<'_>) {
        for (issuer, list) in corpus.series() {
            for (k, (year, i)) in list.iter().enumerate() {
                let Some((_, first)) = list[..k].iter().find(|(y, _)| y == year) else {
                    continue;
                };
                let (r, f) = (&corpus.reports[*i], &corpus.reports[*first]);
                let at = |x: &crate::analysis::facts::ReportFacts| {
                    x.title_span.or(x.year_span).unwrap_or_default()
                };
                out.emit(
                    r.file,
                    (at(r), Some(format!("{issuer} {year} 年"))),
                    &[
                        ("issuer", issuer.to_string()),
                        ("year", year.to_string()),
                        ("other", f.path.clone()),
                    ],
                    vec![Label::in_file(
                        f.file,
                        at(f),
                        format!("也是 {issuer} {year} 年"),
                    )],
                    None,
                );
            }
        }
    }
}
