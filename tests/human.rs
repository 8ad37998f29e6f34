//! The human format for a person at a terminal (issue 15 §1): it fits the
//! width (COLUMNS, 100 when unknown), draws few labels per finding, speaks
//! Chinese around the messages (English with `--lang en`), can draw with
//! ASCII only, and groups findings by report with a verdict per report and a
//! table of the reports that did not pass. Goldens at 80 and 120 columns.

mod common;

use common::{bin, root, run_at};
use report_lint::diagnostic::{Check, Diagnostic, FileMeta, FileReport, Label, Severity};
use report_lint::render::{Format, RenderCtx, Style, render};
use report_lint::source::{SourceFile, Span};
use unicode_width::UnicodeWidthStr;

/// `check` with COLUMNS set (and any other arguments).
fn human(columns: usize, args: &[&str]) -> (i32, String) {
    let args = [&["check", "--color", "never"][..], args].concat();
    let r = run_at(columns, &args);
    (r.code, r.stdout)
}

fn widest(text: &str) -> (usize, &str) {
    text.lines()
        .map(|l| (l.width(), l))
        .max_by_key(|(w, _)| *w)
        .unwrap_or((0, ""))
}

#[test]
fn golden_at_80_and_120_columns() {
    // 观水: a missing section, the declared outline (labels far apart on one
    // long line), a year; 上河: a 400-character line; 淮安 passes.
    let files = [
        "examples/guanshui-2017.txt",
        "examples/shanghe-2017.txt",
        "examples/huaian-2024.html",
    ];
    for width in [80, 120] {
        let (code, out) = human(width, &files);
        assert_eq!(code, 1);
        let (w, line) = widest(&out);
        assert!(w <= width, "{w} > {width}: {line}");
        insta::assert_snapshot!(format!("human-{width}-columns"), out);
    }
}

/// Every report of the corpus the project carries, at three widths and in
/// both drawing modes: no line of the human output is wider than the width.
#[test]
fn no_line_is_wider_than_the_terminal_over_the_corpus() {
    let dirs = [
        "examples",
        "tests/fixtures/real",
        "tests/fixtures/national",
        "tests/fixtures/series",
        "tests/fixtures/formats/docx",
        "tests/fixtures/formats/html",
    ];
    for width in [60, 80, 120] {
        for ascii in [false, true] {
            let mut args: Vec<&str> = dirs.to_vec();
            if ascii {
                args.push("--ascii");
            }
            let (code, out) = human(width, &args);
            assert!(code == 1, "{width}: exit {code}");
            assert!(out.lines().count() > 200, "the corpus has findings");
            let (w, line) = widest(&out);
            assert!(w <= width, "{width} columns, ascii {ascii}: {w}: {line}");
        }
    }
}

#[test]
fn ascii_mode_draws_with_ascii_only() {
    let (_, out) = human(100, &["--ascii", "examples/guanshui-2017.txt"]);
    let drawing: String = out
        .lines()
        .filter(|l| l.contains(" | ") || l.trim_start().starts_with('|'))
        .flat_map(|l| l.chars().take_while(|c| *c != '：'))
        .collect();
    assert!(!drawing.is_empty());
    for c in ['│', '─', '╭', '╰', '╯', '┬', '…'] {
        assert!(!out.contains(c), "{c} in ascii mode:\n{out}");
    }
    assert!(out.contains("..."), "cuts are marked with ...");
}

#[test]
fn the_frame_is_chinese_and_english_on_request() {
    let (_, zh) = human(
        100,
        &["examples/guanshui-2017.txt", "examples/huaian-2024.html"],
    );
    assert!(zh.contains("错误[gov2008/section-active]："));
    assert!(zh.contains("警告[common/year]："));
    assert!(zh.contains("提示[gov2008/section-other]："));
    assert!(zh.contains("│ 帮助："));
    assert!(zh.contains("examples/huaian-2024.html：通过\n"));
    assert!(
        zh.ends_with("共 2 份报告：3 个错误、3 个警告、1 个提示\n"),
        "{zh}"
    );
    for english in ["Error", "Warning", "Help", "Note", "files:"] {
        assert!(!zh.contains(english), "{english} in the Chinese frame");
    }
    let (_, en) = human(
        100,
        &[
            "--lang",
            "en",
            "examples/guanshui-2017.txt",
            "examples/huaian-2024.html",
        ],
    );
    assert!(en.contains("error[gov2008/section-active]: "));
    assert!(en.contains("warning[common/year]: "));
    assert!(en.contains("│ help: "));
    assert!(en.contains("examples/huaian-2024.html: passed\n"));
    assert!(en.contains("examples/guanshui-2017.txt: 3 errors, 3 warnings\n"));
    assert!(en.contains("Reports that did not pass (1 of 2):"));
    assert!(
        en.ends_with("2 files: 3 errors, 3 warnings, 1 note\n"),
        "{en}"
    );
    // The messages stay Chinese.
    assert!(en.contains("缺少「主动公开政府信息的情况」部分"));
}

