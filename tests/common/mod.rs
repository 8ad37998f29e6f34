//! Helpers shared by the integration tests: running the binary from the
//! project root, and checking a fixture through the library.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::LazyLock;

use report_lint::diagnostic::FileReport;
use report_lint::engine::RuleSet;
use report_lint::run::{Options, check_bytes};

pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let (set, errors) = RuleSet::load(&[]);
    assert!(errors.is_empty(), "built-in packs must load: {errors:?}");
    set
});

/// The project root; tests refer to files relative to it, as users do.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_report-lint"));
    c.current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        // The human output fits COLUMNS; tests pin their width.
        .env_remove("COLUMNS");
    c
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Run {
    run_with_stdin(args, None)
}

/// The binary run with `COLUMNS` set: output fitted to that many columns.
pub fn run_at(columns: usize, args: &[&str]) -> Run {
    let out = bin()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run report-lint");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

pub fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = bin();
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn report-lint");
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// Checks a file of the project with the built-in packs.
pub fn check_file(rel: &str) -> FileReport {
    let bytes = std::fs::read(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    check_bytes(rel.to_string(), &bytes, &RULES, &Options::default())
}

/// Checks text with the built-in packs.
pub fn check_text(text: &str) -> FileReport {
    check_bytes(
        "test.txt".into(),
        text.as_bytes(),
        &RULES,
        &Options::default(),
    )
}

/// `(check, line)` of every finding, in output order.
pub fn found(r: &FileReport) -> Vec<(String, usize)> {
    r.diagnostics
        .iter()
        .map(|d| {
            (
                d.check.to_string(),
                r.source.lines.position(&r.source.text, d.span.start).line,
            )
        })
        .collect()
}

/// `(rule, line)` of every finding.
pub fn found_rules(r: &FileReport) -> Vec<(String, usize)> {
    r.diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.clone(),
                r.source.lines.position(&r.source.text, d.span.start).line,
            )
        })
        .collect()
}

pub fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stdout))
}
