//! Issue 16: prose as real reports write it — each pattern on text written
//! for the test, a finding where the text is wrong and none where it is right.

mod common;

use common::{check_text, found_rules};

/// A short report written for these tests: consistent, every section there.
const REPORT: &str = "某县人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息2460条，其中县级1722条，乡镇738条。
二、主动公开政府信息情况
全县通过政府网站主动公开政策文件86件。
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请35件，均已按时答复。
四、政府信息公开行政复议、行政诉讼情况
全年未发生政府信息公开行政复议、行政诉讼。
五、存在的主要问题及改进情况
一是政策解读形式单一；二是基层公开不够规范。
六、其他需要报告的事项
本年度未收取信息处理费。
";

fn input_errors(text: &str) -> Vec<String> {
    check_text(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == "input-error")
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn mojibake_is_an_input_error_naming_the_cause() {
    assert!(input_errors(REPORT).is_empty());
    // UTF-8 read as GBK and saved again.
    let (garbled, _, _) = encoding_rs::GBK.decode(REPORT.as_bytes());
    let e = input_errors(&garbled);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("文本为乱码") && e[0].contains("UTF-8"),
        "{e:?}"
    );
    // Characters replaced by ? when saved in the wrong encoding.
    let questions: String = REPORT
        .chars()
        .map(|c| if c > '\u{3000}' { '?' } else { c })
        .collect();
    let e = input_errors(&questions);
    assert!(e.iter().any(|m| m.contains("替换")), "{e:?}");
    // And not a list of missing sections.
    let r = check_text(&garbled);
    assert!(
        found_rules(&r)
            .iter()
            .all(|(rule, _)| !rule.contains("section-"))
    );
}

/// The processing-fee statement in all its forms (2021 format).
#[test]
fn processing_fee_statement_in_its_forms() {
    let report = |sentence: &str| {
        format!(
            "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况良好。\n六、其他需要报告的事项\n{sentence}\n"
        )
    };
    let fee = |text: &str| {
        found_rules(&check_text(text))
            .into_iter()
            .filter(|(r, _)| r == "gov2021/processing-fee")
            .count()
    };
    for said in [
        "本年度未收取信息处理费。",
        "本机关未收取信息公开处理费。",
        "2023年未发生收费情况。",
        "本年度未收取任何费用。",
        "依申请公开没有收费。",
        "本年度共收取信息处理费0.2万元。",
    ] {
        assert_eq!(fee(&report(said)), 0, "{said}");
    }
    assert_eq!(fee(&report("本年度无其他需要报告的事项。")), 1);
}

/// 「县人民政府政府信息公开工作领导小组」 is not a repeated word: the first 政府
/// ends 人民政府, the second begins 政府信息. 「信息信息」 still is.
#[test]
fn repeated_words_know_where_words_end() {
    let repeats = |sentence: &str| {
        found_rules(&check_text(&format!(
            "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n"
        )))
        .into_iter()
        .filter(|(r, _)| r == "common/repeated-word")
        .count()
    };
    assert_eq!(
        repeats("县人民政府政府信息公开工作领导小组加强了对全县工作的指导。"),
        0
    );
    assert_eq!(repeats("区人民政府政府信息公开专栏全年更新信息。"), 0);
    assert_eq!(repeats("进一步加大信息信息公开力度。"), 1);
    assert_eq!(repeats("政府政府信息公开工作有序推进。"), 1);
}

/// A report whose year cannot be read is not silently checked with the
/// 2008 pack: a note says which pack and why; national tables choose it.
#[test]
fn a_report_without_a_year_says_which_pack_it_got() {
    let note = |text: &str| {
        let r = check_text(text);
        let notes: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == "year-unknown")
            .map(|d| (d.severity.to_string(), d.message.clone()))
            .collect();
        (notes, r.meta.unwrap().packs)
    };
    let (n, packs) =
        note("某县人民政府政府信息公开工作年度报告\n一、总体情况\n本年度工作情况良好。\n");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].0, "info");
    assert!(n[0].1.contains("gov-2008"), "{n:?}");
    assert_eq!(packs[0], "gov-2008");
    let (n, packs) = note(
        "某县人民政府政府信息公开工作年度报告\n一、总体情况\n表二\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t5\n",
    );
    assert!(
        n[0].1.contains("2021 年版") && n[0].1.contains("gov-2021"),
        "{n:?}"
    );
    assert_eq!(packs[0], "gov-2021");
    // With a year, no note.
    let (n, _) =
        note("某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况良好。\n");
    assert!(n.is_empty());
}

/// The findings of `rule` on a report whose overview is `sentence`.
fn findings_of(rule: &str, sentence: &str) -> Vec<String> {
    check_text(&format!(
        "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n"
    ))
    .diagnostics
    .iter()
    .filter(|d| d.rule == rule)
    .map(|d| d.message.clone())
    .collect()
}

/// Rules of the prose breakdowns that fired on `sentence`.
fn breakdown_findings(sentence: &str) -> Vec<String> {
    let r = check_text(&format!(
        "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n"
    ));
    r.diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("common/breakdown") || d.rule == "common/percent")
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect()
}

