//! Reports in the forms they are written and published: which files a walk
//! picks up, what a file in a format report-lint cannot read gets, and (with
//! the HTML and DOCX readers) the same report as text, page and Word document.

mod common;

use common::{json, run};

const REPORT: &str = "examples/lingchuan-2017.txt";

fn checked_paths(v: &serde_json::Value) -> Vec<String> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn findings_of<'a>(v: &'a serde_json::Value, file: &str) -> Vec<&'a serde_json::Value> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().unwrap().ends_with(file))
        .collect()
}

#[test]
fn a_walk_finds_every_readable_format_and_reports_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    let report = std::fs::read(REPORT).unwrap();
    for name in ["a.txt", "b.md", "c.TXT"] {
        std::fs::write(dir.path().join(name), &report).unwrap();
    }
    // Repository documents and other files are passed over.
    std::fs::write(dir.path().join("README.md"), "# 年报仓库\n").unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    std::fs::write(dir.path().join("LICENSE"), "MIT\n").unwrap();
    // Formats report-lint cannot read: said, with what to do.
    std::fs::write(
        dir.path().join("d.doc"),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    )
    .unwrap();
    std::fs::write(dir.path().join("e.pdf"), b"%PDF-1.7\n").unwrap();
    let path = dir.path().display().to_string();
    let r = run(&["check", "--format", "json", &path]);
    assert_eq!(
        r.code, 2,
        "unreadable formats are input errors: {}",
        r.stderr
    );
    let v = json(&r);
    let files = checked_paths(&v);
    assert_eq!(files, ["a.txt", "b.md", "c.TXT", "d.doc", "e.pdf"]);
    for (file, what) in [("d.doc", "Word 97–2003 文档"), ("e.pdf", "PDF 文件")] {
        let ds = findings_of(&v, file);
        assert_eq!(ds.len(), 1, "{file}: {ds:?}");
        assert_eq!(ds[0]["rule"], "input-error");
        let msg = ds[0]["message"].as_str().unwrap();
        assert!(msg.contains(what), "{msg}");
        assert!(msg.contains("请另存为 .docx 或 .txt 后再检查"), "{msg}");
    }
    let formats: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["format"].as_str())
        .collect();
    assert_eq!(formats, ["text", "markdown", "text"]);

    // `--ext` narrows the walk, and then other formats are not reported.
    let r = run(&["check", "--format", "json", "--ext", ".TXT", &path]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(checked_paths(&json(&r)), ["a.txt", "c.TXT"]);
    let r = run(&["check", "--format", "json", "--ext", "*.md,txt", &path]);
    assert_eq!(checked_paths(&json(&r)), ["a.txt", "b.md", "c.TXT"]);
    let r = run(&["check", "--ext", "a/b", &path]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("不是扩展名"), "{}", r.stderr);
}

#[test]
fn a_walk_passes_over_hidden_and_ignored_paths_unless_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    let report = std::fs::read(common::root().join(REPORT)).unwrap();
    for f in [
        "a.txt",
        ".draft.txt",
        ".history/b.txt",
        "build/c.txt",
        "old/d.txt",
        "e.txt",
        "f.md",
    ] {
        let p = root.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, &report).unwrap();
    }
    std::fs::write(root.join(".gitignore"), "build/\ne.txt\n").unwrap();
    std::fs::write(root.join(".ignore"), "old/\n").unwrap();
    let walked = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        let r = common::bin()
            .current_dir(root)
            .args(&args)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(walked(&["."]), ["./a.txt", "./f.md"]);
    assert_eq!(
        walked(&["--no-ignore", "."]),
        [
            "./.draft.txt",
            "./.history/b.txt",
            "./a.txt",
            "./build/c.txt",
            "./e.txt",
            "./f.md",
            "./old/d.txt"
        ]
    );
    // Named, a path is checked whatever the ignore files say; a walk of an
    // ignored folder named on the command line walks it.
    assert_eq!(walked(&["e.txt", ".draft.txt"]), ["e.txt", ".draft.txt"]);
    assert_eq!(walked(&["build"]), ["build/c.txt"]);
}

