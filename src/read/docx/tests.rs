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

/// abstractNum 0: the report's heading scheme (一、 （一） 1. （1）) with
/// `suffix` after every level.
fn scheme(suffix: &str) -> String {
    let lvl = |i: u32, fmt: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="0"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>"#
        )
    };
    format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{}{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "chineseCounting", "（%2）"),
        lvl(2, "decimal", "%3."),
        lvl(3, "decimal", "（%4）"),
    )
}

/// A paragraph numbered at `ilvl` of `num`.
fn np(num: u32, ilvl: u32, s: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{s}</w:t></w:r></w:p>"#
    )
}

#[test]
fn numbering_renders_markers_and_restarts_deeper_levels() {
    let body = [
        np(1, 0, "概述"),
        np(1, 1, "甲"),
        np(1, 1, "乙"),
        np(1, 2, "子"),
        np(1, 3, "丑"),
        np(1, 0, "组织"),
        np(1, 1, "丙"),
        np(1, 2, "寅"),
    ]
    .concat();
    let v = read(&docx(&body, "", &scheme("nothing"))).unwrap();
    assert_eq!(
        v.text,
        "一、概述\n（一）甲\n（二）乙\n1.子\n（1）丑\n二、组织\n（一）丙\n1.寅\n"
    );
    // The marker is part of its paragraph.
    assert_eq!(place(&v, "二、"), para(6));
}

