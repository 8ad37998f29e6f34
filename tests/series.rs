//! A repository of reports: issuer and year of each, and the checks across
//! years (carry-over, stock chains, duplicates) on reports written for the
//! test and on the Pingtan series; baselines of corpus findings.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::RULES;
use report_lint::baseline::Baseline;
use report_lint::config::Config;
use report_lint::diagnostic::{Diagnostic, FileReport, Severity};
use report_lint::run::{Input, Options, check_inputs};
use report_lint::source::FileId;

/// A 2021-format report: 表二 行政规范性文件 (制发, 废止, 现行有效), 表三
/// 上年结转 and 结转下年度 (自然人, 商业企业, 总计; other columns 0).
fn report(title: &str, t2: [u32; 3], carried: [u32; 2], forward: [u32; 2], extra: &str) -> String {
    let row = |label: &str, v: [u32; 2]| {
        format!(
            "{label} | {} | {} | 0 | 0 | 0 | 0 | {}\n",
            v[0],
            v[1],
            v[0] + v[1]
        )
    };
    format!(
        "{title}\n一、总体情况\n本年度依法做好政府信息公开工作。{extra}\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n行政规范性文件 | {} | {} | {}\n三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况\n{}{}",
        t2[0],
        t2[1],
        t2[2],
        row("二、上年结转政府信息公开申请数量", carried),
        row("四、结转下年度继续办理", forward),
    )
}

fn input(name: &str, text: String) -> Input {
    Input::Stdin {
        name: name.into(),
        bytes: text.into_bytes(),
    }
}

fn run(inputs: Vec<Input>, config: Option<&str>) -> Vec<FileReport> {
    let config = config.map(|c| Arc::new(Config::parse(Path::new("report-lint.toml"), c).unwrap()));
    let opts = Options {
        config,
        ..Options::default()
    };
    check_inputs(inputs, &RULES, &opts)
}

fn found<'a>(r: &'a [FileReport], rule: &str) -> Vec<(&'a str, &'a Diagnostic)> {
    r.iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| (f.source.path.as_str(), d))
        })
        .filter(|(_, d)| d.rule == rule)
        .collect()
}

const A21: &str = "某县人民政府2021年政府信息公开工作年度报告";
const A22: &str = "某县人民政府2022年政府信息公开工作年度报告";

#[test]
fn carry_over_is_checked_per_column_with_both_labels() {
    let r = run(
        vec![
            input("a/2022.txt", report(A22, [5, 2, 23], [3, 1], [2, 0], "")),
            input("a/2021.txt", report(A21, [3, 1, 20], [1, 0], [2, 2], "")),
        ],
        None,
    );
    let f = found(&r, "common/carry-over");
    // 自然人 3 ≠ 2 and 总计 4 ≠ 4? no: 4 = 4 holds; 商业企业 1 ≠ 2.
    let msgs: Vec<&str> = f.iter().map(|(_, d)| d.message.as_str()).collect();
    assert_eq!(f.len(), 2, "{msgs:?}");
    assert!(
        f.iter()
            .all(|(p, d)| *p == "a/2022.txt" && d.severity == Severity::Error)
    );
    assert_eq!(
        msgs[0],
        "本年上年结转政府信息公开申请数量（自然人）3 件，与 2021 年报告的结转下年度继续办理 2 件不符（差 1 件）"
    );
    // The label points into last year's report, at its cell.
    let l = &f[0].1.labels[0];
    assert_eq!(l.file, Some(FileId(1)));
    let last = &r[1];
    assert_eq!(&last.source.text[l.span.range()], "2");
    assert!(
        found(&r, "common/stock-chain-2021").is_empty(),
        "20 + 5 − 2 = 23"
    );
}

