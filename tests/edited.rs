//! The seed reports with one figure edited, as the project's own fixtures:
//! each edit is caught at its line, and the unedited text is clean of it.

mod common;

use common::{check_text, found, run_with_stdin};

fn seed(name: &str) -> String {
    std::fs::read_to_string(common::root().join("examples").join(name)).unwrap()
}

/// Replaces exactly one occurrence, so an edit cannot silently miss.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

fn lines_of(text: &str, check: &str) -> Vec<usize> {
    found(&check_text(text))
        .into_iter()
        .filter(|(c, _)| c == check)
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn a_part_changed_breaks_a_complete_breakdown() {
    let original = seed("lianshui-2017.txt");
    assert_eq!(lines_of(&original, "sum-mismatch"), Vec::<usize>::new());
    let edited = edit(
        &original,
        "通过其他途径公开数量为876条",
        "通过其他途径公开数量为867条",
    );
    let r = check_text(&edited);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.check.as_str() == "sum-mismatch")
        .expect("caught");
    assert_eq!(
        d.message,
        "分项合计 10802 条，与总数 10811 条不符（差 9 条）"
    );
    assert_eq!(lines_of(&edited, "sum-mismatch"), [17]);
    assert_eq!(d.labels.len(), 4);
}

#[test]
fn a_total_after_its_parts() {
    let original = seed("lianshui-2017.txt");
    let rewritten = edit(
        &original,
        "全县主动公开信息共10811条。其中，通过政府网站公开数量为4993条，通过政务微博发布政府信息520条，通过政务微信发布政府信息4422条，通过其他途径公开数量为876条。",
        "通过政府网站公开数量为4993条，通过政务微博发布政府信息520条，通过政务微信发布政府信息4422条，通过其他途径公开数量为876条，合计10811条。",
    );
    assert_eq!(
        lines_of(&rewritten, "sum-mismatch"),
        Vec::<usize>::new(),
        "still adds up"
    );
    let wrong = edit(&rewritten, "合计10811条", "合计10911条");
    assert_eq!(lines_of(&wrong, "sum-mismatch"), [17]);
    let r = check_text(&wrong);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.message == "分项合计 10811 条，与总数 10911 条不符（差 100 条）")
    );
}

#[test]
fn received_and_answered_in_chinese_numerals() {
    let original = seed("lianshui-2017.txt");
    assert_eq!(lines_of(&original, "value-mismatch"), Vec::<usize>::new());
    let same = edit(
        &original,
        "收到依申请公开事项3件，回复3件",
        "收到依申请公开事项三件，回复三件",
    );
    assert_eq!(lines_of(&same, "value-mismatch"), Vec::<usize>::new());
    let differ = edit(
        &original,
        "收到依申请公开事项3件，回复3件",
        "收到依申请公开事项五件，回复两件",
    );
    assert_eq!(lines_of(&differ, "value-mismatch"), [32]);
    let r = check_text(&differ);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.message == "收到申请 5 件，答复 2 件，两者不符（差 3 件）")
    );
}

#[test]
fn a_wrong_percentage() {
    let original = seed("shanghe-2017.txt");
    assert_eq!(
        lines_of(&original, "percent-mismatch"),
        [26],
        "only the real 1.5 %"
    );
    let edited = edit(&original, "占3.3%", "占3.8%");
    let r = check_text(&edited);
    let shown: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.check.as_str() == "percent-mismatch")
        .map(|d| &r.source.text[d.span.range()])
        .collect();
    assert_eq!(shown, ["1.5%", "3.8%"]);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.message == "占比写作 3.8%，按 394 ÷ 11946 计算应为 3.30%")
    );
    // a rate: 办结率 off by more than its precision
    let rate = edit(&seed("lingchuan-2017.txt"), "办结率99.8%", "办结率98.8%");
    assert_eq!(lines_of(&rate, "percent-mismatch"), [35]);
}

#[test]
fn a_user_pack_adds_a_breakdown_in_toml() {
    let text = "某市2017年政府信息公开工作年度报告\n一、其他需要报告的事项\n2017年，我市共办理建议提案75件，包括人大代表建议32件，政协委员提案41件。\n";
    let r = run_with_stdin(
        &[
            "check",
            "--format",
            "concise",
            "--rules",
            "tests/fixtures/packs/user-breakdown.toml",
            "-",
        ],
        Some(text.as_bytes()),
    );
    assert!(
        r.stdout.contains("<stdin>:3:16: error[province/proposals-sum] 建议提案分项合计 73 件，与总数 75 件不符（差 2 件）"),
        "{}",
        r.stdout
    );
    let fixed = text.replace("75件", "73件");
    let r = run_with_stdin(
        &[
            "check",
            "--format",
            "concise",
            "--rules",
            "tests/fixtures/packs/user-breakdown.toml",
            "-",
        ],
        Some(fixed.as_bytes()),
    );
    assert!(!r.stdout.contains("province/proposals-sum"), "{}", r.stdout);
}
