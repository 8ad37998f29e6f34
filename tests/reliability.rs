//! Issue 11: nothing breaks the run, nothing is lost, nothing gets in. Each
//! test reproduces one report of the issue (it failed before the fix).

mod common;

use common::run;

/// A pack of `n` patterns, each compiling to most of the per-regex limit.
fn heavy_pack(n: usize) -> String {
    let pats: Vec<String> = (0..n)
        .map(|i| format!("  {{ regex = '\\w{{16}}x{i}', what = \"t\" }}"))
        .collect();
    format!(
        "[pack]\nid = \"bomb\"\ntitle = \"t\"\n\n[[rule]]\nid = \"bomb/a\"\ncheck = \"conversion-artifact\"\nseverity = \"warning\"\nmessage = \"x {{what}}\"\nexplain.what = \"t\"\nexplain.why = \"t\"\npatterns = [\n{}\n]\n",
        pats.join(",\n")
    )
}

/// §2: a 40 KB pack of 1,000 patterns compiled to 3 GB; now the pack's
/// budget stops it at the pattern that crosses it, as a rule-error.
#[test]
fn a_pack_over_its_regex_budget_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("bomb.toml");
    std::fs::write(&pack, heavy_pack(1000)).unwrap();
    let r = run(&[
        "check",
        "--format",
        "concise",
        "--rules",
        pack.to_str().unwrap(),
        "examples/shanghe-2017.txt",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("rule-error"))
        .expect("a rule-error");
    assert!(line.contains("规则包的正则表达式合计超过上限"), "{line}");
    // It points at one of the patterns, not at the pack as a whole.
    let at: usize = line.split(':').nth(1).unwrap().parse().unwrap();
    assert!(at > 14, "{line}");
    // The report was still checked with the other packs.
    assert!(
        r.stdout.contains("examples/shanghe-2017.txt:"),
        "{}",
        r.stdout
    );

    // A pack of a few such patterns is within budget.
    std::fs::write(&pack, heavy_pack(5)).unwrap();
    let r = run(&[
        "check",
        "--format",
        "concise",
        "--rules",
        pack.to_str().unwrap(),
        "examples/shanghe-2017.txt",
    ]);
    assert!(!r.stdout.contains("rule-error"), "{}", r.stdout);
}

/// Defence in depth: a panic in one file's check is an `internal-error` on
/// that file (exit 2); the other files are checked and printed as usual.
#[test]
fn a_panic_in_one_file_is_an_internal_error_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("a-bad.txt");
    std::fs::write(&bad, "某县2017年政府信息公开工作年度报告\nPANIC-HERE\n").unwrap();
    let out = common::bin()
        .env("REPORT_LINT_INJECT_PANIC", "PANIC-HERE")
        .args([
            "check",
            "--format",
            "concise",
            bad.to_str().unwrap(),
            "examples/shanghe-2017.txt",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    let line = stdout
        .lines()
        .find(|l| l.contains("internal-error"))
        .expect("internal-error");
    assert!(line.starts_with(bad.to_str().unwrap()), "{line}");
    assert!(line.contains("程序内部出错"), "{line}");
    assert!(
        stdout.contains("examples/shanghe-2017.txt:26:264: warning[common/percent]"),
        "{stdout}"
    );
    // JSON too: the other file's findings and the error, one document.
    let out = common::bin()
        .env("REPORT_LINT_INJECT_PANIC", "PANIC-HERE")
        .args([
            "check",
            "--format",
            "json",
            bad.to_str().unwrap(),
            "examples/shanghe-2017.txt",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"internal-error") && rules.contains(&"common/percent"));
}
