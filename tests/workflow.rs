//! Fitting into people's workflows: the configuration file (every key, errors
//! with spans), per-file overrides, suppressions with reasons, baselines, the
//! machine formats (SARIF, GitHub, JUnit), statistics, and the extra commands.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{Run, json, run};

/// Runs report-lint in `dir` (so that its report-lint.toml is found).
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_report-lint"));
    cmd.current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

/// A repository with a config and copies of reports: (tempdir, path of each report).
fn repo(config: &str, reports: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("report-lint.toml"), config).unwrap();
    for (to, from) in reports {
        let dest = dir.path().join(to);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(common::root().join(from), dest).unwrap();
    }
    dir
}

fn rules_of(r: &Run) -> Vec<String> {
    let v = json(r);
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                d["path"].as_str().unwrap(),
                d["rule"].as_str().unwrap()
            )
        })
        .collect()
}

const LC: &str = "examples/lingchuan-2017.txt";
const GS: &str = "examples/guanshui-2017.txt";

#[test]
fn select_ignore_severity_fail_on() {
    let dir = repo(
        r#"
select = ["common/", "section-optional-missing"]
ignore = ["common/duplicate-category"]
fail-on = "warning"
[severity]
"common/repeated-word" = "error"
"section-optional-missing" = "warning"
"#,
        &[("lc.txt", LC)],
    );
    let r = run_in(dir.path(), &["check", "--format", "json", "lc.txt"], &[]);
    assert_eq!(
        rules_of(&r),
        [
            "lc.txt:gov2008/section-other",
            "lc.txt:common/breakdown-sum",
            "lc.txt:common/repeated-word"
        ]
    );
    let v = json(&r);
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    assert_eq!(v["diagnostics"][2]["severity"], "error");
    assert_eq!(r.code, 1);
}

#[test]
fn selection_on_the_command_line_wins_over_the_file() {
    let dir = repo(
        "select = [\"common/\"]\nignore = [\"common/duplicate-category\"]\n",
        &[("lc.txt", LC)],
    );
    let rules = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push("lc.txt");
        rules_of(&run_in(dir.path(), &all, &[]))
    };
    assert_eq!(
        rules(&[]),
        ["lc.txt:common/breakdown-sum", "lc.txt:common/repeated-word"]
    );
    // --select replaces the file's select and ignore.
    assert_eq!(
        rules(&[
            "--select",
            "common/duplicate-category,section-optional-missing"
        ]),
        [
            "lc.txt:gov2008/section-other",
            "lc.txt:common/duplicate-category"
        ]
    );
    // --extend-select adds to the file's selection, whatever it ignores.
    assert_eq!(
        rules(&["--extend-select", "gov2008/,common/duplicate-category"]),
        [
            "lc.txt:gov2008/section-other",
            "lc.txt:common/breakdown-sum",
            "lc.txt:common/duplicate-category",
            "lc.txt:common/repeated-word"
        ]
    );
    // --ignore wins over the file and over the other flags.
    assert_eq!(
        rules(&["--ignore", "sum-mismatch"]),
        ["lc.txt:common/repeated-word"]
    );
    assert_eq!(
        rules(&[
            "--extend-select",
            "common/duplicate-category",
            "--ignore",
            "common/"
        ]),
        Vec::<String>::new()
    );
    // Names that select nothing: every one reported at once, with the closest name.
    let bad = run_in(
        dir.path(),
        &[
            "check",
            "--select",
            "comon/,sum-mismach",
            "--ignore",
            "common/repeated-wrod",
            "lc.txt",
        ],
        &[],
    );
    assert_eq!(bad.code, 2);
    for line in [
        "--select：没有名为「comon/」的规则或检查类型；是否想写「common/」？",
        "--select：没有名为「sum-mismach」的规则或检查类型；是否想写「sum-mismatch」？",
        "--ignore：没有名为「common/repeated-wrod」的规则或检查类型；是否想写「common/repeated-word」？",
    ] {
        assert!(bad.stderr.contains(line), "{line}\n{}", bad.stderr);
    }
}

