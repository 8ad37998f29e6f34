//! The corpus phase is wired: checks across reports see every report's
//! facts, their findings land on the right file, and a label can point into
//! another report — kept through compaction and rendered with its path.

mod common;

use common::RULES;
use report_lint::analysis::facts::ReportFacts;
use report_lint::diagnostic::{Check, Diagnostic, Label};
use report_lint::engine::corpus::{Corpus, CorpusCheck};
use report_lint::run::{Input, Options, check_inputs, check_inputs_with};
use report_lint::source::FileId;

/// A stand-in corpus check: a report whose title is the same as an earlier
/// year's (by the facts only) gets a finding pointing at that title.
struct SameTitle;

impl CorpusCheck for SameTitle {
    fn run(&self, corpus: &Corpus<'_>, out: &mut Vec<(FileId, Diagnostic)>) {
        let key = |f: &ReportFacts| f.title.as_deref().map(|t| t.replace(char::is_numeric, ""));
        for a in corpus.reports {
            for b in corpus.reports {
                if a.year < b.year && key(a) == key(b) {
                    let mut d =
                        Diagnostic::bare(Check::Unverifiable, "test/same-title", "标题与上年相同")
                            .with_span(b.title_span.unwrap(), None);
                    d.labels
                        .push(Label::in_file(a.file, a.title_span.unwrap(), "上年标题"));
                    out.push((b.file, d));
                }
            }
        }
    }
}

fn report(year: i32) -> Input {
    Input::Stdin {
        name: format!("{year}.txt"),
        bytes: format!(
            "\n某县人民政府{year}年政府信息公开工作年度报告\n一、总体情况\n本年度情况良好。\n"
        )
        .into_bytes(),
    }
}

#[test]
fn corpus_findings_point_into_other_reports() {
    let opts = Options {
        compact: true,
        first_id: 2,
        ..Options::default()
    };
    let checks: Vec<Box<dyn CorpusCheck>> = vec![Box::new(SameTitle)];
    let results = check_inputs_with(vec![report(2023), report(2022)], &RULES, &opts, &checks);
    assert_eq!(results[0].source.id, FileId(2));
    assert_eq!(results[1].source.id, FileId(3));
    let found: Vec<_> = results[0]
        .diagnostics
        .iter()
        .filter(|d| d.rule == "test/same-title")
        .collect();
    assert_eq!(found.len(), 1, "on the later report");
    assert_eq!(found[0].labels[0].file, Some(FileId(3)));
    assert!(
        results[1]
            .diagnostics
            .iter()
            .all(|d| d.rule != "test/same-title")
    );

    // Texts were dropped; positions of both ends survived, in both files.
    // Renderers number files by their index: put two placeholders first.
    let mut all = vec![
        report_lint::diagnostic::FileReport::operational("a.toml", "", vec![]),
        report_lint::diagnostic::FileReport::operational("b.toml", "", vec![]),
    ];
    all.extend(results);
    for (i, r) in all.iter_mut().enumerate() {
        r.source.id = FileId(i as u32);
    }
    let mut json = Vec::new();
    report_lint::render::render_json(&all, 2, &mut json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "test/same-title")
        .unwrap();
    assert_eq!(d["path"], "2023.txt");
    assert_eq!(d["line"], 2);
    assert_eq!(d["labels"][0]["path"], "2022.txt");
    assert_eq!(d["labels"][0]["line"], 2);
    assert_eq!(d["labels"][0]["column"], 1);
}

#[test]
fn without_corpus_checks_no_finding_points_elsewhere() {
    // The per-file phase alone: every label is into its own file, and the
    // facts' table cells are not collected (nothing would read them).
    let r = check_inputs(
        vec![report(2023), report(2022)],
        &RULES,
        &Options::default(),
    );
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|f| {
        f.diagnostics
            .iter()
            .all(|d| d.labels.iter().all(|l| l.file.is_none()))
    }));
    assert!(
        r.iter()
            .all(|f| f.diagnostics.iter().all(|d| d.rule != "test/same-title"))
    );
}