/// 「2300余条」 is at least 2300 (and below 2400), 「近2000条」 at most 2000:
/// a finding only where the bounds make the relation impossible.
#[test]
fn approximate_figures_are_bounds() {
    for right in [
        "全年主动公开政府信息2300余条，其中政策文件1500条，工作动态800条。",
        "全年主动公开政府信息2300余条，其中政策文件1200条，工作动态900条，其他信息300条。",
        "全年主动公开政府信息2000条，其中政策文件1300余条，工作动态600余条。",
        "全年主动公开政府信息约2000条，其中政策文件1400条，工作动态650条。",
        "全年主动公开政府信息数万条，其中政策文件14000条，工作动态6500条。",
        "全年主动公开政府信息1万余条，其中政策文件8000条，工作动态3000条，其他信息500条。",
    ] {
        assert_eq!(breakdown_findings(right), Vec::<String>::new(), "{right}");
    }
    let f = breakdown_findings("全年主动公开政府信息近2000条，其中政策文件1500条，工作动态600条。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("2100") && f[0].contains("近2000"), "{f:?}");
    let f =
        breakdown_findings("全年主动公开政府信息2000条，其中政策文件1500余条，工作动态600余条。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("至少 2100"), "{f:?}");
    // A complete list below the total's lower bound.
    let f = breakdown_findings(
        "全年主动公开政府信息2300余条，其中政策文件1200条，工作动态600条，其他信息300条。",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].starts_with("common/breakdown-sum"), "{f:?}");
}

/// Shares that add up to 100 % make a list complete; each share is checked
/// against its own base at its printed precision; the base may be written
/// 「在…的N条…中」 or 「N条…中」.
#[test]
fn shares_complete_a_list_and_are_checked_against_their_base() {
    let f = breakdown_findings(
        "全年主动公开政府信息共2460条。其中，市级1720条，占70%；县级758条，占30%。",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f[0].starts_with("common/breakdown-sum") && f[0].contains("2478"),
        "{f:?}"
    );
    assert!(
        f[1].starts_with("common/percent") && f[1].contains("758 ÷ 2460"),
        "{f:?}"
    );
    // Shares of 100 % and parts below the total: incomplete as written.
    let f = breakdown_findings(
        "全年主动公开政府信息共2460条。其中，市级1722条，占70%；县级710条，占29%。",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("2432"), "{f:?}");
    for right in [
        "全年主动公开政府信息共2460条。其中，市级1722条，占70%；县级738条，占30%。",
        "全年主动公开政府信息共2460条。其中，市级1722条，占比70.0%；县级738条，占比30.0%。",
        "全年主动公开政府信息共3000条。其中，市级1000条，占33.3%；县级1000条，占33.3%；乡镇1000条，占33.3%。",
        "在主动公开的2460条信息中，市级1722条，占70%；县级738条，占30%。",
        "2460条信息中，市级1722条，占70%；县级738条，占30%。",
        // A partial list with its share: not complete, nothing to sum.
        "全年主动公开政府信息共2460条。其中，市级1722条，占70%。",
        // A state, not a base: 「5件正在办理中」.
        "全年收到申请35件，已办结30件，5件正在办理中，当面申请3件，网上申请32件。",
    ] {
        assert_eq!(breakdown_findings(right), Vec::<String>::new(), "{right}");
    }
    let f = breakdown_findings("在主动公开的2460条信息中，市级1720条，占70%；县级758条，占30%。");
    assert_eq!(f.len(), 2, "{f:?}");
    let f = breakdown_findings("2460条信息中，市级1722条，占70%；县级738条，占35%。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("35%") && f[0].contains("738 ÷ 2460"), "{f:?}");
}

/// A list whose parts' shares reach 100 % is complete: a figure in the same
/// unit after it (a new subject after 「；」) is not one of its parts.
#[test]
fn a_list_complete_by_its_shares_ends_there() {
    let right = "全年办结申请120件，其中：予以公开60件，占50.00%；不予公开30件，占25.00%；无法提供30件，占25.00%；因政府信息公开引起的行政复议2件、行政诉讼1件。";
    assert_eq!(breakdown_findings(right), Vec::<String>::new());
    // The list itself is still summed (and 31 of 120 is not 25 %).
    let f = breakdown_findings(
        "全年办结申请120件，其中：予以公开60件，占50.00%；不予公开30件，占25.00%；无法提供31件，占25.00%；因政府信息公开引起的行政复议2件、行政诉讼1件。",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f[0].starts_with("common/breakdown-sum") && f[0].contains("121"),
        "{f:?}"
    );
    assert!(f[1].starts_with("common/percent"), "{f:?}");
    // Shares short of 100 %: the list goes on to the figures after them.
    let f = breakdown_findings(
        "全年办结申请120件，其中：予以公开60件，占50.00%；不予公开30件，占25.00%；无法提供27件；不予处理3件。",
    );
    assert_eq!(f, Vec::<String>::new());
}

/// A list is summed in its own unit: 人, 次 and 个 among 件 are not parts.
#[test]
fn lists_mixing_units_are_not_summed_across_units() {
    for right in [
        "全年共办理各类事项120件，其中依申请公开80件，涉及群众30人，召开协调会20次，咨询40件。",
        "全年共发布信息1200条，其中通过5个平台发布800条，通过12个公众号发布400条。",
    ] {
        assert_eq!(breakdown_findings(right), Vec::<String>::new(), "{right}");
    }
    let f = breakdown_findings(
        "全年共办理各类事项120件，其中依申请公开80件，涉及群众30人，召开协调会20次，咨询50件。",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("130 件") && f[0].contains("120 件"), "{f:?}");
}

/// Lists without 其中: 包括, 分别为, 含; parts first and the total after; a
/// list continued over a line break.
#[test]
fn lists_without_qizhong() {
    let wrong = [
        "全年主动公开政府信息共计2460条，包括：政策文件1722条，工作动态800条。",
        "全年主动公开政府信息2460条，分别为政策文件1722条、工作动态800条、其他信息100条。",
        "全年主动公开政府信息2460条，含政策文件1722条、工作动态800条。",
        "全年公开政策文件1722条，工作动态800条，其他信息100条，合计2460条。",
        "全年公开政策文件1722条，工作动态800条，其他信息100条，总计2460条。",
        "全年主动公开政府信息2460条，其中：\n政策文件1722条，\n工作动态800条，其他信息100条。",
        "全年主动公开政府信息2460条，其中：\n（一）政策文件1722条；\n（二）工作动态800条。",
    ];
    for text in wrong {
        let f = breakdown_findings(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
    }
    let right = [
        "全年主动公开政府信息共计2460条，包括：政策文件1722条，工作动态700条。",
        "全年主动公开政府信息2460条，分别为政策文件1722条、工作动态638条、其他信息100条。",
        "全年主动公开政府信息2460条，含政策文件1722条、工作动态700条。",
        "全年公开政策文件1722条，工作动态638条，其他信息100条，合计2460条。",
        "全年主动公开政府信息2460条，其中：\n政策文件1722条，\n工作动态638条，其他信息100条。",
        "全年主动公开政府信息2460条，其中：\n（一）政策文件1722条；\n（二）工作动态700条。",
        // A note in parentheses is not a part.
        "全年主动公开政府信息2460条，其中网站公开1000条（含转载200条），微博公开300条，其他渠道公开1160条。",
        // A list opened inside a note ends with it.
        "全年共收到政府信息公开申请35件（含上年结转5件），办结申请30件，结转下年度继续办理5件。",
        // A line that ends its sentence ends the list.
        "全年主动公开政府信息2460条，其中政策文件1722条，工作动态638条。\n全年办理人大建议50件，政协提案100件。",
    ];
    for text in right {
        assert_eq!(breakdown_findings(text), Vec::<String>::new(), "{text}");
    }
}

fn year_findings(text: &str) -> Vec<(String, usize)> {
    let r = check_text(text);
    let lines: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| c == '\n')
        .map(|(i, _)| i)
        .collect();
    r.diagnostics
        .iter()
        .filter(|d| d.rule == "common/year")
        .map(|d| {
            let at = d.span.start;
            (d.message.clone(), lines.partition_point(|&l| l < at) + 1)
        })
        .collect()
}

/// The report year from the title, the period sentence, the body and the
/// signing date: when the title alone disagrees, the finding is on the title.
#[test]
fn the_report_year_from_everything_the_report_says() {
    let report = |title: u32, period: u32, body: u32, signed: u32| {
        format!(
            "某县人民政府{title}年政府信息公开工作年度报告\n\
             本报告统计期限自{period}年1月1日起至{period}年12月31日止。\n\
             一、总体情况\n\
             {body}年，我县主动公开政府信息2460条。{body}年，我县收到申请35件。\n\
             二、存在的主要问题及改进情况\n\
             {body}年，基层公开不够规范。\n\
             某县人民政府办公室\n\
             {signed}年1月20日\n"
        )
    };
    assert!(year_findings(&report(2023, 2023, 2023, 2024)).is_empty());
    // The title is the odd one out.
    let f = year_findings(&report(2022, 2023, 2023, 2024));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, 1, "{f:?}");
    assert!(f[0].0.contains("标题") && f[0].0.contains("2022") && f[0].0.contains("2023"));
    // The period sentence is the odd one out.
    // (Each year of the period is a finding.)
    let f = year_findings(&report(2023, 2022, 2023, 2024));
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f.iter().all(|f| f.1 == 2 && f.0.contains("统计期限")),
        "{f:?}"
    );
    // Witnesses that disagree among themselves leave the title's year.
    let f = year_findings(&report(2022, 2023, 2021, 2024));
    assert!(f.iter().all(|f| f.1 == 2), "{f:?}");
}

