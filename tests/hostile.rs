//! Hostile inputs: huge lines, many lines, huge numbers, many headings, deep
//! 其中 lists, broken encodings, NUL bytes, symlink loops and unreadable entries,
//! Word zip bombs, damaged and encrypted .docx, a million runs, deep HTML nesting.
//! Each must finish with a clear message or correct findings, never a panic.
//! (Their speed is measured by bench/run.sh, not here.)

mod common;

use common::run;
use proptest::prelude::*;
use report_lint::run::{Options, check_bytes};

/// Checks bytes; every span of the result lies on char boundaries of its text.
fn check(bytes: &[u8]) -> report_lint::diagnostic::FileReport {
    let r = check_bytes("h.txt".into(), bytes, &common::RULES, &Options::default());
    for d in &r.diagnostics {
        for s in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
            assert!(
                s.start <= s.end
                    && r.source.text.is_char_boundary(s.start)
                    && r.source.text.is_char_boundary(s.end),
                "{d:?}"
            );
        }
    }
    r
}

#[test]
fn a_fifty_megabyte_single_line() {
    let unit = "2017年，全县主动公开政府信息共10811条，其中网站4993条，信息信息公开。";
    let mut text = String::from("某县2017年政府信息公开工作年度报告\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(unit);
    }
    let r = check(text.as_bytes());
    assert!(r.meta.is_some());
    // findings are capped per rule, with a note saying how many more there are
    let repeated: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "common/repeated-word")
        .collect();
    assert_eq!(repeated.len(), report_lint::engine::MAX_PER_RULE + 1);
    assert!(repeated.last().unwrap().message.contains("条发现未列出"));
    // numbers are read up to a bound, and the report says where they stopped
    let limit: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "input-limit")
        .collect();
    assert_eq!(limit.len(), 1);
    assert_eq!(limit[0].check.as_str(), "unverifiable");
    // two quantities in each 97-byte sentence: the 100,000th ends near 4.85 MB
    let at = limit[0].span.start;
    assert!(at > 4_000_000 && at < 6_000_000, "{at}");
}

#[test]
fn many_markers_long_after_one_total() {
    // Each 其中 once rescanned everything back to the last number: quadratic.
    let text = "某县2017年政府信息公开工作年度报告\n一、概述\n共10条，".to_string()
        + &"其中，".repeat(300_000)
        + "。\n";
    let r = check(text.as_bytes());
    assert!(r.meta.is_some());
    assert!(!r.diagnostics.iter().any(|d| d.rule == "input-limit"));
}

#[test]
fn a_million_short_lines() {
    let text = "某县2017年政府信息公开工作年度报告\n".to_string() + &"短句。\n".repeat(1_000_000);
    let r = check(text.as_bytes());
    assert_eq!(r.source.lines.line_count(), 1_000_002);
}

#[test]
fn a_number_with_ten_thousand_digits() {
    let digits = "9".repeat(10_000);
    let text = format!(
        "某县2017年政府信息公开工作年度报告\n一、主动公开政府信息情况\n共{digits}条。其中网站1条，其他2条。\n三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系） 申请人情况 一、本年新收政府信息公开申请数量 {digits}\n"
    );
    let r = check(text.as_bytes());
    assert!(r.meta.is_some());
}

#[test]
fn ten_thousand_headings() {
    let mut text = String::from("某县2017年政府信息公开工作年度报告\n");
    for i in 1..=10_000 {
        text.push_str(&format!("（{i}）第{i}项工作\n内容。\n"));
    }
    let r = check(text.as_bytes());
    assert!(r.meta.is_some());
}

/// A statistics table of a hundred thousand rows, one per line and all on
/// one line: the rows read are capped (the form has about sixty), so the
/// checks over them stay linear (300,000 rows took minutes before the cap).
#[test]
fn a_statistics_table_of_a_hundred_thousand_rows() {
    let head = "某县2015年政府信息公开工作年度报告\n一、概述\n正文。\n附件\n";
    for rows in [
        "统计指标\t单位\t统计数\n".to_string() + &"（一）收到申请数\t件\t1\n".repeat(100_000),
        "统计指标单位统计数".to_string() + &"（一）收到申请数件1".repeat(100_000),
    ] {
        let r = check((head.to_string() + &rows).as_bytes());
        assert!(r.meta.is_some());
    }
}

#[test]
fn deeply_repeated_other_lists() {
    let text = "某县2017年政府信息公开工作年度报告\n一、概述\n".to_string()
        + &"共10条，其中".repeat(20_000)
        + "网站5条。\n";
    let r = check(text.as_bytes());
    assert!(r.meta.is_some());
}

