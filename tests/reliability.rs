//! Issue 11: nothing breaks the run, nothing is lost, nothing gets in. Each
//! test reproduces one report of the issue (it failed before the fix).

mod common;

use common::run;

/// A pack of `n` patterns, each compiling to most of the per-regex limit.
fn heavy_pack(n: usize) -> String {
    let pats: Vec<String> = (0..n)
        .map(|i| format!("  {{ regex = '\\w{{16}}x{i}', what = \"t\" }}"))
        .collect();
    format!(
        "[pack]\nid = \"bomb\"\ntitle = \"t\"\n\n[[rule]]\nid = \"bomb/a\"\ncheck = \"conversion-artifact\"\nseverity = \"warning\"\nmessage = \"x {{what}}\"\nexplain.what = \"t\"\nexplain.why = \"t\"\npatterns = [\n{}\n]\n",
        pats.join(",\n")
    )
}

/// §2: a 40 KB pack of 1,000 patterns compiled to 3 GB; now the pack's
/// budget stops it at the pattern that crosses it, as a rule-error.
#[test]
fn a_pack_over_its_regex_budget_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("bomb.toml");
    std::fs::write(&pack, heavy_pack(1000)).unwrap();
    let r = run(&[
        "check",
        "--format",
        "concise",
        "--rules",
        pack.to_str().unwrap(),
        "examples/shanghe-2017.txt",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("rule-error"))
        .expect("a rule-error");
    assert!(line.contains("规则包的正则表达式合计超过上限"), "{line}");
    // It points at one of the patterns, not at the pack as a whole.
    let at: usize = line.split(':').nth(1).unwrap().parse().unwrap();
    assert!(at > 14, "{line}");
    // The report was still checked with the other packs.
    assert!(
        r.stdout.contains("examples/shanghe-2017.txt:"),
        "{}",
        r.stdout
    );

    // A pack of a few such patterns is within budget.
    std::fs::write(&pack, heavy_pack(5)).unwrap();
    let r = run(&[
        "check",
        "--format",
        "concise",
        "--rules",
        pack.to_str().unwrap(),
        "examples/shanghe-2017.txt",
    ]);
    assert!(!r.stdout.contains("rule-error"), "{}", r.stdout);
}

/// Defence in depth: a panic in one file's check is an `internal-error` on
/// that file (exit 2); the other files are checked and printed as usual.
#[test]
fn a_panic_in_one_file_is_an_internal_error_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("a-bad.txt");
    std::fs::write(&bad, "某县2017年政府信息公开工作年度报告\nPANIC-HERE\n").unwrap();
    let out = common::bin()
        .env("REPORT_LINT_INJECT_PANIC", "PANIC-HERE")
        .args([
            "check",
            "--format",
            "concise",
            bad.to_str().unwrap(),
            "examples/shanghe-2017.txt",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    let line = stdout
        .lines()
        .find(|l| l.contains("internal-error"))
        .expect("internal-error");
    assert!(line.starts_with(bad.to_str().unwrap()), "{line}");
    assert!(line.contains("程序内部出错"), "{line}");
    assert!(
        stdout.contains("examples/shanghe-2017.txt:26:264: warning[common/percent]"),
        "{stdout}"
    );
    // JSON too: the other file's findings and the error, one document.
    let out = common::bin()
        .env("REPORT_LINT_INJECT_PANIC", "PANIC-HERE")
        .args([
            "check",
            "--format",
            "json",
            bad.to_str().unwrap(),
            "examples/shanghe-2017.txt",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"internal-error") && rules.contains(&"common/percent"));
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> common::Run {
    let out = common::bin()
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn seed_copy(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::copy(common::root().join("examples/shanghe-2017.txt"), &p).unwrap();
    p
}

/// §3: `-o` wrote in place — an interrupted run left an empty or partial
/// file. Now the old file stays whole until the new one replaces it.
#[test]
fn output_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        seed_copy(dir.path(), &format!("r{i:02}.txt"));
    }
    let out = dir.path().join("out.json");
    std::fs::write(&out, "{\"previous\": true}\n").unwrap();
    // Interrupted at some moment (Ctrl-C, then a hard kill): the target is
    // the old file or a whole new one.
    for (wait, signal) in [(5, "-INT"), (30, "-INT"), (80, "-INT"), (30, "-KILL")] {
        let mut child = common::bin()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "-o", "out.json", "."])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        let _ = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status();
        let _ = child.wait();
        if signal == "-KILL" {
            // Nothing runs after SIGKILL: its temporary file may stay.
            for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
                if e.file_name().to_string_lossy().starts_with(".report-lint-") {
                    std::fs::remove_file(e.path()).unwrap();
                }
            }
        }
        let text = std::fs::read_to_string(&out).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).expect("whole JSON");
        assert!(v.get("previous").is_some() || v["summary"]["files"] == 40);
    }
    // Two runs writing one file: each renames a whole file over it.
    let a = common::bin()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-o", "out.json", "."])
        .spawn()
        .unwrap();
    let b = common::bin()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-o", "out.json", "."])
        .spawn()
        .unwrap();
    a.wait_with_output().unwrap();
    b.wait_with_output().unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["files"], 40);
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".report-lint-"))
        .collect();
    assert!(left.is_empty());
}

