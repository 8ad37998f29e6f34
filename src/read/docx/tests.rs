//! Tests on documents built here from XML strings, plus the format fixtures.

use std::io::Write;

use super::*;
use crate::source::map::Place;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// A zip of the named parts.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        z.start_file(*name, options).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A .docx whose body is `body`, with `styles` and `numbering` parts when not empty.
fn docx(body: &str, styles: &str, numbering: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{styles}</w:styles>"#);
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{numbering}</w:numbering>"#
    );
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
    ])
}

fn view(body: &str) -> View {
    read(&docx(body, "", "")).unwrap()
}

fn text(body: &str) -> String {
    view(body).text
}

/// A paragraph of one run.
fn p(s: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{s}</w:t></w:r></w:p>")
}

fn place(v: &View, needle: &str) -> Place {
    let at = v
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", v.text));
    v.map.place(&v.text, at).unwrap()
}

fn para(n: u32) -> Place {
    Place::Paragraph { paragraph: n }
}

fn cell(table: u32, row: u32, column: u32) -> Place {
    Place::Cell { table, row, column }
}

#[test]
fn paragraphs_runs_and_places() {
    let v = view(&format!(
        "{}<w:p/>{}<w:p><w:r><w:t>总体</w:t></w:r><w:proofErr w:type=\"gramStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>情况</w:t></w:r></w:p>",
        p("标题"),
        p("第一段")
    ));
    assert_eq!(v.text, "标题\n\n第一段\n总体情况\n");
    assert_eq!(place(&v, "标题"), para(1));
    assert_eq!(place(&v, "第一段"), para(3));
    assert_eq!(place(&v, "情况"), para(4));
}

/// A line as the fixture comparison sees it: cells apart by one tab (the
/// Shanghai text writes ` | `), blanks at the ends dropped.
fn normalised(line: &str) -> String {
    let line = line.replace(" | ", "\t");
    line.split('\t')
        .map(|c| c.trim_matches(crate::source::text::is_space))
        .collect::<Vec<_>>()
        .join("\t")
}

/// The cells of the lines, one a token: for a text that writes each table
/// cell on its own line (seeds-002).
fn cells(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .flat_map(|l| l.split('\t'))
        .filter(|c| !c.is_empty())
        .collect()
}

/// Compares the view's cells with the text's: a cell of several paragraphs
/// is one cell of the view (its paragraphs joined, tight between Chinese
/// characters, by the builder) where the text has a line per paragraph.
fn same_cells(view: &[&str], text: &[&str]) -> Result<(), String> {
    let (mut i, mut j) = (0, 0);
    while i < view.len() && j < text.len() {
        if view[i] == text[j] {
            i += 1;
            j += 1;
            continue;
        }
        let joined = (2..=4).find(|&k| {
            j + k <= text.len() && {
                let tight: String = text[j..j + k].concat();
                let spaced = text[j..j + k].join(" ");
                view[i] == tight || view[i] == spaced
            }
        });
        match joined {
            Some(k) => {
                i += 1;
                j += k;
            }
            None => {
                return Err(format!(
                    "  cell {i}:\n    view: {:?}\n    text: {:?}",
                    view[i], text[j]
                ));
            }
        }
    }
    if i < view.len() || j < text.len() {
        return Err(format!(
            "  {} cells in the view, {} in the text",
            view.len(),
            text.len()
        ));
    }
    Ok(())
}

/// Every fixture document reads to the non-blank lines of its text, in
/// order; a text that writes table cells one a line is compared cell by cell.
#[test]
fn fixtures_read_as_their_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut names: Vec<_> = std::fs::read_dir(dir.join("docx"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "fixtures missing");
    let mut failures = Vec::new();
    for path in &names {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let expected =
            std::fs::read_to_string(dir.join("src").join(format!("{stem}.txt"))).unwrap();
        let v = read(&std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let lines = |t: &str| -> Vec<String> {
            t.lines()
                .map(normalised)
                .filter(|l| !l.is_empty())
                .collect()
        };
        let (got, want) = (lines(&v.text), lines(&expected));
        if got == want {
            continue;
        }
        if same_cells(&cells(&got), &cells(&want)).is_ok() && v.text.contains('\t') {
            continue;
        }
        let differing: Vec<_> = got
            .iter()
            .zip(&want)
            .enumerate()
            .filter(|(_, (g, w))| g != w)
            .take(3)
            .map(|(i, (g, w))| format!("  line {i}:\n    view: {g:?}\n    text: {w:?}"))
            .collect();
        failures.push(format!(
            "{stem}: {} lines in the view, {} in the text\n{}\n{}",
            got.len(),
            want.len(),
            differing.join("\n"),
            same_cells(&cells(&got), &cells(&want))
                .err()
                .unwrap_or_default()
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
