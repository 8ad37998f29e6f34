//! Every `report-lint` command of docs/ci.md, run on the example reports, does
//! what the page says: SARIF that parses, JUnit that parses, annotations, and
//! exit codes that fail the job only where intended.

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
        if joined.contains("github") {
            assert!(r.stdout.starts_with("::"), "{joined}");
        }
    }
}