/// §10: `-o` may not overwrite a report; an unwritable output is found
/// before any report is read; write errors name the file.
/// `-o` writes through a temporary file, but the output gets the mode any
/// new file gets here (not a temporary file's 0600), and an existing output
/// keeps its own.
#[cfg(unix)]
#[test]
fn an_output_file_gets_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    seed_copy(dir.path(), "a.txt");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let plain = dir.path().join("plain");
    std::fs::File::create(&plain).unwrap();
    let r = run_in(
        dir.path(),
        &["check", "--format", "json", "-o", "out.json", "a.txt"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(mode(&dir.path().join("out.json")), mode(&plain));
    let kept = dir.path().join("kept.json");
    std::fs::write(&kept, "").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    run_in(
        dir.path(),
        &["check", "--format", "json", "-o", "kept.json", "a.txt"],
    );
    assert_eq!(mode(&kept), 0o640);
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("\"diagnostics\"")
    );
}

#[test]
fn outputs_are_checked_before_checking() {
    let dir = tempfile::tempdir().unwrap();
    let report = seed_copy(dir.path(), "a.txt");
    let before = std::fs::read(&report).unwrap();
    let r = run_in(dir.path(), &["check", "-o", "a.txt", "a.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("a.txt 是要检查的报告之一"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read(&report).unwrap(),
        before,
        "the report is untouched"
    );
    let r = run_in(dir.path(), &["check", "--write-baseline", "./a.txt", "."]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run_in(
        dir.path(),
        &["check", "-o", "no/such/dir/out.json", "a.txt"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such/dir/out.json"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing was checked: {}", r.stdout);
}

/// §4: a link in a reports folder to another directory is not walked;
/// §4: a rules path that is not a pack is never echoed.
#[cfg(unix)]
#[test]
fn links_are_not_followed_and_foreign_files_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    seed_copy(elsewhere.path(), "secret.txt");
    seed_copy(dir.path(), "own.txt");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("link")).unwrap();
    let r = run_in(dir.path(), &["check", "--format", "concise", "."]);
    assert!(!r.stdout.contains("secret.txt"), "{}", r.stdout);
    assert!(r.stdout.contains("own.txt"));
    let r = run_in(
        dir.path(),
        &["check", "--follow", "--format", "concise", "."],
    );
    assert!(r.stdout.contains("secret.txt"), "{}", r.stdout);

    let secret = dir.path().join("passwd");
    std::fs::write(&secret, "root:SECRET-LINE:0:0\n").unwrap();
    let r = run_in(dir.path(), &["check", "--rules", "passwd", "own.txt"]);
    assert_eq!(r.code, 2);
    assert!(!r.stdout.contains("SECRET-LINE") && !r.stderr.contains("SECRET-LINE"));
    assert!(r.stdout.contains("规则文件应为 .toml 文件"), "{}", r.stdout);
}

/// §5: escape sequences in a report and a newline in a file name reach no
/// terminal or CI log raw, in any human-facing format.
#[cfg(unix)]
#[test]
fn control_characters_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let body = "本年度，我县认真贯彻落实《中华人民共和国政府信息公开条例》，进一步加强组织领导，完善制度建设。\n".repeat(20);
    let hostile = "全年共收到申请10件，其中\u{1b}[2J\u{1b}]0;pwned\u{7}网站4件，其他5件。\u{1b}]8;;http://x\u{1b}\\链接\n";
    let text = format!("某县2017年政府信息公开工作年度报告\n一、概述\n{body}{hostile}");
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    std::fs::write(dir.path().join("b\n::error file=x::forged.txt"), &text).unwrap();
    for format in ["human", "concise", "github"] {
        let r = run_in(
            dir.path(),
            &["check", "--color", "never", "--format", format, "."],
        );
        assert!(!r.stdout.contains('\u{1b}'), "{format}: raw ESC");
        assert!(!r.stdout.contains('\u{7}'), "{format}: raw BEL");
        assert!(
            !r.stdout.lines().any(|l| l.starts_with("::error file=x")),
            "{format}: a forged line"
        );
        let shown = if format == "github" {
            "b\\x0a%3A%3Aerror"
        } else {
            "b\\x0a::error"
        };
        assert!(r.stdout.contains(shown), "{format}: {}", r.stdout);
    }
    let r = run_in(dir.path(), &["check", "--color", "never", "a.txt"]);
    assert!(r.stdout.contains("\\x1b[2J"), "shown visibly: {}", r.stdout);
}

