//! Every built-in rule documents itself and proves it: an explanation (what,
//! why, a bad and a good example) and, run on those examples, it fires on the
//! bad one and stays silent on the good one.

mod common;

use common::RULES;
use report_lint::analysis::Analysis;
use report_lint::diagnostic::{Diagnostic, FileMeta, FileReport};
use report_lint::document::Document;
use report_lint::engine::corpus::CORPUS_KINDS;
use report_lint::engine::{CompiledRule, KINDS, Pack, run_rule};
use report_lint::explain::explain;
use report_lint::render::{Format, RenderCtx, Style, render};
use report_lint::run::{Input, Options, check_inputs};
use report_lint::source::SourceFile;

/// Rules whose examples need a whole statistics table are exercised on the
/// project's fixtures instead: (rule, fixture, edit making it fire or `None`
/// when the fixture fires as it is, fixture it passes on).
const FIXTURES: &[Fixture] = &[
    (
        "gov2019/t3-identity",
        SH,
        Some((
            "二、上年结转政府信息公开申请数量 | 18 |",
            "二、上年结转政府信息公开申请数量 | 19 |",
        )),
        SH,
    ),
    (
        "gov2019/t3-results",
        SH,
        Some(("（一）予以公开 | 258 |", "（一）予以公开 | 259 |")),
        SH,
    ),
    (
        "gov2019/t3-applicants",
        SH,
        Some(("| 2 | 1 | 859", "| 2 | 1 | 860")),
        SH,
    ),
    (
        "gov2019/t4-review",
        SH,
        Some(("5 |  |  | 2 | 7 |", "5 |  |  | 2 | 8 |")),
        SH,
    ),
    (
        "gov2019/t4-direct",
        SH,
        Some(("| 8 |  |  | 1 | 9 |", "| 8 |  |  | 1 | 10 |")),
        SH,
    ),
    (
        "gov2019/t4-after",
        SH,
        Some(("| 1 | 9 |  |  |  |  | ", "| 1 | 9 | 1 |  |  |  | 0")),
        SH,
    ),
    (
        "gov2019/t2-rows",
        SH,
        Some(("行政强制 | 0 | 0 | 0\n", "")),
        SH,
    ),
    (
        "gov2019/t3-rows",
        SH,
        Some(("2.重复申请 | 5 | 4 |  |  |  |  | \n", "")),
        SH,
    ),
    ("gov2019/t4-rows", SH, Some(("未经复议直接起诉", "")), SH),
    (
        "gov2019/t3-blank-total",
        SH,
        None,
        "tests/fixtures/national/clean-2021-pipes.txt",
    ),
    (
        "gov2019/t2-split",
        "tests/fixtures/national/pingtan-2022.txt",
        None,
        SH,
    ),
    (
        "gov2019/t3-split",
        "tests/fixtures/national/edit-flat-ambiguous.txt",
        None,
        SH,
    ),
    (
        "gov2019/t4-split",
        "tests/fixtures/national/edit-flat-t4.txt",
        None,
        SH,
    ),
    (
        "gov2019/text-vs-table",
        SH,
        None,
        "tests/fixtures/national/clean-2021-pipes.txt",
    ),
    (
        "gov2021/t3-identity",
        "tests/fixtures/national/edit-identity.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t3-results",
        "tests/fixtures/national/edit-results.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t3-applicants",
        "tests/fixtures/national/edit-applicants.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t4-review",
        "tests/fixtures/national/edit-t4-review.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t4-direct",
        "tests/fixtures/national/edit-t4-direct.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t4-after",
        "tests/fixtures/national/edit-t4-after.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t2-rows",
        "tests/fixtures/national/edit-missing-t2-row.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t3-rows",
        "tests/fixtures/national/edit-missing-row.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t4-rows",
        "tests/fixtures/national/edit-no-t4.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t3-blank-total",
        "tests/fixtures/national/edit-blank-total.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t2-split",
        "tests/fixtures/national/pingtan-2022.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t3-split",
        "tests/fixtures/national/edit-flat-ambiguous.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/t4-split",
        "tests/fixtures/national/edit-flat-t4.txt",
        None,
        CLEAN,
    ),
    (
        "gov2021/text-vs-table",
        "tests/fixtures/national/edit-text.txt",
        None,
        CLEAN,
    ),
];
/// (rule, fixture it fires on, edit applied first, fixture it passes on)
type Fixture = (
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
    &'static str,
);
const SH: &str = "tests/fixtures/national/shanghai-2019.txt";
const CLEAN: &str = "tests/fixtures/national/clean-2021-pipes.txt";

fn fixture(rel: &str, edit: Option<(&str, &str)>) -> Document {
    let text = std::fs::read_to_string(common::root().join(rel)).unwrap();
    let text = match edit {
        Some((from, to)) => {
            assert!(text.contains(from), "{rel}: «{from}»");
            text.replacen(from, to, 1)
        }
        None => text,
    };
    report_lint::read::plain::read(text)
}