/// 「20221年」 is a year typed wrong.
#[test]
fn misspelt_years_are_year_findings() {
    let f = findings_of("common/year", "20231年，我县主动公开政府信息2460条。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("20231") && f[0].contains("2023"), "{f:?}");
    assert!(
        findings_of(
            "common/year",
            "2023年，我县主动公开政府信息2460条，编号20231号。"
        )
        .is_empty()
    );
    assert!(findings_of("common/year", "全年接听热线12345次，2023年共收到申请35件。").is_empty());
}

/// Runs of |, ¦, ■, □ or ? where text was are conversion artefacts; a single
/// checkbox or question mark is not (a table's empty cells: see the Markdown test).
#[test]
fn junk_that_survives_publication() {
    let junk = |s: &str| findings_of("common/conversion-artifact", s);
    for wrong in [
        "全年主动公开政府信息2460条，||||||其中县级1722条。",
        "全年主动公开政府信息2460条，¦¦其中县级1722条。",
        "全年主动公开■■■■信息2460条。",
        "全年主动公开□□□□信息2460条。",
        "全年主动公开??信息2460条。",
        "全年主动公开政府信息2460条。？？？？",
    ] {
        assert_eq!(junk(wrong).len(), 1, "{wrong}");
    }
    for right in [
        "全年主动公开政府信息2460条，其中县级1722条。",
        "□是 □否 已公开政府信息2460条。",
        "请访问 http://www.example.gov.cn/?id=3 查看。",
        "你知道吗？全年主动公开政府信息2460条。",
    ] {
        assert!(junk(right).is_empty(), "{right}");
    }
}

/// Declared-outline items are not cut at 、／和／及 inside one part's name.
#[test]
fn declared_outline_items_keep_their_names_whole() {
    let report = |declared: &str, headings: &[&str]| {
        let mut t = format!(
            "某县人民政府2023年政府信息公开工作年度报告\n本报告包括{declared}等六个部分。\n"
        );
        for h in headings {
            t.push_str(h);
            t.push_str("\n本年度工作情况良好。\n");
        }
        findings_of_text("common/outline-declared", &t)
    };
    let six = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];
    let declared = "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项";
    assert_eq!(report(declared, &six), Vec::<String>::new());
    let f = report(declared, &six[..5]);
    assert_eq!(f.len(), 1, "{f:?}");
}

