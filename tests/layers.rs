//! The layers of `src/` import only downward: each top-level module may name
//! (`crate::x`) only the modules listed before it in `LAYERS`, so no import
//! cycle can form between modules. Test code inside a module (`#[cfg(test)]`)
//! may use any layer. Adding a module means placing it here.

use std::collections::BTreeMap;
use std::path::Path;

/// Bottom to top (see `docs/architecture.md`).
const LAYERS: &[&str] = &[
    "source",
    "numbers",
    "diagnostic",
    "document",
    "read",
    "rules",
    "analysis",
    "engine",
    "config",
    "run",
    "baseline",
    "fix",
    "render",
    "explain",
    "fuzzing",
];

/// `crate::x` names in the non-test code of a file.
fn imports(text: &str) -> Vec<String> {
    // Test modules sit at the end of a file by convention (clippy's
    // `items_after_test_module`); cut there.
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    out
}

fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// Every `(from, to)` import between top-level modules of the library.
fn edges() -> BTreeMap<(String, String), String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let from = module_of(&src, path).unwrap();
        // The binary (main.rs, cli.rs) uses the library by its name, from above.
        if from == "main" || from == "cli" || from == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for to in imports(&text) {
            if to != from {
                out.entry((from.clone(), to))
                    .or_insert_with(|| path.display().to_string());
            }
        }
    }
    out
}

#[test]
fn every_module_is_placed_in_a_layer() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    let mut sorted_layers: Vec<&str> = LAYERS.to_vec();
    sorted_layers.sort();
    let mut sorted_declared = declared.clone();
    sorted_declared.sort();
    assert_eq!(
        sorted_declared, sorted_layers,
        "src/lib.rs modules vs LAYERS"
    );
}

#[test]
fn layers_import_only_downward() {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut upward = Vec::new();
    for ((from, to), file) in edges() {
        let (Some(f), Some(t)) = (rank(&from), rank(&to)) else {
            panic!("{file}: unknown module in `crate::{to}` (from {from})");
        };
        if t >= f {
            upward.push(format!("{file}: {from} → {to}"));
        }
    }
    assert!(
        upward.is_empty(),
        "imports that run upward (a cycle waiting to happen):\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_scanner_sees_imports() {
    // A check that cannot fail is no check: the scanner must find both forms.
    let found = imports(
        "use crate::document::Document;\nfn f() { crate::engine::run(); }\n#[cfg(test)]\nuse crate::run;",
    );
    assert_eq!(found, ["document", "engine"]);
    assert!(edges().contains_key(&("engine".to_string(), "analysis".to_string())));
}