/// How many rules the built-in packs define. Adding a rule means changing
/// this number, its docs and its snapshot together.
const BUILT_IN_RULES: usize = 89;

/// Pins a rule's wording as users see it: its findings on its bad example,
/// concise and human (`tests/snapshots/meta__rule__<id>.snap`).
fn snapshot_rule(pack: &Pack, rule: &CompiledRule, doc: &Document, fired: &[Diagnostic]) {
    let report = FileReport {
        source: SourceFile::new("bad.txt".into(), doc.text.clone()),
        meta: Some(FileMeta {
            packs: vec![pack.meta.id.clone()],
            year: doc.year.map(|y| y.year),
            issuer: None,
        }),
        diagnostics: fired.to_vec(),
    };
    let ctx = RenderCtx {
        color: false,
        // Every rule's example is drawn at 80 columns: a golden at the
        // narrowest common terminal.
        style: Style {
            width: 80,
            ..Style::default()
        },
        quiet: false,
        reports: 1,
        rules: &RULES,
        step_summary: None,
        fail_on: report_lint::diagnostic::Severity::Error,
    };
    let mut out = Vec::new();
    for format in [Format::Concise, Format::Human] {
        render(format, std::slice::from_ref(&report), &ctx, &mut out).unwrap();
        out.push(b'\n');
    }
    let name = format!("rule__{}", rule.meta.id.replace('/', "__"));
    insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
}

#[test]
fn every_builtin_rule_is_documented_and_exercised() {
    let mut seen = 0;
    for pack in RULES.packs.iter().filter(|p| p.builtin) {
        for rule in &pack.rules {
            let m = &rule.meta;
            assert!(!m.explain.what.trim().is_empty(), "{}: explain.what", m.id);
            assert!(!m.explain.why.trim().is_empty(), "{}: explain.why", m.id);
            assert!(
                m.help.as_deref().is_some_and(|h| !h.trim().is_empty()),
                "{}: help",
                m.id
            );
            assert!(m.source.is_some(), "{}: source", m.id);
            let bad = m
                .explain
                .bad
                .as_deref()
                .unwrap_or_else(|| panic!("{}: explain.bad", m.id));
            let good = m
                .explain
                .good
                .as_deref()
                .unwrap_or_else(|| panic!("{}: explain.good", m.id));
            let (bad_doc, good_doc) = match FIXTURES.iter().find(|f| f.0 == m.id) {
                Some(&(_, fires, edit, passes)) => (fixture(fires, edit), fixture(passes, None)),
                None => (
                    report_lint::read::plain::read(bad.to_string()),
                    report_lint::read::plain::read(good.to_string()),
                ),
            };
            let fired = run_rule(rule, &Analysis::new(&bad_doc, Default::default()));
            snapshot_rule(pack, rule, &bad_doc, &fired);
            assert!(
                !fired.is_empty(),
                "{}: does not fire on its bad example",
                m.id
            );
            assert!(fired.iter().all(|d| d.rule == m.id && d.check == m.check));
            let quiet = run_rule(rule, &Analysis::new(&good_doc, Default::default()));
            assert!(
                quiet.is_empty(),
                "{}: fires on its good example: {quiet:?}",
                m.id
            );
            let text = explain(pack, rule);
            for part in ["检查什么", "为什么", "错误示例", "正确示例"] {
                assert!(text.contains(part), "{}: explanation lacks {part}", m.id);
            }
            seen += 1;
        }
    }
    seen += corpus_rules_are_documented_and_exercised();
    // The exact count: a rule that silently stops loading fails here.
    assert_eq!(seen, BUILT_IN_RULES, "built-in rules");
    for (id, ..) in FIXTURES {
        assert!(
            RULES.find_rule(id).is_some(),
            "fixture for unknown rule {id}"
        );
    }
}

/// A corpus rule's example: several reports, each opened by 「===== 名称」.
fn reports_of(example: &str) -> Vec<Input> {
    example
        .split("===== ")
        .skip(1)
        .map(|part| {
            let (name, body) = part.split_once('\n').unwrap();
            Input::Stdin {
                name: name.trim().to_string(),
                bytes: body.as_bytes().to_vec(),
            }
        })
        .collect()
}