fn findings_of_text(rule: &str, text: &str) -> Vec<String> {
    check_text(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.message.clone())
        .collect()
}

fn check_markdown(text: &str) -> report_lint::diagnostic::FileReport {
    report_lint::run::check_bytes(
        "test.md".into(),
        text.as_bytes(),
        &common::RULES,
        &report_lint::run::Options::default(),
    )
}

/// A Markdown export: `#` headings are headings, their numbering checked;
/// pipe tables are tables (a national table picks the 2021 pack), and their
/// empty cells are not junk.
#[test]
fn markdown_headings_and_pipe_tables() {
    let rules = |text: &str| -> Vec<String> {
        check_markdown(text)
            .diagnostics
            .iter()
            .map(|d| d.rule.clone())
            .collect()
    };
    let numbering = |text: &str| {
        rules(text)
            .iter()
            .filter(|r| r.contains("heading-numbering") || r.contains("numbering"))
            .count()
    };
    let good = "# 某县人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度工作情况良好。\n\n## 二、主动公开政府信息情况\n\n全年主动公开政府信息2460条。\n";
    let bad = "# 某县人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度工作情况良好。\n\n## 三、主动公开政府信息情况\n\n全年主动公开政府信息2460条。\n";
    assert_eq!(numbering(good), 0, "{:?}", rules(good));
    assert_eq!(numbering(bad), 1, "{:?}", rules(bad));
    let r = check_markdown(good);
    assert_eq!(r.meta.as_ref().unwrap().year, Some(2023));
    let table = "# 某县人民政府政府信息公开工作年度报告\n\n## 一、总体情况\n\n表二\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|:---:|:---:|---|\n|规章|1|||\n";
    let r = check_markdown(table);
    assert_eq!(r.meta.as_ref().unwrap().packs[0], "gov-2021");
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.rule != "common/conversion-artifact")
    );
}

/// Text hard-wrapped by a PDF copy is recognised: `broken-paragraph` fires
/// only on text that is not hard-wrapped.
#[test]
fn broken_paragraph_only_where_text_is_not_hard_wrapped() {
    let broken = |text: &str| findings_of_text("common/broken-paragraph", text);
    let head = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n";
    let single = format!(
        "{head}2023年，我县认真贯彻落实政府信息公开条例，不断创新工作方法手\n段。全年主动公开政府信息2460条。\n"
    );
    assert_eq!(broken(&single).len(), 1);
    let wrapped = format!(
        "{head}2023年，我县认真贯彻落实《中华人民共和国政府信息公开条\n\
         例》，坚持以公开为常态、不公开为例外，不断创新工作方法手\n\
         段。全年主动公开政府信息2460条，其中县级1722条，乡镇738\n\
         条。全县通过政府网站主动公开政策文件86件，解读材料32篇，\n\
         回应社会关切问题15次。全年共收到政府信息公开申请35件，均\n\
         已按时答复。全年未发生政府信息公开行政复议、行政诉讼。基\n\
         层公开不够规范，政策解读形式单一，需要在今后的工作中加以\n\
         改进。本年度未收取信息处理费，无其他需要报告的事项，特此\n\
         报告。\n"
    );
    assert_eq!(broken(&wrapped), Vec::<String>::new());
}