#[test]
fn stock_chain_warns_and_a_clean_up_lowers_it_to_info() {
    let pair = |extra: &str| {
        run(
            vec![
                input("2021.txt", report(A21, [3, 1, 20], [1, 0], [2, 0], "")),
                input("2022.txt", report(A22, [5, 2, 25], [2, 0], [0, 0], extra)),
            ],
            None,
        )
    };
    let r = pair("");
    let f = found(&r, "common/stock-chain-2021");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1.severity, Severity::Warning);
    assert_eq!(
        f[0].1.message,
        "行政规范性文件：2021 年现行有效 20 件 + 5 − 2 = 23 件，与本年现行有效 25 件不符（差 2 件）"
    );
    assert_eq!(f[0].1.labels[0].file, Some(FileId(0)));
    assert!(found(&r, "common/carry-over").is_empty());
    let r = pair("本年度开展行政规范性文件清理工作。");
    let f = found(&r, "common/stock-chain-2021");
    assert_eq!(f[0].1.severity, Severity::Info);
    assert!(f[0].1.message.contains("清理"));
}

#[test]
fn issuer_and_year_from_the_title_or_the_configuration_and_duplicates() {
    // Same title twice: a duplicate, labelled at both titles.
    let r = run(
        vec![
            input("x/2022.txt", report(A22, [3, 1, 20], [1, 0], [0, 0], "")),
            input("y/2022.txt", report(A22, [3, 1, 20], [1, 0], [0, 0], "")),
        ],
        None,
    );
    let f = found(&r, "common/duplicate-report");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "y/2022.txt");
    assert_eq!(
        f[0].1.message,
        "与 x/2022.txt 同为「某县人民政府」2022 年的年度报告"
    );
    assert_eq!(f[0].1.labels[0].file, Some(FileId(0)));

    // Reports without a title: the configuration names the issuer by path,
    // the statistics period gives the year; two issuers never compare.
    let untitled = |year: u32, carried: [u32; 2], forward: [u32; 2]| {
        report(
            &format!("本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"),
            [0, 0, 0],
            carried,
            forward,
            "",
        )
    };
    let cfg = r#"
[[issuer]]
glob = "east/**"
name = "东区人民政府"
level = "government"

[[issuer]]
glob = "west/**"
name = "西区人民政府"
aliases = ["西区"]
"#;
    let r = run(
        vec![
            input("east/2021.txt", untitled(2021, [0, 0], [1, 0])),
            input("east/2022.txt", untitled(2022, [2, 0], [0, 0])),
            input("west/2022.txt", untitled(2022, [1, 0], [0, 0])),
        ],
        Some(cfg),
    );
    let f = found(&r, "common/carry-over");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|(p, _)| *p == "east/2022.txt"));
    assert!(found(&r, "common/duplicate-report").is_empty());
    let c = Config::parse(Path::new("report-lint.toml"), cfg).unwrap();
    let e = c.effective("west/2022.txt");
    assert_eq!(e.issuer_name.as_deref(), Some("西区人民政府"));
    assert_eq!(e.issuer_aliases, vec!["西区".to_string()]);
    assert_eq!(c.known_issuers().len(), 2);
    // `[issuer]` may not name a glob.
    assert!(
        Config::parse(
            Path::new("x.toml"),
            "[issuer]\nglob = \"a/**\"\nname = \"x\"\n"
        )
        .is_err()
    );
}

#[test]
fn one_report_alone_gets_no_corpus_finding_and_a_gap_gets_one_note() {
    let r = run(
        vec![input(
            "2022.txt",
            report(A22, [5, 2, 25], [3, 1], [0, 0], ""),
        )],
        None,
    );
    let corpus: Vec<_> = r[0]
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("corpus/") || d.check.as_str() == "cross-year-mismatch")
        .collect();
    assert!(corpus.is_empty(), "{corpus:?}");
    // A series with a gap: once per run, however many reports miss theirs.
    let r = run(
        vec![
            input(
                "2019.txt",
                report(
                    "某县人民政府2019年政府信息公开工作年度报告",
                    [0, 0, 0],
                    [0, 0],
                    [0, 0],
                    "",
                ),
            ),
            input("2021.txt", report(A21, [0, 0, 0], [1, 0], [0, 0], "")),
            input(
                "b/2021.txt",
                report(
                    "某镇人民政府2021年政府信息公开工作年度报告",
                    [0, 0, 0],
                    [1, 0],
                    [0, 0],
                    "",
                ),
            ),
        ],
        None,
    );
    let note = found(&r, "corpus/earlier-report-missing");
    assert_eq!(note.len(), 1);
    assert_eq!(note[0].1.severity, Severity::Info);
}

