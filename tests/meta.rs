//! Every built-in rule documents itself and proves it: an explanation (what,
//! why, a bad and a good example) and, run on those examples, it fires on the
//! bad one and stays silent on the good one.

mod common;

use common::RULES;
use report_lint::document::Document;
use report_lint::engine::run_rule;
use report_lint::explain::explain;

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
            let fired = run_rule(rule, &Document::parse(bad.to_string()));
            assert!(
                !fired.is_empty(),
                "{}: does not fire on its bad example",
                m.id
            );
            assert!(fired.iter().all(|d| d.rule == m.id && d.check == m.check));
            let quiet = run_rule(rule, &Document::parse(good.to_string()));
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
    assert!(seen >= 11, "only {seen} built-in rules");
}

#[test]
fn rule_ids_are_ascii_and_unique() {
    let mut ids: Vec<&str> = RULES
        .packs
        .iter()
        .flat_map(|p| p.rules.iter().map(|r| r.meta.id.as_str()))
        .collect();
    assert!(ids.iter().all(|id| id.is_ascii()));
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}
