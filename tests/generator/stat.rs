//! The 2013–2018 appendix 《政府信息公开情况统计表》 (国办发〔2014〕32号 family):
//! rows 「统计指标 | 单位 | 统计数」 numbered 一、 > （一） > 1., 「其中」 lists
//! under a row, and the relations the pack checks.

use rand::Rng;
use rand::rngs::StdRng;

use super::Variant;
use super::labels::{Marker, marker};

#[derive(Clone, Debug)]
pub struct SRow {
    pub id: String,
    pub marker: Option<Marker>,
    /// Written after 「其中：」 (the first row of a list) or continuing one.
    pub among: bool,
    pub first_among: bool,
    pub text: String,
    pub unit: &'static str,
    pub value: Option<i64>,
    /// Index of the row this one sums into (numbered child or 「其中」 item).
    pub parent: Option<usize>,
    pub depth: usize,
    /// Not changed by mutations (the fee row carries no relation).
    pub fixed: bool,
}

impl SRow {
    pub fn show(&self, v: i64) -> String {
        v.to_string()
    }

    /// The label as printed (marker in the variant's style, 「其中：」, indentation).
    pub fn label(&self, v: Variant) -> String {
        let indent = "\u{3000}\u{3000}".repeat(self.depth);
        let m = self.marker.map(|m| marker(m, v)).unwrap_or_default();
        let among = if self.first_among { "其中：" } else { "" };
        format!("{indent}{among}{m}{}", self.text)
    }
}

struct B {
    rows: Vec<SRow>,
    stack: Vec<usize>,
}

impl B {
    fn push(
        &mut self,
        id: &str,
        depth: usize,
        m: Option<Marker>,
        text: &str,
        unit: &'static str,
    ) -> usize {
        let among = m.is_none() && depth > 0;
        let first_among = among
            && !self
                .rows
                .last()
                .is_some_and(|r| r.among && r.depth == depth);
        self.stack.truncate(depth);
        let parent = if among {
            self.stack.last().copied()
        } else {
            depth
                .checked_sub(1)
                .and_then(|d| self.stack.get(d).copied())
        };
        let i = self.rows.len();
        self.rows.push(SRow {
            id: id.into(),
            marker: m,
            among,
            first_among,
            text: text.into(),
            unit,
            value: if unit.is_empty() { None } else { Some(0) },
            parent,
            depth,
            fixed: false,
        });
        if !among {
            self.stack.push(i);
        }
        i
    }
}

fn parts(rng: &mut StdRng, n: usize, sparse: bool, max: i64) -> Vec<i64> {
    (0..n)
        .map(|_| {
            if sparse && rng.random_bool(0.5) {
                0
            } else {
                rng.random_range(1..=max)
            }
        })
        .collect()
}

