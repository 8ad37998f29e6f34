//! Every `report-lint` command of docs/ci.md, run on the example reports, does
//! what the page says: SARIF that parses, JUnit that parses, annotations, and
//! exit codes that fail the job only where intended; and the pre-commit
//! hook's definition (the files it is given, warnings shown).

mod common;

use common::run;

fn commands() -> Vec<Vec<String>> {
    let doc = std::fs::read_to_string(common::root().join("docs/ci.md")).unwrap();
    doc.lines()
        .filter_map(|l| {
            let l = l
                .trim()
                .trim_start_matches("- ")
                .trim_start_matches("run: ")
                .trim();
            l.strip_prefix("report-lint ").map(|rest| {
                let rest = rest.split(" > ").next().unwrap();
                rest.split_whitespace()
                    .map(|w| w.replace("reports/", "examples/"))
                    .collect()
            })
        })
        .collect()
}

#[test]
fn the_commands_of_docs_ci_work() {
    let cmds = commands();
    assert!(cmds.len() >= 6, "{cmds:?}");
    let dir = tempfile::tempdir().unwrap();
    for c in cmds {
        let mut args: Vec<String> = c.clone();
        for a in args.iter_mut() {
            if a.starts_with(".report-lint-baseline") {
                *a = dir.path().join("baseline.json").display().to_string();
            }
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&refs);
        let joined = c.join(" ");
        if joined.contains("--exit-zero")
            || joined.contains("--write-baseline")
            || joined.contains("--baseline")
        {
            assert_eq!(r.code, 0, "{joined}: {}", r.stderr);
        } else {
            assert_eq!(r.code, 1, "{joined}: the examples have errors");
        }
        if joined.contains("sarif") {
            let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            assert_eq!(v["version"], "2.1.0");
        }
        if joined.contains("junit") {
            let mut reader = quick_xml::Reader::from_str(&r.stdout);
            while !matches!(
                reader.read_event().expect("XML"),
                quick_xml::events::Event::Eof
            ) {}
        }
        if joined.contains("gitlab") {
            let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            assert!(v.as_array().is_some_and(|a| !a.is_empty()), "{joined}");
        }
        if joined.contains("github") {
            assert!(r.stdout.starts_with("::"), "{joined}");
        }
    }
}

/// The value of `key` in the hook of `.pre-commit-hooks.yaml` (one hook, one
/// `key: value` a line), unquoted.
fn hook_value(key: &str) -> Option<String> {
    let yaml = std::fs::read_to_string(common::root().join(".pre-commit-hooks.yaml")).unwrap();
    yaml.lines().find_map(|l| {
        let v = l
            .trim()
            .trim_start_matches("- ")
            .strip_prefix(key)?
            .strip_prefix(':')?;
        let v = v.trim();
        Some(
            v.strip_prefix('\'')
                .and_then(|v| v.strip_suffix('\''))
                .unwrap_or(v)
                .to_string(),
        )
    })
}

#[test]
fn the_pre_commit_hook_takes_every_format_read_and_shows_warnings() {
    let files = hook_value("files").expect("a files pattern");
    // pre-commit matches with Python's `re.search`; this pattern's syntax is
    // the same in the regex crate.
    let re = regex::Regex::new(&files).unwrap();
    for ext in report_lint::read::DEFAULT_EXTENSIONS {
        for name in [
            format!("报告.{ext}"),
            format!("dir/REPORT.{}", ext.to_uppercase()),
            format!("a.{}{}", &ext[..1].to_uppercase(), &ext[1..]),
        ] {
            assert!(re.is_match(&name), "{files} should match {name}");
        }
    }
    for name in ["a.toml", "a.pdf", "a.doc", "a.txt.bak", "a.docx~", "txt"] {
        assert!(!re.is_match(name), "{files} should not match {name}");
    }
    // A passing hook's output is hidden by pre-commit unless it is verbose:
    // a report with warnings only would show nothing.
    assert_eq!(hook_value("verbose").as_deref(), Some("true"));
    let doc = std::fs::read_to_string(common::root().join("docs/ci.md")).unwrap();
    assert!(doc.contains("verbose: true"), "docs/ci.md documents it");
}
