//! Baselines: today's findings recorded so that adopting report-lint on a
//! repository of old reports shows only new ones. A finding is recorded by its
//! path, rule and the text around its span (not its line), so edits elsewhere
//! in the file keep it matched; identical findings are counted.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::FileReport;
use crate::source::text::is_space;

/// Characters of context on each side of the span in a fingerprint.
const CONTEXT: usize = 10;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    /// The span's text with some text around it, blanks removed.
    pub context: String,
    /// How many findings share this fingerprint.
    pub count: usize,
}

/// The text a finding is recognised by.
pub fn fingerprint(text: &str, d: &Diagnostic) -> String {
    let before: String = text[..d.span.start.min(text.len())]
        .chars()
        .rev()
        .take(CONTEXT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let inner = text.get(d.span.range()).unwrap_or("");
    let after: String = text[d.span.end.min(text.len())..]
        .chars()
        .take(CONTEXT)
        .collect();
    format!("{before}‹{inner}›{after}")
        .chars()
        .filter(|c| !is_space(*c))
        .collect::<String>()
        + "|"
        + &d.message
}

/// The other reports a finding labels: their paths and what the labels say
/// (empty for a finding within one report).
fn elsewhere(results: &[FileReport], r: &FileReport, d: &Diagnostic) -> String {
    let mut out = String::new();
    for l in &d.labels {
        let Some(id) = l.file.filter(|&f| f != r.source.id) else {
            continue;
        };
        let path = results
            .iter()
            .find(|x| x.source.id == id)
            .map_or("?", |x| x.source.path.as_str());
        out.push_str(&format!("|{path}:{}", l.message));
    }
    out
}

/// What a baseline recognises a finding by: its report's path, its rule,
/// the text around its span and the other reports it labels. Edits elsewhere
/// in the report leave it unchanged.
pub fn key(results: &[FileReport], r: &FileReport, d: &Diagnostic) -> (String, String, String) {
    (
        r.source.path.clone(),
        d.rule.clone(),
        fingerprint(&r.source.text, d) + &elsewhere(results, r, d),
    )
}

/// The baseline key as a short stable hash (hex SHA-256 of its parts):
/// SARIF's `partialFingerprints` and GitLab's `fingerprint`, so that a code
/// scanning service follows a finding across commits as a baseline does.
/// Identical findings in one report share it.
pub fn fingerprint_hash(results: &[FileReport], r: &FileReport, d: &Diagnostic) -> String {
    use sha2::Digest;
    let (path, rule, context) = key(results, r, d);
    let mut h = sha2::Sha256::new();
    for part in [path, rule, context] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The baseline format this build writes and reads.
pub const VERSION: u32 = 1;

/// Why a baseline file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("不是有效的 JSON（{0}）")]
    Json(#[from] serde_json::Error),
    #[error("版本为 {0}，本程序只读版本 {VERSION}")]
    Version(u32),
}

impl Baseline {
    /// Reads a baseline file, checking its version.
    pub fn parse(bytes: &[u8]) -> Result<Baseline, BaselineError> {
        let b: Baseline = serde_json::from_slice(bytes)?;
        if b.version != VERSION {
            return Err(BaselineError::Version(b.version));
        }
        Ok(b)
    }

    /// Records every finding of the results (a finding across reports by
    /// both places: its own, and the other reports' labels).
    pub fn record(results: &[FileReport]) -> Baseline {
        let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for r in results {
            for d in r.diagnostics.iter().filter(|d| !d.check.is_operational()) {
                *counts.entry(key(results, r, d)).or_default() += 1;
            }
        }
        Baseline {
            version: VERSION,
            findings: counts
                .into_iter()
                .map(|((path, rule, context), count)| Entry {
                    path,
                    rule,
                    context,
                    count,
                })
                .collect(),
        }
    }

    /// Hides the findings the baseline records; returns how many were hidden.
    pub fn hide(&self, results: &mut [FileReport]) -> usize {
        let mut left: BTreeMap<(String, String, String), usize> = self
            .findings
            .iter()
            .map(|e| ((e.path.clone(), e.rule.clone(), e.context.clone()), e.count))
            .collect();
        let mut hidden = 0;
        let others: Vec<Vec<String>> = results
            .iter()
            .map(|r| {
                r.diagnostics
                    .iter()
                    .map(|d| elsewhere(results, r, d))
                    .collect()
            })
            .collect();
        for (r, others) in results.iter_mut().zip(others) {
            let text = &r.source.text;
            let path = r.source.path.clone();
            let mut others = others.into_iter();
            r.diagnostics.retain(|d| {
                let other = others.next().unwrap_or_default();
                // A baseline never hides that a file could not be checked.
                if d.check.is_unhideable() {
                    return true;
                }
                let key = (path.clone(), d.rule.clone(), fingerprint(text, d) + &other);
                match left.get_mut(&key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        hidden += 1;
                        false
                    }
                    _ => true,
                }
            });
        }
        hidden
    }
}
