//! Certain fixes (issue 15 §7): carried in JSON and SARIF, shown by `--diff`
//! (a golden file), applied by `--fix` to .txt and .md files in their own
//! encoding — junk removed, a broken paragraph joined, a heading's numbering
//! style — and never to a DOCX or HTML file, a figure or a year.

mod common;

use common::{bin, root, run};

/// A report with one of each fixable defect and a missing section (not
/// fixable), written for this test.
const REPORT: &str = "某县人民政府2017年政府信息公开工作年度报告
1、概述
2017年，我县认真贯彻落实《条例》，政府信息公开工作有序推进。
[bookmark: _GoBack]全年主动公开政府信息1200条，其中政策文件700条，工作动态400条。
二、主动公开政府信息的情况
（一）公开内容
本年度重点公开了财政预算决算、重大建设项目和公共资源配置等领域的信息，群众满意度进一步提
高。
（2）公开渠道
通过政府网站和政务新媒体公开信息。
三、依申请公开政府信息和不予公开政府信息的情况
全年收到申请10件，答复10件。
四、因政府信息公开申请行政复议、提起行政诉讼的情况
未发生行政复议和行政诉讼。
五、存在的主要问题及改进措施
公开的深度还需加强。
六、其他需要报告的事项
无。
";

#[test]
fn diff_shows_the_certain_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    std::fs::write(&path, REPORT).unwrap();
    let mut c = bin();
    c.current_dir(dir.path())
        .args(["check", "--diff", "report.txt"]);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("diff", diff);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), REPORT);
}

#[test]
fn fix_applies_them_in_the_files_encoding_and_reports_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    let (gbk, _, _) = encoding_rs::GBK.encode(REPORT);
    std::fs::write(&path, &gbk).unwrap();
    let mut c = bin();
    c.current_dir(dir.path())
        .args(["check", "--fix", "--format", "concise", "report.txt"]);
    let out = c.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("已修正 4 处（1 个文件）"), "{stderr}");
    // Left: the missing section (only certain corrections are made).
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("gov2008/section-fees"), "{stdout}");
    for fixed in [
        "conversion-artifact",
        "broken-paragraph",
        "heading-numbering",
    ] {
        assert!(!stdout.contains(fixed), "{fixed}: {stdout}");
    }
    let bytes = std::fs::read(&path).unwrap();
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    assert!(!bad, "still GBK");
    assert!(text.starts_with("某县人民政府2017年政府信息公开工作年度报告\n一、概述\n"));
    assert!(text.contains("\n全年主动公开政府信息1200条，其中政策文件700条，工作动态400条。"));
    assert!(text.contains("群众满意度进一步提高。\n（二）公开渠道"));
    // Checked again: nothing left to fix.
    let mut c = bin();
    c.current_dir(dir.path())
        .args(["check", "--diff", "report.txt"]);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn json_and_sarif_carry_the_fix_and_word_files_get_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    std::fs::write(&path, REPORT).unwrap();
    let p = path.display().to_string();
    let r = run(&["check", "--format", "json", &p]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let fixes: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.get("fix"))
        .collect();
    assert_eq!(fixes.len(), 4, "{}", r.stdout);
    let heading = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "common/heading-numbering" && d["line"] == 2)
        .unwrap();
    assert_eq!(heading["fix"]["edits"][0]["replacement"], "一、");
    assert_eq!(heading["fix"]["edits"][0]["line"], 2);
    let r = run(&["check", "--format", "sarif", &p]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let with_fixes = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x.get("fixes").is_some())
        .count();
    assert_eq!(with_fixes, 4);
    // A Word document's text is the reader's view, not the file: no fix.
    let docx = root().join("tests/fixtures/formats/docx/seeds-004_ad8af40d0a921405.docx");
    let r = run(&["check", "--format", "json", docx.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "common/heading-numbering"),
        "the finding is there"
    );
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d.get("fix").is_none())
    );
}
