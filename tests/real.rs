//! `tests/fixtures/real/EXPECTED.md`, met exactly: three complete 2021-format
//! reports from issuers the tool was not built against (a city and one of its
//! districts). Each expected finding is asserted by rule and line, and every
//! "must not flag" by the absence of anything else.

mod common;

use common::{check_file, found_rules};

fn findings(name: &str) -> Vec<(String, usize)> {
    let mut v = found_rules(&check_file(&format!("tests/fixtures/real/{name}")));
    v.sort();
    v
}

fn message(name: &str, rule: &str) -> String {
    check_file(&format!("tests/fixtures/real/{name}"))
        .diagnostics
        .iter()
        .find(|d| d.rule == rule)
        .map(|d| d.message.clone())
        .unwrap_or_default()
}

#[test]
fn hongze_2023() {
    let f = "2023_hongze_qu.txt";
    // 表四: 行政复议 and 复议后起诉 totals left at 0; the 2021 rows of （六） absent
    // (a 2019-layout row), reported as missing — and nothing else: 表三's
    // identities hold once the garbled 「2.其他法律行政止公开」 is read.
    assert_eq!(
        findings(f),
        [
            ("gov2021/t3-rows".to_string(), 28),
            ("gov2021/t4-after".to_string(), 58),
            ("gov2021/t4-review".to_string(), 58),
        ]
    );
    assert!(
        message(f, "gov2021/t4-review")
            .contains("总计为 0，结果维持、结果纠正、其他结果、尚未审结合计 11")
    );
    assert!(message(f, "gov2021/t4-after").contains("合计 5"));
    let missing = message(f, "gov2021/t3-rows");
    assert!(missing.contains("申请人无正当理由逾期不补正"), "{missing}");
    assert!(
        !missing.contains("其他法律行政法规禁止公开"),
        "the garbled row is read: {missing}"
    );
}

#[test]
fn hongze_2024() {
    let f = "2024_hongze_qu.txt";
    assert_eq!(
        findings(f),
        [
            ("gov2021/t3-rows".to_string(), 27),
            ("gov2021/text-vs-table".to_string(), 7),
        ]
    );
    let m = message(f, "gov2021/text-vs-table");
    assert!(m.contains("17 件") && m.contains("95"), "{m}");
    assert!(!message(f, "gov2021/t3-rows").contains("其他法律行政法规禁止公开"));
}

#[test]
fn huaian_2024_is_clean() {
    // 「行政复议 351 件，其中…；行政诉讼 46 件，其中…」 is two lists, and
    // 「3.危及“三安全一稳定”」 (curly quotes) holds 5.
    assert_eq!(findings("2024_huaian_shi.txt"), []);
}