#[test]
fn min_severity_and_quiet_hide_findings_below() {
    let severities = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push(LC);
        let r = run(&all);
        let v = json(&r);
        let s: Vec<String> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["severity"].as_str().unwrap().to_string())
            .collect();
        (s, r.code)
    };
    assert_eq!(severities(&[]).0, ["info", "error", "warning", "warning"]);
    assert_eq!(
        severities(&["--min-severity", "warning"]),
        (vec!["error".into(), "warning".into(), "warning".into()], 1)
    );
    assert_eq!(severities(&["-q"]), (vec!["error".to_string()], 1));
    assert_eq!(severities(&["--quiet"]).0, ["error"]);
    // Only what is shown changes: the exit status counts every finding
    // (OUTPUT.md). 同江 has warnings and notes only.
    let tj = "examples/tongjiang-2017.txt";
    assert_eq!(run(&["check", "-q", tj]).code, 0);
    let quiet = run(&["check", "-q", "--fail-on", "warning", tj]);
    assert_eq!(
        (quiet.code, quiet.stdout.as_str()),
        (1, "共 1 份报告：0 个错误、0 个警告、0 个提示\n")
    );
    assert_eq!(
        run(&["check", "-q", "--min-severity", "info", tj]).code,
        2,
        "one or the other"
    );
}

#[test]
fn fail_on_from_config_and_cli() {
    let dir = repo(
        "fail-on = \"info\"\n",
        &[("tj.txt", "examples/tongjiang-2017.txt")],
    );
    assert_eq!(
        run_in(dir.path(), &["check", "tj.txt"], &[]).code,
        1,
        "notes fail with fail-on = info"
    );
    assert_eq!(
        run_in(dir.path(), &["check", "--fail-on", "error", "tj.txt"], &[]).code,
        0,
        "the flag wins"
    );
    assert_eq!(
        run_in(dir.path(), &["check", "--exit-zero", "tj.txt"], &[]).code,
        0
    );
    assert_eq!(
        run_in(dir.path(), &["check", "--no-config", "tj.txt"], &[]).code,
        0
    );
}

#[test]
fn pack_rules_and_exclude() {
    let dir = repo(
        "pack = \"gov-2008\"\nrules = [\"packs/training.toml\"]\nexclude = [\"drafts/**\"]\n",
        &[
            ("a.txt", LC),
            ("drafts/b.txt", GS),
            (
                "packs/training.toml",
                "tests/fixtures/packs/extra-section.toml",
            ),
        ],
    );
    let r = run_in(dir.path(), &["check", "--format", "json", "."], &[]);
    let v = json(&r);
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["./a.txt"], "drafts excluded");
    assert!(
        rules_of(&r).contains(&"./a.txt:province/section-training".to_string()),
        "rules from the config"
    );
    assert!(
        !rules_of(&r)
            .iter()
            .any(|x| x.ends_with("common/repeated-word")),
        "the config's pack disables it"
    );
}

#[test]
fn per_file_overrides_and_issuer() {
    let dated = std::fs::read_to_string(common::root().join(LC))
        .unwrap()
        .replace("发布时间: 2018-02-11", "发布时间: 2018-03-20");
    let dir = repo(
        r#"
[issuer]
level = "government"

[[per-file]]
glob = "towns/**"
issuer = { level = "township", township-deadline = "02-20" }
ignore = ["common/repeated-word"]
"#,
        &[],
    );
    std::fs::create_dir_all(dir.path().join("towns")).unwrap();
    std::fs::write(dir.path().join("county.txt"), &dated).unwrap();
    std::fs::write(dir.path().join("towns/t.txt"), &dated).unwrap();
    let r = run_in(
        dir.path(),
        &["check", "--format", "json", "county.txt", "towns/t.txt"],
        &[],
    );
    let rules = rules_of(&r);
    assert!(
        !rules.contains(&"county.txt:gov2008/late-publication".to_string()),
        "3月20日 is before 3月31日"
    );
    assert!(
        rules.contains(&"towns/t.txt:gov2008/late-publication".to_string()),
        "after the township deadline 2月20日"
    );
    assert!(rules.contains(&"county.txt:common/repeated-word".to_string()));
    assert!(!rules.contains(&"towns/t.txt:common/repeated-word".to_string()));
    let eff = run_in(dir.path(), &["config", "towns/t.txt"], &[]);
    let v: serde_json::Value = serde_json::from_str(&eff.stdout).unwrap();
    assert_eq!(v["effective"]["level"], "township");
    assert_eq!(
        v["effective"]["township_deadline"],
        serde_json::json!([2, 20])
    );
    assert_eq!(
        v["effective"]["ignore"],
        serde_json::json!(["common/repeated-word"])
    );
    // What the report will get: its pack (by its year), the level.
    assert_eq!(v["report"]["pack"], "gov-2008", "{}", eff.stdout);
    assert_eq!(
        v["report"]["packs"],
        serde_json::json!(["gov-2008", "common"])
    );
    assert_eq!(v["report"]["level"], "township");
}