#[test]
fn numbering_suffixes() {
    let v = read(&docx(&np(1, 0, "总体情况"), "", &scheme("tab"))).unwrap();
    assert_eq!(v.text, "一、 总体情况\n");
    let v = read(&docx(&np(1, 0, "总体情况"), "", &scheme("space"))).unwrap();
    assert_eq!(v.text, "一、 总体情况\n");
    // No `w:suff`: a tab, shown as one blank.
    let numbering = scheme("nothing").replace(r#"<w:suff w:val="nothing"/>"#, "");
    let v = read(&docx(&np(1, 0, "总体情况"), "", &numbering)).unwrap();
    assert_eq!(v.text, "一、 总体情况\n");
    // A bullet shows its level text; `none` with no text shows nothing.
    let lists = r#"<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>"#;
    let body = [np(5, 0, "要点"), np(5, 1, "无号")].concat();
    let v = read(&docx(&body, "", lists)).unwrap();
    assert_eq!(v.text, "• 要点\n无号\n");
}

#[test]
fn numbering_counts_past_ten() {
    let body: String = (1..=12).map(|i| np(1, 0, &format!("节{i}"))).collect();
    let v = read(&docx(&body, "", &scheme("nothing"))).unwrap();
    let lines: Vec<&str> = v.text.lines().collect();
    assert_eq!(lines[9], "十、节10");
    assert_eq!(lines[10], "十一、节11");
    assert_eq!(lines[11], "十二、节12");
}

#[test]
fn numbering_start_and_level_override() {
    // numId 2 shares abstractNum 0 but restarts level 0 at 2 ("Set numbering value").
    let numbering = scheme("nothing")
        + r#"<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>"#;
    let body = [
        "<w:p><w:r><w:t>1、 概述</w:t></w:r></w:p>".to_string(),
        np(1, 1, "抓机制"),
        np(1, 2, "强化"),
        np(2, 0, "主动公开"),
        np(2, 0, "问题"),
    ]
    .concat();
    let v = read(&docx(&body, "", &numbering)).unwrap();
    assert_eq!(
        v.text,
        "1、 概述\n（一）抓机制\n1.强化\n二、主动公开\n三、问题\n"
    );
    // `w:start` of a level, and a level override replacing a whole level.
    let numbering = scheme("nothing").replace(r#"<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/>"#, r#"<w:start w:val="5"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/>"#)
        + r#"<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl></w:lvlOverride></w:num>"#;
    let body = [np(1, 2, "五"), np(1, 2, "六"), np(3, 0, "罗马")].concat();
    let v = read(&docx(&body, "", &numbering)).unwrap();
    assert_eq!(v.text, "5.五\n6.六\nI. 罗马\n");
}

#[test]
fn numbering_lvl_restart() {
    // Level 1 never restarts (lvlRestart 0): it goes on after a new level 0.
    let numbering = scheme("nothing").replace(
        r#"<w:lvl w:ilvl="1"><w:start w:val="1"/>"#,
        r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>"#,
    );
    let body = [
        np(1, 0, "甲"),
        np(1, 1, "乙"),
        np(1, 0, "丙"),
        np(1, 1, "丁"),
    ]
    .concat();
    let v = read(&docx(&body, "", &numbering)).unwrap();
    assert_eq!(v.text, "一、甲\n（一）乙\n二、丙\n（二）丁\n");
}

#[test]
fn numbering_from_heading_styles() {
    let styles = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>"#;
    let h = |style: &str, s: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{s}</w:t></w:r></w:p>"#)
    };
    let body = [
        h("Heading1", "总体情况"),
        h("Heading2", "主动公开"),
        p("正文"),
        h("Heading2", "依申请公开"),
        // numId 0 on the paragraph switches the style's numbering off.
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>附件</w:t></w:r></w:p>"#.to_string(),
        h("Heading1", "问题"),
    ]
    .concat();
    let v = read(&docx(&body, styles, &scheme("nothing"))).unwrap();
    assert_eq!(
        v.text,
        "一、总体情况\n（一）主动公开\n正文\n（二）依申请公开\n附件\n二、问题\n"
    );
}

#[test]
fn numbering_bounds() {
    // A huge start, a level past 8, a missing definition, a style loop: no
    // panic, no overflow.
    let numbering = scheme("nothing").replace(
        r#"<w:lvl w:ilvl="0"><w:start w:val="1"/>"#,
        r#"<w:lvl w:ilvl="0"><w:start w:val="99999999999999999"/>"#,
    );
    let styles = r#"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>"#;
    let body = [
        np(1, 0, "大"),
        np(1, 0, "再大"),
        np(1, 99, "深"),
        np(7, 0, "无定义"),
        r#"<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>循环</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let v = read(&docx(&body, styles, &numbering)).unwrap();
    let lines: Vec<&str> = v.text.lines().collect();
    assert_eq!(lines[0], "二十一亿四千七百四十八万三千六百四十七、大");
    assert_eq!(lines[1], "二十一亿四千七百四十八万三千六百四十七、再大");
    assert_eq!(lines[3], "无定义");
    assert_eq!(lines[4], "循环");
}

#[test]
fn tables_with_merged_cells() {
    let tc = |props: &str, s: &str| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/>{props}</w:tcPr><w:p><w:r><w:t>{s}</w:t></w:r></w:p></w:tc>"
        )
    };
    let empty_continue = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>";
    let table = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1\"/></w:tblGrid>\
         <w:tr><w:trPr><w:trHeight w:val=\"1\"/></w:trPr>{}{}</w:tr>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}</w:tr></w:tbl>",
        tc(r#"<w:vMerge w:val="restart"/>"#, "三、本年度办理结果"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "申请人情况"),
        empty_continue,
        tc("", "自然人"),
        tc("", "法人"),
        empty_continue,
        tc("", "1"),
        tc("", "2"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "合计"),
        tc("", "3"),
    );
    let v = view(&format!("{}{table}{}", p("前"), p("后")));
    assert_eq!(
        v.text,
        "前\n三、本年度办理结果\t申请人情况\n自然人\t法人\n1\t2\n合计\t3\n后\n"
    );
    assert_eq!(place(&v, "申请人情况"), cell(1, 1, 2));
    assert_eq!(place(&v, "法人"), cell(1, 2, 3));
    assert_eq!(place(&v, "合计"), cell(1, 4, 1));
    assert_eq!(place(&v, "3\n"), cell(1, 4, 3));
    // Paragraphs outside tables are counted, those in cells not.
    assert_eq!(place(&v, "后"), para(2));
    let t = &v.markup.tables[0];
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[2].cells.len(), 3);
    // The rowspan-3 cell covers column 1 of rows 1–3.
    let head = t.rows[0].cells[0].span;
    assert_eq!(&v.text[head.range()], "三、本年度办理结果");
    assert_eq!(t.rows[1].cells[0].span, head);
    assert_eq!(t.rows[2].cells[0].span, head);
    assert_eq!(v.markup.table_lines, vec![1, 2, 3, 4]);
}

#[test]
fn table_grid_before_multi_paragraph_cell_nested_table_and_deleted_row() {
    let table = r#"<w:tbl>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p><w:p><w:r><w:t>目录条数</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>条</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:r><w:t>删除的行</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>"#;
    let v = view(&format!("{table}{}", p("后")));
    assert_eq!(v.text, "\t单位\n政府信息公开目录条数\t条\n内表\t12\n后\n");
    assert_eq!(place(&v, "单位"), cell(1, 1, 2));
    assert_eq!(place(&v, "目录条数"), cell(1, 2, 1));
    assert_eq!(place(&v, "表"), cell(1, 3, 1));
    assert_eq!(place(&v, "12"), cell(1, 3, 2));
    assert_eq!(place(&v, "后"), para(1));
}

