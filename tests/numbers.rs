//! The number reader, table-driven: every written form of a quantity, and the
//! look-alikes that are not quantities (years, dates, document numbers, phone
//! numbers, ordinals). A property test round-trips integers in every notation.

use proptest::prelude::*;
use report_lint::numbers::cjk::to_cjk;
use report_lint::numbers::read_quantities;
use rust_decimal::Decimal;
use std::str::FromStr;

fn one(text: &str) -> (String, Option<&'static str>, bool, String) {
    let qs = read_quantities(text, 0);
    assert_eq!(qs.len(), 1, "{text}: {qs:?}");
    let q = &qs[0];
    (
        q.value.normalize().to_string(),
        q.unit,
        q.approx,
        q.tolerance.normalize().to_string(),
    )
}

#[test]
fn quantities() {
    let cases: &[(&str, &str, Option<&str>, bool, &str)] = &[
        ("共10811条", "10811", Some("条"), false, "0"),
        ("共１０８１１条", "10811", Some("条"), false, "0"),
        ("10,811条", "10811", Some("条"), false, "0"),
        ("10，811条", "10811", Some("条"), false, "0"),
        ("办结率99.8%", "99.8", Some("%"), false, "0.05"),
        ("占36.5％", "36.5", Some("%"), false, "0.05"),
        ("占30%", "30", Some("%"), false, "0.5"),
        ("申请两条", "2", Some("条"), false, "0"),
        ("三个部分", "3", Some("个"), false, "0"),
        ("十二件", "12", Some("件"), false, "0"),
        ("一百零五人", "105", Some("人"), false, "0"),
        ("两千三百条", "2300", Some("条"), false, "0"),
        ("一万零五十条", "10050", Some("条"), false, "0"),
        ("1.2万条", "12000", Some("条"), false, "500"),
        ("3亿元", "3", Some("亿元"), false, "0.5"),
        ("支出2万元整", "2", Some("万元"), false, "0.5"),
        ("百分之三十", "30", Some("%"), false, "0.5"),
        ("百分之12.5", "12.5", Some("%"), false, "0.05"),
        ("近万条", "10000", Some("条"), true, "0"),
        ("1万余条", "10000", Some("条"), true, "5000"),
        ("28000余件", "28000", Some("件"), true, "0"),
        ("约500人", "500", Some("人"), true, "0"),
        ("500人左右", "500", Some("人"), true, "0"),
        ("超过300条", "300", Some("条"), true, "0"),
        ("接待132468人次", "132468", Some("人次"), false, "0"),
        ("推送128组", "128", Some("组"), false, "0"),
        ("不予公开0件", "0", Some("件"), false, "0"),
        ("3.5万人次", "35000", Some("人次"), false, "500"),
        ("提高1.5个百分点", "1.5", Some("个百分点"), false, "0.05"),
        ("栏目19大类", "19", None, false, "0"),
        ("统计数12054", "12054", None, false, "0"),
        ("受理 2 件", "2", Some("件"), false, "0"),
        ("共召开会议和培训 1 次", "1", Some("次"), false, "0"),
    ];
    for (text, value, unit, approx, tol) in cases {
        assert_eq!(
            one(text),
            (value.to_string(), *unit, *approx, tol.to_string()),
            "{text}"
        );
    }
}

#[test]
fn not_quantities() {
    for text in [
        "2017年",
        "2017 年",
        "二〇一七年",
        "12月31日",
        "9月初",
        "3、4月份",
        "晋市政办〔2017〕52号",
        "国办发﹝2017﹞24号",
        "电话：0531-84877567",
        "（0454）2907056",
        "邮编：251600",
        "0517-82392110",
        "1.政府网站",
        "2、公共查阅点",
        "（1）完善制度",
        "(3)做好",
        "第3期",
        "www.lczf.gov.cn",
        "tjxxzx888@126.com",
        "一是加强组织领导",
        "进一步加强",
        "十九大精神",
        "人大后院203室",
        "明辉路119号",
        "第一责任人",
        "“三同步”",
        "2018-02-11",
        "发布时间: 2018-02-11",
    ] {
        let qs = read_quantities(text, 0);
        assert!(qs.is_empty(), "{text}: {qs:?}");
    }
}

#[test]
fn spans_point_at_the_quantity() {
    let text = "全县主动公开信息共10811条。其中，网站4993条";
    let qs = read_quantities(text, 100);
    assert_eq!(qs.len(), 2);
    assert_eq!(
        &text[qs[0].span.start - 100..qs[0].span.end - 100],
        "10811条"
    );
    assert_eq!(
        &text[qs[0].number.start - 100..qs[0].number.end - 100],
        "10811"
    );
}

fn with_separators(n: u64, sep: char) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn every_notation_reads_back(n in 0u64..1_000_000_000) {
        let want = Decimal::from(n);
        for written in [
            n.to_string(),
            full_width(&n.to_string()),
            with_separators(n, ','),
            with_separators(n, '，'),
            to_cjk(n),
        ] {
            let text = format!("共{written}条。");
            let qs = read_quantities(&text, 0);
            prop_assert_eq!(qs.len(), 1, "{}", text);
            prop_assert_eq!(qs[0].value, want, "{}", text);
            prop_assert_eq!(qs[0].unit, Some("条"));
        }
    }

    #[test]
    fn decimals_keep_their_precision(int in 0u32..1000, frac in 0u32..100) {
        let text = format!("占{int}.{frac:02}%");
        let q = &read_quantities(&text, 0)[0];
        prop_assert_eq!(q.value, Decimal::from_str(&format!("{int}.{frac:02}")).unwrap());
        prop_assert_eq!(q.tolerance, Decimal::new(5, 3));
    }
}