#[test]
fn suppressions_need_a_reason_and_unused_ones_are_reported() {
    let dir = repo(
        r#"
[[suppress]]
path = "*.txt"
rule = "common/repeated-word"
text = "信息信息"
reason = "原文引用"

[[suppress]]
path = "*.txt"
rule = "common/year"
reason = "已改正，留作示例"
"#,
        &[("lc.txt", LC)],
    );
    let r = run_in(dir.path(), &["check", "--format", "concise", "lc.txt"], &[]);
    assert!(
        !r.stdout.contains("common/repeated-word"),
        "suppressed: {}",
        r.stdout
    );
    assert!(r.stdout.contains("report-lint.toml:10:8: warning[unused-suppression] 忽略项「common/year」没有匹配任何发现"), "{}", r.stdout);
    let no_reason = repo(
        "[[suppress]]\npath = \"*.txt\"\nrule = \"common/year\"\n",
        &[("lc.txt", LC)],
    );
    let r = run_in(
        no_reason.path(),
        &["check", "--format", "concise", "lc.txt"],
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("config-error"), "{}", r.stdout);
    assert!(r.stdout.contains("reason"), "{}", r.stdout);
}

#[test]
fn unused_suppressions_only_for_the_reports_checked() {
    // A pre-commit run checks the staged reports only: the suppressions of
    // the others' findings hid nothing because their reports were not read.
    let dir = repo(
        r#"
[[suppress]]
path = "lc.txt"
rule = "common/percent"
reason = "已改正"

[[suppress]]
path = "gs.txt"
rule = "common/percent"
reason = "已改正"

[[suppress]]
path = "lc.txt"
rule = "common/copied-report"
reason = "与上年相同是有意的"
"#,
        &[("lc.txt", LC), ("gs.txt", GS)],
    );
    let unused = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "concise"];
        all.extend_from_slice(args);
        run_in(dir.path(), &all, &[])
            .stdout
            .lines()
            .filter(|l| l.contains("[unused-suppression]"))
            .map(|l| l.split(": ").next().unwrap().to_string())
            .collect()
    };
    // lc.txt alone: its own suppression of common/year; not gs.txt's, and
    // not the corpus rule's (one report is compared with none).
    assert_eq!(unused(&["lc.txt"]), ["report-lint.toml:4:8"]);
    assert_eq!(unused(&["gs.txt"]), ["report-lint.toml:9:8"]);
    assert_eq!(
        unused(&["lc.txt", "gs.txt"]),
        [
            "report-lint.toml:4:8",
            "report-lint.toml:9:8",
            "report-lint.toml:14:8"
        ]
    );
    // No report matched at all: nothing to say.
    let other = repo(
        "[[suppress]]\npath = \"other.txt\"\nrule = \"common/year\"\nreason = \"x\"\n",
        &[("lc.txt", LC)],
    );
    let r = run_in(
        other.path(),
        &["check", "--format", "concise", "lc.txt"],
        &[],
    );
    assert!(!r.stdout.contains("unused-suppression"), "{}", r.stdout);
}

