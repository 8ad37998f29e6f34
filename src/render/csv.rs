//! `--format csv`: one row per file findings are about — each report, each
//! input that could not be read, a configuration or rule file with errors —
//! for an office checking hundreds of reports in a spreadsheet: path,
//! issuer, year, pack, counts by severity and the rules found most.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diagnostic::{FileReport, Severity};

/// Rules named in `top_rules`, most findings first.
pub const TOP_RULES: usize = 3;

pub fn render_csv(results: &[FileReport], w: &mut dyn Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "path",
        "issuer",
        "year",
        "pack",
        "errors",
        "warnings",
        "infos",
        "top_rules",
    ])?;
    for r in results {
        let meta = r.meta.as_ref();
        out.write_record([
            r.source.path.clone(),
            meta.and_then(|m| m.issuer.clone()).unwrap_or_default(),
            meta.and_then(|m| m.year)
                .map_or_else(String::new, |y| y.to_string()),
            meta.and_then(|m| m.packs.first().cloned())
                .unwrap_or_default(),
            r.count(Severity::Error).to_string(),
            r.count(Severity::Warning).to_string(),
            r.count(Severity::Info).to_string(),
            top_rules(r),
        ])?;
    }
    out.flush()
}

/// `common/breakdown-sum (2); common/year (1)`: the rules with the most
/// findings in the file, ties by id.
fn top_rules(r: &FileReport) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &r.diagnostics {
        *counts.entry(d.rule.as_str()).or_default() += 1;
    }
    let mut rows: Vec<(&str, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows.iter()
        .take(TOP_RULES)
        .map(|(rule, n)| format!("{rule} ({n})"))
        .collect::<Vec<_>>()
        .join("; ")
}