/// Parts written before a total belong to it only in its own clause: after
/// 「；」 a total with 「共」 is another subject's.
#[test]
fn a_total_after_a_semicolon_is_not_the_sum_of_the_parts_before_it() {
    let text = "某区2023年政府信息公开工作年度报告\n一、总体情况\n全年公开核准施工许可证76条、安全生产许可证121条、排水许可证5条；公开劳动就业、三农信息等信息共62条。\n";
    let r = common::check_text(text);
    let rules: Vec<&str> = r.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(
        !rules.iter().any(|r| r.starts_with("common/breakdown")),
        "{rules:?}"
    );
    // In one clause the total is theirs: 76 + 121 + 5 = 202, not 200.
    let text = "某区2023年政府信息公开工作年度报告\n一、总体情况\n全年公开施工许可证76条、安全生产许可证121条、排水许可证5条，合计200条。\n";
    let r = common::check_text(text);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.rule == "common/breakdown-sum" && d.message.contains("202")),
        "{:?}",
        r.diagnostics
    );
}

/// Inline enumerations run 一是, 二是, 三是… within a paragraph: a skipped or
/// repeated item is reported once per list; a new list starts at 「一是」;
/// 「第三是」「唯一是」 are not items.
#[test]
fn inline_enumerations_run_in_order() {
    let head = "某区2023年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n";
    let fired = |body: &str| -> Vec<String> {
        common::check_text(&format!("{head}{body}\n"))
            .diagnostics
            .iter()
            .filter(|d| d.rule == "common/enumeration-order")
            .map(|d| d.message.clone())
            .collect()
    };
    assert_eq!(
        fired("一是优化目录。三是强化解读。三是加强平台建设。"),
        ["段内列举序号不连续：「一是」之后是「三是」，缺少「二是」"]
    );
    assert_eq!(
        fired("一是优化目录。二是强化解读。二是加强平台建设。"),
        ["段内列举序号不连续：列举序号「二是」重复"]
    );
    for good in [
        "一是优化目录。二是强化解读。三是加强平台建设。",
        "问题：一是人员不足，二是培训不够；措施：一是充实队伍，二是加强培训，三是完善考核。",
        "统一是前提，唯一是目标，第三是关键。",
    ] {
        assert!(fired(good).is_empty(), "{good}");
    }
}

/// `text` as a PDF copy hard-wraps it: each line longer than `width`
/// characters cut into lines of `width` (headings are short and stay whole).
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(width) {
            out.extend(piece);
            out.push('\n');
        }
    }
    out
}

/// (rule, message) of every finding, sorted: what a report says, wherever it says it.
fn said(text: &str) -> Vec<(String, String)> {
    let mut f: Vec<_> = check_text(text)
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.message.clone()))
        .collect();
    f.sort();
    f
}

/// Hard-wrapped lines are joined before paragraph-level checks: a breakdown
/// whose total, 其中 and parts are cut by the wraps (a figure too) reads as
/// it does unwrapped, and a word written twice across a wrap is found. The
/// findings still point into the text as it was given.
#[test]
fn hard_wrapped_lines_are_read_joined() {
    let report = "某县人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，不断创新工作方法，全年主动公开政府信息2460条，其中县级1722条，乡镇748条；全县通过政府网站主动公开政策文件86件，解读材料32篇，回应社会关切问题15次。
二、主动公开政府信息情况
全县全年召开新闻发布会12场、政策吹风会5场，合计18场，各单位均按照规定的程序，严格落实信息发布保密审查制度，规范审核信息内容，确保公开信息准确无误，并在规定时限内完成发布工作。
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请35件，其中自然人申请30件，法人或其他组织申请5件，均已按时答复，无逾期答复情况发生，答复质量进一步提高。
四、政府信息公开行政复议、行政诉讼情况
全年未发生政府信息公开行政复议、行政诉讼，各单位依法依规办理申请，群众满意度进一步提升，工作成效明显。
五、存在的主要问题及改进情况
基层公开不够规范，政策解读形式单一，部分单位信息更新不及时，需要在今后的工作中加以改进，进一步提升政府信息公开的质量和实效。
六、其他需要报告的事项
本年度未收取信息处理费，无其他需要报告的事项，特此报告。
";
    let plain = said(report);
    assert!(
        plain.iter().any(|f| f.0 == "common/breakdown-sum"),
        "{plain:?}"
    );
    // At 23 the total is cut (「24\n60条」), at 26 and 29 a part (「1\n722条」,
    // 「74\n8条」), at 18 and 37 the marker (「其\n中」), at 24 and 25 the
    // total after its parts (「合\n计」, 「合计\n18场」), at 30 only words.
    for (width, cut) in [
        (23, "24\n60"),
        (26, "1\n722"),
        (29, "74\n8"),
        (18, "其\n中"),
        (37, "其\n中"),
        (24, "合\n计"),
        (25, "计\n18"),
        (30, ""),
    ] {
        let wrapped = hard_wrap(report, width);
        assert!(wrapped.contains(cut), "{wrapped}");
        assert_eq!(said(&wrapped), plain, "width {width}:\n{wrapped}");
    }
    // 「审核」 written twice, the second at the head of the next line; the
    // finding covers both, the break between them included.
    let twice = report.replace("规范审核信息内容", "规范审核审核信息内容");
    let wrapped = hard_wrap(&twice, 30);
    let r = check_text(&wrapped);
    let found: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "common/repeated-word")
        .map(|d| &wrapped[d.span.start..d.span.end])
        .collect();
    assert!(wrapped.contains("审核\n审核"), "{wrapped}");
    assert_eq!(found, ["审核\n审核"]);
}

