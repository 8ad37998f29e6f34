//! CLI contracts: exit codes, formats, encodings, bad input, bad rule packs,
//! and the `rules` / `rule` commands. Human output is pinned by golden files.

mod common;

use common::{json, run, run_with_stdin};
use unicode_width::UnicodeWidthStr;

const SEEDS: [&str; 5] = ["lianshui", "lingchuan", "shanghe", "guanshui", "tongjiang"];

#[test]
fn human_output_of_every_seed_is_golden() {
    for seed in SEEDS {
        let path = format!("examples/{seed}-2017.txt");
        let r = run(&["check", "--color", "never", &path]);
        // 同江 has warnings and notes only; the others have errors
        assert_eq!(
            r.code,
            if seed == "tongjiang" { 0 } else { 1 },
            "{seed}: {}",
            r.stderr
        );
        insta::assert_snapshot!(format!("human-{seed}"), r.stdout);
    }
}

#[test]
fn json_output_is_golden() {
    let r = run(&["check", "--format", "json", "examples/lingchuan-2017.txt"]);
    assert_eq!(r.code, 1, "a sum-mismatch error: exit 1");
    insta::assert_snapshot!("json-lingchuan", r.stdout);
    let v = json(&r);
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"][0]["encoding"], "UTF-8");
    assert_eq!(v["files"][0]["pack"], "gov-2008");
    assert_eq!(v["files"][0]["year"], 2017);
    assert_eq!(v["summary"]["files"], 1);
    let d = &v["diagnostics"][1];
    assert_eq!(
        (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("common/breakdown-sum"), Some(29), Some(70))
    );
    assert_eq!(d["labels"].as_array().unwrap().len(), 5);
    assert_eq!(
        d["message"],
        "分项合计 8331 条，与总数 8532 条不符（差 201 条）"
    );
}

#[test]
fn human_output_of_a_long_line_report_stays_narrow() {
    let r = run(&["check", "--color", "never", "examples/shanghe-2017.txt"]);
    for line in r.stdout.lines() {
        assert!(line.width() <= 160, "{} columns: {line}", line.width());
    }
    // the excerpt is cut around the span, with the true line:column in the header
    assert!(r.stdout.contains("examples/shanghe-2017.txt:19:351"));
    assert!(
        r.stdout.contains(
            " 19 │ …优上报政府领导，并转发相关部[image: image1.png]FEC ORARI AMG-ANAASSE\n"
        )
    );
}

#[test]
fn summary_and_exit_codes() {
    let r = run(&["check", "--color", "never", "examples"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .ends_with("7 files: 10 errors, 14 warnings, 5 notes\n"),
        "{}",
        r.stdout
    );
    let clean = run(&["check", "tests/fixtures/inputs/clean.txt"]);
    assert_eq!(
        (clean.code, clean.stdout.as_str()),
        (0, "1 file: 0 errors, 0 warnings, 0 notes\n")
    );
    let warn = run(&[
        "check",
        "--fail-on",
        "warning",
        "examples/lingchuan-2017.txt",
    ]);
    assert_eq!(warn.code, 1);
}

#[test]
fn concise_format() {
    let r = run(&[
        "check",
        "--format",
        "concise",
        "examples/tongjiang-2017.txt",
    ]);
    assert!(r.stdout.contains("examples/tongjiang-2017.txt:28:1: warning[common/conversion-artifact] 文本中残留转换痕迹（Word 书签标记）：[bookmark: _GoBack]\n"));
}

#[test]
fn jsonl_format() {
    let r = run(&["check", "--format", "jsonl", "examples/guanshui-2017.txt"]);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines
            .iter()
            .all(|l| l["path"] == "examples/guanshui-2017.txt")
    );
}

#[test]
fn every_encoding_is_read() {
    for (file, enc) in [
        ("gbk-crlf.txt", "GB18030"),
        ("utf16le-bom.txt", "UTF-16LE"),
        ("utf16be-bom.txt", "UTF-16BE"),
        ("utf8-bom.txt", "UTF-8"),
        ("cr-only.txt", "UTF-8"),
    ] {
        let path = format!("tests/fixtures/encodings/{file}");
        let r = run(&["check", "--format", "json", &path]);
        let v = json(&r);
        assert_eq!(v["files"][0]["encoding"], enc, "{file}");
        // the same report in every encoding: one repeated word on line 14, column 1
        let d = &v["diagnostics"];
        assert_eq!(d.as_array().unwrap().len(), 1, "{file}: {d}");
        assert_eq!(
            (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
            (Some(14), Some(1)),
            "{file}"
        );
    }
    let v = json(&run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/encodings/utf8-bom.txt",
    ]));
    assert_eq!(v["files"][0]["bom"], true);
}