#[test]
fn baselines_and_suppressions_cover_corpus_findings() {
    let inputs = || {
        vec![
            input("2021.txt", report(A21, [3, 1, 20], [1, 0], [2, 0], "")),
            input("2022.txt", report(A22, [5, 2, 23], [3, 0], [0, 0], "")),
        ]
    };
    let mut r = run(inputs(), None);
    assert_eq!(found(&r, "common/carry-over").len(), 2);
    let b = Baseline::record(&r);
    assert!(
        b.findings
            .iter()
            .any(|e| e.rule == "common/carry-over" && e.context.contains("|2021.txt:"))
    );
    b.hide(&mut r);
    assert!(found(&r, "common/carry-over").is_empty());
    // Last year's figure changes: the finding is new, not hidden.
    let mut r2 = run(
        vec![
            input("2021.txt", report(A21, [3, 1, 20], [1, 0], [1, 0], "")),
            input("2022.txt", report(A22, [5, 2, 23], [3, 0], [0, 0], "")),
        ],
        None,
    );
    b.hide(&mut r2);
    assert_eq!(found(&r2, "common/carry-over").len(), 2);
    // A suppression in the configuration hides them like any finding.
    let cfg = "[[suppress]]\npath = \"2022.txt\"\nrule = \"common/carry-over\"\nreason = \"上年报告已更正\"\n";
    let r = run(inputs(), Some(cfg));
    assert!(found(&r, "common/carry-over").is_empty());
}

/// The Pingtan series (2019–2025, one issuer, no titles: the configuration
/// names it) checked as a repository.
#[test]
fn pingtan_series_as_a_repository() {
    let dir = common::root().join("tests/fixtures/series/pingtan");
    let inputs: Vec<Input> = (2019..=2025)
        .map(|y| {
            let name = format!("pingtan/{y}.txt");
            input(
                &name,
                std::fs::read_to_string(dir.join(format!("{y}.txt"))).unwrap(),
            )
        })
        .collect();
    let cfg =
        "[[issuer]]\nglob = \"pingtan/**\"\nname = \"平潭综合实验区\"\nlevel = \"government\"\n";
    let r = run(inputs, Some(cfg));
    let cross: Vec<_> = r
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| (f.source.path.as_str(), d))
        })
        .filter(|(_, d)| d.check.as_str() == "cross-year-mismatch" || d.rule.starts_with("corpus/"))
        .collect();
    // 2020 表二 规章: 2019's 对外公开总数量 0 + 本年新公开 0 ≠ 7 (the report
    // mentions 清理: info), labelled in both years.
    let chain: Vec<_> = cross
        .iter()
        .filter(|(p, _)| *p == "pingtan/2020.txt")
        .collect();
    assert_eq!(chain.len(), 1, "{cross:?}");
    let d = chain[0].1;
    assert_eq!(d.rule, "common/stock-chain-2019");
    assert!(
        d.message.starts_with(
            "规章：2019 年对外公开总数量 0 件 + 0 = 0 件，与本年对外公开总数量 7 件不符（差 7 件）"
        ),
        "{}",
        d.message
    );
    assert!(d.labels.iter().any(|l| l.file == Some(FileId(0))));
    // The identities the README says hold are silent: 2021, 2022 and 2025
    // 上年结转; 规范性文件 89 + 77 = 166; 2022's 665 + 88 − 55 = 698.
    assert!(found(&r, "common/carry-over").is_empty(), "{cross:?}");
    assert!(found(&r, "common/duplicate-report").is_empty());
    assert_eq!(cross.len(), 1, "{cross:?}");
}
