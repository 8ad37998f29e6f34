//! The national templates (表二、表三、表四 of the 2019 and 2021 formats) as
//! the forms print them, and the label variants real publications show.

pub use super::t2::{t2_blocks, t2_rows};
use super::{Format, Variant};

/// A numbering marker of a row label.
#[derive(Clone, Copy, Debug)]
pub enum Marker {
    /// 一、
    Top(u32),
    /// （一）
    Paren(u32),
    /// 1.
    Num(u32),
}

/// One data row of 表三.
#[derive(Clone, Copy, Debug)]
pub struct T3Row {
    pub id: &'static str,
    pub marker: Marker,
    pub text: &'static str,
    /// The group header printed before the first row of its group.
    pub group: Option<(u32, &'static str)>,
    /// The label the tool's template uses (and names in its messages).
    pub template: &'static str,
}

const fn row(
    id: &'static str,
    marker: Marker,
    text: &'static str,
    group: Option<(u32, &'static str)>,
    template: &'static str,
) -> T3Row {
    T3Row {
        id,
        marker,
        text,
        group,
        template,
    }
}

use Marker::{Num, Paren, Top};

const SECURITY: &str = "危及三安全一稳定";

const T3_HEAD: [T3Row; 4] = [
    row(
        "new",
        Top(1),
        "本年新收政府信息公开申请数量",
        None,
        "本年新收政府信息公开申请数量",
    ),
    row(
        "carried",
        Top(2),
        "上年结转政府信息公开申请数量",
        None,
        "上年结转政府信息公开申请数量",
    ),
    row("open", Paren(1), "予以公开", None, "予以公开"),
    row(
        "partial",
        Paren(2),
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        None,
        "部分公开",
    ),
];

const T3_MIDDLE: [T3Row; 16] = [
    row(
        "secret",
        Num(1),
        "属于国家秘密",
        Some((3, "不予公开")),
        "属于国家秘密",
    ),
    row(
        "law",
        Num(2),
        "其他法律行政法规禁止公开",
        None,
        "其他法律行政法规禁止公开",
    ),
    row("security", Num(3), SECURITY, None, "危及三安全一稳定"),
    row(
        "third",
        Num(4),
        "保护第三方合法权益",
        None,
        "保护第三方合法权益",
    ),
    row(
        "internal",
        Num(5),
        "属于三类内部事务信息",
        None,
        "属于三类内部事务信息",
    ),
    row(
        "process",
        Num(6),
        "属于四类过程性信息",
        None,
        "属于四类过程性信息",
    ),
    row(
        "enforcement",
        Num(7),
        "属于行政执法案卷",
        None,
        "属于行政执法案卷",
    ),
    row(
        "query",
        Num(8),
        "属于行政查询事项",
        None,
        "属于行政查询事项",
    ),
    row(
        "nosuch",
        Num(1),
        "本机关不掌握相关政府信息",
        Some((4, "无法提供")),
        "本机关不掌握相关政府信息",
    ),
    row(
        "nocreate",
        Num(2),
        "没有现成信息需要另行制作",
        None,
        "没有现成信息需要另行制作",
    ),
    row(
        "unclear",
        Num(3),
        "补正后申请内容仍不明确",
        None,
        "补正后申请内容仍不明确",
    ),
    row(
        "petition",
        Num(1),
        "信访举报投诉类申请",
        Some((5, "不予处理")),
        "信访举报投诉类申请",
    ),
    row("repeat", Num(2), "重复申请", None, "重复申请"),
    row(
        "publication",
        Num(3),
        "要求提供公开出版物",
        None,
        "要求提供公开出版物",
    ),
    row(
        "massive",
        Num(4),
        "无正当理由大量反复申请",
        None,
        "无正当理由大量反复申请",
    ),
    row(
        "confirm",
        Num(5),
        "要求行政机关确认或重新出具已获取信息",
        None,
        "要求行政机关确认或重新出具已获取信息",
    ),
];

const OTHER_2021: [T3Row; 3] = [
    row(
        "other-overdue",
        Num(1),
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        Some((6, "其他处理")),
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    row(
        "other-unpaid",
        Num(2),
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        None,
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    row("other-other", Num(3), "其他", None, "其他"),
];

const OTHER_2019: T3Row = row("otherhandling", Paren(6), "其他处理", None, "其他处理");

const T3_TAIL: [T3Row; 2] = [
    row("total", Paren(7), "总计", None, "总计"),
    row(
        "forward",
        Top(4),
        "结转下年度继续办理",
        None,
        "结转下年度继续办理",
    ),
];

/// The data rows of 表三 as the report writes them (the 2019 single
/// （六） row in a 2021 report under [`Variant::Rows2019`]).
pub fn t3_rows(format: Format, variant: Variant) -> Vec<T3Row> {
    let mut out: Vec<T3Row> = T3_HEAD.to_vec();
    out.extend(T3_MIDDLE);
    if format == Format::F2019 || variant == Variant::Rows2019 {
        out.push(OTHER_2019);
    } else {
        out.extend(OTHER_2021);
    }
    out.extend(T3_TAIL);
    out
}

/// The result rows (（一）…（六）) that （七）总计 sums.
pub fn t3_result_ids(format: Format, variant: Variant) -> Vec<&'static str> {
    t3_rows(format, variant)
        .into_iter()
        .map(|r| r.id)
        .filter(|id| !["new", "carried", "total", "forward"].contains(id))
        .collect()
}

const CN: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A marker written in the variant's style.
pub fn marker(m: Marker, v: Variant) -> String {
    match m {
        Top(n) => format!("{}、", CN[n as usize]),
        Paren(n) if v == Variant::HalfBrackets => format!("({})", CN[n as usize]),
        Paren(n) => format!("（{}）", CN[n as usize]),
        Num(n) => match v {
            Variant::FullDot => format!("{n}．"),
            Variant::CommaDot => format!("{n}、"),
            _ => format!("{n}."),
        },
    }
}

/// A row's own text in the variant (quotes, garbling).
pub fn text(r: &T3Row, v: Variant) -> String {
    match (r.id, v) {
        ("security", Variant::AsciiQuotes) => "危及\"三安全一稳定\"".into(),
        ("security", Variant::CornerQuotes) => "危及「三安全一稳定」".into(),
        ("security", Variant::CurlyQuotes) => "危及“三安全一稳定”".into(),
        ("law", Variant::Garbled) => "其他法律行政止公开".into(),
        _ => r.text.into(),
    }
}

/// The label cells of each 表三 data row, in order: the 「三、本年度办理结果」
/// row-span header, a group header (（三）不予公开), then the row's own label.
pub fn t3_label_cells(format: Format, v: Variant) -> Vec<(T3Row, Vec<String>)> {
    let rows = t3_rows(format, v);
    let results = "三、本年度办理结果".to_string();
    rows.iter()
        .map(|r| {
            let mut cells = Vec::new();
            let in_results = !["new", "carried", "forward"].contains(&r.id);
            if (r.id == "open") || (in_results && v == Variant::RepeatResults) {
                cells.push(results.clone());
            }
            if let Some((n, g)) = r.group {
                cells.push(format!("{}{g}", marker(Paren(n), v)));
            }
            cells.push(format!("{}{}", marker(r.marker, v), text(r, v)));
            (*r, cells)
        })
        .collect()
}

/// 表三's header rows.
pub fn t3_header(v: Variant) -> Vec<Vec<String>> {
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_string();
    let s = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    if v == Variant::FlatApplicantHeader {
        let mut r = vec![note];
        r.extend(s(&[
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ]));
        return vec![r];
    }
    vec![
        vec![note, "申请人情况".into()],
        s(&["自然人", "法人或其他组织", "总计"]),
        s(&[
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]),
    ]
}

/// 表四's header rows.
pub fn t4_header(v: Variant) -> Vec<Vec<String>> {
    let parts = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut r1 = vec!["行政复议".to_string(), "行政诉讼".to_string()];
    let mut r2: Vec<String> = parts.iter().map(|x| x.to_string()).collect();
    r2.push("未经复议直接起诉".into());
    r2.push("复议后起诉".into());
    let r3: Vec<String> = parts.iter().chain(&parts).map(|x| x.to_string()).collect();
    if v == Variant::T4HeaderOneRow {
        r1.extend(r2);
        r1.extend(r3);
        return vec![r1];
    }
    vec![r1, r2, r3]
}

/// Rows a test may take out: (table, row id, the template label the finding names).
pub fn removable_rows(format: Format, v: Variant) -> Vec<(String, String, String)> {
    if format == Format::S2008 {
        return Vec::new();
    }
    let mut out: Vec<(String, String, String)> = t3_rows(format, v)
        .into_iter()
        .filter(|r| !(v == Variant::Garbled && r.id == "law"))
        .filter(|r| !(format == Format::F2021 && r.id == "otherhandling"))
        .map(|r| ("t3".into(), r.id.into(), r.template.into()))
        .collect();
    for (_, _, rows) in t2_blocks(format) {
        for (id, label, _) in rows {
            out.push(("t2".into(), id.into(), label.into()));
        }
    }
    out
}