/// §6: mistakes that silently turned checks off are errors, with the name meant.
#[test]
fn configuration_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    seed_copy(dir.path(), "a.txt");
    std::fs::write(
        dir.path().join("report-lint.toml"),
        "pack = \"gov2008\"\nselect = [\"comon/\"]\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "--format", "concise", "a.txt"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("report-lint.toml:1:8: error[config-error] 没有名为「gov2008」的规则包"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "report-lint.toml:2:11: error[config-error] 没有名为「comon/」的规则或检查类型"
        ),
        "{}",
        r.stdout
    );
    let r = run_in(dir.path(), &["check", "--format", "json", "a.txt"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let helps: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["help"].as_str())
        .collect();
    assert!(helps.contains(&"是否想写「gov-2008」？"), "{helps:?}");
    assert!(helps.contains(&"是否想写「common/」？"), "{helps:?}");

    // A user pack may not take a built-in pack's id.
    let pack = dir.path().join("p.toml");
    std::fs::write(&pack, "[pack]\nid = \"gov-2021\"\ntitle = \"t\"\n").unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "--rules",
            "p.toml",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.contains("规则包 id「gov-2021」与内置规则包重复"),
        "{}",
        r.stdout
    );
}

/// §7: 100,000 headings made human output quadratic (63 s, 67 MB).
#[test]
fn many_headings_give_bounded_output() {
    let mut text = String::from(
        "某县2017年政府信息公开工作年度报告\n本报告由总体情况、主动公开两个部分组成。\n",
    );
    let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    for i in 0..100_000 {
        text.push_str(&format!("{}、标题第{i}项\n", cn[i % 10]));
    }
    let r = common::run_with_stdin(&["check", "--color", "never", "-"], Some(text.as_bytes()));
    assert!(r.code == 1, "{}", r.stderr);
    // Findings per rule and labels per finding are capped: a few MB at most
    // (67 MB and a minute before), in well under a second in a release build.
    assert!(r.stdout.len() < 5_000_000, "{} bytes", r.stdout.len());
    let v = common::json(&common::run_with_stdin(
        &["check", "--format", "json", "-"],
        Some(text.as_bytes()),
    ));
    let most = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["labels"].as_array().unwrap().len())
        .max()
        .unwrap();
    assert!(most <= report_lint::engine::MAX_LABELS, "{most}");
}

/// §8: baselines.
#[test]
fn baselines_fail_loudly() {
    let dir = tempfile::tempdir().unwrap();
    seed_copy(dir.path(), "a.txt");
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    // A broken input: no baseline written, the error shown, exit 2.
    let r = run_in(
        dir.path(),
        &["check", "--write-baseline", "b.json", "a.txt", "empty.txt"],
    );
    assert_eq!(r.code, 2);
    assert!(!dir.path().join("b.json").exists());
    assert!(
        r.stderr.contains("empty.txt") && r.stderr.contains("input-error"),
        "{}",
        r.stderr
    );
    let r = run_in(
        dir.path(),
        &["check", "--write-baseline", "b.json", "missing.txt"],
    );
    assert_eq!(r.code, 2);
    // A good baseline hides today's findings…
    let r = run_in(
        dir.path(),
        &["check", "--write-baseline", "b.json", "a.txt"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--baseline",
            "b.json",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    // …a truncated one is an error that still prints the run's findings…
    let text = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    std::fs::write(dir.path().join("cut.json"), &text[..text.len() / 2]).unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--baseline",
            "cut.json",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("基线文件无效"), "{}", r.stdout);
    assert!(
        r.stdout.contains("a.txt:26:264: warning[common/percent]"),
        "{}",
        r.stdout
    );
    // …and so is another version.
    std::fs::write(
        dir.path().join("v9.json"),
        text.replace("\"version\": 1", "\"version\": 9"),
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--baseline",
            "v9.json",
            "a.txt",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("版本为 9"), "{}", r.stdout);
    // A baseline never hides an input error.
    let forged = r#"{"version": 1, "findings": [{"path": "empty.txt", "rule": "input-error", "context": "‹›|无法读取报告：文件为空", "count": 1}]}"#;
    std::fs::write(dir.path().join("forged.json"), forged).unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--baseline",
            "forged.json",
            "empty.txt",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.contains("empty.txt:1:1: error[input-error]"),
        "{}",
        r.stdout
    );
}

