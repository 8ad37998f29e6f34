//! `--format gitlab`: GitLab Code Quality JSON, which merge requests show
//! inline: a JSON array of issues, each with `description`, `check_name`
//! (the rule), a `fingerprint` unique in the report (the baseline's key,
//! hashed, so an issue is the same one across commits), `severity` and
//! `location.path` + `location.lines.begin`.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, FileReport, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// Code Quality's severities: a file that could not be checked is
/// `critical`; errors `major`, warnings `minor`, notes `info`.
fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error if d.check.is_failure() => "critical",
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render_gitlab(results: &[FileReport], w: &mut dyn Write) -> io::Result<()> {
    // Identical findings share the baseline's key: the second and later
    // get their rank in it, so that every fingerprint is unique.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issues: Vec<Issue> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| {
            let key = crate::baseline::fingerprint_hash(results, r, d);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            let fingerprint = if *n == 1 { key } else { format!("{key}-{n}") };
            Issue {
                description: format!("{}: {}", d.rule, d.message),
                check_name: &d.rule,
                fingerprint,
                severity: severity(d),
                location: Location {
                    path: &r.source.path,
                    lines: Lines {
                        begin: r.position(d.span.start).line,
                    },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &issues)?;
    writeln!(w)
}
