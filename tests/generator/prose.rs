//! The prose of a report: title, opening statement, the required sections,
//! figures quoted from the tables as real reports quote them.

use rand::Rng;
use rand::rngs::StdRng;

use super::layout::{self, Writer};
use super::{CellRef, Format, Model, Variant, stat};

const DEPARTMENTS: [&str; 6] = [
    "某市交通运输局",
    "某县自然资源局",
    "某区卫生健康委员会",
    "某市生态环境局",
    "某县市场监督管理局",
    "某区住房和城乡建设局",
];
const GOVERNMENTS: [&str; 4] = [
    "某县人民政府",
    "某区人民政府",
    "某市人民政府",
    "某镇人民政府",
];

/// Choices made once per report.
#[derive(Clone, Debug)]
pub struct Choices {
    pub issuer: &'static str,
    pub year: u32,
    pub two_line_title: bool,
    pub date_line: bool,
    pub day: u32,
    pub published: u32,
}

impl Choices {
    pub fn random(format: Format, _v: Variant, rng: &mut StdRng) -> Choices {
        let year = match format {
            Format::F2021 => rng.random_range(2021..=2024),
            Format::F2019 => rng.random_range(2019..=2020),
            Format::S2008 => rng.random_range(2013..=2018),
        };
        let issuer = if rng.random_bool(0.5) {
            DEPARTMENTS[rng.random_range(0..DEPARTMENTS.len())]
        } else {
            GOVERNMENTS[rng.random_range(0..GOVERNMENTS.len())]
        };
        Choices {
            issuer,
            year,
            two_line_title: rng.random_bool(0.5),
            date_line: rng.random_bool(0.5),
            day: rng.random_range(10..=28),
            published: rng.random_range(100..=9000),
        }
    }
}

fn t3(row: &str) -> CellRef {
    CellRef::new("t3", row, "total")
}

fn pct(part: i64, whole: i64) -> String {
    let x = (part as f64) * 100.0 / (whole as f64);
    format!("{x:.1}%")
}

fn opening(m: &Model, w: &mut Writer, notice: &str) {
    let c = &m.prose;
    let y = c.year;
    if c.two_line_title {
        w.line(c.issuer);
        w.line(&format!("{y}年政府信息公开工作年度报告"));
    } else {
        w.line(&format!("{}{y}年政府信息公开工作年度报告", c.issuer));
    }
    if c.date_line {
        w.line(&format!("发布日期：{}-01-{:02}", y + 1, c.day));
    }
    w.line(&format!(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）{notice}要求编制。本报告中所列数据统计期限自{y}年1月1日起至{y}年12月31日止。本报告电子版可在{}门户网站下载。如对本报告有疑问，请与{}办公室联系（地址：人民路1号，邮编：223100，电话：0517-87290606）。",
        c.issuer, c.issuer
    ));
}

fn closing(m: &Model, w: &mut Writer) {
    let c = &m.prose;
    w.line(c.issuer);
    w.line(&format!("{}年1月{}日", c.year + 1, c.day));
}