#[test]
fn nul_bytes_and_bad_surrogates() {
    let mut bytes = "某县2017年政府信息公开工作年度报告\n一、概述\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    let r = check(&bytes);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.check.as_str() == "input-error" && d.message.contains("二进制")),
        "{:?}",
        r.diagnostics
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for _ in 0..1000 {
        utf16.extend_from_slice(&[0x00, 0xDC]);
    }
    let r = check(&utf16);
    assert!(
        r.diagnostics[0].message.contains("无法按 UTF-16LE 解码"),
        "{:?}",
        r.diagnostics
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_unreadable_entry_in_a_walked_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("tests/fixtures/inputs/clean.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("missing.txt"), dir.path().join("b.txt")).unwrap();
    // Links are not followed by default (issue 11 §4): only a.txt is read.
    let r = run(&["check", "--format", "concise", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .ends_with("共 1 份报告：0 个错误、0 个警告、0 个提示\n"),
        "{}",
        r.stdout
    );
    // --follow follows them, detects the loop and reports the dangling link.
    let r = run(&[
        "check",
        "--follow",
        "--format",
        "concise",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stdout.contains("符号链接形成循环"), "{}", r.stdout);
    assert!(
        r.stdout.contains("b.txt:1:1: error[input-error]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .ends_with("共 3 份报告：2 个错误、0 个警告、0 个提示\n"),
        "{}",
        r.stdout
    );
}

fn seed() -> Vec<u8> {
    std::fs::read(common::root().join("examples/shanghe-2017.txt")).unwrap()
}

/// Issue 11 §1: a number with 28 or more decimal places panicked in the
/// decimal constructor (`Decimal::new(5, 29)`), killing the whole run. Also:
/// numbers beyond `Decimal`'s range after 万/亿, sums and shares of huge
/// figures, a share of a tiny base.
#[test]
fn numbers_beyond_decimal_precision_and_range() {
    let long_decimals = format!("0.{}", "1".repeat(28));
    let cases = [
        format!("标题\n共{long_decimals}个\n"),
        format!("标题\n百分之{long_decimals}\n"),
        format!("标题\n共{}个，占{long_decimals}%\n", "9".repeat(15)),
        "标题\n共79228162514264337593543950335亿条\n".to_string(),
        "标题\n共9999999999999999万条。其中，网站9999999999999999亿条，其他9999999999999999亿条。\n"
            .to_string(),
        format!("标题\n共5条，其中网站5条，占{long_decimals}%。在0.0000000001条中网站1条，占3%。\n"),
        "标题\n表\n一、本年新收政府信息公开申请数量\t79228162514264337593543950335\t79228162514264337593543950335\n".to_string(),
    ];
    for text in &cases {
        let r = check(text.as_bytes());
        assert!(r.meta.is_some(), "{text}");
    }
    // Through the binary, as the issue reproduced it: exit 0 or 1, never 101.
    let r = common::run_with_stdin(
        &["check", "--format", "concise", "-"],
        Some(cases[0].as_bytes()),
    );
    assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
}

/// Long decimal and numeral strings, the inputs the fuzzer found the panic with.
fn numberish() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9０-９]{1,40}",
        "[0-9０-９]{1,40}[.．][0-9０-９]{1,40}",
        "[0-9０-９]{1,40}[万亿]",
        "[一二三四五六七八九十百千万亿零〇两]{1,30}",
        "百分之[0-9]{1,40}([.][0-9]{1,40})?",
        "[0-9]{1,40}(,[0-9]{3}){0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn long_decimals_and_numerals_never_panic(
        parts in proptest::collection::vec((numberish(), "[条件个人次元%]?", "[，。；其中共合计占、 ]{0,3}"), 1..12)
    ) {
        let mut text = String::from("某县2021年政府信息公开工作年度报告\n共");
        for (n, unit, sep) in parts {
            text.push_str(&n);
            text.push_str(&unit);
            text.push_str(&sep);
        }
        let _ = check(text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = check(&bytes);
    }

    #[test]
    fn mutated_reports_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..40)) {
        let mut bytes = seed();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if !bytes.is_empty() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ if !bytes.is_empty() => { bytes.remove(i); }
                _ => {}
            }
        }
        let _ = check(&bytes);
    }

    #[test]
    fn mutated_text_never_panics(cut in 0usize..18000, insert in "[一二三四五六七八九十（）、。，0-9条件其中共合计\\t\\n |]{0,40}") {
        let text = String::from_utf8_lossy(&seed()).into_owned();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let edited = format!("{}{}{}", &text[..at], insert, &text[at..]);
        let _ = check(edited.as_bytes());
    }
}

/// A Word package built from parts, for the hostile DOCX inputs.
fn docx(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true);
    for (name, bytes) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

const DOCUMENT_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

/// Runs the binary on files written under a temporary folder, with a good
/// report beside them: the hostile file gets its message, the good one is
/// still checked.
fn run_beside_a_good_report(name: &str, bytes: &[u8]) -> (common::Run, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    std::fs::copy(
        common::root().join("examples/lingchuan-2017.txt"),
        dir.path().join("good.txt"),
    )
    .unwrap();
    let r = run(&[
        "check",
        "--format",
        "json",
        &dir.path().display().to_string(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(
                |d| d["path"].as_str().unwrap().ends_with("good.txt") && d["rule"] != "input-error"
            ),
        "the other report is checked"
    );
    (r, v)
}

fn message_for<'a>(v: &'a serde_json::Value, name: &str) -> &'a str {
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no finding for {name}: {v}"));
    assert_eq!(d["rule"], "input-error", "{d}");
    d["message"].as_str().unwrap()
}

