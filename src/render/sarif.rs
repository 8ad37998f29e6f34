//! `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub), with
//! the metadata of every rule used and columns in Unicode code points.

use std::collections::BTreeMap;
use std::io::{self, Write};

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
                let mut loc = json!({"physicalLocation": {"artifactLocation": {"uri": r.source.path.replace('\\', "/")}}});
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
                    .map(|(i, l)| json!({"id": i, "message": {"text": l.message}, "physicalLocation": {"artifactLocation": {"uri": r.source.path.replace('\\', "/")}, "region": region(r, l.span)}}))
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
                            "artifactLocation": {"uri": r.source.path.replace('\\', "/")},
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
