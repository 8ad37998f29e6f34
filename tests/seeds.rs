//! The acceptance bar: every finding `../shared/corpus/seeds/EXPECTED.md` lists
//! for the five seed reports (copied to `examples/`) is reported at its line,
//! and nothing else is — so each "must not flag" is asserted by its absence,
//! and some are also asserted directly on the document model.

mod common;

use common::{check_file, found, found_rules};
use report_lint::analysis::breakdown::{Breakdown, PartsRelation as Relation, find};
use report_lint::document::Document;
use report_lint::rules::schema::BreakdownSpec;
use rust_decimal::Decimal;

/// The built-in prose breakdown spec, as the pack defines it.
fn prose() -> BreakdownSpec {
    let text = report_lint::rules::BUILTIN
        .iter()
        .find(|(n, _)| *n == "common.toml")
        .unwrap()
        .1;
    let v: toml::Value = toml::from_str(text).unwrap();
    let b = v["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"].as_str() == Some("prose"))
        .unwrap();
    b.clone().try_into().unwrap()
}

fn line_of(d: &Document, at: usize) -> usize {
    d.lines.position(&d.text, at).line
}

fn breakdown_at(d: &Document, line: usize) -> Breakdown {
    find(d, &prose())
        .into_iter()
        .find(|b| line_of(d, d.quantities[b.total].span.start) == line)
        .unwrap_or_else(|| panic!("no breakdown on line {line}"))
}

fn parts_sum(d: &Document, b: &Breakdown) -> Decimal {
    b.parts.iter().map(|p| d.quantities[p.quantity].value).sum()
}

fn values_on(d: &Document, line: usize) -> Vec<String> {
    d.quantities
        .iter()
        .filter(|q| line_of(d, q.span.start) == line)
        .map(|q| q.shown())
        .collect()
}

fn assert_exactly(rel: &str, expected: &[(&str, usize)]) {
    let r = check_file(rel);
    let mut got = found(&r);
    got.sort();
    let mut want: Vec<(String, usize)> =
        expected.iter().map(|(c, l)| (c.to_string(), *l)).collect();
    want.sort();
    assert_eq!(
        got, want,
        "{rel}: findings (check, line) differ from EXPECTED.md"
    );
}

fn doc(rel: &str) -> Document {
    let text = std::fs::read_to_string(common::root().join(rel)).unwrap();
    report_lint::read::plain::read(text)
}

fn top_level_lines(d: &Document) -> Vec<usize> {
    d.top_level()
        .map(|h| d.lines.position(&d.text, h.span.start).line)
        .collect()
}

#[test]
fn lianshui_000() {
    assert_exactly(
        "examples/lianshui-2017.txt",
        &[
            // no section on 行政复议、行政诉讼 (Art. 32 item 4), pointing at the title
            ("section-missing", 1),
            // 其他需要报告的事项 absent
            ("section-optional-missing", 1),
            // [image: image3.jpg]EEATFORGTE and the OCR garbage line
            ("conversion-artifact", 19),
            ("conversion-artifact", 21),
        ],
    );
    // must not flag: line 17, 10811 = 4993 + 520 + 4422 + 876 — found, complete, and holding
    let d = doc("examples/lianshui-2017.txt");
    let b = breakdown_at(&d, 17);
    assert_eq!(b.relation, Relation::Equal);
    assert_eq!(parts_sum(&d, &b), d.quantities[b.total].value);
    assert_eq!(parts_sum(&d, &b), Decimal::from(10811));
    // must not flag: line 32, 收到 3 件, 回复 3 件
    assert_eq!(values_on(&d, 32), ["3", "3"]);
    let r = check_file("examples/lianshui-2017.txt");
    assert!(found_rules(&r).contains(&("gov2008/section-appeals".into(), 1)));
    // must not flag: 「以下四方面工作」 followed by （1）…（4）
    let d = doc("examples/lianshui-2017.txt");
    assert_eq!(d.list_counts.len(), 1);
    assert_eq!(d.list_counts[0].0.count, 4);
}