/// The rows of the table with consistent random figures.
pub fn random(rng: &mut StdRng, sparse: bool) -> Vec<SRow> {
    use Marker::{Num, Paren, Top};
    let mut b = B {
        rows: Vec::new(),
        stack: Vec::new(),
    };
    let set = |b: &mut B, i: usize, v: i64| b.rows[i].value = Some(v);
    // 一、主动公开情况
    b.push("active", 0, Some(Top(1)), "主动公开情况", "");
    let published = b.push(
        "published",
        1,
        Some(Paren(1)),
        "主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
        "条",
    );
    let norm = b.push("normative", 2, None, "主动公开规范性文件数", "条");
    let made = b.push("normative-made", 2, None, "制发规范性文件总数", "件");
    b.push(
        "channels",
        1,
        Some(Paren(2)),
        "通过不同渠道和方式公开政府信息的情况",
        "",
    );
    let names = ["政府公报", "政府网站", "政务微博", "政务微信", "其他方式"];
    let ch = parts(rng, 5, sparse, 3000);
    for (k, n) in names.iter().enumerate() {
        let i = b.push(
            &format!("channel-{k}"),
            2,
            Some(Num(k as u32 + 1)),
            &format!("{n}公开政府信息数"),
            "条",
        );
        set(&mut b, i, ch[k]);
    }
    let sum: i64 = ch.iter().sum();
    let total = if sum == 0 {
        0
    } else {
        (sum - rng.random_range(0..=sum / 3)).max(1)
    };
    set(&mut b, published, total);
    let a = rng.random_range(0..=total.min(20) / 2);
    let c = rng.random_range(0..=(total - a).min(20));
    set(&mut b, norm, a);
    set(&mut b, made, c);
    // 二、回应解读情况
    b.push("respond", 0, Some(Top(2)), "回应解读情况", "");
    let i = b.push(
        "hotspots",
        1,
        Some(Paren(1)),
        "回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
        "次",
    );
    set(&mut b, i, rng.random_range(1..=60));
    b.push(
        "respond-channels",
        1,
        Some(Paren(2)),
        "通过不同渠道和方式回应解读的情况",
        "",
    );
    for (k, (t, lead, unit)) in [
        (
            "参加或举办新闻发布会总次数",
            Some("主要负责同志参加新闻发布会次数"),
            "次",
        ),
        (
            "政府网站在线访谈次数",
            Some("主要负责同志参加政府网站在线访谈次数"),
            "次",
        ),
        ("政策解读稿件发布数", None, "篇"),
        ("微博微信回应事件数", None, "次"),
        ("其他方式回应事件数", None, "次"),
    ]
    .iter()
    .enumerate()
    {
        let i = b.push(&format!("respond-{k}"), 2, Some(Num(k as u32 + 1)), t, unit);
        let v = parts(rng, 1, sparse, 30)[0];
        set(&mut b, i, v);
        if let Some(l) = lead {
            let j = b.push(&format!("respond-{k}-lead"), 3, None, l, unit);
            set(&mut b, j, rng.random_range(0..=v));
        }
    }
    // 三、依申请公开情况: answers first, then the same total received and closed.
    b.push("requests", 0, Some(Top(3)), "依申请公开情况", "");
    let received = b.push("received", 1, Some(Paren(1)), "收到申请数", "件");
    let ways = ["当面申请数", "传真申请数", "网络申请数", "信函申请数"];
    let way_rows: Vec<usize> = ways
        .iter()
        .enumerate()
        .map(|(k, t)| b.push(&format!("way-{k}"), 2, Some(Num(k as u32 + 1)), t, "件"))
        .collect();
    let closed = b.push("closed", 1, Some(Paren(2)), "申请办结数", "件");
    let ontime = b.push("ontime", 2, Some(Num(1)), "按时办结数", "件");
    let late = b.push("late", 2, Some(Num(2)), "延期办结数", "件");
    let answered = b.push("answered", 1, Some(Paren(3)), "申请答复数", "件");
    let kinds = [
        "属于已主动公开范围数",
        "同意公开答复数",
        "同意部分公开答复数",
        "不同意公开答复数",
        "不属于本行政机关公开数",
        "申请信息不存在数",
        "告知作出更改补充数",
        "告知通过其他途径办理数",
    ];
    let reasons = [
        "涉及国家秘密",
        "涉及商业秘密",
        "涉及个人隐私",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "不是《条例》所指政府信息",
        "法律法规规定的其他情形",
    ];
    let mut n_answered = 0;
    for (k, t) in kinds.iter().enumerate() {
        let i = b.push(&format!("answer-{k}"), 2, Some(Num(k as u32 + 1)), t, "件");
        let v = if k == 3 {
            let rs = parts(rng, 6, sparse, 3);
            for (j, r) in reasons.iter().enumerate() {
                let x = b.push(&format!("reason-{j}"), 3, None, r, "件");
                set(&mut b, x, rs[j]);
            }
            rs.iter().sum()
        } else {
            parts(rng, 1, sparse, 20)[0]
        };
        set(&mut b, i, v);
        n_answered += v;
    }
    set(&mut b, answered, n_answered);
    set(&mut b, received, n_answered);
    set(&mut b, closed, n_answered);
    let l = if n_answered > 1 {
        rng.random_range(1..n_answered.min(4))
    } else {
        0
    };
    set(&mut b, late, l);
    set(&mut b, ontime, n_answered - l);
    let mut left = n_answered;
    for (k, &i) in way_rows.iter().enumerate() {
        let v = if k + 1 == way_rows.len() {
            left
        } else {
            rng.random_range(0..=left / 2)
        };
        set(&mut b, i, v);
        left -= v;
    }
    // 四、五、行政复议数量、行政诉讼数量
    for (id, n, text, kids) in [
        (
            "review",
            4,
            "行政复议数量",
            ["维持具体行政行为数", "被依法纠错数", "其他情形数"],
        ),
        (
            "lawsuit",
            5,
            "行政诉讼数量",
            [
                "维持具体行政行为或者驳回原告诉讼请求数",
                "被依法纠错数",
                "其他情形数",
            ],
        ),
    ] {
        let p = b.push(id, 0, Some(Top(n)), text, "件");
        let vs = parts(rng, 3, sparse, 6);
        for (k, t) in kids.iter().enumerate() {
            let i = b.push(&format!("{id}-{k}"), 1, Some(Paren(k as u32 + 1)), t, "件");
            set(&mut b, i, vs[k]);
        }
        set(&mut b, p, vs.iter().sum());
    }
    let i = b.push("complaints", 0, Some(Top(6)), "举报投诉数量", "件");
    set(&mut b, i, parts(rng, 1, sparse, 9)[0]);
    let i = b.push("fees", 0, Some(Top(7)), "依申请公开信息收取的费用", "万元");
    b.rows[i].fixed = true;
    b.push("staff", 0, Some(Top(8)), "机构建设和保障经费情况", "");
    let i = b.push(
        "offices",
        1,
        Some(Paren(1)),
        "政府信息公开工作专门机构数",
        "个",
    );
    set(&mut b, i, rng.random_range(1..=60));
    let i = b.push(
        "points",
        1,
        Some(Paren(2)),
        "设置政府信息公开查阅点数",
        "个",
    );
    set(&mut b, i, rng.random_range(1..=60));
    let people = b.push(
        "people",
        1,
        Some(Paren(3)),
        "从事政府信息公开工作人员数",
        "人",
    );
    let full = b.push("people-full", 2, Some(Num(1)), "专职人员数", "人");
    let part_time = b.push("people-part", 2, Some(Num(2)), "兼职人员数", "人");
    let (x, y) = (rng.random_range(1..=9), rng.random_range(1..=60));
    set(&mut b, full, x);
    set(&mut b, part_time, y);
    set(&mut b, people, x + y);
    let i = b.push("budget", 1, Some(Paren(4)), "政府信息公开专项经费", "万元");
    set(&mut b, i, rng.random_range(1..=50));
    b.push(
        "meetings",
        0,
        Some(Top(9)),
        "政府信息公开会议和培训情况",
        "",
    );
    for (k, (t, u)) in [
        ("召开政府信息公开工作会议或专题会议数", "次"),
        ("举办各类培训班数", "次"),
        ("接受培训人员数", "人次"),
    ]
    .iter()
    .enumerate()
    {
        let i = b.push(&format!("meeting-{k}"), 1, Some(Paren(k as u32 + 1)), t, u);
        set(&mut b, i, rng.random_range(1..=40));
    }
    b.rows
}