#[test]
fn config_errors_point_into_the_file() {
    for (config, at, msg) in [
        ("selct = [\"x\"]\n", "1:1", "未知的键「selct」"),
        ("exclude = [\"a/[b\"]\n", "1:12", "glob「a/[b」无效"),
        ("fail-on = \"fatal\"\n", "1:11", "严重级别「fatal」无效"),
        (
            "[issuer]\nlevel = \"county\"\n",
            "2:9",
            "级别「county」无效",
        ),
        (
            "[issuer]\ntownship-deadline = \"2月20日\"\n",
            "2:21",
            "日期「2月20日」无效",
        ),
        ("[[per-file]]\nglob = \"**/[\"\n", "2:8", "glob「**/[」无效"),
        (
            "[severity]\n\"common/year\" = \"loud\"\n",
            "2:17",
            "严重级别「loud」无效",
        ),
    ] {
        let dir = repo(config, &[("lc.txt", LC)]);
        let r = run_in(dir.path(), &["check", "--format", "concise", "lc.txt"], &[]);
        assert_eq!(r.code, 2, "{config}");
        let first = r.stdout.lines().next().unwrap();
        assert!(
            first.starts_with(&format!("report-lint.toml:{at}: error[config-error] ")),
            "{config}: {first}"
        );
        assert!(first.contains(msg), "{config}: {first}");
        assert!(
            r.stdout.contains("lc.txt:65:9"),
            "the reports are still checked"
        );
    }
    let dir = repo("selct = [\"x\"]\n", &[]);
    let human = run_in(
        dir.path(),
        &["check", "--color", "never", "--format", "human", "."],
        &[],
    );
    assert!(
        human.stdout.contains("╭─[ report-lint.toml:1:1 ]"),
        "{}",
        human.stdout
    );
}

#[test]
fn every_configuration_error_is_shown_at_once() {
    let dir = repo(
        r#"selct = ["common/"]
ignore = ["common/repeated-wrod"]
pack = "gov2008"
fail-on = "fatal"

[[per-file]]
glob = "a/[b"
ignor = ["x"]

[severity]
"common/year" = "loud"

[[suppress]]
path = "*.txt"
rule = "common/year"
reasn = "x"
"#,
        &[("lc.txt", LC)],
    );
    let r = run_in(dir.path(), &["check", "--format", "concise", "lc.txt"], &[]);
    assert_eq!(r.code, 2);
    let errors: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("report-lint.toml:"))
        .collect();
    let expected = [
        ("1:1", "未知的键「selct」"),
        ("2:11", "没有名为「common/repeated-wrod」的规则或检查类型"),
        ("3:8", "没有名为「gov2008」的规则包"),
        ("4:11", "严重级别「fatal」无效"),
        ("7:8", "glob「a/[b」无效"),
        ("8:1", "未知的键「ignor」"),
        ("11:17", "严重级别「loud」无效"),
        ("15:8", "suppress 必须写明 reason"),
        ("16:1", "未知的键「reasn」"),
    ];
    assert_eq!(errors.len(), expected.len(), "{}", r.stdout);
    for (line, (at, msg)) in errors.iter().zip(expected) {
        assert!(
            line.starts_with(&format!("report-lint.toml:{at}: error[config-error] "))
                && line.contains(msg),
            "{at} {msg}: {line}"
        );
    }
    assert!(
        r.stdout.contains("lc.txt:65:9"),
        "the reports are still checked"
    );
    // Each with the closest name, where there is one.
    let human = run_in(dir.path(), &["check", "--color", "never", "lc.txt"], &[]);
    for help in [
        "是否想写「select」？",
        "是否想写「ignore」？",
        "是否想写「reason」？",
        "是否想写「common/repeated-word」？",
        "是否想写「gov-2008」？",
    ] {
        assert!(human.stdout.contains(help), "{help}\n{}", human.stdout);
    }
    // Syntax errors: one a line (the parser's later errors on a line follow
    // from its first), every line.
    let broken = repo("a = \nb = \"x\"\nc = [1, 2\n", &[("lc.txt", LC)]);
    let r = run_in(
        broken.path(),
        &["check", "--format", "concise", "lc.txt"],
        &[],
    );
    let at: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("report-lint.toml:"))
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(at.len(), 2, "{}", r.stdout);
    assert!(at[0].starts_with("report-lint.toml:1:"), "{at:?}");
    assert!(at[1].starts_with("report-lint.toml:3:"), "{at:?}");
}