#[test]
fn forced_encoding() {
    let r = run(&[
        "check",
        "--format",
        "json",
        "--encoding",
        "gbk",
        "tests/fixtures/encodings/gbk-crlf.txt",
    ]);
    assert_eq!(json(&r)["files"][0]["encoding"], "GBK");
    let bad = run(&[
        "check",
        "--encoding",
        "klingon",
        "examples/lianshui-2017.txt",
    ]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("未知的编码名称「klingon」"),
        "{}",
        bad.stderr
    );
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let r = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/inputs/empty.txt",
        "tests/fixtures/inputs/binary.txt",
        "tests/fixtures/inputs/bad-utf16.txt",
        "no/such/report.txt",
        "tests/fixtures/inputs/clean.txt",
    ]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("bad-inputs", r.stdout);
    assert!(
        r.stdout
            .ends_with("5 files: 4 errors, 0 warnings, 0 notes\n")
    );
}

#[test]
fn directory_is_walked_in_order() {
    let r = run(&["check", "--format", "json", "examples"]);
    let v = json(&r);
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "examples/guanshui-2017.txt",
            "examples/hongze-2023.docx",
            "examples/huaian-2024.html",
            "examples/lianshui-2017.txt",
            "examples/lingchuan-2017.txt",
            "examples/shanghe-2017.txt",
            "examples/tongjiang-2017.txt"
        ]
    );
}

#[test]
fn stdin_is_read_and_named() {
    let bytes = std::fs::read(common::root().join("examples/lingchuan-2017.txt")).unwrap();
    let r = run_with_stdin(
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "lc.txt",
            "-",
        ],
        Some(&bytes),
    );
    assert!(
        r.stdout
            .starts_with("lc.txt:3:1: info[gov2008/section-other]"),
        "{}",
        r.stdout
    );
    let unnamed = run_with_stdin(&["check", "--format", "concise", "-"], Some(&bytes));
    assert!(unnamed.stdout.starts_with("<stdin>:3:1:"));
}

#[test]
fn broken_rule_packs_point_into_the_toml() {
    let cases = [
        ("syntax", "5:8", "unclosed array table"),
        ("unknown-key", "8:1", "未知的键「severty」"),
        ("unknown-pack-key", "3:1", "unknown field `titel`"),
        ("wrong-type", "8:12", "类型不对，应为字符串"),
        ("bad-regex", "10:23", "正则表达式无效"),
        ("huge-regex", "10:23", "正则表达式过大"),
        ("unknown-check", "7:9", "未知的检查类型「section-gone」"),
        ("unknown-section", "9:11", "引用了不存在的部分「training」"),
        ("unknown-placeholder", "9:11", "未知的占位符「{words}」"),
        ("duplicate-id", "6:6", "规则 id「common/repeated-word」重复"),
        ("bad-severity", "8:12", "取值「fatal」无效"),
        ("bad-relation", "17:12", "取值「about」无效"),
        (
            "disable-unknown",
            "4:12",
            "disable 引用了不存在的规则「common/no-such-rule」",
        ),
    ];
    let mut golden = String::new();
    for (name, at, msg) in cases {
        let pack = format!("tests/fixtures/packs/{name}.toml");
        let r = run(&[
            "check",
            "--color",
            "never",
            "--format",
            "concise",
            "--rules",
            &pack,
            "examples/lingchuan-2017.txt",
        ]);
        assert_eq!(r.code, 2, "{name}");
        let line = r.stdout.lines().next().unwrap();
        assert!(
            line.starts_with(&format!("{pack}:{at}: error[rule-error] ")),
            "{name}: {line}"
        );
        assert!(line.contains(msg), "{name}: {line}");
        // the reports are still checked with the built-in packs
        assert!(
            r.stdout
                .contains("examples/lingchuan-2017.txt:65:9: warning[common/repeated-word]"),
            "{name}"
        );
        let human = run(&[
            "check",
            "--color",
            "never",
            "--rules",
            &pack,
            "tests/fixtures/inputs/clean.txt",
        ]);
        golden.push_str(&human.stdout);
    }
    insta::assert_snapshot!("broken-packs", golden);
}