#[test]
fn tracked_changes_are_accepted() {
    let body = r#"<w:p><w:r><w:t>全县</w:t></w:r><w:del w:id="1" w:author="a" w:date="2025-01-15T09:30:00Z"><w:r><w:delText>62</w:delText></w:r></w:del><w:ins w:id="2" w:author="a" w:date="2025-01-15T09:30:00Z"><w:r><w:t>61</w:t></w:r></w:ins><w:r><w:t>个部门</w:t></w:r><w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="a"><w:r><w:t>，新处</w:t></w:r></w:moveTo></w:p>
<w:p><w:pPr><w:rPr><w:ins w:id="5" w:author="a"/></w:rPr><w:pPrChange w:id="6" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="7" w:author="a"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>旧编号不算</w:t></w:r></w:p>"#;
    let v = read(&docx(body, "", &scheme("nothing"))).unwrap();
    assert_eq!(v.text, "全县61个部门，新处\n旧编号不算\n");
    assert_eq!(place(&v, "61"), para(1));
}

#[test]
fn footnote_references_bookmarks_and_hidden_text() {
    let body = r#"<w:p><w:r><w:t>《条例》</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>的要求</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>。</w:t></w:r></w:p>"#;
    assert_eq!(text(body), "《条例》的要求。\n");
}

#[test]
fn fields_keep_their_cached_result() {
    let body = r#"<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页，</w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>内层</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "是" "否"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>是</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    assert_eq!(text(body), "第3页，9页\n是\n");
}

#[test]
fn text_box_is_read_once_after_its_paragraph() {
    let txbx = |s: &str| {
        format!(
            "<w:txbxContent><w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:t>{s}</w:t></w:r></w:p></w:txbxContent>"
        )
    };
    let body = format!(
        r#"{}<w:p><w:r><w:t>落款：</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>（盖章）</w:t></w:r></w:p><w:p><w:r><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></w:r></w:p>{}"#,
        p("正文"),
        txbx("商河县人民政府办公室"),
        txbx("商河县人民政府办公室"),
        txbx("只有 VML"),
        p("2018年1月22日"),
    );
    let v = view(&body);
    assert_eq!(
        v.text,
        "正文\n落款：（盖章）\n商河县人民政府办公室\n只有 VML\n2018年1月22日\n"
    );
    assert_eq!(place(&v, "商河县"), para(2));
    assert_eq!(place(&v, "只有"), para(3));
    assert_eq!(place(&v, "2018"), para(4));
}

#[test]
fn breaks_tabs_and_special_characters() {
    let body = r#"<w:p><w:r><w:t>标题上行</w:t><w:br/><w:t>标题下行</w:t></w:r></w:p>
<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:cr/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t><w:softHyphen/><w:sym w:font="Symbol" w:char="00B1"/></w:r></w:p>
<w:p><w:r><w:t>分页前</w:t><w:br w:type="page"/><w:t>分页后</w:t></w:r></w:p>
<w:p><w:r><w:br w:type="page"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">  A &amp; B &lt;条例&gt; &#x4E00;</w:t></w:r></w:p>"#;
    let v = view(body);
    assert_eq!(
        v.text,
        "标题上行\n标题下行\n甲\t乙\n丙-丁±\n分页前\n分页后\n\n  A & B <条例> 一\n"
    );
    assert_eq!(place(&v, "标题下行"), para(1));
    assert_eq!(place(&v, "分页后"), para(3));
    assert_eq!(place(&v, "A &"), para(5));
}

#[test]
fn main_part_found_through_relationships() {
    // The main part elsewhere, with another prefix for the WordprocessingML
    // namespace; no styles or numbering parts.
    let rels = ROOT_RELS.replace("word/document.xml", "/content/main.xml");
    let doc = r#"<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>正文</x:t></x:r></x:p><w:p xmlns:w="urn:other"><w:r><w:t>别的命名空间</w:t></w:r></w:p></x:body></x:document>"#;
    let bytes = zip_of(&[("_rels/.rels", &rels), ("content/main.xml", doc)]);
    assert_eq!(read(&bytes).unwrap().text, "正文\n");
    // Only the content types say where it is.
    let types = CONTENT_TYPES.replace("/word/document.xml", "/content/main.xml");
    let bytes = zip_of(&[("[Content_Types].xml", &types), ("content/main.xml", doc)]);
    assert_eq!(read(&bytes).unwrap().text, "正文\n");
}