#[test]
fn baseline_hides_old_findings_and_shows_new_ones() {
    let dir = repo("", &[("lc.txt", LC)]);
    let w = run_in(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "lc.txt"],
        &[],
    );
    assert_eq!(w.code, 0, "{}", w.stderr);
    let with_baseline = || {
        run_in(
            dir.path(),
            &[
                "check",
                "--format",
                "concise",
                "--baseline",
                "baseline.json",
                "lc.txt",
            ],
            &[],
        )
    };
    let r = with_baseline();
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "共 1 份报告：0 个错误、0 个警告、0 个提示\n")
    );
    // Edit above the findings: lines move, the findings stay hidden.
    let path = dir.path().join("lc.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("（内部稿）\n\n{text}")).unwrap();
    let r = with_baseline();
    assert_eq!(r.stdout, "共 1 份报告：0 个错误、0 个警告、0 个提示\n");
    // A new defect is shown.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("强化制度机制建设", "强化制度制度机制建设");
    std::fs::write(&path, text).unwrap();
    let r = with_baseline();
    assert!(r.stdout.starts_with("lc.txt:65:"), "{}", r.stdout);
    assert!(r.stdout.contains("词语「制度」连续重复"));
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
}

#[test]
fn sarif_structure() {
    let r = run(&["check", "--format", "sarif", LC]);
    let v = json(&r);
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(
        v["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run0 = &v["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run0["results"].as_array().unwrap();
    for res in results {
        let id = res["ruleId"].as_str().unwrap();
        assert!(rules.contains(&id), "{id} in driver.rules");
        assert_eq!(rules[res["ruleIndex"].as_u64().unwrap() as usize], id);
        assert!(["error", "warning", "note"].contains(&res["level"].as_str().unwrap()));
    }
    // 信息信息 on line 65 after 8 CJK characters: columns count code points
    let rep = results
        .iter()
        .find(|r| r["ruleId"] == "common/repeated-word")
        .unwrap();
    let region = &rep["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endLine"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(65), Some(9), Some(65), Some(13))
    );
    assert_eq!(
        rep["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        LC
    );
    let meta = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "common/repeated-word")
        .unwrap();
    assert_eq!(meta["name"], "repeated-word");
    assert!(
        meta["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("信息信息")
    );
}

#[test]
fn sarif_uris_are_encoded_and_fingerprints_follow_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("年报 2017");
    std::fs::create_dir(&folder).unwrap();
    let report = folder.join("陵川#1.txt");
    std::fs::copy(common::root().join(LC), &report).unwrap();
    let sarif = |args: &[&str]| {
        let mut all = vec!["check", "--format", "sarif"];
        all.extend_from_slice(args);
        let v = json(&run_in(dir.path(), &all, &[]));
        v["runs"][0]["results"].as_array().unwrap().clone()
    };
    let uri = |res: &serde_json::Value| {
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let encoded = "%E5%B9%B4%E6%8A%A5%202017/%E9%99%B5%E5%B7%9D%231.txt";
    // A relative path: a relative reference, percent-encoded.
    let relative = sarif(&["年报 2017/陵川#1.txt"]);
    assert_eq!(uri(&relative[0]), encoded);
    // An absolute path: a file:// URI.
    let absolute = sarif(&[report.to_str().unwrap()]);
    // (a temporary directory's path needs no encoding)
    assert_eq!(
        uri(&absolute[0]),
        format!("file://{}/{encoded}", dir.path().display())
    );
    // partialFingerprints: the baseline's key, hashed; lines moving above a
    // finding leave it unchanged, a new finding has its own.
    let fingerprints = |results: &[serde_json::Value]| -> Vec<(String, String)> {
        results
            .iter()
            .map(|r| {
                let f = r["partialFingerprints"]["reportLintKey/v1"]
                    .as_str()
                    .unwrap();
                assert!(
                    f.len() == 64 && f.bytes().all(|b| b.is_ascii_hexdigit()),
                    "{f}"
                );
                (r["ruleId"].as_str().unwrap().to_string(), f.to_string())
            })
            .collect()
    };
    let before = fingerprints(&relative);
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, format!("（内部稿）\n\n{text}")).unwrap();
    let moved = sarif(&["年报 2017/陵川#1.txt"]);
    assert_ne!(
        moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        relative[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    );
    assert_eq!(fingerprints(&moved), before);
    std::fs::write(
        &report,
        text.replace("强化制度机制建设", "强化制度制度机制建设"),
    )
    .unwrap();
    let edited = fingerprints(&sarif(&["年报 2017/陵川#1.txt"]));
    assert_eq!(edited.len(), before.len() + 1);
    assert!(before.iter().all(|f| edited.contains(f)));
}

#[test]
fn github_annotations_and_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let r = run_in(
        common::root(),
        &["check", "--format", "github", LC],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    assert!(r.stdout.contains("::warning file=examples/lingchuan-2017.txt,line=65,col=9,endLine=65,endColumn=13,title=common/repeated-word::词语「信息」连续重复\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("::error file=examples/lingchuan-2017.txt,line=29,col=70,")
    );
    assert!(
        r.stdout
            .contains("::notice file=examples/lingchuan-2017.txt,line=3,")
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("| 文件 | 位置 | 级别 | 规则 | 说明 |"));
    assert!(md.contains("| examples/lingchuan-2017.txt | 65:9 | warning | `common/repeated-word` | 词语「信息」连续重复 |"), "{md}");
}

/// Test cases, failures and `system-out` elements of a JUnit document.
fn junit_counts(xml: &str) -> (usize, usize, usize) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut cases, mut failures, mut outputs) = (0, 0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    "testcase" => cases += 1,
                    "failure" => failures += 1,
                    "system-out" => outputs += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    (cases, failures, outputs)
}

#[test]
fn junit_follows_fail_on() {
    let clean = "tests/fixtures/inputs/clean.txt";
    // 陵川: 1 error, 2 warnings, 1 note (the JSON summary says so too).
    let summary = json(&run(&["check", "--format", "json", LC]))["summary"].clone();
    assert_eq!(
        (&summary["errors"], &summary["warnings"], &summary["infos"]),
        (&1.into(), &2.into(), &1.into())
    );
    let junit = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "junit"];
        args.extend_from_slice(extra);
        args.extend([LC, clean]);
        let r = run(&args);
        (junit_counts(&r.stdout), r.code, r.stdout)
    };
    // Default threshold error: the error fails, the warnings and the note
    // are passing cases carrying their text; the clean report one passing case.
    let (counts, code, xml) = junit(&[]);
    assert_eq!((counts, code), ((5, 1, 3), 1), "{xml}");
    assert!(
        xml.contains("<system-out>examples/lingchuan-2017.txt:65:9: warning[common/repeated-word] 词语「信息」连续重复"),
        "{xml}"
    );
    assert_eq!(junit(&["--fail-on", "warning"]).0, (5, 3, 1));
    assert_eq!(junit(&["--fail-on", "info"]).0, (5, 4, 0));
    // The configuration's fail-on counts as the flag does.
    let dir = repo("fail-on = \"warning\"\n", &[("lc.txt", LC)]);
    let r = run_in(dir.path(), &["check", "--format", "junit", "lc.txt"], &[]);
    assert_eq!(junit_counts(&r.stdout), (4, 3, 1));
}