/// Relations that do not hold (rule ids without the pack prefix).
pub fn broken(rows: &[SRow]) -> Vec<String> {
    let mut out = Vec::new();
    let kids = |p: usize, among: bool| -> Vec<usize> {
        (0..rows.len())
            .filter(|&i| rows[i].parent == Some(p) && rows[i].among == among)
            .collect()
    };
    let sum = |ks: &[usize]| ks.iter().map(|&k| rows[k].value.unwrap_or(0)).sum::<i64>();
    for (p, r) in rows.iter().enumerate() {
        let Some(v) = r.value else { continue };
        let items = kids(p, false);
        if !items.is_empty() && sum(&items) != v {
            out.push("table-items".to_string());
        }
        let among = kids(p, true);
        if !among.is_empty() {
            let complete = among.iter().any(|&k| rows[k].text.contains("其他"));
            let s = sum(&among);
            if s > v || (complete && s != v) {
                out.push("table-among".to_string());
            }
        }
    }
    let total = rows
        .iter()
        .position(|r| r.id == "published")
        .expect("total");
    let ch = rows
        .iter()
        .position(|r| r.id == "channels")
        .expect("channels");
    if sum(&kids(ch, false)) < rows[total].value.unwrap_or(0) {
        out.push("table-channels".to_string());
    }
    out
}

pub fn value(rows: &[SRow], id: &str) -> i64 {
    rows.iter()
        .find(|r| r.id == id)
        .and_then(|r| r.value)
        .unwrap_or(0)
}