/// The format notice a report cites bounds its year: a notice of year N
/// issued the format of the reports on N onwards. A yearless report takes
/// the notice's pack; a title year before the notice's gives way to a
/// witness the rest of the report does not contradict.
#[test]
fn the_cited_format_notice_bounds_the_report_year() {
    const CITED_2021: &str = "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。";
    let packs = |preface: &str| {
        let text = format!(
            "某县人民政府政府信息公开工作年度报告\n{preface}\n一、总体情况\n本年度工作情况良好。\n"
        );
        let r = check_text(&text);
        let note: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == "year-unknown")
            .map(|d| d.message.clone())
            .collect();
        (r.meta.unwrap().packs[0].clone(), note)
    };
    let (pack, note) = packs(CITED_2021);
    assert_eq!(pack, "gov-2021");
    assert!(note[0].contains("格式通知"), "{note:?}");
    let (pack, _) = packs(&CITED_2021.replace("〔2021〕30号", "〔2019〕60号"));
    assert_eq!(pack, "gov-2019");
    // Brackets lost in the export: still the notice.
    let (pack, _) = packs(&CITED_2021.replace("〔2021〕30号", "202130 号"));
    assert_eq!(pack, "gov-2021");
    // Another notice of the same office says nothing of the format.
    let (pack, _) = packs(&CITED_2021.replace("〔2021〕30号", "〔2021〕12号"));
    assert_eq!(pack, "gov-2008");

    // A title year before the notice's: one witness is enough to overrule it.
    let report = |title: u32, cited: &str| {
        format!(
            "某县人民政府{title}年政府信息公开工作年度报告\n{cited}\n\
             本报告统计期限自2022年1月1日起至2022年12月31日止。\n\
             一、总体情况\n本年度工作情况良好。\n"
        )
    };
    let r = check_text(&report(2020, CITED_2021));
    assert_eq!(r.meta.as_ref().unwrap().year, Some(2022));
    let title: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "common/year")
        .collect();
    assert_eq!(title.len(), 1, "{title:?}");
    assert!(title[0].message.contains("标题") && title[0].message.contains("2020"));
    assert!(
        title[0]
            .labels
            .iter()
            .any(|l| l.message.contains("格式通知")),
        "{title:?}"
    );
    // Without the notice one witness is not enough: the title stands, the
    // period sentence is the finding.
    let r = check_text(&report(2020, ""));
    assert_eq!(r.meta.as_ref().unwrap().year, Some(2020));
    // A title at or after the notice's year is untouched by it.
    let r = check_text(&report(2022, CITED_2021));
    assert_eq!(r.meta.as_ref().unwrap().year, Some(2022));
    assert!(r.diagnostics.iter().all(|d| d.rule != "common/year"));
}

/// The misspelling dictionary: each known wrong form is a finding naming
/// the right one; never inside a longer correct word; the dropped-character
/// phrases of 存在的主要问题 (「仍在不足」) as a class, but not before a figure;
/// 「截止」 only right before a date.
#[test]
fn known_misspellings_name_the_right_form() {
    let wording = |s: &str| {
        let mut f = findings_of("common/misspelling", s);
        f.extend(findings_of("common/as-of", s));
        f
    };
    assert_eq!(
        wording("各单位工作规范程度残差不齐，公开工作仍在不足。"),
        [
            "「残差不齐」应为「参差不齐」",
            "「仍在不足」应为「仍存在不足」"
        ]
    );
    assert_eq!(
        wording("全县再接再励，按照统一布署推进公开工作，与先进地区相比仍在一定差距。"),
        [
            "「再接再励」应为「再接再厉」",
            "「统一布署」应为「统一部署」",
            "「仍在一定差距」应为「仍存在一定差距」"
        ]
    );
    assert_eq!(
        wording("截止2023年12月31日，全县主动公开政府信息2460条。"),
        ["时间点前应写「截至」，不写「截止」"]
    );
    for right in [
        // The right forms, and wrong forms' characters inside correct words.
        "各单位工作规范程度参差不齐，工作中仍存在不足，我们将再接再厉。",
        "区政府发布署名文章3篇，按照统一部署推进工作。",
        "覆盖率仍在不足一半的水平，工作仍在推进。",
        "申请截止日期为1月31日，截止到年底全部办结，截至2023年12月31日无逾期。",
    ] {
        assert_eq!(wording(right), Vec::<String>::new(), "{right}");
    }
    // A word of a pack's list inside a longer correct word it allows.
    let pack = r#"
[pack]
id = "local"
title = "本地错别字"

[[rule]]
id = "local/typo"
check = "wording"
kind = "misspelling"
severity = "warning"
message = "「{wrong}」应为「{right}」"
words = [["布署", "部署"]]
allow = ["发布署名", "公布署名"]
explain.what = "…"
explain.why = "…"
"#;
    let (rules, errors) = report_lint::engine::RuleSet::load(&[("local.toml".into(), pack.into())]);
    assert!(errors.is_empty(), "{errors:?}");
    let local = |s: &str| -> Vec<String> {
        report_lint::run::check_bytes(
            "t.txt".into(),
            format!("某县2023年政府信息公开工作年度报告\n一、总体情况\n{s}\n").as_bytes(),
            &rules,
            &report_lint::run::Options::default(),
        )
        .diagnostics
        .iter()
        .filter(|d| d.rule == "local/typo")
        .map(|d| d.message.clone())
        .collect()
    };
    assert_eq!(
        local("按照工作布署，区政府发布署名文章3篇。"),
        ["「布署」应为「部署」"]
    );
    assert!(local("区政府发布署名文章3篇，公布署名信息。").is_empty());
}