#[test]
fn a_folder_with_no_report_is_an_error_that_says_what_was_looked_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "# 说明\n").unwrap();
    let path = dir.path().display().to_string();
    let r = run(&["check", "--format", "concise", &path]);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.contains("没有检查任何文件")
            && r.stdout.contains("*.txt、*.md、*.html、*.htm、*.docx"),
        "{}",
        r.stdout
    );
    let r = run(&["check", "--format", "concise", "--ext", "html", &path]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("找的是 *.html；"), "{}", r.stdout);
}

#[test]
fn a_named_file_in_an_unreadable_format_is_an_input_error_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let wps = dir.path().join("报告.wps");
    std::fs::write(&wps, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").unwrap();
    let r = run(&[
        "check",
        "--format",
        "json",
        &wps.display().to_string(),
        REPORT,
    ]);
    assert_eq!(r.code, 2);
    let v = json(&r);
    let ds = findings_of(&v, "报告.wps");
    assert!(
        ds[0]["message"].as_str().unwrap().contains("WPS 文字文档"),
        "{ds:?}"
    );
    assert!(
        !findings_of(&v, "lingchuan-2017.txt").is_empty(),
        "the other file is checked"
    );
}

#[test]
fn a_container_under_a_text_name_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, what) in [
        (
            "docx.txt",
            &b"PK\x03\x04\x14\x00\x00\x00"[..],
            "请把扩展名改为 .docx",
        ),
        (
            "doc.txt",
            &b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"[..],
            "Word 97–2003",
        ),
        ("pdf.txt", &b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"[..], "PDF"),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let r = run(&["check", "--format", "json", &p.display().to_string()]);
        assert_eq!(r.code, 2, "{name}");
        let v = json(&r);
        let msg = v["diagnostics"][0]["message"].as_str().unwrap();
        assert!(msg.contains(what), "{name}: {msg}");
    }
}

/// (rule, message) of every finding, sorted: what a person reads, whatever
/// the format (places differ by format and are compared apart).
fn findings(path: &str) -> (i32, Vec<(String, String)>) {
    let r = run(&["check", "--format", "json", path]);
    let v = json(&r);
    let mut out: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    (r.code, out)
}