#[test]
fn unreadable_files_say_what_to_do() {
    let err = |bytes: &[u8]| read(bytes).unwrap_err().0;
    let e = err(b"just some text, not a zip");
    assert!(e.contains("不是 .docx") && e.contains("另存为"), "{e}");
    let e = err(b"");
    assert!(e.contains("不是 .docx"), "{e}");
    let mut ole = OLE_MAGIC.to_vec();
    ole.extend_from_slice(&[0; 504]);
    let e = err(&ole);
    assert!(
        e.contains("加密") && e.contains(".doc") && e.contains("另存为"),
        "{e}"
    );
    let e = err(&zip_of(&[("xl/workbook.xml", "<workbook/>")]));
    assert!(
        e.contains("找不到 Word 正文") && e.contains("另存为"),
        "{e}"
    );
    let e = err(&zip_of(&[(
        "word/document.xml",
        "<w:document><w:body><w:p></w:body>",
    )]));
    assert!(
        e.contains("word/document.xml") && e.contains("XML") && e.contains("另存为"),
        "{e}"
    );
    // A zip cut short.
    let bytes = docx(&p("正文"), "", "");
    let e = err(&bytes[..bytes.len() / 2]);
    assert!(e.contains("不是 .docx"), "{e}");
}

#[test]
fn unpacking_is_bounded() {
    // A document part expanding past the limit is refused, whatever the zip
    // declares (ZipWriter declares the real size; `take` guards a lie).
    let body = p(&"报".repeat(4000));
    let bytes = docx(&body, "", "");
    let e = read_limited(&bytes, 4096).unwrap_err().0;
    assert!(e.contains("MiB") && e.contains("word/document.xml"), "{e}");
    assert!(read_limited(&bytes, 1 << 20).is_ok());
}

#[test]
fn huge_and_deep_documents_stay_linear() {
    // 200 000 runs in one paragraph, 200 000 paragraphs, 100 000 nested
    // elements: no recursion, no quadratic work.
    let runs = "<w:r><w:t>字</w:t></w:r>".repeat(200_000);
    let v = view(&format!("<w:p>{runs}</w:p>"));
    assert_eq!(v.text.chars().count(), 200_001);
    let paras = p("段").repeat(200_000);
    let v = view(&paras);
    assert_eq!(v.text.len(), 200_000 * "段\n".len());
    assert_eq!(v.map.place(&v.text, v.text.len() - 4), Some(para(200_000)));
    let depth = 100_000;
    let deep = format!(
        "<w:p>{}<w:r><w:t>深</w:t></w:r>{}</w:p>",
        "<w:hyperlink>".repeat(depth),
        "</w:hyperlink>".repeat(depth)
    );
    assert_eq!(text(&deep), "深\n");
    let deep_tables = format!(
        "{}<w:p><w:r><w:t>深表</w:t></w:r></w:p>{}",
        "<w:tbl><w:tr><w:tc>".repeat(20_000),
        "</w:tc></w:tr></w:tbl>".repeat(20_000)
    );
    assert_eq!(text(&deep_tables), "深表\n");
}

/// Cut and spliced document parts (mismatched tags, half elements, fields
/// and tables left open): an error or a view, never a panic.
#[test]
fn mangled_documents_do_not_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/docx");
    let bytes = std::fs::read(dir.join("seeds-002_9f79b915d46473d6.docx")).unwrap();
    let mut zip = ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let (document, numbering, styles) = (
        part("word/document.xml"),
        part("word/numbering.xml"),
        part("word/styles.xml"),
    );
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let boundary = |s: &str, mut i: usize| {
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for round in 0..150 {
        let mut doc = document.clone();
        let a = boundary(&doc, next(doc.len()));
        let b = boundary(&doc, (a + next(400)).min(doc.len()));
        match round % 3 {
            0 => doc.replace_range(a..b, ""),
            1 => {
                let piece = doc[a..b].to_string();
                let at = boundary(&doc, next(doc.len()));
                doc.insert_str(at, &piece);
            }
            _ => doc.truncate(a),
        }
        let body_bytes = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/_rels/document.xml.rels", DOC_RELS),
            ("word/document.xml", &doc),
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
        ]);
        if let Ok(v) = read(&body_bytes) {
            let _ = v.read();
        }
    }
}
