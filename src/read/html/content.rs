//! Which element of a CMS page holds the report. Pages wrap it in chrome —
//! navigation, breadcrumbs, the 索引号/发布机构 info table, the title again,
//! share buttons, the 版权所有/ICP备 footer — under ids and classes that
//! differ from site to site, so the choice is by text, not by name:
//!
//! 1. every character of text (outside links: navigation is links) counts
//!    for the container of its paragraph — the parent of a `<p>`, `<h2>` or
//!    leaf `<div>`, the element holding a table for a cell — and the
//!    container with the most is the report's body;
//! 2. from there the choice widens to the parent while what the parent adds
//!    is report too: no chrome words (索引号, 版权所有, 当前位置, …) and
//!    either little text (a title or signature outside Word's
//!    `WordSection1`) or paragraphs (a report cut into several sections).
//!
//! A bare fragment has its paragraphs in `body`, which is then the choice.

use super::dom::{Dom, Kind, NONE};
use crate::source::text::is_space;

/// Text the parent may add without paragraphs of its own (a title and a
/// signature with its date).
const SMALL_EXTRA: usize = 80;

/// Words of page chrome, never of a report's text.
const CHROME: &[&str] = &[
    "索引号",
    "发布机构",
    "发文日期",
    "发布日期",
    "发布时间",
    "成文日期",
    "主题分类",
    "浏览次数",
    "版权所有",
    "ICP备",
    "网站标识码",
    "公网安备",
    "当前位置",
    "您的位置",
    "分享到",
    "打印本页",
    "关闭窗口",
    "网站地图",
    "【字体",
    "来源：",
];

/// The element whose content is the report.
pub fn choose(dom: &Dom) -> u32 {
    let n = dom.nodes.len();
    let body = dom.body();
    let mut in_link = vec![false; n];
    let mut block_of = vec![0u32; n];
    let mut table_of = vec![NONE; n];
    let mut has_block_child = vec![false; n];
    let mut weight = vec![0usize; n];
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        let name = dom.name(i as u32);
        in_link[i] = in_link[p] || dom.name(p as u32) == "a";
        table_of[i] = if dom.name(p as u32) == "table" {
            p as u32
        } else {
            table_of[p]
        };
        block_of[i] = if is_block(name) {
            i as u32
        } else {
            block_of[p]
        };
        if is_block(name) {
            has_block_child[p] = true;
        }
    }
    let mut score = vec![0usize; n];
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        if let Kind::Text { text, .. } = &dom.nodes[i].kind
            && !in_link[i]
        {
            let chars = text.chars().filter(|&c| !is_space(c)).count();
            weight[i] += chars;
            score[container(dom, &block_of, &table_of, &has_block_child, body, p) as usize] +=
                chars;
        }
        weight[p] += weight[i];
    }
    let best = (1..n)
        .filter(|&i| dom.tag(i as u32).is_some())
        .max_by(|&a, &b| score[a].cmp(&score[b]).then(b.cmp(&a)));
    let Some(mut chosen) = best.filter(|&b| score[b] > 0) else {
        return body;
    };
    // Subtrees are index ranges in pre-order: [i, end[i]).
    let mut end: Vec<usize> = (1..=n).collect();
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent as usize;
        end[p] = end[p].max(end[i]);
    }
    while chosen != body as usize && chosen != 0 {
        let parent = dom.nodes[chosen].parent as usize;
        if parent == 0 {
            break;
        }
        let outside = (parent..chosen).chain(end[chosen]..end[parent]);
        let (mut extra, mut extra_score, mut chrome) = (0usize, 0usize, false);
        for i in outside.take(1 << 20) {
            extra_score += score[i];
            if let Kind::Text { text, .. } = &dom.nodes[i].kind {
                if !in_link[i] {
                    extra += weight[i];
                }
                chrome |= CHROME.iter().any(|w| text.contains(w));
            }
        }
        let paragraphs = extra_score * 2 >= extra;
        if chrome || !(extra <= SMALL_EXTRA || paragraphs && extra <= 4 * weight[chosen]) {
            break;
        }
        chosen = parent;
    }
    chosen as u32
}

/// The container a text's characters count for (see the module docs).
fn container(
    dom: &Dom,
    block_of: &[u32],
    table_of: &[u32],
    has_block_child: &[bool],
    body: u32,
    parent: usize,
) -> u32 {
    let b = block_of[parent];
    if matches!(dom.name(b), "td" | "th") {
        let t = table_of[b as usize];
        if t != NONE {
            return dom.nodes[t as usize].parent;
        }
    }
    if b == 0 || b == body || has_block_child[b as usize] {
        b
    } else {
        dom.nodes[b as usize].parent
    }
}

/// Elements that start a line of their own (CSS `display: block`, list
/// items and table parts included).
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "blockquote"
            | "pre"
            | "address"
            | "center"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "hr"
            | "table"
            | "caption"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "body"
            | "html"
            | "details"
            | "summary"
            | "dir"
            | "menu"
            | "hgroup"
            | "listing"
            | "xmp"
            | "plaintext"
            | "frameset"
            | "frame"
            | "noframes"
    )
}