#[test]
fn statistics_count_per_rule() {
    let r = run(&["check", "--statistics", "examples"]);
    assert!(
        r.stdout
            .lines()
            .next()
            .unwrap()
            .trim_start()
            .starts_with("4  common/conversion-artifact"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "    4  gov2008/section-other               section-optional-missing  info\n"
        )
    );
    assert!(r.stdout.contains("    1  common/breakdown-sum"));
    assert_eq!(r.code, 1);
}

#[test]
fn init_completions_and_man() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(dir.path(), &["init"], &[]);
    assert_eq!(r.code, 0);
    let written = std::fs::read_to_string(dir.path().join("report-lint.toml")).unwrap();
    assert!(written.contains("[[suppress]]"));
    // the commented template is a valid (empty) configuration
    assert_eq!(run_in(dir.path(), &["config", "x.txt"], &[]).code, 0);
    assert_eq!(
        run_in(dir.path(), &["init"], &[]).code,
        2,
        "never overwrites"
    );
    for shell in ["bash", "zsh", "fish"] {
        let c = run(&["completions", shell]);
        assert!(
            c.code == 0 && c.stdout.contains("report-lint") && c.stdout.contains("write-baseline"),
            "{shell}"
        );
    }
    let man = run(&["man"]);
    assert!(
        man.stdout.starts_with(".ie \\n(.g .ds Aq") || man.stdout.contains(".TH report-lint"),
        "{}",
        &man.stdout[..80.min(man.stdout.len())]
    );
    // A page per subcommand, each with EXIT STATUS, ENVIRONMENT and FILES.
    let sections = [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH FILES"];
    for page in [&man.stdout, &run(&["man", "check"]).stdout] {
        for s in sections {
            assert!(page.contains(s), "{s}");
        }
    }
    let check = run(&["man", "check"]).stdout;
    assert!(
        check.contains(".TH report-lint-check 1"),
        "{}",
        &check[..200]
    );
    assert!(check.contains("FORCE_COLOR") && check.contains("report\\-lint.toml"));
    assert!(check.contains("\\-\\-no\\-ignore"), "check's own options");
    assert_eq!(run(&["man", "frobnicate"]).code, 2);
    let out = dir.path().join("man");
    let r = run(&["man", "--lang", "en", "--dir", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "report-lint-check.1",
            "report-lint-completions.1",
            "report-lint-config.1",
            "report-lint-init.1",
            "report-lint-man.1",
            "report-lint-rule.1",
            "report-lint-rules.1",
            "report-lint.1"
        ]
    );
    for p in &pages {
        let text = std::fs::read_to_string(out.join(p)).unwrap();
        for s in sections {
            assert!(text.contains(s), "{p}: {s}");
        }
        assert!(text.contains("When set and not empty"), "{p}: English");
    }
}

