//! The fuzzed bytes as `word/document.xml` inside a fixed Word package (the
//! styles, numbering and relationships of a real report's document), so that
//! mutations reach the body walk, the list numbering, tables and fields
//! instead of breaking the zip: the whole check holds
//! (`report_lint::fuzzing::check_holds_as`).
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use report_lint::engine::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::load(&[]).0);

/// Every part of the template but its body.
static PARTS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let bytes = include_bytes!("../../tests/fixtures/formats/docx/seeds-004_ad8af40d0a921405.docx");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("template");
    (0..zip.len())
        .filter_map(|i| {
            let mut f = zip.by_index(i).ok()?;
            let name = f.name().ok()?.to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).ok()?;
            (name != "word/document.xml").then_some((name, data))
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let mut out = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, part) in PARTS.iter() {
            z.start_file(name.as_str(), opts).unwrap();
            z.write_all(part).unwrap();
        }
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(data).unwrap();
        z.finish().unwrap();
    }
    report_lint::fuzzing::check_holds_as("fuzz.docx", &out.into_inner(), &RULES);
});