/// The same report as `.txt`, `.html` and `.docx` gives the same findings:
/// every report of the shared corpus, in the three forms
/// `tests/fixtures/formats/generate.py` writes.
#[test]
fn parity_of_text_html_and_docx_over_every_corpus_report() {
    let dir = common::root().join("tests/fixtures/formats");
    let mut names: Vec<String> = std::fs::read_dir(dir.join("src"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n.trim_end_matches(".txt").to_string())
        .collect();
    names.sort();
    assert_eq!(names.len(), 17);
    let mut failures = Vec::new();
    for name in &names {
        let txt = findings(&format!("tests/fixtures/formats/src/{name}.txt"));
        for ext in ["html", "docx"] {
            let other = findings(&format!("tests/fixtures/formats/{ext}/{name}.{ext}"));
            if other != txt {
                let only_txt: Vec<_> = txt.1.iter().filter(|f| !other.1.contains(f)).collect();
                let only_other: Vec<_> = other.1.iter().filter(|f| !txt.1.contains(f)).collect();
                failures.push(format!(
                    "{name}.{ext}: exit {} vs {}\n  only in .txt: {only_txt:#?}\n  only in .{ext}: {only_other:#?}",
                    txt.0, other.0
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An HTML finding's line and column are the page's: the character there is
/// the first character of the text the finding points at (or the `&` of
/// the entity that wrote it), in every diagnostic of every page.
#[test]
fn html_findings_point_at_the_page_source() {
    let dir = common::root().join("tests/fixtures/formats/html");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let mut checked = 0;
    for page in pages {
        let rel = page
            .strip_prefix(common::root())
            .unwrap()
            .display()
            .to_string();
        let bytes = std::fs::read(&page).unwrap();
        let source = report_lint::source::decode::decode(&bytes, None)
            .unwrap()
            .text;
        let lines: Vec<&str> = source.split('\n').collect();
        let view = report_lint::read::read(bytes, report_lint::read::Format::Html, None)
            .unwrap()
            .doc
            .text;
        let v = json(&run(&["check", "--format", "json", &rel]));
        for d in v["diagnostics"].as_array().unwrap() {
            let (b, e) = (
                d["byte_start"].as_u64().unwrap() as usize,
                d["byte_end"].as_u64().unwrap() as usize,
            );
            if b == e {
                continue;
            }
            let want = view[b..].chars().next().unwrap();
            let (line, col) = (
                d["line"].as_u64().unwrap() as usize,
                d["column"].as_u64().unwrap() as usize,
            );
            let got = lines[line - 1].chars().nth(col - 1);
            assert!(
                got == Some(want) || got == Some('&'),
                "{rel}: {} at {line}:{col} is {got:?}, the finding's text starts with {want:?}",
                d["rule"]
            );
            assert!(d.get("place").is_none(), "lines are the place of a page");
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} findings checked");
}

/// A Word finding names its paragraph or table cell, in JSON, in SARIF and in
/// the human header; the cells are those of the document's grid.
#[test]
fn docx_findings_name_their_paragraph_or_cell() {
    let rel = "tests/fixtures/formats/docx/real-2023_hongze_qu.docx";
    let v = json(&run(&["check", "--format", "json", rel]));
    let places: Vec<(String, serde_json::Value)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["place"].clone()))
        .collect();
    // 表四 (the third table) has three header rows: its figures are row 4;
    // 行政复议's 总计 is the fifth column, 复议后起诉's the fifteenth.
    let cell = |row: u64, column: u64| serde_json::json!({"kind": "cell", "table": 3, "row": row, "column": column});
    assert!(
        places.contains(&("gov2021/t4-review".into(), cell(4, 5))),
        "{places:?}"
    );
    assert!(
        places.contains(&("gov2021/t4-after".into(), cell(4, 15))),
        "{places:?}"
    );
    let labels = &v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "gov2021/t4-review")
        .unwrap()["labels"];
    assert_eq!(
        labels[0]["place"],
        cell(4, 1),
        "行政复议结果维持 is the row's first cell"
    );

    let human = run(&["check", "--color", "never", rel]).stdout;
    assert!(
        human.contains("real-2023_hongze_qu.docx:58:10（第 3 个表格第 4 行第 5 列）"),
        "{human}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&run(&["check", "--format", "sarif", rel]).stdout).unwrap();
    let loc = &sarif["runs"][0]["results"][1]["locations"][0];
    assert_eq!(
        loc["properties"]["description"], "第 3 个表格第 4 行第 5 列",
        "{loc}"
    );
    assert!(
        loc["physicalLocation"].get("region").is_none(),
        "no lines in a Word file: {loc}"
    );

    // Prose: a paragraph. seeds-000 has findings in its paragraphs.
    let v = json(&run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/formats/docx/seeds-000_5abb703f6c3c372c.docx",
    ]));
    let kinds: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["place"]["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"paragraph"), "{kinds:?}");
}

/// Word headings by style (「标题 1」, 「标题 2」) with no number are headings
/// of the outline: the sections a 2008-format report needs are found in them.
#[test]
fn docx_headings_by_style_without_numbers_are_headings() {
    use std::io::Write;
    let para = |style: Option<&str>, text: &str| {
        let ppr = style.map_or(String::new(), |s| {
            format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
        });
        format!("<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>")
    };
    let body = [
        para(None, "某县2017年政府信息公开工作年度报告"),
        para(Some("1"), "概述"),
        para(
            None,
            "2017年，本县主动公开政府信息1210条，受理依申请公开35件，均按期答复。",
        ),
        para(Some("1"), "主动公开政府信息的情况"),
        para(Some("2"), "公开的数量"),
        para(None, "全年主动公开政府信息1210条。"),
        para(Some("2"), "公开的渠道"),
        para(None, "通过政府网站公开1100条，通过政务微博公开110条。"),
        para(Some("1"), "依申请公开政府信息和不予公开政府信息的情况"),
        para(None, "全年受理申请35件，均已答复。"),
        para(Some("1"), "政府信息公开的收费及减免情况"),
        para(None, "未收取任何费用。"),
        para(Some("1"), "因政府信息公开申请提起行政复议、行政诉讼的情况"),
        para(None, "未发生行政复议和行政诉讼。"),
        para(Some("1"), "政府信息公开工作存在的主要问题及改进情况"),
        para(None, "公开的及时性有待提高，下一步将加强培训。"),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/></w:style></w:styles>";
    let write = |with_styles: bool| {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(document.as_bytes()).unwrap();
        if with_styles {
            z.start_file("word/styles.xml", opts).unwrap();
            z.write_all(styles.as_bytes()).unwrap();
        }
        z.finish().unwrap();
        out.into_inner()
    };
    let dir = tempfile::tempdir().unwrap();
    let rules_of = |name: &str, bytes: Vec<u8>| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let v = json(&run(&[
            "check",
            "--format",
            "json",
            &path.display().to_string(),
        ]));
        let mut rules: Vec<String> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] != "info")
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        rules.sort();
        rules
    };
    assert_eq!(rules_of("styled.docx", write(true)), Vec::<String>::new());
    // Without the styles the same words are not headings: sections missing.
    let bare = rules_of("bare.docx", write(false));
    assert!(
        bare.iter().any(|r| r.starts_with("gov2008/section-")),
        "{bare:?}"
    );
}

/// A repository of reports holds notes too (an English file quoting a few
/// Chinese phrases, a 说明 that mentions the reports once): a walk passes
/// them over with an info note and does not count them as reports; a report
/// whose title was lost is still checked; a note named on the command line
/// is checked as asked.
#[test]
fn a_walk_passes_over_files_that_are_not_reports() {
    let dir = tempfile::tempdir().unwrap();
    let report = std::fs::read_to_string("examples/lianshui-2017.txt").unwrap();
    std::fs::write(dir.path().join("a.txt"), &report).unwrap();
    // The title line lost in conversion: the body still says 信息公开 throughout.
    let untitled: String = report.lines().skip(2).collect::<Vec<_>>().join("\n");
    std::fs::write(dir.path().join("b.txt"), untitled).unwrap();
    std::fs::write(
        dir.path().join("EXPECTED.md"),
        "# What a reviewer finds\n\n- error: the 「依申请公开」 total (17) disagrees with the table.\n- The 信息公开 platform section is missing.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("说明.txt"),
        "本目录收录本单位历年的报告，按年份命名。\n2023年起改用新的统计表格式，信息公开指南另见网站。\n",
    )
    .unwrap();
    let path = dir.path().display().to_string();
    let r = run(&["check", "--format", "json", &path]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["summary"]["files"], 2, "two reports checked");
    for note in ["EXPECTED.md", "说明.txt"] {
        let ds = findings_of(&v, note);
        assert_eq!(ds.len(), 1, "{note}: {ds:?}");
        assert_eq!(ds[0]["rule"], "not-a-report");
        assert_eq!(ds[0]["severity"], "info");
    }
    for report in ["a.txt", "b.txt"] {
        assert!(
            !findings_of(&v, report)
                .iter()
                .any(|d| d["rule"] == "not-a-report"),
            "{report} is a report"
        );
    }
    // The untitled report gets the rules: a missing section (2008 pack) at least.
    assert!(
        findings_of(&v, "b.txt")
            .iter()
            .any(|d| d["rule"].as_str().unwrap().starts_with("gov2008/")),
        "the untitled report is checked: {:?}",
        findings_of(&v, "b.txt")
    );
    // Named, a note is checked as asked.
    let named = dir.path().join("说明.txt").display().to_string();
    let v = json(&run(&["check", "--format", "json", &named]));
    assert!(
        !v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "not-a-report")
    );
    // A folder of notes only checked nothing: an error that says why.
    for f in ["a.txt", "b.txt"] {
        std::fs::remove_file(dir.path().join(f)).unwrap();
    }
    let r = run(&["check", "--format", "concise", &path]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("没有检查任何文件：给出的路径下的 2 个文件都不像年度报告"),
        "{}",
        r.stdout
    );
}