#[test]
fn a_user_pack_adds_rules_and_disables_others() {
    let r = run(&[
        "check",
        "--format",
        "concise",
        "--rules",
        "tests/fixtures/packs/extra-section.toml",
        "examples/lianshui-2017.txt",
        "examples/lingchuan-2017.txt",
    ]);
    assert!(r.stdout.contains("examples/lingchuan-2017.txt:3:1: warning[province/section-training] 缺少「政府信息公开会议和培训情况」部分（省级要求）"), "{}", r.stdout);
    // 涟水 has 「（1）加强政务公开工作培训」: a heading at any level counts
    assert!(
        !r.stdout
            .contains("examples/lianshui-2017.txt:1:1: warning[province/section-training]")
    );
    assert!(
        !r.stdout.contains("common/repeated-word"),
        "disabled by the user pack"
    );
    let v = json(&run(&[
        "check",
        "--format",
        "json",
        "--rules",
        "tests/fixtures/packs/extra-section.toml",
        "examples/guanshui-2017.txt",
    ]));
    assert_eq!(
        v["files"][0]["packs"],
        serde_json::json!(["gov-2008", "province-training", "common"])
    );
}

#[test]
fn pack_can_be_forced() {
    let text = "某单位政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n";
    let r = run_with_stdin(
        &["check", "--format", "json", "--pack", "gov-2008", "-"],
        Some(text.as_bytes()),
    );
    assert_eq!(json(&r)["files"][0]["pack"], "gov-2008");
    let bad = run(&["check", "--pack", "gov-1999", "examples/lianshui-2017.txt"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("没有 id 为「gov-1999」的规则包"));
}

#[test]
fn colour_is_chosen() {
    let never = run(&["check", "--color", "never", "examples/tongjiang-2017.txt"]);
    assert!(!never.stdout.contains('\u{1b}'));
    let always = run(&["check", "--color", "always", "examples/tongjiang-2017.txt"]);
    assert!(always.stdout.contains('\u{1b}'));
    // auto: not a terminal here, so no colour
    let auto = run(&["check", "examples/tongjiang-2017.txt"]);
    assert!(!auto.stdout.contains('\u{1b}'));
}

#[test]
fn rules_lists_every_rule() {
    let r = run(&["rules"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rules", r.stdout);
    for id in [
        "gov2008/section-active",
        "common/heading-numbering",
        "common/repeated-word",
    ] {
        assert!(r.stdout.lines().any(|l| l.starts_with(id)), "{id}");
    }
}

#[test]
fn rule_explains_one_rule() {
    let r = run(&["rule", "gov2008/section-appeals"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rule-section-appeals", r.stdout);
    let unknown = run(&["rule", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("没有 id 为「nope」的规则"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_eq!(run(&["--help"]).code, 0);
}

#[test]
fn output_file_gets_exactly_what_stdout_would() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let to_stdout = run(&["check", "--format", "json", "examples/lingchuan-2017.txt"]);
    let to_file = run(&[
        "check",
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
        "examples/lingchuan-2017.txt",
    ]);
    assert_eq!(to_file.code, to_stdout.code);
    assert_eq!(to_file.stdout, "");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), to_stdout.stdout);
    let bad = run(&[
        "check",
        "-o",
        "/nonexistent-dir/x.json",
        "examples/lingchuan-2017.txt",
    ]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("/nonexistent-dir/x.json"),
        "{}",
        bad.stderr
    );
}

/// `--extend-select` turns on a rule that is off by default (and names
/// only rules that exist).
#[test]
fn extend_select_turns_on_a_default_off_rule() {
    let report = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我县主动公开政府信息2460条。\n";
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--no-config", "--format", "concise", "-"];
        args.extend_from_slice(extra);
        run_with_stdin(&args, Some(report.as_bytes()))
    };
    assert!(!check(&[]).stdout.contains("common/contact"));
    let r = check(&["--extend-select", "common/contact"]);
    assert!(r.stdout.contains("warning[common/contact]"), "{}", r.stdout);
    assert!(!r.stdout.contains("common/electronic-version"));
    let r = check(&["--extend-select", "common/contakt"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("common/contakt"), "{}", r.stderr);
}