#[test]
fn findings_are_grouped_by_report_with_a_verdict_and_a_table_of_failures() {
    let (_, out) = human(100, &["examples"]);
    let lines: Vec<&str> = out.lines().collect();
    let verdict = |path: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(&format!("{path}：")))
            .unwrap_or_else(|| panic!("no verdict for {path}"))
    };
    // Each report's findings come before its verdict and after the previous one's.
    let g = verdict("examples/guanshui-2017.txt");
    let h = verdict("examples/hongze-2023.docx");
    assert_eq!(lines[g], "examples/guanshui-2017.txt：3 个错误、3 个警告");
    assert_eq!(
        lines[verdict("examples/huaian-2024.html")],
        "examples/huaian-2024.html：通过"
    );
    let first_hongze = lines
        .iter()
        .position(|l| l.contains("examples/hongze-2023.docx:"))
        .unwrap();
    assert!(g < first_hongze && first_hongze < h);
    assert!(
        !lines[..g]
            .iter()
            .any(|l| l.contains("examples/hongze-2023.docx")),
        "another report's findings before 观水's verdict"
    );
    // The table: the six reports that did not pass, counts first.
    let t = lines
        .iter()
        .position(|l| *l == "未通过的报告（6 / 7）：")
        .expect("the table");
    assert_eq!(lines[t + 1], "  错误    警告    提示  报告");
    assert_eq!(
        lines[t + 2],
        "     3       3       1  examples/guanshui-2017.txt"
    );
    let rows: Vec<&&str> = lines[t + 2..]
        .iter()
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 6);
    assert!(!rows.iter().any(|r| r.contains("huaian")));
    // -q: no verdicts for reports that passed.
    let (_, quiet) = human(100, &["-q", "examples"]);
    assert!(!quiet.contains("：通过"));
    assert!(quiet.contains("未通过的报告"));
}

#[test]
fn a_missing_section_has_one_label_and_lists_the_headings_in_its_help() {
    let out = bin()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "gov2008/section-active",
            "examples/guanshui-2017.txt",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "gov2008/section-active");
    assert_eq!(d["labels"].as_array().map(Vec::len), Some(0), "{d}");
    let help = d["help"].as_str().unwrap();
    assert!(
        help.contains("已有的一级标题：「一、概述」「二、政府信息公开的组织领导和制度建设情况」"),
        "{help}"
    );
    let (_, human) = human(
        80,
        &[
            "--select",
            "gov2008/section-active",
            "examples/guanshui-2017.txt",
        ],
    );
    assert_eq!(
        human.lines().filter(|l| l.contains('╰')).count(),
        1,
        "one label: {human}"
    );
}