/// A 2019 or 2021 national-format report.
pub fn write_national(m: &Model, w: &mut Writer) {
    let c = &m.prose;
    let y = c.year;
    let q = &m.quoted;
    let v = m.variant;
    let notice = if m.format == Format::F2021 {
        "和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
    } else {
        "和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）"
    };
    opening(m, w, notice);
    w.line("一、总体情况");
    w.line(&format!(
        "{y}年，{}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》各项规定，扎实推进政务公开工作。",
        c.issuer
    ));
    // （一）主动公开
    w.text(&format!(
        "（一）主动公开情况。{y}年，通过政府网站主动公开政府信息{}条",
        c.published
    ));
    if m.format == Format::F2021 {
        w.text("，本年制发行政规范性文件");
        let n = q.t2("normative", "issued");
        w.quote(
            &n.to_string(),
            vec![CellRef::new("t2", "normative", "issued")],
            vec![],
        );
        w.text("件，现行有效行政规范性文件");
        let n = q.t2("normative", "valid");
        w.quote(
            &n.to_string(),
            vec![CellRef::new("t2", "normative", "valid")],
            vec![],
        );
        w.text("件");
    }
    w.text("。");
    w.nl();
    // （二）依申请公开
    let (new, carried, total, forward) = (
        q.t3("new", 6),
        q.t3("carried", 6),
        q.t3("total", 6),
        q.t3("forward", 6),
    );
    w.text(&format!("（二）依申请公开情况。{y}年，"));
    match v {
        Variant::ProseAnswered => {
            w.text("共受理政府信息公开申请");
            w.quote(
                &new.to_string(),
                vec![t3("new")],
                vec![t3("new"), t3("carried")],
            );
            w.text("件，答复");
            w.quote(&total.to_string(), vec![t3("total")], vec![]);
            w.text("件（含上年度结转申请");
            w.quote(&carried.to_string(), vec![t3("carried")], vec![]);
            w.text(&format!(
                "件，另有{forward}件顺延到下年度答复），均在法定期限内予以答复。"
            ));
        }
        Variant::ProseReceivedWithCarried => {
            w.text("共收到政府信息公开申请");
            w.quote(
                &(new + carried).to_string(),
                vec![t3("new"), t3("carried")],
                vec![t3("new")],
            );
            w.text(&format!(
                "件（含上年结转{carried}件），办结政府信息公开申请"
            ));
            w.quote(&total.to_string(), vec![t3("total")], vec![]);
            w.text(&format!("件，结转下年度继续办理{forward}件。"));
        }
        _ => {
            w.text("共收到政府信息公开申请");
            w.quote(
                &new.to_string(),
                vec![t3("new")],
                vec![t3("new"), t3("carried")],
            );
            w.text("件，上年结转政府信息公开申请");
            w.quote(&carried.to_string(), vec![t3("carried")], vec![]);
            w.text("件；办结政府信息公开申请");
            w.quote(&total.to_string(), vec![t3("total")], vec![]);
            w.text(&format!("件，结转下年度继续办理{forward}件。"));
        }
    }
    // The results, each category once (zero categories left out).
    let sum = |ids: &[&str]| ids.iter().map(|r| q.t3(r, 6)).sum::<i64>();
    let groups: Vec<(&str, Vec<&str>)> = vec![
        ("予以公开", vec!["open"]),
        ("部分公开", vec!["partial"]),
        (
            "不予公开",
            vec![
                "secret",
                "law",
                "security",
                "third",
                "internal",
                "process",
                "enforcement",
                "query",
            ],
        ),
        ("无法提供", vec!["nosuch", "nocreate", "unclear"]),
        (
            "不予处理",
            vec!["petition", "repeat", "publication", "massive", "confirm"],
        ),
    ];
    let mut first = true;
    for (name, ids) in &groups {
        let n = sum(ids);
        if n == 0 {
            continue;
        }
        w.text(if first {
            "在办理结果中，"
        } else {
            "，"
        });
        first = false;
        w.text(name);
        w.quote(&n.to_string(), ids.iter().map(|r| t3(r)).collect(), vec![]);
        w.text("件");
        if v == Variant::ProsePercent && total > 0 {
            w.text(&format!("，占{}", pct(n, total)));
        }
    }
    if !first {
        w.text("。");
    }
    // 表四 figures.
    let (r, l) = (q.t4_total(0), q.t4_total(1) + q.t4_total(2));
    let review_total = CellRef::new("t4", "all", "review-total");
    let lit = vec![
        CellRef::new("t4", "all", "direct-total"),
        CellRef::new("t4", "all", "after-total"),
    ];
    if v == Variant::ProseT4Lists {
        let names = ["结果维持", "结果纠正", "其他结果", "尚未审结"];
        w.text("政府信息公开行政复议");
        w.quote(&r.to_string(), vec![review_total], vec![]);
        w.text("件，其中");
        let parts: Vec<String> = (0..4)
            .map(|k| format!("{}{}件", names[k], q.t4[k]))
            .collect();
        w.text(&parts.join("，"));
        w.text("；政府信息公开行政诉讼");
        w.quote(&l.to_string(), lit, vec![]);
        w.text("件，其中");
        let parts: Vec<String> = (0..4)
            .map(|k| format!("{}{}件", names[k], q.t4[5 + k] + q.t4[10 + k]))
            .collect();
        w.text(&parts.join("，"));
        w.text("。");
    } else {
        w.text("本年度因政府信息公开工作被申请行政复议");
        w.quote(&r.to_string(), vec![review_total], vec![]);
        w.text("件，被提起行政诉讼");
        w.quote(&l.to_string(), lit, vec![]);
        w.text("件。");
    }
    w.nl();
    w.line(
        "（三）政府信息管理情况。严格执行信息发布审核制度，落实“先审后发”要求，定期清理过时信息。",
    );
    w.line(
        "（四）政府信息公开平台建设情况。优化政府网站信息公开专栏设置，加强政务新媒体日常管理。",
    );
    w.line("（五）监督保障情况。将政务公开纳入年度绩效考核，主动接受社会评议，全年未发生责任追究情况。");
    w.line("二、主动公开政府信息情况");
    w.table(&layout::t2(m));
    w.line("三、收到和处理政府信息公开申请情况");
    w.table(&layout::t3(m));
    w.line("四、政府信息公开行政复议、行政诉讼情况");
    w.table(&layout::t4(m));
    w.line("五、存在的主要问题及改进情况");
    w.line(&format!(
        "{y}年，我们的政府信息公开工作取得了一定成效，但仍存在一些不足：一是政策解读形式较为单一；二是依申请公开答复的规范性有待提升。"
    ));
    w.line(&format!(
        "{}年，我们将从以下方面加以改进：一是丰富政策解读形式，提高解读质量；二是加强业务培训，提升答复规范化水平。",
        y + 1
    ));
    w.line("六、其他需要报告的事项");
    if m.format == Format::F2021 {
        w.line(&format!(
            "{y}年，本机关依据《政府信息公开信息处理费管理办法》，未收取信息处理费。"
        ));
    } else {
        w.line(&format!("{y}年，本机关未收取政府信息公开相关费用。"));
    }
    closing(m, w);
}