/// A long phrase written twice in a row is a copy-paste slip
/// (`common/repeated-phrase`), apart from `repeated-word`; parallel
/// constructions, a table's header repeated per column group, and the
/// headings a declared outline lists are not.
#[test]
fn a_phrase_written_twice_is_a_copy_paste_slip() {
    let twice = |s: &str| findings_of("common/repeated-phrase", s);
    assert_eq!(
        twice("区领导参加了全区政务公开工作推进会暨业务培训会全区政务公开工作推进会暨业务培训会。"),
        ["「全区政务公开工作推进会暨业务培训会」连续写了两遍"]
    );
    // Blanks around figures as a crawl leaves them; a 、 between the copies.
    assert_eq!(
        twice("组织了庆祝建区 10 周年专场新闻发布会、庆祝建区10 周年专场新闻发布会和政策吹风会。")
            .len(),
        1
    );
    for right in [
        "编制了政府信息公开工作年度报告和政府信息公开工作要点。",
        "既要做好主动公开政府信息工作，又要做好依申请公开政府信息工作。",
        "进一步规范审核审核流程。",
        // 表四's header flattened: its labels repeat for each group of columns.
        "行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 10100110000000000",
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000",
    ] {
        assert_eq!(twice(right), Vec::<String>::new(), "{right}");
    }
    // The headings a declared outline lists, written again as headings.
    let outline = "某县人民政府2023年政府信息公开工作年度报告\n本报告包括主动公开政府信息情况、收到和处理政府信息公开申请情况两个部分。\n一、主动公开政府信息情况\n一、主动公开政府信息情况\n全年主动公开政府信息2460条。\n二、收到和处理政府信息公开申请情况\n全年共收到申请35件。\n";
    assert!(findings_of_text("common/repeated-phrase", outline).is_empty());
}

/// A required heading one or two characters off the format's title is a
/// wording finding; punctuation, width, 及/和/与, and edits at either end
/// (another way of saying it) are not.
#[test]
fn a_heading_a_character_off_the_formats_title() {
    let headings = |four: &str, five: &str| {
        let text = format!(
            "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况良好。\n二、主动公开政府信息情况\n全年主动公开政府信息2460条。\n三、收到和处理政府信息公开申请情况\n全年共收到申请35件。\n{four}\n全年未发生行政复议、行政诉讼。\n{five}\n基层公开不够规范。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
        );
        findings_of_text("gov2021/heading-wording", &text)
    };
    const FIVE: &str = "五、存在的主要问题及改进情况";
    assert_eq!(
        headings("四、政府信息公开行政法复议、行政诉讼情况", FIVE),
        [
            "标题「四、政府信息公开行政法复议、行政诉讼情况」与规定标题「四、政府信息公开行政复议、行政诉讼情况」不一致"
        ]
    );
    assert_eq!(
        headings(
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改近情况"
        )
        .len(),
        1
    );
    assert_eq!(
        headings("四、政府信息公开行政复议、行诉讼情况", FIVE).len(),
        1
    );
    for (four, five) in [
        ("四、政府信息公开行政复议、行政诉讼情况", FIVE),
        (
            "四、政府信息公开行政复议，行政诉讼情况",
            "五、存在的主要问题和改进情况",
        ),
        (
            "四、政府信息公开行政复议 行政诉讼情况",
            "五、存在的主要问题与改进情况",
        ),
        (
            "四、因政府信息公开申请行政复议、行政诉讼情况",
            "五、存在的主要问题及改进措施",
        ),
        (
            "四、政府信息公开行政复议、行政诉讼",
            "五、存在的主要问题及改进情况",
        ),
        // Conjunctions and 的 written or not.
        (
            "四、政府信息公开行政复议和行政诉讼情况",
            "五、存在主要问题及改进情况",
        ),
        ("四、政府信息公开的行政复议、行政诉讼情况", FIVE),
    ] {
        assert_eq!(headings(four, five), Vec::<String>::new(), "{four} {five}");
    }
}