#[test]
fn lingchuan_001() {
    assert_exactly(
        "examples/lingchuan-2017.txt",
        &[
            ("section-optional-missing", 3),
            ("repeated-word", 65),
            // 8532 vs 3295 + 1004 + 175 + 1832 + 2025 = 8331, the list continues
            // into the next sentence and names 其他/其它: complete
            ("sum-mismatch", 29),
            // 公共资源配置信息 twice
            ("duplicate-category", 41),
        ],
    );
    let r = check_file("examples/lingchuan-2017.txt");
    let sum = r
        .diagnostics
        .iter()
        .find(|d| d.check.as_str() == "sum-mismatch")
        .unwrap();
    assert_eq!(
        sum.message,
        "分项合计 8331 条，与总数 8532 条不符（差 201 条）"
    );
    let labelled: Vec<&str> = sum.labels.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(
        labelled,
        ["3295 条", "1004 条", "175 条", "1832 条", "2025 条"]
    );
    assert_eq!(sum.span_label.as_deref(), Some("总数 8532 条"));
    let d = doc("examples/lingchuan-2017.txt");
    // must not flag: line 41, a partial 其中 list: 610 ≤ 8532
    let b = breakdown_at(&d, 41);
    assert_eq!(
        (b.relation, parts_sum(&d, &b)),
        (Relation::AtMost, Decimal::from(610))
    );
    // must not flag: line 35, 办结率99.8% = 130408 / 130641 = 99.82 % to the stated precision
    let pct = d
        .quantities
        .iter()
        .find(|q| q.is_percent() && line_of(&d, q.span.start) == 35)
        .unwrap();
    assert_eq!(
        (pct.value, pct.tolerance),
        (Decimal::new(998, 1), Decimal::new(5, 2))
    );
    // must not flag: line 45, 「两条」 is 2 and 「已全部答复」 means all answered
    assert_eq!(values_on(&d, 45), ["2"]);
    let d = doc("examples/lingchuan-2017.txt");
    // line 7 declares 八个部分 and there are exactly eight top-level headings
    let decl = d.declared.as_ref().expect("declared outline on line 7");
    assert_eq!(decl.count, Some(8));
    assert_eq!(top_level_lines(&d), [9, 25, 39, 43, 47, 51, 55, 59]);
    // headings indented with spaces (lines 17, 25) are still headings
    let levels: Vec<(usize, usize)> = d
        .headings
        .iter()
        .map(|h| (d.lines.position(&d.text, h.span.start).line, h.level))
        .collect();
    assert!(levels.contains(&(17, 2)) && levels.contains(&(25, 1)));
}

#[test]
fn shanghe_002() {
    assert_exactly(
        "examples/shanghe-2017.txt",
        &[
            ("conversion-artifact", 19),
            // 172 条 is 1.44 % of 11946, not 1.5 %
            ("percent-mismatch", 26),
            // the statistics table (cell per line):
            // 主动公开政府信息数 12054 > the five channels' 12052 (channels ≥ total)
            ("sum-mismatch", 78),
            // （二）通过不同渠道和方式回应解读的情况 1, items 1 + 12 + 1 + 0 + 0 = 14
            ("sum-mismatch", 124),
            // 不同意公开答复数 3, its 其中 reasons (ending in 其他情形) all 0
            ("sum-mismatch", 212),
            // 十、查阅点接待人数 blank while its items hold 500 and 1000
            ("value-missing", 342),
        ],
    );
    let r = check_file("examples/shanghe-2017.txt");
    let rules: Vec<(String, usize)> = found_rules(&r)
        .into_iter()
        .filter(|(id, _)| id.starts_with("gov2008/table"))
        .collect();
    assert_eq!(
        rules,
        [
            ("gov2008/table-channels".to_string(), 78),
            ("gov2008/table-items".to_string(), 124),
            ("gov2008/table-among".to_string(), 212),
            ("gov2008/table-blank".to_string(), 342),
        ]
    );
    // must not flag: the other parent rows equal the sum of their items, and
    // text and table agree (受理10件 = 收到申请数 10; 行政复议7件; 行政诉讼1件)
    let rows = report_lint::analysis::stat::read(&doc("examples/shanghe-2017.txt"));
    for (row, value, items) in [
        ("收到申请数", 10, 5),
        ("申请办结数", 10, 2),
        ("申请答复数", 10, 8),
        ("行政复议数量", 7, 3),
        ("行政诉讼数量", 1, 3),
        ("开通政府信息公开网站", 61, 2),
        ("设置政府信息查阅点数", 61, 2),
        ("从事政府信息公开工作人员数", 61, 2),
    ] {
        let i = report_lint::analysis::stat::find(&rows, row).unwrap_or_else(|| panic!("{row}"));
        let kids = report_lint::analysis::stat::children(&rows, i, false);
        let sum: Decimal = kids.iter().filter_map(|&k| rows[k].number()).sum();
        assert_eq!(
            (rows[i].number(), kids.len(), sum),
            (Some(Decimal::from(value)), items, Decimal::from(value)),
            "{row}"
        );
    }
    let d = doc("examples/shanghe-2017.txt");
    // must not flag: line 26, the six categories sum to 11946; the other five percentages are right
    let b = breakdown_at(&d, 26);
    assert_eq!(
        (b.relation, b.parts.len(), parts_sum(&d, &b)),
        (Relation::Equal, 6, Decimal::from(11946))
    );
    let r = check_file("examples/shanghe-2017.txt");
    let pct: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|x| x.check.as_str() == "percent-mismatch")
        .map(|x| &r.source.text[x.span.range()])
        .collect();
    assert_eq!(pct, ["1.5%"]);
    // the table's rows are cells, not headings: exactly twelve top-level headings 一 to 十二
    let ords: Vec<u32> = d.top_level().map(|h| h.ordinal).collect();
    assert_eq!(ords, (1..=12).collect::<Vec<_>>());
    assert!(
        d.headings
            .iter()
            .all(|h| d.lines.position(&d.text, h.span.start).line < 64)
    );
    assert!(d.body_end < d.text.find("统计表").unwrap());
}

