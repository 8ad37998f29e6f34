//! Writes N realistic reports for benchmarks, by varying the example reports:
//! issuer names, report years, figures (a share with injected defects), some
//! GBK files with CRLF line ends, a few large ones. Deterministic for a seed.
//!
//!     cargo run --release --example gen-corpus -- 10000 bench/corpus 42 [txt|html|docx]
//!
//! With `html` or `docx` the same reports (same seed, same figures) are
//! written as CMS-like web pages or Word documents: paragraphs as `<p>` /
//! `w:p`, table rows (tabs or ` | `) as table rows; the GBK share of the text
//! corpus is a GBK page. For measuring each reader against the text one.
//!
//! With `series` the reports form a repository: N reports of issuers over
//! five years (2021–2025, `<issuer>/<year>.txt`, 2021 format) whose 上年结转
//! and 现行有效 carry from year to year, whose prose differs from year to
//! year — except one report in ten, which copies the year before, and one in
//! a hundred, which copies a paragraph of another issuer with its name left
//! in. For measuring the corpus phase.
//!
//! The corpus is never committed (bench/corpus is ignored).

use std::path::PathBuf;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SEEDS: &[(&str, &str)] = &[
    ("涟水县", include_str!("lianshui-2017.txt")),
    ("陵川县", include_str!("lingchuan-2017.txt")),
    ("商河县", include_str!("shanghe-2017.txt")),
    ("观水镇", include_str!("guanshui-2017.txt")),
    ("同江市", include_str!("tongjiang-2017.txt")),
];
const NATIONAL: &[&str] = &[
    include_str!("../tests/fixtures/national/shanghai-2019.txt"),
    include_str!("../tests/fixtures/national/pingtan-2022.txt"),
    include_str!("../tests/fixtures/national/clean-2021-pipes.txt"),
    include_str!("../tests/fixtures/national/clean-2021-cells.txt"),
];
const PLACES: &[&str] = &[
    "青山县",
    "临河县",
    "东湖区",
    "南岭镇",
    "北塘市",
    "西平县",
    "石桥镇",
    "安宁市",
    "长乐县",
    "白水县",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let dir = PathBuf::from(args.get(2).map_or("bench/corpus", String::as_str));
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    let format = args.get(4).map_or("txt", String::as_str);
    std::fs::create_dir_all(&dir).expect("create corpus dir");
    let mut rng = StdRng::seed_from_u64(seed);
    if format == "series" {
        return series(n, &dir, &mut rng);
    }
    let mut bytes = 0usize;
    for i in 0..n {
        // Every report its own issuer (a repository holds one report per
        // issuer and year; ten names for ten thousand reports would make every
        // report a copy of hundreds of others for the checks across reports).
        let own = unique_issuer(i);
        let mut text = if rng.random_ratio(1, 5) {
            let t = NATIONAL[rng.random_range(0..NATIONAL.len())];
            let first = t.lines().next().unwrap_or("");
            let year_at = first.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            format!("{own}{}", &t[year_at..])
        } else {
            let (name, t) = SEEDS[rng.random_range(0..SEEDS.len())];
            // Drawn as before, so the corpus's other choices stay the same.
            let _ = PLACES[rng.random_range(0..PLACES.len())];
            let place = own.as_str();
            let year = rng.random_range(2009..=2018);
            t.replace(name, place)
                .replace("2017", &year.to_string())
                .replace("2018", &(year + 1).to_string())
        };
        // One report in five gets a figure changed: a defect to find.
        if rng.random_ratio(1, 5) {
            let digits: Vec<usize> = text
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if let Some(&at) = digits.get(rng.random_range(0..digits.len().max(1))) {
                let d = char::from(b'0' + rng.random_range(0..10u8));
                text.replace_range(at..at + 1, &d.to_string());
            }
        }
        // A few large ones.
        if rng.random_ratio(1, 500) {
            text = text.repeat(40);
        }
        let gbk = rng.random_ratio(1, 10);
        let data = match format {
            "html" => html(&text, gbk),
            "docx" => docx(&text),
            _ if gbk => {
                let crlf = text.replace('\n', "\r\n");
                encoding_rs::GB18030.encode(&crlf).0.into_owned()
            }
            _ => text.into_bytes(),
        };
        bytes += data.len();
        std::fs::write(dir.join(format!("r{i:05}.{format}")), data).expect("write report");
    }
    eprintln!(
        "{n} reports, {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}

/// The cells of a table row written as text, or `None` for a paragraph.
fn row_cells(line: &str) -> Option<Vec<&str>> {
    if line.matches('\t').count() >= 2 {
        Some(line.split('\t').map(str::trim).collect())
    } else if line.contains(" | ") {
        Some(
            line.trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect(),
        )
    } else {
        None
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page as a county site's CMS serves it: chrome around a content div.
fn html(text: &str, gbk: bool) -> Vec<u8> {
    let charset = if gbk { "gbk" } else { "utf-8" };
    let mut out = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>年度报告</title>\
         <script>var x = 1;</script></head><body>\n<div class=\"nav\"><a href=\"/\">首页</a> &gt; \
         <a href=\"/zwgk\">政务公开</a></div>\n<table class=\"info\"><tr><th>索引号：</th><td>000-2024-001</td>\
         <th>发布机构：</th><td>办公室</td></tr></table>\n<div id=\"content\">\n"
    );
    let mut in_table = false;
    for line in text.lines() {
        match row_cells(line) {
            Some(cells) => {
                if !in_table {
                    out.push_str("<table border=\"1\">\n");
                    in_table = true;
                }
                out.push_str("<tr>");
                for c in cells {
                    out.push_str(&format!("<td>{}</td>", escape(c)));
                }
                out.push_str("</tr>\n");
            }
            None => {
                if in_table {
                    out.push_str("</table>\n");
                    in_table = false;
                }
                if line.trim().is_empty() {
                    out.push_str("<p>&nbsp;</p>\n");
                } else {
                    out.push_str(&format!(
                        "<p style=\"text-indent:2em\">{}</p>\n",
                        escape(line.trim())
                    ));
                }
            }
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out.push_str("</div>\n<div class=\"footer\">版权所有 某县人民政府 网站标识码 0000000000</div>\n</body></html>\n");
    if gbk {
        encoding_rs::GB18030.encode(&out).0.into_owned()
    } else {
        out.into_bytes()
    }
}

/// A minimal Word package: paragraphs, and table rows as `w:tbl`.
fn docx(text: &str) -> Vec<u8> {
    use std::io::Write;
    let para = |s: &str| {
        format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(s)
        )
    };
    let mut body = String::new();
    let mut in_table = false;
    for line in text.lines() {
        match row_cells(line) {
            Some(cells) => {
                if !in_table {
                    body.push_str("<w:tbl>");
                    in_table = true;
                }
                body.push_str("<w:tr>");
                for c in cells {
                    body.push_str(&format!("<w:tc>{}</w:tc>", para(c)));
                }
                body.push_str("</w:tr>");
            }
            None => {
                if in_table {
                    body.push_str("</w:tbl>");
                    in_table = false;
                }
                body.push_str(&para(line.trim()));
            }
        }
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("word/document.xml", document.as_str()),
    ] {
        z.start_file(name, opts).expect("zip entry");
        z.write_all(data.as_bytes()).expect("zip write");
    }
    z.finish().expect("zip");
    out.into_inner()
}

/// Clauses of the prose of a series' reports.
const CLAUSES: &[&str] = &[
    "围绕优化营商环境集中公开涉企政策",
    "开设惠企政策专栏并按行业分类汇编",
    "政策解读与政策文件同步组织同步审签",
    "主要负责人带头解读重大政策",
    "依申请公开统一登记审核答复流程",
    "答复文书载明依据和救济途径",
    "开展政府网站和政务新媒体季度检查",
    "整改错别字和空白栏目等问题",
    "在便民服务中心设置政务公开专区",
    "配备查阅设备提供政策咨询和代办服务",
    "围绕义务教育招生召开新闻发布会",
    "会后在网站同步刊发文字实录",
    "坚持先审查后公开防止泄密",
    "把政务公开纳入年度绩效考核",
    "每季度通报各部门信息发布情况",
    "组织政务公开业务培训",
    "重点讲解主动公开目录编制要求",
    "按季度发布项目资金使用情况",
    "在各村公开栏同步张贴接受监督",
    "推进重大建设项目批准和实施信息公开",
    "公开公共资源配置领域信息",
    "完善政府信息公开指南和目录",
    "规范行政规范性文件的制发和清理",
    "加强政务公开平台互联互通",
];

/// A paragraph: two clauses of the pool, then forty characters drawn from
/// the pool's (no two reports write the same by chance).
fn paragraph(rng: &mut StdRng, who: &str, year: i32) -> String {
    let chars: Vec<char> = CLAUSES.concat().chars().collect();
    let mut s = format!("{year}年，{who}");
    for _ in 0..2 {
        s.push_str(CLAUSES[rng.random_range(0..CLAUSES.len())]);
        s.push('，');
    }
    for _ in 0..40 {
        s.push(chars[rng.random_range(0..chars.len())]);
    }
    s.push('。');
    s
}

/// A county's, district's or city's name, unique for the first 27,000.
fn unique_issuer(k: usize) -> String {
    const A: &str = "青临东南北西石安长白金银玉清丰永宁和平兴福华新阳山河湖泉林松云";
    const B: &str = "江川原峰岭溪桥坪湾塘口关门城台田沟洲滩坝庄集堡店寨营铺屯岗";
    const C: &str = "甲乙丙丁戊己庚辛壬癸春夏秋冬梅兰竹菊松柏桃李杏梨枫桂荷莲蒲苇";
    let (a, b, c): (Vec<char>, Vec<char>, Vec<char>) = (
        A.chars().collect(),
        B.chars().collect(),
        C.chars().collect(),
    );
    let n = a.len() * b.len() * c.len();
    let tier = ["县", "区", "市"][(k / n) % 3];
    format!(
        "{}{}{}{tier}",
        a[k % a.len()],
        b[(k / a.len()) % b.len()],
        c[(k / (a.len() * b.len())) % c.len()]
    )
}

/// An issuer's name, unique for the first 2,700.
fn issuer_name(k: usize) -> String {
    const A: &str = "青临东南北西石安长白金银玉清丰永宁和平兴福华新阳山河湖泉林松云";
    const B: &str = "江川原峰岭溪桥坪湾塘口关门城台田沟洲滩坝庄集堡店寨营铺屯岗";
    let a: Vec<char> = A.chars().collect();
    let b: Vec<char> = B.chars().collect();
    let tier = ["县", "区", "市"][(k / (a.len() * b.len())) % 3];
    format!("{}{}{tier}", a[k % a.len()], b[(k / a.len()) % b.len()])
}

fn series(n: usize, dir: &std::path::Path, rng: &mut StdRng) {
    const TEMPLATE: &str = include_str!("../tests/fixtures/national/clean-2021-pipes.txt");
    let issuers = n.div_ceil(5);
    let mut bytes = 0usize;
    let mut written = 0usize;
    // The first paragraph of the previous issuer's last report, for copies.
    let mut other: Option<String> = None;
    for k in 0..issuers {
        let place = issuer_name(k);
        let name = format!("{place}人民政府");
        let sub = dir.join(&place);
        std::fs::create_dir_all(&sub).expect("create issuer dir");
        let (mut carried, mut valid) = (rng.random_range(0..3u32), rng.random_range(10..40u32));
        let mut last: Option<Vec<String>> = None;
        for year in 2021..2026 {
            if written == n {
                break;
            }
            let forward = rng.random_range(0..3u32);
            let (issued, repealed) = (rng.random_range(1..7u32), rng.random_range(0..3u32));
            valid = valid + issued - repealed.min(valid);
            let mut prose: Vec<String> = match &last {
                Some(p) if rng.random_ratio(1, 10) => p.clone(),
                _ => (0..4).map(|_| paragraph(rng, &place, year)).collect(),
            };
            if rng.random_ratio(1, 100)
                && let Some(o) = &other
            {
                prose[0] = o.clone();
            }
            let new_n = 10 + forward - carried;
            let text = TEMPLATE
                .replace("某市交通运输局", &name)
                .replace("2023", "{NEXT}")
                .replace("2022", &year.to_string())
                .replace("{NEXT}", &(year + 1).to_string())
                .replace("本局", &format!("本{}", place.chars().last().unwrap()))
                .replace("我局", &format!("我{}", place.chars().last().unwrap()))
                .replace("其中行政规范性文件3件", &format!("其中行政规范性文件{issued}件"))
                .replace("收到政府信息公开申请15件（含上年结转1件）", &format!("收到政府信息公开申请{}件（含上年结转{carried}件）", new_n + 4 + carried))
                .replace("行政规范性文件 | 3 | 1 | 20", &format!("行政规范性文件 | {issued} | {repealed} | {valid}"))
                .replace("一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 1 | 14", &format!("一、本年新收政府信息公开申请数量 | {new_n} | 2 | 0 | 1 | 0 | 1 | {}", new_n + 4))
                .replace("二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1", &format!("二、上年结转政府信息公开申请数量 | {carried} | 0 | 0 | 0 | 0 | 0 | {carried}"))
                .replace("四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1", &format!("四、结转下年度继续办理 | {forward} | 0 | 0 | 0 | 0 | 0 | {forward}"))
                .replace(
                    "健全信息发布审核机制。",
                    &format!("{}\n全年开展政务公开社会评议1次，未发生责任追究情况。", prose.join("\n")),
                );
            let data = text.into_bytes();
            bytes += data.len();
            std::fs::write(sub.join(format!("{year}.txt")), data).expect("write report");
            written += 1;
            carried = forward;
            other = Some(prose[1].clone());
            last = Some(prose);
        }
    }
    eprintln!(
        "{written} reports of {issuers} issuers, {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