/// The electronic-version and contact statements are customary, not
/// required: their rules are off by default and run when the configuration
/// names them (`extend-select`, or `select` by id — a prefix is not enough).
#[test]
fn customary_statements_are_checked_only_when_selected() {
    let text = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我县主动公开政府信息2460条。\n";
    let with = |config: Option<&str>, text: &str| -> Vec<String> {
        let config = config.map(|c| {
            std::sync::Arc::new(
                report_lint::config::Config::parse(std::path::Path::new("report-lint.toml"), c)
                    .unwrap(),
            )
        });
        let opts = report_lint::run::Options {
            config,
            ..Default::default()
        };
        let mut rules: Vec<String> =
            report_lint::run::check_bytes("t.txt".into(), text.as_bytes(), &common::RULES, &opts)
                .diagnostics
                .iter()
                .filter(|d| d.check.as_str() == "statement-missing")
                .map(|d| d.rule.clone())
                .collect();
        rules.sort();
        rules
    };
    assert!(with(None, text).is_empty());
    assert!(with(Some("select = [\"common/\"]"), text).is_empty());
    assert_eq!(
        with(
            Some("extend-select = [\"common/electronic-version\", \"common/contact\"]"),
            text
        ),
        ["common/contact", "common/electronic-version"]
    );
    assert_eq!(
        with(Some("select = [\"common/contact\"]"), text),
        ["common/contact"]
    );
    // Selected, and the report makes both statements.
    let stated = text.replace(
        "一、总体情况",
        "本报告电子版可在某县人民政府门户网站查阅。如对本报告有疑问，请联系县政府办公室（电话：0591-12345678）。\n一、总体情况",
    );
    assert!(
        with(
            Some("extend-select = [\"common/electronic-version\", \"common/contact\"]"),
            &stated
        )
        .is_empty()
    );
}

/// Parts whose shares add up to 100 % are the whole list: a figure after
/// them, in the same unit but without a share, belongs to another subject.
#[test]
fn shares_adding_up_to_a_hundred_close_the_list() {
    let list = |answered: u32, first: u32| {
        breakdown_findings(&format!(
            "办结依申请公开{answered}件，其中：予以公开及部分公开{first}件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。"
        ))
    };
    assert_eq!(list(81, 42), Vec::<String>::new());
    // The list itself still adds up, or not.
    let f = list(80, 42);
    assert!(
        f.iter()
            .any(|f| f.starts_with("common/breakdown-sum") && f.contains("81")),
        "{f:?}"
    );
}

/// A title as wide as a hard-wrapped copy's lines stays the title, with its
/// year, when the preface follows it directly.
#[test]
fn a_wide_title_of_a_hard_wrapped_copy_stays_the_title() {
    let body = "本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室的要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项，所列数据的统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在某县人民政府门户网站查阅或下载，如对本报告有任何疑问，请与某县人民政府办公室联系。全年主动公开政府信息2460条，其中县级1722条，乡镇738条，全县通过政府网站主动公开政策文件86件，解读材料32篇。";
    let text = hard_wrap(
        &format!("某县人民政府2023年度政府信息公开工作年度报告\n{body}\n"),
        24,
    );
    assert!(text.starts_with("某县人民政府2023年度政府信息公开工作年度报告\n"));
    let doc = report_lint::read::plain::read(text.clone());
    assert!(doc.hard_wrapped());
    let title = doc.title.map(|t| doc.slice(t));
    assert_eq!(title, Some("某县人民政府2023年度政府信息公开工作年度报告"));
    assert!(doc.year.is_some_and(|y| y.year == 2023 && y.from_title));
    let r = check_text(&text);
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.rule != "common/breakdown-sum"),
        "{:?}",
        r.diagnostics
    );
}

/// Year sentences and inline enumerations of hard-wrapped text read as the
/// unwrapped text does, a year or an item cut by the wrap included.
#[test]
fn hard_wrapped_years_and_enumerations() {
    let report = "某县人民政府2023年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自2022年1月1日起至2023年12月31日止。
一、总体情况
2023年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息2460条，其中县级1722条，乡镇748条；全县通过政府网站主动公开政策文件86件，解读材料32篇。
五、存在的主要问题及改进情况
一是基层公开不够规范，二是政策解读形式单一，二是部分单位信息更新不及时。2023年，我们将继续加强信息公开工作，进一步提升政府信息公开的质量和实效。
";
    let plain = said(report);
    assert!(
        plain.iter().any(|f| f.0 == "common/enumeration-order"),
        "{plain:?}"
    );
    assert_eq!(
        plain.iter().filter(|f| f.0 == "common/year").count(),
        2,
        "{plain:?}"
    );
    for (width, cut) in [
        (19, "2\n022年"),
        (20, "202\n2年"),
        (23, "二\n是"),
        (25, "20\n23年"),
    ] {
        let wrapped = hard_wrap(report, width);
        assert!(wrapped.contains(cut), "{wrapped}");
        assert!(report_lint::read::plain::read(wrapped.clone()).hard_wrapped());
        assert_eq!(said(&wrapped), plain, "width {width}:\n{wrapped}");
    }
}
