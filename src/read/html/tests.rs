//! The reader end to end, on pages written here and on the format fixtures.

use super::read;
use crate::source::text::is_space;

fn view(page: &str) -> String {
    read(page.as_bytes()).expect("reads").0.text
}

/// A line of a view or of a fixture text, compared without its blanks at
/// either end and with its cells (tabs or ` | `) apart by one tab.
fn normalise(line: &str) -> String {
    line.split('\t')
        .flat_map(|c| c.split(" | "))
        .map(|c| c.trim_matches(is_space))
        .collect::<Vec<_>>()
        .join("\t")
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(normalise)
        .filter(|l| !l.trim_matches(|c: char| is_space(c) || c == '\t').is_empty())
        .collect()
}

/// Every fixture page reads as its text, line for line (blank lines and
/// blanks at either end aside; cells apart by tabs or ` | `), and its tables
/// have the rows and columns the manifest gives. The seeds-002 text writes
/// its 统计表 one cell a line (continuation lines apart), so there the text
/// without any blank or line end is compared instead.
#[test]
fn fixtures_read_as_their_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(dir.join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert_eq!(names.len(), 17);
    let mut report = String::new();
    for path in names {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let (v, enc) = read(&bytes).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let file = &manifest["files"][format!("html/{stem}.html")];
        let want_enc = file["encoding"].as_str().unwrap();
        if !enc.eq_ignore_ascii_case(want_enc) {
            report.push_str(&format!("{stem}: encoding {enc}, want {want_enc}\n"));
        }
        let tables: Vec<(usize, usize)> = v
            .markup
            .tables
            .iter()
            .map(|t| (t.rows.len(), t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)))
            .collect();
        let want_tables: Vec<(usize, usize)> = file["tables"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| (t["rows"].as_u64().unwrap() as usize, t["cols"].as_u64().unwrap() as usize))
                    .collect()
            })
            .unwrap_or_default();
        if tables != want_tables {
            report.push_str(&format!("{stem}: tables {tables:?}, want {want_tables:?}\n"));
        }
        let text = std::fs::read_to_string(dir.join("src").join(format!("{stem}.txt"))).unwrap();
        let (got, want) = (lines(&v.text), lines(&text));
        if got == want {
            continue;
        }
        let cell_per_line = text.lines().filter(|l| l.starts_with('\t')).count() > 50;
        let squeeze = |s: &str| s.chars().filter(|&c| !is_space(c)).collect::<String>();
        if cell_per_line && squeeze(&v.text) == squeeze(&text) {
            continue;
        }
        let first = got
            .iter()
            .zip(&want)
            .position(|(g, w)| g != w)
            .unwrap_or(got.len().min(want.len()));
        report.push_str(&format!(
            "{stem}: {} lines, want {}; first difference at {first}:\n  got  {:?}\n  want {:?}\n",
            got.len(),
            want.len(),
            got.get(first),
            want.get(first)
        ));
    }
    assert!(report.is_empty(), "{report}");
}
