//! The kept fuzz inputs (`tests/fixtures/fuzz/`) under the fuzz targets'
//! own properties (`report_lint::fuzzing`), in the normal suite.

mod common;

use std::path::Path;

fn inputs(dir: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(Path::new("tests/fixtures/fuzz").join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    assert!(v.len() >= 5, "{dir}: the kept inputs are missing");
    v
}

#[test]
fn kept_report_inputs_hold() {
    for path in inputs("check") {
        let bytes = std::fs::read(&path).unwrap();
        report_lint::fuzzing::check_holds(&bytes, &common::RULES);
    }
}

/// A spread of the HTML and DOCX fuzzers' corpora (issue 13's 10-minute
/// runs), read as pages and Word documents.
#[test]
fn kept_page_and_word_inputs_hold() {
    for (dir, name) in [("html", "fuzz.html"), ("docx", "fuzz.docx")] {
        for path in inputs(dir) {
            let bytes = std::fs::read(&path).unwrap();
            report_lint::fuzzing::check_holds_as(name, &bytes, &common::RULES);
        }
    }
    // The `docx_xml` target's inputs are a body (`word/document.xml`): each
    // is read as the only part of a package.
    for path in inputs("docx_xml") {
        use std::io::Write;
        let xml = std::fs::read(&path).unwrap();
        let mut out = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        z.write_all(&xml).unwrap();
        z.finish().unwrap();
        report_lint::fuzzing::check_holds_as("fuzz.docx", &out.into_inner(), &common::RULES);
    }
}

#[test]
fn kept_pack_inputs_hold() {
    for path in inputs("rules") {
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            report_lint::fuzzing::pack_holds(text);
        }
    }
}

#[test]
fn a_bad_regex_in_a_kept_pack_is_reported_not_panicked() {
    let text =
        std::fs::read_to_string("tests/fixtures/fuzz/rules/invalid-regex-in-pattern.toml").unwrap();
    let (_, errors) =
        report_lint::engine::RuleSet::load_without_builtins(&[("p.toml".to_string(), text)]);
    assert!(
        errors.iter().any(|e| e.message.contains("正则表达式无效")),
        "{errors:?}"
    );
}

#[test]
fn the_examples_hold_the_fuzz_properties() {
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        let r = report_lint::fuzzing::check_holds_as(
            &name,
            &std::fs::read(&path).unwrap(),
            &common::RULES,
        );
        // Every example has findings but the consistent Huai'an page.
        assert_eq!(
            r.diagnostics.is_empty(),
            name == "huaian-2024.html",
            "{name}: {:?}",
            r.diagnostics
        );
    }
}
