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

#[test]
fn fixtures_read_as_their_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut names: Vec<_> = std::fs::read_dir(dir.join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let mut report = String::new();
    for path in names {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let (v, enc) = read(&bytes).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let want = lines(&std::fs::read_to_string(dir.join("src").join(format!("{stem}.txt"))).unwrap());
        let got = lines(&v.text);
        if got != want {
            let first = got.iter().zip(&want).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
            report.push_str(&format!(
                "{stem} ({enc}): {} lines, want {}; first difference at {first}:\n  got  {:?}\n  want {:?}\n",
                got.len(),
                want.len(),
                got.get(first),
                want.get(first)
            ));
        }
    }
    assert!(report.is_empty(), "{report}");
}
