//! Running the tool on generated reports through its CLI (one process for
//! a whole batch of files) and comparing its findings with the expected ones.

use std::process::Command;

use serde_json::Value;

use super::{Expected, Rendered};

/// One report to check and what the tool should say about it.
pub struct Job {
    pub key: String,
    pub what: String,
    pub pack: &'static str,
    pub rendered: Rendered,
    pub expected: Vec<Expected>,
}

#[derive(Debug)]
pub struct Finding {
    pub rule: String,
    pub severity: String,
    pub message: String,
    pub line: u64,
    pub spans: Vec<(usize, usize)>,
}

/// Checks the reports in one CLI run (files in a temporary directory);
/// returns each file's pack and findings.
pub fn check_all(texts: &[&str]) -> Vec<(String, Vec<Finding>)> {
    // A run that checks nothing is an error (exit 2): nothing to ask.
    if texts.is_empty() {
        return Vec::new();
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let names: Vec<String> = (0..texts.len()).map(|i| format!("r{i:05}.txt")).collect();
    for (n, t) in names.iter().zip(texts) {
        std::fs::write(dir.path().join(n), t).expect("write report");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_report-lint"))
        .args([
            "check",
            "--format",
            "json",
            "--color",
            "never",
            "--no-config",
        ])
        .args(["-j", "2"])
        .arg(dir.path())
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("run report-lint");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "report-lint failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let file_of = |p: &str| -> usize {
        let name = std::path::Path::new(p)
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name");
        names
            .iter()
            .position(|n| n == name)
            .expect("a file we wrote")
    };
    let mut result: Vec<(String, Vec<Finding>)> =
        texts.iter().map(|_| (String::new(), Vec::new())).collect();
    for f in doc["files"].as_array().expect("files") {
        let i = file_of(f["path"].as_str().expect("path"));
        result[i].0 = f["pack"].as_str().unwrap_or("").to_string();
    }
    let span = |d: &Value| -> (usize, usize) {
        (
            d["byte_start"].as_u64().unwrap_or(0) as usize,
            d["byte_end"].as_u64().unwrap_or(0) as usize,
        )
    };
    for d in doc["diagnostics"].as_array().expect("diagnostics") {
        let i = file_of(d["path"].as_str().expect("path"));
        let mut spans = vec![span(d)];
        for l in d["labels"].as_array().into_iter().flatten() {
            if l.get("path").is_none() {
                spans.push(span(l));
            }
        }
        result[i].1.push(Finding {
            rule: d["rule"].as_str().unwrap_or("").to_string(),
            severity: d["severity"].as_str().unwrap_or("").to_string(),
            message: d["message"].as_str().unwrap_or("").to_string(),
            line: d["line"].as_u64().unwrap_or(0),
            spans,
        });
    }
    result
}

fn covers(spans: &[(usize, usize)], (s, e): (usize, usize)) -> bool {
    spans
        .iter()
        .any(|&(a, b)| (a < e && s < b) || (s == e && a <= s && s <= b))
}

/// Whether the findings are exactly the expected ones (warnings and errors;
/// notes are not counted); the reason when not.
pub fn verdict(job: &Job, pack: &str, findings: &[Finding]) -> Result<(), String> {
    let prefix = job.pack;
    let want_pack = match prefix {
        "gov2021" => "gov-2021",
        "gov2019" => "gov-2019",
        _ => "gov-2008",
    };
    if pack != want_pack {
        return Err(format!("pack {pack}, want {want_pack}"));
    }
    let mut left: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == "error" || f.severity == "warning")
        // Generated reports are unrelated, many with the same title: the
        // checks across reports (tests/series.rs) are not what is measured.
        .filter(|f| !CORPUS_RULES.contains(&f.rule.as_str()))
        .collect();
    let mut missing = Vec::new();
    for e in &job.expected {
        let rule = format!("{prefix}/{}", e.rule);
        let hit = left.iter().position(|f| {
            f.rule == rule
                && e.at.is_none_or(|at| covers(&f.spans, at))
                && e.message_has.iter().all(|m| f.message.contains(m.as_str()))
        });
        match hit {
            Some(i) => {
                left.remove(i);
            }
            None => missing.push(match e.at {
                Some(at) => format!("{rule} at {:?}", &job.rendered.text[at.0..at.1.max(at.0)]),
                None => format!("{rule} naming {:?}", e.message_has),
            }),
        }
    }
    if missing.is_empty() && left.is_empty() {
        return Ok(());
    }
    let extra: Vec<String> = left
        .iter()
        .map(|f| format!("{} (line {}): {}", f.rule, f.line, f.message))
        .collect();
    Err(format!("missing {missing:?}; unexpected {extra:?}"))
}

/// Rules of corpus kinds, left out of a generated report's expectations.
const CORPUS_RULES: &[&str] = &[
    "common/duplicate-report",
    "common/carry-over",
    "common/stock-chain-2021",
    "common/stock-chain-2019",
    "common/copied-report",
    "common/copied-improvements",
    "common/copied-from-other",
    "common/foreign-name",
    "common/wrong-level",
];
