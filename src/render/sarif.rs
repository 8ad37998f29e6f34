//! `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub), with
//! the metadata of every rule used and columns in Unicode code points.
//! Artifact URIs are percent-encoded (RFC 3986; an absolute path is a
//! `file://` URI), and each result carries the baseline's key as a hash in
//! `partialFingerprints`, so a finding is followed across commits.

use std::collections::BTreeMap;
use std::io::{self, Write};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};

use crate::diagnostic::FileReport;
use crate::diagnostic::Severity;
use crate::engine::RuleSet;
use crate::source::span::Span;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Bytes percent-encoded in a URI's path: all but RFC 3986's unreserved
/// characters, sub-delimiters, `@` and `/` (non-ASCII is always encoded).
/// `:` is encoded too: in a relative reference's first segment it would read
/// as a scheme.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A report's path as a SARIF `artifactLocation.uri`: relative paths as a
/// percent-encoded relative reference (`/` separated), absolute ones as a
/// `file://` URI (`file:///C:/…` for a Windows drive).
pub fn artifact_uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let bytes = slashed.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if drive {
        let (letter, rest) = slashed.split_at(2);
        format!("file:///{letter}{}", utf8_percent_encode(rest, PATH))
    } else if slashed.starts_with('/') {
        format!("file://{}", utf8_percent_encode(&slashed, PATH))
    } else {
        utf8_percent_encode(&slashed, PATH).to_string()
    }
}

fn region(r: &FileReport, span: Span) -> Value {
    let s = r.position(span.start);
    let e = r.position(span.end);
    json!({"startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column})
}

pub fn render_sarif(results: &[FileReport], rules: &RuleSet, w: &mut dyn Write) -> io::Result<()> {
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        let n = used.len();
        used.entry(d.rule.clone()).or_insert(n);
    }
    let mut ordered: Vec<(&String, &usize)> = used.iter().collect();
    ordered.sort_by_key(|(_, i)| **i);
    let rule_meta: Vec<Value> = ordered
        .iter()
        .map(|(id, _)| match rules.find_rule(id) {
            Some((pack, r)) => json!({
                "id": id,
                "name": r.meta.check.as_str(),
                "shortDescription": {"text": r.meta.explain.what},
                "fullDescription": {"text": r.meta.explain.why},
                "help": {"text": r.meta.help.clone().unwrap_or_default()},
                "defaultConfiguration": {"level": level(r.meta.severity)},
                "properties": {"pack": pack.meta.id, "source": r.meta.source},
            }),
            None => json!({"id": id, "name": id, "shortDescription": {"text": id}}),
        })
        .collect();
    let used = &used;
    let results_json: Vec<Value> = results
        .iter()
        .flat_map(|r| {
            r.diagnostics.iter().map(move |d| {
                let mut loc = json!({"physicalLocation": {"artifactLocation": {"uri": artifact_uri(&r.source.path)}}});
                match r.place(d.span.start) {
                    // A Word file has no lines a viewer can show: the place
                    // is its paragraph or table cell.
                    Some(place) => {
                        loc["properties"] = json!({"place": place, "description": place.describe()});
                    }
                    None if r.has_source() => {
                        loc["physicalLocation"]["region"] = region(r, d.span);
                    }
                    None => {}
                }
                let related: Vec<Value> = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        // A label of a finding across reports points into the other report.
                        let at = super::file_of(results, r, l.file).unwrap_or(r);
                        json!({"id": i, "message": {"text": l.message}, "physicalLocation": {"artifactLocation": {"uri": artifact_uri(&at.source.path)}, "region": region(at, l.span)}})
                    })
                    .collect();
                let mut text = d.message.clone();
                if let Some(h) = &d.help {
                    text.push('\n');
                    text.push_str(h);
                }
                let mut result = json!({
                    "ruleId": d.rule,
                    "ruleIndex": used[&d.rule],
                    "level": level(d.severity),
                    "message": {"text": text},
                    "locations": [loc],
                    "relatedLocations": related,
                    "partialFingerprints": {
                        "reportLintKey/v1": crate::baseline::fingerprint_hash(results, r, d),
                    },
                });
                if let Some(f) = d.fix.as_ref().filter(|_| r.has_source()) {
                    let replacements: Vec<Value> = f
                        .edits
                        .iter()
                        .map(|e| json!({"deletedRegion": region(r, e.span), "insertedContent": {"text": e.replacement}}))
                        .collect();
                    result["fixes"] = json!([{
                        "description": {"text": f.message},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": artifact_uri(&r.source.path)},
                            "replacements": replacements,
                        }],
                    }]);
                }
                result
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "report-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/report-lint/report-lint",
                "rules": rule_meta,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results_json,
        }]
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn uris_are_percent_encoded_and_absolute_paths_are_file_uris() {
        assert_eq!(artifact_uri("examples/a.txt"), "examples/a.txt");
        assert_eq!(
            artifact_uri("报告/2023 年 #1.txt"),
            "%E6%8A%A5%E5%91%8A/2023%20%E5%B9%B4%20%231.txt"
        );
        assert_eq!(artifact_uri("a:b.txt"), "a%3Ab.txt");
        assert_eq!(artifact_uri("dir\\r 1.txt"), "dir/r%201.txt");
        assert_eq!(
            artifact_uri("/srv/年报/a%b.txt"),
            "file:///srv/%E5%B9%B4%E6%8A%A5/a%25b.txt"
        );
        assert_eq!(
            artifact_uri("C:\\报告\\a.txt"),
            "file:///C:/%E6%8A%A5%E5%91%8A/a.txt"
        );
        assert_eq!(artifact_uri("<stdin>"), "%3Cstdin%3E");
    }
}