/// A finding of my own with labels on ten lines and one long label message:
/// four windows are drawn, the rest named in a note by line; the long
/// message is cut in the drawing and given whole below it.
#[test]
fn many_labels_are_folded_and_long_messages_given_whole() {
    let mut text = String::from("某县2023年政府信息公开工作年度报告\n");
    let mut parts = Vec::new();
    for i in 1..=10 {
        let line = format!(
            "第{i}项：本年收到申请{}件，{}\n",
            10 + i,
            "办理情况良好".repeat(8)
        );
        let at = text.len() + line.find("申请").unwrap() + "申请".len();
        let figure = format!("{}件", 10 + i);
        parts.push(Span::new(at, at + figure.len()));
        text.push_str(&line);
    }
    let long =
        "本项数字与上一年度报告所填的同一项数字相同，很可能沿用了上一年度的报告而未更新本年数据";
    let mut labels: Vec<Label> = parts[1..]
        .iter()
        .enumerate()
        .map(|(k, s)| Label::new(*s, format!("分项 {}", k + 2)))
        .collect();
    labels[0].message = long.to_string();
    let d = Diagnostic {
        rule: "common/breakdown-sum".into(),
        check: Check::SumMismatch,
        severity: Severity::Error,
        message: "分项合计 155 件，与总数 11 件不符（差 144 件）".into(),
        span: parts[0],
        span_label: Some("总数".into()),
        labels,
        help: None,
        fix: None,
    };
    let report = FileReport {
        source: SourceFile::new("县.txt".into(), text),
        meta: Some(FileMeta {
            packs: vec!["gov-2021".into()],
            year: Some(2023),
            issuer: None,
        }),
        diagnostics: vec![d],
    };
    let rules = report_lint::engine::RuleSet::default();
    let ctx = RenderCtx {
        color: false,
        style: Style {
            width: 80,
            ..Style::default()
        },
        quiet: false,
        reports: 1,
        rules: &rules,
        step_summary: None,
        fail_on: Severity::Error,
    };
    let mut out = Vec::new();
    render(Format::Human, &[report], &ctx, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let (w, line) = widest(&out);
    assert!(w <= 80, "{w}: {line}");
    assert_eq!(out.lines().filter(|l| l.contains('╰')).count(), 4, "{out}");
    assert!(
        out.contains("│ 另有：6 处标注未画出（第 6、7、8、9、10、11 行）"),
        "{out}"
    );
    let whole: String = out
        .lines()
        .skip_while(|l| !l.contains("标注："))
        .map(|l| l.trim_start_matches([' ', '│']).trim())
        .collect();
    assert!(whole.contains(long), "{out}");
    assert!(out.contains("县.txt：1 个错误\n"));
    let _ = root();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    /// Any text (tabs, escapes, combining and zero-width characters, CJK),
    /// any spans and label messages, any width: the whole drawing of a
    /// finding — header, windows, labels, help, notes — fits.
    #[test]
    fn every_line_fits_whatever_the_text(
        text in "[甲乙，。「」ab 1\t\u{1b}\u{301}\u{200b}\n]{1,400}",
        spans in proptest::collection::vec((0usize..500, 0usize..80, "[标注ab ]{0,40}"), 1..10),
        message in "[分项合计与总数不符 0-9]{1,120}",
        width in 40usize..130,
        ascii in proptest::bool::ANY,
    ) {
        let boundary = |mut at: usize| {
            at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let mut labels: Vec<Label> = spans
            .iter()
            .map(|(start, len, m)| {
                let s = boundary(*start);
                Label::new(Span::new(s, boundary(s + len).max(s)), m.clone())
            })
            .collect();
        let first = labels.remove(0);
        let d = Diagnostic {
            rule: "common/breakdown-sum".into(),
            check: Check::SumMismatch,
            severity: Severity::Warning,
            message: message.clone(),
            span: first.span,
            span_label: Some(first.message.clone()),
            labels,
            help: Some(message.repeat(2)),
            fix: None,
        };
        let report = FileReport {
            source: SourceFile::new("某县/报告.txt".into(), text.clone()),
            meta: None,
            diagnostics: vec![d],
        };
        let rules = report_lint::engine::RuleSet::default();
        let ctx = RenderCtx {
            color: false,
            style: Style { width, ascii, ..Style::default() },
            quiet: false,
            reports: 1,
            rules: &rules,
            step_summary: None,
            fail_on: Severity::Error,
        };
        let mut out = Vec::new();
        render(Format::Human, &[report], &ctx, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let (w, line) = widest(&out);
        proptest::prop_assert!(w <= width, "{} > {}: {:?}\n{}", w, width, line, out);
    }
}

/// `--help` of every command, in both languages, and a rule's explanation
/// fit the terminal too (clap wraps only at spaces; Chinese has none).
#[test]
fn help_and_rule_explanations_fit_the_terminal() {
    for width in [80, 120] {
        for lang in ["zh", "en"] {
            for sub in ["", "check", "rules", "rule", "config", "init", "man"] {
                let mut args = vec!["--lang", lang];
                if !sub.is_empty() {
                    args.push(sub);
                }
                args.push("--help");
                let r = run_at(width, &args);
                assert_eq!(r.code, 0, "{args:?}");
                let (w, line) = widest(&r.stdout);
                assert!(w <= width, "{args:?} at {width}: {w}: {line}");
            }
        }
        for rule in [
            "common/percent",
            "gov2008/section-appeals",
            "gov2021/t3-results",
        ] {
            let r = run_at(width, &["rule", rule]);
            assert_eq!(r.code, 0, "rule {rule}");
            let (w, line) = widest(&r.stdout);
            assert!(w <= width, "rule {rule} at {width}: {w}: {line}");
        }
    }
}
