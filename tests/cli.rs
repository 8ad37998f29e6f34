//! CLI contracts: exit codes, formats, encodings, bad input, bad rule packs,
//! and the `rules` / `rule` commands. Human output is pinned by golden files.

mod common;

use common::{json, run, run_at, run_with_stdin};
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
fn csv_has_one_row_per_report() {
    let r = run(&["check", "--format", "csv", "examples"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("csv-examples", r.stdout);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "path",
            "issuer",
            "year",
            "pack",
            "errors",
            "warnings",
            "infos",
            "top_rules"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // The same files and counts as the JSON document says.
    let v = json(&run(&["check", "--format", "json", "examples"]));
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(rows.iter().map(|r| &r[0]).collect::<Vec<_>>(), files);
    for (i, key) in [(4, "errors"), (5, "warnings"), (6, "infos")] {
        let sum: u64 = rows.iter().map(|r| r[i].parse::<u64>().unwrap()).sum();
        assert_eq!(sum, v["summary"][key].as_u64().unwrap(), "{key}");
    }
    let lc = rows
        .iter()
        .find(|r| r[0].ends_with("lingchuan-2017.txt"))
        .unwrap();
    assert_eq!(
        (&lc[1], &lc[2], &lc[3], &lc[4], &lc[5], &lc[6]),
        ("陵川县人民政府", "2017", "gov-2008", "1", "2", "1")
    );
    // A path with a comma and a quote is one field.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a,\"b\".txt");
    std::fs::copy(common::root().join("tests/fixtures/inputs/clean.txt"), &odd).unwrap();
    let r = run(&["check", "--format", "csv", odd.to_str().unwrap()]);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!((&row[0], &row[4]), (odd.to_str().unwrap(), "0"));
}

#[test]
fn statistics_as_json_and_aligned_text() {
    let r = run(&["check", "--statistics", "--format", "json", "examples"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("statistics-json", r.stdout);
    let v = json(&r);
    let total: u64 = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["count"].as_u64().unwrap())
        .sum();
    let s = &v["summary"];
    assert_eq!(
        total,
        ["errors", "warnings", "infos"]
            .iter()
            .map(|k| s[k].as_u64().unwrap())
            .sum::<u64>()
    );
    // Text: every column starts where the others' do.
    let text = run(&["check", "--statistics", "examples"]).stdout;
    let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with("共 ")).collect();
    assert!(rows.len() > 5, "{text}");
    let starts = |l: &str| -> Vec<usize> {
        let b = l.as_bytes();
        (1..b.len())
            .filter(|&i| b[i] != b' ' && b[i - 1] == b' ')
            .collect()
    };
    for row in &rows {
        assert_eq!(starts(row), starts(rows[0]), "{row}\n{}", rows[0]);
    }
}

#[test]
fn gitlab_code_quality() {
    let r = run(&["check", "--format", "gitlab", "examples/lingchuan-2017.txt"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("gitlab-lingchuan", r.stdout);
    let v = json(&r);
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), 4);
    let severities: Vec<&str> = issues
        .iter()
        .map(|i| i["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["info", "major", "minor", "minor"]);
    let rw = issues
        .iter()
        .find(|i| i["check_name"] == "common/repeated-word")
        .unwrap();
    assert_eq!(rw["location"]["path"], "examples/lingchuan-2017.txt");
    assert_eq!(rw["location"]["lines"]["begin"], 65);
    assert_eq!(
        rw["description"],
        "common/repeated-word: 词语「信息」连续重复"
    );
    // Fingerprints are unique, also for identical findings; an input that
    // cannot be read is critical.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root().join("examples/lingchuan-2017.txt")).unwrap();
    // The same sentence twice: two findings with the same baseline key.
    let line = "加强政务公开工作，推进信息信息公开，提高服务水平。";
    let twice = text.replace(
        "强化制度机制建设",
        &format!("强化制度机制建设。\n{line}\n{line}\n"),
    );
    std::fs::write(dir.path().join("a.txt"), &twice).unwrap();
    let r = run(&[
        "check",
        "--format",
        "gitlab",
        dir.path().join("a.txt").to_str().unwrap(),
        "no/such.txt",
    ]);
    let v = json(&r);
    let issues = v.as_array().unwrap();
    let repeated: Vec<&serde_json::Value> = issues
        .iter()
        .filter(|i| i["check_name"] == "common/repeated-word")
        .collect();
    assert_eq!(repeated.len(), 3, "{}", r.stdout);
    assert!(
        repeated[1]["fingerprint"]
            .as_str()
            .unwrap()
            .starts_with(repeated[0]["fingerprint"].as_str().unwrap()),
        "the second of two identical findings is told apart: {}",
        r.stdout
    );
    let mut prints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), issues.len());
    let missing = issues
        .iter()
        .find(|i| i["location"]["path"] == "no/such.txt")
        .unwrap();
    assert_eq!(missing["severity"], "critical");
}

#[test]
fn rdjson_for_reviewdog() {
    let r = run(&["check", "--format", "rdjson", "examples/lingchuan-2017.txt"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("rdjson-lingchuan", r.stdout);
    let v = json(&r);
    assert_eq!(v["source"]["name"], "report-lint");
    let d = v["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 4);
    let rw = d
        .iter()
        .find(|x| x["code"]["value"] == "common/repeated-word")
        .unwrap();
    assert_eq!(rw["severity"], "WARNING");
    assert_eq!(rw["location"]["path"], "examples/lingchuan-2017.txt");
    // 信息信息 after 「(一)」 and five CJK characters (character column 9):
    // rdjson counts columns in UTF-8 bytes, 2 + 6 × 3 before it.
    let range = &rw["location"]["range"];
    assert_eq!(
        (
            range["start"]["line"].as_u64(),
            range["start"]["column"].as_u64(),
            range["end"]["line"].as_u64(),
            range["end"]["column"].as_u64()
        ),
        (Some(65), Some(21), Some(65), Some(33))
    );
    let sum = d
        .iter()
        .find(|x| x["code"]["value"] == "common/breakdown-sum")
        .unwrap();
    assert_eq!(sum["severity"], "ERROR");
    assert_eq!(sum["related_locations"].as_array().unwrap().len(), 5);
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
            .ends_with("共 7 份报告：10 个错误、14 个警告、5 个提示\n"),
        "{}",
        r.stdout
    );
    let clean = run(&["check", "tests/fixtures/inputs/clean.txt"]);
    assert_eq!(
        (clean.code, clean.stdout.as_str()),
        (
            0,
            "tests/fixtures/inputs/clean.txt：通过\n共 1 份报告：0 个错误、0 个警告、0 个提示\n"
        )
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
            .ends_with("共 5 份报告：4 个错误、0 个警告、0 个提示\n")
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
    // FORCE_COLOR colours a pipe (a CI log); NO_COLOR wins over it; the flag over both.
    let with_env = |env: &[(&str, &str)], color: &str| {
        let mut cmd = common::bin();
        cmd.args(["check", "--color", color, "examples/tongjiang-2017.txt"]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}')
    };
    assert!(with_env(&[("FORCE_COLOR", "1")], "auto"));
    assert!(with_env(&[("FORCE_COLOR", "true")], "auto"));
    assert!(!with_env(&[("FORCE_COLOR", "0")], "auto"));
    assert!(!with_env(&[("FORCE_COLOR", "")], "auto"));
    assert!(!with_env(
        &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")],
        "auto"
    ));
    assert!(!with_env(&[("FORCE_COLOR", "1")], "never"));
    assert!(with_env(&[("NO_COLOR", "1")], "always"));
}

#[test]
fn rules_lists_every_rule() {
    // Wide enough for the description beside each rule.
    let r = run_at(160, &["rules"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rules", r.stdout);
    for id in [
        "gov2008/section-active",
        "common/heading-numbering",
        "common/repeated-word",
        // rules across reports are rules too
        "common/copied-report",
    ] {
        assert!(r.stdout.lines().any(|l| l.starts_with(id)), "{id}");
    }
    // A header, and columns aligned by display width (the header is CJK).
    let mut lines = r.stdout.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("规则 "), "{header}");
    let column = |line: &str, word: &str| line[..line.find(word).unwrap()].width();
    let at = [
        column(header, "检查类型"),
        column(header, "级别"),
        column(header, "规则包"),
        column(header, "说明"),
    ];
    for line in lines {
        let cells: Vec<&str> = line.split_whitespace().collect();
        let mut from = 0;
        for (i, cell) in cells[1..4].iter().enumerate() {
            let byte = from + line[from..].find(&format!(" {cell}")).unwrap() + 1;
            assert_eq!(line[..byte].width(), at[i], "column {} of {line}", i + 1);
            from = byte;
        }
    }
}

/// In a narrow terminal each description goes under its rule, cut to the
/// width; every rule still opens a line of its own.
#[test]
fn the_rules_table_fits_a_narrow_terminal() {
    let wide = run_at(160, &["rules"]).stdout;
    let ids: Vec<&str> = wide
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    for width in [60, 80, 100] {
        let r = run_at(width, &["rules"]);
        assert_eq!(r.code, 0);
        for line in r.stdout.lines() {
            assert!(line.width() <= width, "{width}: {line}");
        }
        let opened: Vec<&str> = r
            .stdout
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with(' '))
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        assert_eq!(opened, ids, "{width}");
        // Each rule's description, cut, under it.
        let under = r.stdout.lines().filter(|l| l.starts_with("    ")).count();
        assert_eq!(under, ids.len(), "{width}");
    }
}

#[test]
fn rules_as_json() {
    let r = run(&["rules", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rules = v.as_array().unwrap();
    let table = run_at(160, &["rules"]).stdout.lines().count() - 1;
    assert_eq!(rules.len(), table, "the table's rules");
    let rw = rules
        .iter()
        .find(|x| x["id"] == "common/repeated-word")
        .unwrap();
    assert_eq!(
        (
            &rw["check"],
            &rw["severity"],
            &rw["pack"],
            &rw["across-reports"]
        ),
        (
            &"repeated-word".into(),
            &"warning".into(),
            &"common".into(),
            &false.into()
        )
    );
    assert!(rw["what"].as_str().unwrap().contains("信息信息"));
    let copied = rules
        .iter()
        .find(|x| x["id"] == "common/copied-report")
        .unwrap();
    assert_eq!(copied["across-reports"], true);
}

#[test]
fn rule_explains_one_rule() {
    let r = run(&["rule", "gov2008/section-appeals"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rule-section-appeals", r.stdout);
    let unknown = run(&["rule", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("没有 id 为「nope」的规则"));
    assert!(!unknown.stderr.contains("是否想写"), "nothing close");
    // A near miss: did you mean.
    let typo = run(&["rule", "common/repeated-wrod"]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("是否想写「common/repeated-word」？"),
        "{}",
        typo.stderr
    );
    // A check name lists its rules.
    let check = run(&["rule", "repeated-word"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stdout
            .starts_with("检查类型「repeated-word」有 2 条规则"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("\ncommon/repeated-word "));
    let sums = run(&["rule", "sum-mismatch"]);
    let rows = sums
        .stdout
        .lines()
        .filter(|l| l.contains(" sum-mismatch "))
        .count();
    assert!(rows > 5, "{}", sums.stdout);
    assert!(
        sums.stdout
            .starts_with(&format!("检查类型「sum-mismatch」有 {rows} 条规则"))
    );
}

#[test]
fn help_is_chinese_with_examples_and_english_on_request() {
    let top = run(&["--help"]);
    assert_eq!(top.code, 0);
    assert!(
        top.stdout.contains("用法：report-lint [选项] <命令>"),
        "{}",
        top.stdout
    );
    assert!(top.stdout.contains("例子：") && !top.stdout.contains("Usage:"));
    let check = run(&["check", "--help"]);
    insta::assert_snapshot!("help-check", check.stdout);
    assert_eq!(run(&["help", "check"]).stdout, check.stdout);
    assert!(check.stdout.contains("退出码：0"));
    let en = run(&["check", "--help", "--lang", "en"]);
    assert!(
        en.stdout
            .contains("Usage: report-lint check [OPTIONS] <PATH>...")
    );
    assert!(en.stdout.contains("Examples:") && en.stdout.contains("Exit status: 0"));
    // Every option of the English help is in the Chinese one.
    let flags = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '-')))
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(str::to_string)
            .collect()
    };
    for flag in flags(&en.stdout) {
        assert!(check.stdout.contains(&flag), "{flag}");
    }
    // The examples' comments start in one column (CJK is two columns wide).
    let columns: Vec<usize> = check
        .stdout
        .lines()
        .filter(|l| l.starts_with("  report-lint ") || l.starts_with("  cat "))
        .map(|l| l[..l.find("  # ").unwrap()].width())
        .collect();
    assert!(
        columns.len() > 5 && columns.iter().all(|c| *c == columns[0]),
        "{columns:?}"
    );
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