/// A 2013–2018 report with the statistics table as its appendix.
pub fn write_2008(m: &Model, w: &mut Writer) {
    let c = &m.prose;
    let y = c.year;
    let rows = &m.quoted.stat;
    let val = |id: &str| stat::value(rows, id);
    let cell = |id: &str| CellRef::new("stat", id, "value");
    opening(m, w, "");
    w.line("一、概述");
    w.line(&format!(
        "{y}年，{}认真贯彻落实《条例》，以公开为常态、不公开为例外，扎实推进政府信息公开工作。",
        c.issuer
    ));
    w.line("二、主动公开政府信息情况");
    let published = val("published");
    w.text(&format!("{y}年，全年主动公开政府信息{published}条"));
    let web = val("channel-1");
    if web > 0 && web <= published {
        w.text(&format!("，其中通过政府网站公开{web}条"));
        if m.variant == Variant::ProsePercent {
            w.text(&format!("，占{}", pct(web, published)));
        }
    }
    w.text("。");
    w.nl();
    w.line("三、依申请公开政府信息情况");
    w.text(&format!("{y}年，共受理政府信息公开申请"));
    w.quote(&val("received").to_string(), vec![cell("received")], vec![]);
    w.text("件，均已按期答复。");
    w.nl();
    w.line("四、政府信息公开的收费及减免情况");
    w.line(&format!("{y}年，未收取政府信息公开相关费用，无减免情况。"));
    w.line("五、因政府信息公开申请行政复议、提起行政诉讼的情况");
    w.text(&format!("{y}年，因政府信息公开申请提起行政复议"));
    w.quote(&val("review").to_string(), vec![cell("review")], vec![]);
    w.text("件，提起行政诉讼");
    w.quote(&val("lawsuit").to_string(), vec![cell("lawsuit")], vec![]);
    w.text("件。");
    w.nl();
    w.line("六、政府信息公开工作存在的主要问题及改进情况");
    w.line(&format!(
        "{y}年，政府信息公开工作还存在公开内容不够全面等问题。{}年，我们将进一步完善公开目录，加强业务培训。",
        y + 1
    ));
    w.line("七、其他需要报告的事项");
    w.line("无。");
    closing(m, w);
    w.line("附件");
    w.line(&format!("{y}年度政府信息公开工作情况统计表"));
    w.table(&layout::stat(m));
}