/// The rules of corpus kinds, run over their examples as a repository.
fn corpus_rules_are_documented_and_exercised() -> usize {
    let mut seen = 0;
    for pack in RULES.packs.iter().filter(|p| p.builtin) {
        for rule in &pack.corpus {
            let m = &rule.meta;
            assert!(!m.explain.what.trim().is_empty(), "{}: explain.what", m.id);
            assert!(
                m.help.is_some() && m.source.is_some(),
                "{}: help, source",
                m.id
            );
            let run = |example: &str| {
                let reports = check_inputs(reports_of(example), &RULES, &Options::default());
                assert!(
                    reports.len() >= 2,
                    "{}: an example of several reports",
                    m.id
                );
                reports
            };
            let mut bad = run(m.explain.bad.as_deref().unwrap());
            for r in &mut bad {
                r.diagnostics.retain(|d| d.rule == m.id);
            }
            assert!(
                bad.iter().any(|r| !r.diagnostics.is_empty()),
                "{}: does not fire on its bad example",
                m.id
            );
            let ctx = RenderCtx {
                color: false,
                style: Style {
                    width: 80,
                    ..Style::default()
                },
                quiet: false,
                reports: bad.len(),
                rules: &RULES,
                step_summary: None,
                fail_on: report_lint::diagnostic::Severity::Error,
            };
            let mut out = Vec::new();
            for format in [Format::Concise, Format::Human] {
                render(format, &bad, &ctx, &mut out).unwrap();
                out.push(b'\n');
            }
            let name = format!("rule__{}", m.id.replace('/', "__"));
            insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
            let good = run(m.explain.good.as_deref().unwrap());
            let quiet: Vec<_> = good
                .iter()
                .flat_map(|r| &r.diagnostics)
                .filter(|d| d.rule == m.id)
                .collect();
            assert!(
                quiet.is_empty(),
                "{}: fires on its good example: {quiet:?}",
                m.id
            );
            let text = report_lint::explain::explain_meta(pack, m);
            for part in ["检查什么", "为什么", "错误示例", "正确示例"] {
                assert!(text.contains(part), "{}: explanation lacks {part}", m.id);
            }
            seen += 1;
        }
    }
    seen
}

#[test]
fn rule_ids_are_ascii_and_unique() {
    let mut ids: Vec<&str> = RULES
        .packs
        .iter()
        .flat_map(|p| {
            p.rules
                .iter()
                .map(|r| r.meta.id.as_str())
                .chain(p.corpus.iter().map(|r| r.meta.id.as_str()))
        })
        .collect();
    assert!(ids.iter().all(|id| id.is_ascii()));
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn every_built_in_regex_compiles() {
    // Built-in packs compile their regexes on first use; a broken one would
    // only surface in a run that needs it, so compile them all here.
    let (set, errors) = report_lint::engine::RuleSet::load(&[]);
    assert!(errors.is_empty(), "{errors:?}");
    let failed = set.compile_all();
    assert!(failed.is_empty(), "{failed:?}");
}

/// The check-kinds table of docs/rule-packs.md: each kind has a row naming
/// it, every key its serde schema accepts, and every placeholder it fills.
#[test]
fn every_kind_is_documented_with_its_keys_and_placeholders() {
    let docs = std::fs::read_to_string(common::root().join("docs/rule-packs.md")).unwrap();
    let rows: Vec<&str> = docs.lines().filter(|l| l.starts_with("| ")).collect();
    let kinds = KINDS
        .iter()
        .map(|k| (k.names[0], k.checks[0], k.vars))
        .chain(
            CORPUS_KINDS
                .iter()
                .map(|k| (k.names[0], k.checks[0], k.vars)),
        );
    for (name, check, vars) in kinds {
        let row = rows
            .iter()
            .find(|r| {
                r.split('|')
                    .nth(1)
                    .is_some_and(|c| c.contains(&format!("`{name}`")))
            })
            .unwrap_or_else(|| panic!("docs/rule-packs.md has no row for kind `{name}`"));
        for var in vars {
            assert!(
                row.contains(&format!("`{{{var}}}`")) || row.contains(&format!("{{{var}}}")),
                "kind `{name}`: placeholder {{{var}}} undocumented"
            );
        }
        for key in own_keys(name, check) {
            assert!(
                row.contains(&format!("`{key}`")) || row.contains(&format!("`{key} ")),
                "kind `{name}`: key `{key}` undocumented"
            );
        }
    }
}

/// The keys a kind's schema accepts, as its unknown-key error lists them.
fn own_keys(name: &str, check: &str) -> Vec<String> {
    let pack = format!(
        "[pack]\nid = \"meta\"\ntitle = \"t\"\n\n[[rule]]\nid = \"meta/x\"\ncheck = \"{check}\"\nkind = \"{}\"\nseverity = \"info\"\nmessage = \"m\"\nexplain.what = \"w\"\nexplain.why = \"y\"\nzzz-not-a-key = 1\n",
        name
    );
    let (_, errors) =
        report_lint::engine::RuleSet::load_without_builtins(&[("meta.toml".into(), pack)]);
    let help = errors
        .iter()
        .find_map(|e| {
            e.help
                .as_deref()
                .filter(|_| e.message.contains("zzz-not-a-key"))
        })
        .unwrap_or_else(|| panic!("kind `{name}`: no unknown-key error: {errors:?}"));
    let keys = help.rsplit("可用的键：").next().unwrap();
    let common = [
        "id", "check", "kind", "severity", "message", "help", "source", "default", "explain",
    ];
    keys.split_whitespace()
        .filter(|k| !common.contains(k))
        .map(str::to_string)
        .collect()
}