/// §9: unbounded reads: /dev/zero read until memory ran out; a FIFO blocked.
#[cfg(unix)]
#[test]
fn unbounded_inputs_are_refused() {
    let r = run(&[
        "check",
        "--max-file-size",
        "8",
        "--format",
        "concise",
        "/dev/zero",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("文件超过大小上限 8 MB"), "{}", r.stdout);
    let r = run(&[
        "check",
        "--format",
        "concise",
        "--rules",
        "/dev/zero",
        "examples/shanghe-2017.txt",
    ]);
    assert_eq!(r.code, 2);
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        // Named directly: refused at once, not blocking.
        let r = run(&["check", "--format", "concise", fifo.to_str().unwrap()]);
        assert_eq!(r.code, 2);
        assert!(r.stdout.contains("命名管道"), "{}", r.stdout);
        // Met in a walk: skipped with a note; the run checked nothing else.
        seed_copy(dir.path(), "a.txt");
        let r = run(&["check", "--format", "concise", dir.path().to_str().unwrap()]);
        assert!(
            r.stdout.contains("pipe.txt:1:1: info[input-error]"),
            "{}",
            r.stdout
        );
        assert_eq!(r.code, 1, "the note is not an error: {}", r.stdout);
    }
    // Standard input is bounded too (the writer may see the pipe close early).
    let mut child = common::bin()
        .args(["check", "--format", "concise", "--max-file-size", "1", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&vec![b'a'; 4 << 20]);
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("文件超过大小上限 1 MB"));
}

/// §10: smaller ones.
#[test]
fn smaller_mistakes_are_said_plainly() {
    // One bad byte in a UTF-8 report is not "GB18030, 33 places".
    let mut bytes = std::fs::read(common::root().join("examples/shanghe-2017.txt")).unwrap();
    bytes.insert(200, 0xff);
    let r = common::run_with_stdin(&["check", "--format", "concise", "-"], Some(&bytes));
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.contains("UTF-8 编码，但有 1 处字节无效"),
        "{}",
        r.stdout
    );
    // UTF-16 without a BOM and UTF-32 are named, with what to do.
    let utf16: Vec<u8> = "某县2017年政府信息公开工作年度报告\n一、概述\n全年共收到申请10件。\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let r = common::run_with_stdin(&["check", "--format", "concise", "-"], Some(&utf16));
    assert!(r.stdout.contains("--encoding utf-16le"), "{}", r.stdout);
    let utf32: Vec<u8> = "Report 2017\nabc\n"
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let r = common::run_with_stdin(&["check", "--format", "concise", "-"], Some(&utf32));
    assert!(r.stdout.contains("UTF-32"), "{}", r.stdout);
    // -j has an upper bound.
    let r = run(&["check", "-j", "20000", "examples/shanghe-2017.txt"]);
    assert_eq!(r.code, 2);
    // A run that checked nothing is an error that says what was looked for.
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["check", "--format", "concise", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("没有检查任何文件"), "{}", r.stdout);
}

/// §10: `| head -1` ended with exit 2 and "Broken pipe".
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    // Far more output than a pipe holds: the write fails when the reader goes.
    let mut child = common::bin()
        .args(["check", "--color", "never"])
        .args(std::iter::repeat_n("examples/", 40))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// §10: the GitHub step summary stays under GitHub's 1 MiB.
#[test]
fn the_step_summary_stays_within_githubs_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("某县2017年政府信息公开工作年度报告\n");
    for i in 0..1_000 {
        text.push_str(&format!("第{i}段信息信息公开。\n"));
    }
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    // 70 reports × 201 findings: about 1.4 MB of table rows.
    for i in 0..70 {
        std::fs::copy(
            dir.path().join("a.txt"),
            dir.path().join(format!("b{i}.txt")),
        )
        .unwrap();
    }
    let summary = dir.path().join("summary.md");
    let out = common::bin()
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "github", "."])
        .output()
        .unwrap();
    assert!(out.status.code() == Some(1));
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.len() < 1 << 20, "{} bytes", written.len());
    assert!(
        written.contains("条发现未列入摘要"),
        "{}",
        &written[written.len() - 300..]
    );
}