#[test]
fn guanshui_003() {
    assert_exactly(
        "examples/guanshui-2017.txt",
        &[
            // 主动公开 and 依申请公开 sections missing
            ("section-missing", 3),
            ("section-missing", 3),
            ("section-optional-missing", 3),
            // preface lists eight parts, seven headings
            ("outline-mismatch", 5),
            // 「方法手」/「段。」 and 「紧密结」/「合，」
            ("broken-paragraph", 53),
            ("broken-paragraph", 61),
            // 「2017 年，我们将继续加强…」: a plan dated with the report year
            ("year-mismatch", 51),
        ],
    );
    let r = check_file("examples/guanshui-2017.txt");
    let rules = found_rules(&r);
    assert!(rules.contains(&("gov2008/section-active".into(), 3)));
    assert!(rules.contains(&("gov2008/section-on-request".into(), 3)));
    let outline = r
        .diagnostics
        .iter()
        .find(|d| d.check.as_str() == "outline-mismatch")
        .unwrap();
    for part in [
        "主动公开政府信息以及公开平台建设情况",
        "公开申请的办理情况",
        "政府信息公开会议和培训情况",
    ] {
        assert!(
            outline.message.contains(part),
            "{part} in {}",
            outline.message
        );
    }
    // labels on the two listed-but-absent parts and the unlisted heading
    assert_eq!(outline.labels.len(), 3);
    // 「一是…」 openers are not headings; `2017 年` with spaces is the year
    let d = doc("examples/guanshui-2017.txt");
    assert_eq!(top_level_lines(&d), [7, 23, 33, 37, 41, 45, 49]);
    assert_eq!(d.headings.len(), 7);
    assert_eq!(d.year.map(|y| y.year), Some(2017));
}

#[test]
fn tongjiang_004() {
    assert_exactly(
        "examples/tongjiang-2017.txt",
        &[
            ("section-optional-missing", 1),
            // `1、 概述` among 二、三、四、
            ("heading-numbering", 4),
            // （一）（二）（3）（4）（五）
            ("heading-numbering", 29),
            ("conversion-artifact", 28),
            // 2 applications received, no number answered
            ("unverifiable", 28),
        ],
    );
    // must not flag: line 23, 「近万条」 is an approximation, never a total
    let d = doc("examples/tongjiang-2017.txt");
    let near = d
        .quantities
        .iter()
        .find(|q| line_of(&d, q.span.start) == 23)
        .unwrap();
    assert!(near.approx);
    assert!(
        find(&d, &prose())
            .iter()
            .all(|b| line_of(&d, d.quantities[b.total].span.start) != 23)
    );
    let d = doc("examples/tongjiang-2017.txt");
    // line 3 declares 四部分 and there are four top-level headings
    assert_eq!(d.declared.as_ref().unwrap().count, Some(4));
    assert_eq!(top_level_lines(&d), [4, 21, 35, 40]);
    // the required items are present as sub-headings of 二、
    let under_two: Vec<u32> = d
        .headings
        .iter()
        .filter(|h| {
            h.parent
                .is_some_and(|p| d.headings[p].ordinal == 2 && d.headings[p].level == 1)
        })
        .map(|h| h.ordinal)
        .collect();
    assert_eq!(under_two, [1, 2, 3, 4, 5]);
}