#[test]
fn a_docx_zip_bomb_is_refused_with_a_message() {
    // 300 MB of one character compresses to about 300 KB.
    let mut xml = DOCUMENT_HEAD.as_bytes().to_vec();
    xml.extend_from_slice(b"<w:p><w:r><w:t>");
    xml.resize(xml.len() + 300 * 1024 * 1024, b'a');
    xml.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    let bytes = docx(
        &[("word/document.xml", &xml)],
        zip::CompressionMethod::Deflated,
    );
    drop(xml);
    assert!(bytes.len() < 2 * 1024 * 1024);
    let (r, v) = run_beside_a_good_report("bomb.docx", &bytes);
    assert_eq!(r.code, 2);
    let msg = message_for(&v, "bomb.docx");
    assert!(
        msg.contains("MiB") || msg.contains("过大") || msg.contains("超过"),
        "{msg}"
    );
}

#[test]
fn damaged_encrypted_and_empty_word_files_say_what_to_do() {
    let ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00".to_vec();
    let good = docx(
        &[(
            "word/document.xml",
            format!(
                "{DOCUMENT_HEAD}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>"
            )
            .as_bytes(),
        )],
        zip::CompressionMethod::Deflated,
    );
    let truncated = good[..good.len() / 2].to_vec();
    let no_body = docx(
        &[("docProps/app.xml", b"<Properties/>")],
        zip::CompressionMethod::Stored,
    );
    let bad_xml = docx(
        &[(
            "word/document.xml",
            format!("{DOCUMENT_HEAD}<w:p><w:r><w:t>一</w:p>").as_bytes(),
        )],
        zip::CompressionMethod::Stored,
    );
    for (name, bytes) in [
        ("encrypted.docx", ole),
        ("truncated.docx", truncated),
        ("no-body.docx", no_body),
        ("bad-xml.docx", bad_xml),
        ("empty.docx", Vec::new()),
    ] {
        let (r, v) = run_beside_a_good_report(name, &bytes);
        assert_eq!(r.code, 2, "{name}");
        let msg = message_for(&v, name);
        assert!(
            msg.contains(".docx") || msg.contains(".txt"),
            "{name}: says what to do: {msg}"
        );
    }
}

#[test]
fn a_million_runs_and_deep_html_nesting_are_read() {
    let mut xml = String::from(DOCUMENT_HEAD);
    xml.push_str("<w:p><w:r><w:t>某县2022年政府信息公开工作年度报告</w:t></w:r></w:p><w:p>");
    for _ in 0..1_000_000 {
        xml.push_str("<w:r><w:t>公开</w:t></w:r>");
    }
    xml.push_str("</w:p></w:body></w:document>");
    let bytes = docx(
        &[("word/document.xml", xml.as_bytes())],
        zip::CompressionMethod::Deflated,
    );
    let (_, v) = run_beside_a_good_report("runs.docx", &bytes);
    let f = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("runs.docx"))
        .unwrap();
    assert_eq!(f["format"], "docx");
    assert_eq!(f["year"], 2022);

    let mut page = String::from("<html><body><h1>某县2022年政府信息公开工作年度报告</h1>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str("<p>一、总体情况</p>");
    page.push_str(&"<table><tr><td>".repeat(5_000));
    let (_, v) = run_beside_a_good_report("deep.html", page.as_bytes());
    let f = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("deep.html"))
        .unwrap();
    assert_eq!(f["format"], "html");
    assert_eq!(f["year"], 2022);
}

#[test]
fn an_html_page_over_the_size_limit_and_binary_junk_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.html");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(3 * 1024 * 1024).unwrap();
    let r = run(&[
        "check",
        "--format",
        "json",
        "--max-file-size",
        "2",
        &big.display().to_string(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("input-error"), "{}", r.stdout);
    let (r, v) = run_beside_a_good_report(
        "junk.html",
        &[0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x9f, 0x92],
    );
    assert_eq!(r.code, 2);
    assert!(!message_for(&v, "junk.html").is_empty());
}

/// Hard-wrapped lines without a single punctuation mark, one unit of text
/// repeated: the joined paragraph is one sentence of half a megabyte, and
/// every figure's label, base and repeat is looked for in bounded windows
/// (quadratic before: a minute a megabyte in a release build).
#[test]
fn hard_wrapped_text_without_punctuation() {
    let unit = "2017年全县主动公开政府信息共10811条其中网站4993条信息信息公开并且审核审核";
    let body: Vec<char> = unit.repeat(512 * 1024 / unit.len() + 1).chars().collect();
    let mut text = String::from("某县2017年政府信息公开工作年度报告\n");
    for line in body.chunks(30) {
        text.extend(line);
        text.push('\n');
    }
    let r = check(text.as_bytes());
    assert!(r.meta.is_some());
}
