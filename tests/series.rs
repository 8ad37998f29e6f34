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

/// `report` with 表二's 行政规范性文件 cells run together (「3120」), as
/// pages copied without cell separators print them.
fn report_run(title: &str, t2: [u32; 3], carried: [u32; 2], forward: [u32; 2]) -> String {
    let text = report(title, t2, carried, forward, "");
    let row = format!("行政规范性文件 | {} | {} | {}", t2[0], t2[1], t2[2]);
    assert!(text.contains(&row));
    text.replace(&row, &format!("行政规范性文件{}{}{}", t2[0], t2[1], t2[2]))
}

/// Rows whose cells ran together split several ways; the chain is read
/// with the splits that keep it closest: silent when one split per year
/// makes it hold, and otherwise the least break, with the split named.
#[test]
fn stock_chains_through_run_together_rows() {
    const A23: &str = "某县人民政府2023年政府信息公开工作年度报告";
    // 20 + 12 − 3 = 29 and 29 + 15 − 4 = 40: 「3120」「12329」「15440」
    // split many ways each, but only one way per year continues the chain.
    let r = run(
        vec![
            input("2021.txt", report_run(A21, [3, 1, 20], [1, 0], [2, 0])),
            input("2022.txt", report_run(A22, [12, 3, 29], [2, 0], [0, 0])),
            input("2023.txt", report_run(A23, [15, 4, 40], [0, 0], [0, 0])),
        ],
        None,
    );
    assert!(
        found(&r, "gov2021/t2-split").len() == 3,
        "the rows are runs"
    );
    assert!(found(&r, "common/stock-chain-2021").is_empty(), "{r:?}");
    // 2023 reads 15 | 4 | 50: no split of 「15450」 continues 29 (the
    // closest, 15 | 4 | 50, breaks it by 10).
    let r = run(
        vec![
            input("2021.txt", report_run(A21, [3, 1, 20], [1, 0], [2, 0])),
            input("2022.txt", report_run(A22, [12, 3, 29], [2, 0], [0, 0])),
            input("2023.txt", report_run(A23, [15, 4, 50], [0, 0], [0, 0])),
        ],
        None,
    );
    let f = found(&r, "common/stock-chain-2021");
    assert_eq!(f.len(), 1, "{f:?}");
    let (path, d) = f[0];
    assert_eq!(path, "2023.txt");
    assert!(
        d.message.starts_with(
            "行政规范性文件：2022 年现行有效 29 件 + 15 − 4 = 40 件，与本年现行有效 50 件不符（差 10 件）"
        ) && d.message.contains("按与上下年最相符的拆分核对"),
        "{}",
        d.message
    );
    assert_eq!(
        d.span_label.as_deref(),
        Some("本年现行有效件数 50（各格连写为 15450，按 15 / 4 / 50 计）")
    );
    assert_eq!(d.labels[0].file, Some(FileId(1)));
    assert!(
        d.labels[0]
            .message
            .contains("（各格连写为 12329，该格按 29 计）")
    );
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
    assert_eq!(
        note[0].1.message,
        "跨年度检查需要上一年度（2020年）的报告，本次输入中没有，跨年度核对未做（本次共 2 份报告缺少上一年度的报告）"
    );
    // A subset: two issuers' reports, one each, with figures to carry — one
    // note; a complete series from its first year — none.
    let r = run(
        vec![
            input("a/2022.txt", report(A22, [5, 2, 25], [3, 1], [0, 0], "")),
            input(
                "b/2022.txt",
                report(
                    "某镇人民政府2022年政府信息公开工作年度报告",
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
    assert_eq!(note.len(), 1, "{note:?}");
    assert!(note[0].1.message.contains("本次共 2 份"));
    let r = run(
        vec![
            input("2021.txt", report(A21, [3, 1, 20], [1, 0], [2, 2], "")),
            input("2022.txt", report(A22, [5, 2, 23], [2, 2], [0, 0], "")),
        ],
        None,
    );
    assert!(found(&r, "corpus/earlier-report-missing").is_empty());
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
    // Ignored in the file's own list, the corpus rules do not run at all.
    let r = run(
        inputs(),
        Some("ignore = [\"cross-year-mismatch\", \"common/duplicate-report\"]\n"),
    );
    assert!(r.iter().all(|f| {
        f.diagnostics
            .iter()
            .all(|d| d.check.as_str() != "cross-year-mismatch")
    }));
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
    let of = |year: &str| -> Vec<&Diagnostic> {
        cross
            .iter()
            .filter(|(p, _)| *p == format!("pingtan/{year}.txt"))
            .map(|(_, d)| *d)
            .collect()
    };
    let chain = of("2020");
    assert_eq!(chain.len(), 1, "{cross:?}");
    let d = chain[0];
    assert_eq!(d.rule, "common/stock-chain-2019");
    assert!(
        d.message.starts_with(
            "规章：2019 年对外公开总数量 0 件 + 0 = 0 件，与本年对外公开总数量 7 件不符（差 7 件）"
        ),
        "{}",
        d.message
    );
    assert!(d.labels.iter().any(|l| l.file == Some(FileId(0))));
    // 表二 行政规范性文件 is a digit run every year from 2021: 2021's
    // 「693665」 and 2022's 「8855698」 continue only as 665 + 88 − 55 = 698;
    // 2023's 「77132470」 and 2024's 「6233440」 break it under every split,
    // least as 698 + 77 − 132 = 643 ≠ 470 (a 清理 is mentioned: info) and
    // 470 + 62 − 33 = 499 ≠ 440 (warning), as the README reads them.
    let y23 = of("2023");
    assert_eq!(y23.len(), 1, "{cross:?}");
    assert_eq!(y23[0].severity, Severity::Info);
    assert!(
        y23[0].message.starts_with(
            "行政规范性文件：2022 年现行有效 698 件 + 77 − 132 = 643 件，与本年现行有效 470 件不符（差 173 件）"
        ),
        "{}",
        y23[0].message
    );
    assert!(y23[0].labels.iter().any(|l| l.file == Some(FileId(3))));
    let y24 = of("2024");
    assert_eq!(y24.len(), 1, "{cross:?}");
    assert_eq!(y24[0].severity, Severity::Warning);
    assert!(
        y24[0].message.starts_with(
            "行政规范性文件：2023 年现行有效 470 件 + 62 − 33 = 499 件，与本年现行有效 440 件不符（差 59 件）"
        ),
        "{}",
        y24[0].message
    );
    // 2025's 「5845546」 breaks it under every split too (the README does not
    // say it holds); it mentions 清理: info.
    let y25 = of("2025");
    assert_eq!(y25.len(), 1, "{cross:?}");
    assert_eq!(y25[0].severity, Severity::Info);
    // The identities the README says hold are silent: 2021, 2022 and 2025
    // 上年结转; 规范性文件 89 + 77 = 166; 2022's 665 + 88 − 55 = 698.
    assert!(found(&r, "common/carry-over").is_empty(), "{cross:?}");
    assert!(found(&r, "common/duplicate-report").is_empty());
    assert!(of("2019").is_empty() && of("2021").is_empty() && of("2022").is_empty());
    assert_eq!(cross.len(), 4, "{cross:?}");
    // Its README finds no text copied within the folder.
    assert!(copied_findings(&r).is_empty(), "{:?}", copied_findings(&r));
}

// ---- Copied text and another issuer's words ---------------------------------

/// Paragraphs of prose, each about one piece of work, none shared.
const WORK: [&str; 10] = [
    "全年通过政府门户网站主动公开政府信息2315条，其中机构职能、规划计划、财政预决算等重点领域信息418条，做到应公开尽公开。",
    "围绕优化营商环境，集中公开涉企优惠政策清单，开设惠企政策专栏，按行业分类汇编政策文件86件，方便企业查询和申报。",
    "严格落实政策解读与政策文件同步组织、同步审签、同步部署，全年发布图解、问答等解读材料57篇，主要负责人带头解读3次。",
    "依申请公开办理流程进一步规范，统一登记、审核、答复各环节，答复文书均载明依据和救济途径，全年无逾期答复的情况。",
    "加强政府网站和政务新媒体管理，开展季度检查4次，整改错别字、空白栏目等问题21个，关停长期不更新的账号2个。",
    "推进基层政务公开标准化规范化，在12个乡镇便民服务中心设置政务公开专区，配备查阅设备，提供政策咨询和代办服务。",
    "召开新闻发布会9场，围绕义务教育招生、医保政策调整等群众关心的事项发布信息，会后在网站同步刊发文字实录。",
    "健全政府信息公开保密审查机制，坚持先审查后公开，对拟公开信息逐条核对是否涉及国家秘密、商业秘密和个人隐私。",
    "把政务公开纳入年度绩效考核，细化考核指标15项，每季度通报各部门信息发布情况，对排名靠后的单位进行约谈提醒。",
    "组织全县政务公开业务培训2期，培训工作人员180余人次，重点讲解新条例的申请办理和主动公开目录编制要求。",
];

/// A 2021-format report of `issuer` for `year`: the opening every report
/// shares, the given paragraphs in 一、总体情况, `problems` in 五, and tables
/// whose figures hold (表三: 新收 `n`, all 予以公开).
fn prose(issuer: &str, year: u32, work: &[&str], problems: &[&str], n: u32) -> String {
    let mut s = format!(
        "{issuer}{year}年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，编制本报告。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n一、总体情况\n"
    );
    for w in work {
        s.push_str(w);
        s.push('\n');
    }
    s.push_str("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n行政规范性文件 | 0 | 0 | 0\n");
    s.push_str(&format!(
        "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况\n一、本年新收政府信息公开申请数量 | {n} | 0 | 0 | 0 | 0 | 0 | {n}\n二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    ));
    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n本年度未发生因政府信息公开引起的行政复议、行政诉讼。\n五、存在的主要问题及改进情况\n");
    for p in problems {
        s.push_str(p);
        s.push('\n');
    }
    s.push_str("六、其他需要报告的事项\n本年度未收取信息处理费。\n");
    s
}

const PROBLEMS_22: &str = "一是政策解读形式较为单一，图解、视频等方式运用不多；二是基层政务公开标准化规范化水平有待提升。下一步，我们将丰富解读形式，加强对乡镇的业务培训。";
const PROBLEMS_23: &str = "上年提出的问题已基本解决，本年制作短视频解读26件。当前的问题是依申请公开答复文书说理不够充分。下一步，将制定答复文书范本并开展案例评查。";

fn copied_findings(r: &[FileReport]) -> Vec<(&str, &Diagnostic)> {
    r.iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| (f.source.path.as_str(), d))
        })
        .filter(|(_, d)| matches!(d.check.as_str(), "copied-text" | "foreign-entity"))
        .collect()
}

/// The percentage a copied-report message states.
fn percent(d: &Diagnostic) -> u32 {
    let tail = d.message.rsplit("相似度 ").next().unwrap();
    tail.trim_end_matches('%').parse().unwrap()
}

#[test]
fn a_report_copied_at_95_percent_is_an_error_and_at_60_a_warning() {
    const X: &str = "某县人民政府";
    let base = run(
        vec![
            input("x/2022.txt", prose(X, 2022, &WORK[..8], &[PROBLEMS_22], 14)),
            // Everything kept but one figure-free sentence reworded, figures changed.
            input(
                "x/2023.txt",
                prose(
                    X,
                    2023,
                    &[
                        &WORK[0].replace("2315", "2560"),
                        WORK[1],
                        WORK[2],
                        WORK[3],
                        WORK[4],
                        WORK[5],
                        WORK[6],
                        &WORK[7].replace("坚持先审查后公开", "坚持先审后发"),
                    ],
                    &[PROBLEMS_22],
                    17,
                ),
            ),
        ],
        None,
    );
    let f = found(&base, "common/copied-report");
    assert_eq!(f.len(), 1, "{f:?}");
    let (path, d) = f[0];
    assert_eq!(path, "x/2023.txt");
    assert_eq!(d.severity, Severity::Error);
    let p = percent(d);
    assert!(p > 90 && p < 100, "{}", d.message);
    assert!(
        d.message
            .starts_with("本报告正文与 2022 年报告（x/2022.txt）相似度 "),
        "{}",
        d.message
    );
    assert_eq!(d.labels[0].file, Some(FileId(0)));
    // The copied problems paragraph is named too, labelled in both files.
    let c = found(&base, "common/copied-improvements");
    assert_eq!(c.len(), 1);
    assert_eq!(
        &base[1].source.text[c[0].1.span.range()],
        PROBLEMS_22,
        "the passage here"
    );
    let l = &c[0].1.labels[0];
    assert_eq!(l.file, Some(FileId(0)));
    assert_eq!(&base[0].source.text[l.span.range()], PROBLEMS_22);

    // Six paragraphs of eight kept, two new: a warning near 60 %.
    let r = run(
        vec![
            input("x/2022.txt", prose(X, 2022, &WORK[..8], &[PROBLEMS_22], 14)),
            input(
                "x/2023.txt",
                prose(X, 2023, &WORK[2..10], &[PROBLEMS_22], 17),
            ),
        ],
        None,
    );
    let f = found(&r, "common/copied-report");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1.severity, Severity::Warning);
    let p = percent(f[0].1);
    assert!((55..=70).contains(&p), "{}", f[0].1.message);
}

#[test]
fn a_copied_improvements_paragraph_alone_is_found() {
    const X: &str = "某县人民政府";
    let r = run(
        vec![
            input("2021.txt", prose(X, 2021, &WORK[..3], &[PROBLEMS_22], 9)),
            input("2022.txt", prose(X, 2022, &WORK[3..6], &[PROBLEMS_23], 11)),
            // 2023 repeats 2021's problems (with its own figures): the latest
            // earlier report that has the paragraph is named.
            input("2023.txt", prose(X, 2023, &WORK[6..9], &[PROBLEMS_22], 12)),
        ],
        None,
    );
    let c = found(&r, "common/copied-improvements");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "2023.txt");
    assert_eq!(
        c[0].1.message,
        "「存在的主要问题及改进情况」中的这段文字（65 字）与 2021 年报告（2021.txt）中的一段相同"
    );
    assert_eq!(c[0].1.labels[0].file, Some(FileId(0)));
    assert!(found(&r, "common/copied-report").is_empty());
}

#[test]
fn independent_reports_share_only_boilerplate_and_get_no_finding() {
    let r = run(
        vec![
            input(
                "a/2023.txt",
                prose("甲县人民政府", 2023, &WORK[..5], &[PROBLEMS_22], 8),
            ),
            input(
                "b/2023.txt",
                prose("乙区人民政府", 2023, &WORK[5..], &[PROBLEMS_23], 8),
            ),
            input(
                "a/2022.txt",
                prose(
                    "甲县人民政府",
                    2022,
                    &[
                        "2022年，甲县完成政府信息公开目录的全面梳理，新增公开事项清单三类，并在网站首页开设专栏集中发布。",
                    ],
                    &[
                        "主要问题是部分部门信息更新不及时。下一步，将建立更新提醒制度，每月通报一次各部门的信息发布情况。",
                    ],
                    6,
                ),
            ),
        ],
        None,
    );
    let f = copied_findings(&r);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_passage_copied_from_another_issuer_with_its_name_left_in() {
    let own = "甲县坚持把政务公开作为建设法治政府的重要抓手，围绕乡村振兴重点任务，按季度发布项目资金使用情况，并在各村公开栏同步张贴。";
    let renamed = own.replace("甲县", "乙县");
    let r = run(
        vec![
            input(
                "a/2023.txt",
                prose(
                    "甲县人民政府",
                    2023,
                    &[own, WORK[0], WORK[1]],
                    &[PROBLEMS_22],
                    8,
                ),
            ),
            input(
                "b/2023.txt",
                prose(
                    "乙县人民政府",
                    2023,
                    &[own, WORK[2], WORK[3]],
                    &[PROBLEMS_23],
                    5,
                ),
            ),
            input(
                "c/2024.txt",
                prose(
                    "丙县人民政府",
                    2024,
                    &[&renamed.replace("乙县", "丙县"), WORK[4]],
                    &[PROBLEMS_23.replace("26", "31").as_str()],
                    5,
                ),
            ),
        ],
        None,
    );
    let f = found(&r, "common/foreign-name");
    assert_eq!(f.len(), 1, "{:?}", copied_findings(&r));
    assert_eq!(f[0].0, "b/2023.txt");
    assert_eq!(f[0].1.severity, Severity::Error);
    assert_eq!(
        f[0].1.message,
        "这段文字与 2023 年报告（a/2023.txt）中的一段相同，其中仍写着那份报告的机关名称「甲县」"
    );
    assert_eq!(&r[1].source.text[f[0].1.span.range()], own);
    assert_eq!(f[0].1.labels[0].file, Some(FileId(0)));
    // Renamed, the passage is still a copy of 甲县's (the earliest), and
    // 丙县's problems paragraph is 乙县's with another figure.
    let c = found(&r, "common/copied-from-other");
    let msgs: Vec<_> = c.iter().map(|(p, d)| (*p, d.message.as_str())).collect();
    assert_eq!(
        msgs,
        vec![
            (
                "c/2024.txt",
                "这段文字（55 字）与「甲县人民政府」2023 年报告（a/2023.txt）中的一段相同"
            ),
            (
                "c/2024.txt",
                "这段文字（63 字）与「乙县人民政府」2023 年报告（b/2023.txt）中的一段相同"
            ),
        ]
    );
}

#[test]
fn the_wrong_level_words_and_only_self_references() {
    let district =
        |year: u32, line: &str| prose("某区人民政府", year, &[line, WORK[1]], &[PROBLEMS_22], 4);
    let r = run(
        vec![
            input(
                "d/2023.txt",
                district(
                    2023,
                    "2023年，我市持续深化政务公开，按照全省统一部署推进市本级和各区信息发布。",
                ),
            ),
            input(
                "d2/2023.txt",
                prose(
                    "某市人民政府",
                    2023,
                    &[
                        "2023年，我市持续深化政务公开，按照全省统一部署推进市本级和各区信息发布。",
                        WORK[2],
                    ],
                    &[PROBLEMS_23],
                    9,
                ),
            ),
            input(
                "e/2023.txt",
                prose(
                    "某县人民政府",
                    2023,
                    &[
                        "按照全市统一部署，我县持续深化政务公开，本县各乡镇同步推进。",
                        WORK[3],
                    ],
                    &[PROBLEMS_23],
                    3,
                ),
            ),
        ],
        None,
    );
    let f = found(&r, "common/wrong-level");
    assert_eq!(f.len(), 1, "{:?}", copied_findings(&r));
    assert_eq!(f[0].0, "d/2023.txt");
    assert_eq!(
        f[0].1.message,
        "「某区人民政府」的报告中写有「我市」（1 处），是另一级政府的自称；所在段落与 d2/2023.txt（2023 年）的一段相同，可能照抄"
    );
    assert_eq!(&r[0].source.text[f[0].1.span.range()], "我市");
    assert_eq!(f[0].1.labels[0].file, Some(FileId(1)));
}
