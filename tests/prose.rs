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
    let f = breakdown_findings("全年主动公开政府信息2000条，其中政策文件1500余条，工作动态600余条。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("至少 2100"), "{f:?}");
    // A complete list below the total's lower bound.
    let f = breakdown_findings(
        "全年主动公开政府信息2300余条，其中政策文件1200条，工作动态600条，其他信息300条。",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].starts_with("common/breakdown-sum"), "{f:?}");
}