#[test]
fn the_configured_level_decides_government_only_content() {
    // A government's report without 考核/评议/追究: its title says 人民政府.
    let text = "2022年某县人民政府政府信息公开工作年度报告\n一、总体情况\n加强督促指导。\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("r.txt"), text).unwrap();
    let by_title = run_in(dir.path(), &["check", "--format", "concise", "r.txt"], &[]);
    assert!(
        by_title.stdout.contains("gov2021/government-content"),
        "{}",
        by_title.stdout
    );
    std::fs::write(
        dir.path().join("report-lint.toml"),
        "[issuer]\nlevel = \"department\"\n",
    )
    .unwrap();
    let configured = run_in(dir.path(), &["check", "--format", "concise", "r.txt"], &[]);
    assert!(
        !configured.stdout.contains("gov2021/government-content"),
        "{}",
        configured.stdout
    );
}

#[test]
fn late_publication() {
    let text = std::fs::read_to_string(common::root().join(LC))
        .unwrap()
        .replace("发布时间: 2018-02-11", "发布时间: 2018-04-20");
    let r = common::check_text(&text);
    let late: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.check.as_str() == "late-publication")
        .collect();
    assert_eq!(late.len(), 1);
    assert_eq!(
        late[0].message,
        "报告日期 2018年4月20日 晚于人民政府发布 2017 年度报告的期限 2018年3月31日"
    );
    // the signature date at the end, in Chinese numerals
    let signed = std::fs::read_to_string(common::root().join(GS))
        .unwrap()
        .replace("2018年1月9日", "二○一八年四月二十日");
    assert_eq!(
        common::check_text(&signed)
            .diagnostics
            .iter()
            .filter(|d| d.check.as_str() == "late-publication")
            .count(),
        1
    );
    let on_time = std::fs::read_to_string(common::root().join(GS))
        .unwrap()
        .replace("2018年1月9日", "二○一八年三月九日");
    assert_eq!(
        common::check_text(&on_time)
            .diagnostics
            .iter()
            .filter(|d| d.check.as_str() == "late-publication")
            .count(),
        0
    );
}
