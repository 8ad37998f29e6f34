//! The parsed page as the reader needs it: an arena of the visible elements
//! and text nodes in document order, each text node with its places in the
//! page. What is never report text is left out here, once: `head`, scripts,
//! styles, templates, form controls, comments (Word's `<!--[if gte mso 9]>`
//! blocks are comments) and elements hidden by `display:none` or `hidden`.

use std::collections::HashMap;

use scraper::{Html, Node};

use super::locate::{Locator, Pieces};

pub const NONE: u32 = u32::MAX;

#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<DomNode>,
}

#[derive(Debug)]
pub struct DomNode {
    pub parent: u32,
    pub first_child: u32,
    pub next_sibling: u32,
    pub kind: Kind,
}

#[derive(Debug)]
pub enum Kind {
    Root,
    Element(Tag),
    Text { text: String, pieces: Pieces },
}

#[derive(Debug)]
pub struct Tag {
    /// Lower-case local name (`p`, `td`, `o:p` is `p`'s namesake `o:p`).
    pub name: String,
    pub rowspan: u32,
    pub colspan: u32,
}

impl Dom {
    /// The arena of `html`, parsed from `src` (whose places the text nodes get).
    pub fn build(html: &Html, src: &str) -> Dom {
        let mut locator = Locator::new(src);
        let mut nodes = vec![DomNode {
            parent: NONE,
            first_child: NONE,
            next_sibling: NONE,
            kind: Kind::Root,
        }];
        let mut last_child = vec![NONE];
        let mut index = HashMap::new();
        let root = html.tree.root();
        index.insert(root.id(), 0u32);
        // Pre-order: a node's parent is met before it, so a node whose parent
        // was left out is left out too.
        for node in root.descendants().skip(1) {
            let kind = match node.value() {
                Node::Text(t) => {
                    let pieces = locator.locate(t);
                    Kind::Text {
                        text: t.to_string(),
                        pieces,
                    }
                }
                Node::Comment(c) => {
                    // Located only to move the cursor past it.
                    locator.locate(c);
                    continue;
                }
                Node::Element(e) => {
                    let name = e.name().to_ascii_lowercase();
                    if dropped(&name)
                        || e.attr("hidden").is_some()
                        || e.attr("style").is_some_and(hides)
                    {
                        continue;
                    }
                    Kind::Element(Tag {
                        rowspan: span(e.attr("rowspan")),
                        colspan: span(e.attr("colspan")),
                        name,
                    })
                }
                _ => continue,
            };
            let Some(&parent) = node.parent().and_then(|p| index.get(&p.id())) else {
                continue;
            };
            let me = u32::try_from(nodes.len()).expect("fewer nodes than bytes");
            if matches!(kind, Kind::Element(_)) {
                index.insert(node.id(), me);
            }
            nodes.push(DomNode {
                parent,
                first_child: NONE,
                next_sibling: NONE,
                kind,
            });
            last_child.push(NONE);
            let prev = last_child[parent as usize];
            if prev == NONE {
                nodes[parent as usize].first_child = me;
            } else {
                nodes[prev as usize].next_sibling = me;
            }
            last_child[parent as usize] = me;
        }
        Dom { nodes }
    }

    pub fn tag(&self, n: u32) -> Option<&Tag> {
        match &self.nodes[n as usize].kind {
            Kind::Element(t) => Some(t),
            _ => None,
        }
    }

    pub fn name(&self, n: u32) -> &str {
        self.tag(n).map_or("", |t| t.name.as_str())
    }

    pub fn children(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(
            Some(self.nodes[n as usize].first_child).filter(|&c| c != NONE),
            |&c| Some(self.nodes[c as usize].next_sibling).filter(|&s| s != NONE),
        )
    }

    /// The `body` element, else the root (a fragment).
    pub fn body(&self) -> u32 {
        let html = self.children(0).find(|&c| self.name(c) == "html");
        html.and_then(|h| self.children(h).find(|&c| self.name(c) == "body"))
            .unwrap_or(0)
    }
}

/// Elements whose content is never report text.
fn dropped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "title"
            | "meta"
            | "link"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "select"
            | "textarea"
            | "button"
            | "input"
            | "option"
            | "datalist"
            | "xml"
            | "audio"
            | "video"
            | "map"
    )
}

/// `display:none` or `visibility:hidden` in a style attribute.
fn hides(style: &str) -> bool {
    let folded: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    folded.contains("display:none") || folded.contains("visibility:hidden")
}

/// A `rowspan`/`colspan` value read leniently, as browsers do: leading
/// digits after blanks (`"2"`, `2px`, ` 3`); anything else, or 0, is 1.
pub fn span(value: Option<&str>) -> u32 {
    let Some(v) = value else { return 1 };
    let digits: String = v
        .trim_start()
        .trim_start_matches('+')
        .chars()
        .take_while(char::is_ascii_digit)
        .take(9)
        .collect();
    digits.parse::<u32>().ok().filter(|&n| n > 0).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_lenient() {
        assert_eq!(span(Some("3")), 3);
        assert_eq!(span(Some(" 2px")), 2);
        assert_eq!(span(Some("abc")), 1);
        assert_eq!(span(Some("0")), 1);
        assert_eq!(span(Some("-4")), 1);
        assert_eq!(span(Some("99999999999999")), 999_999_999);
        assert_eq!(span(None), 1);
    }

    #[test]
    fn hidden_and_non_text_elements_are_left_out() {
        let page = "<head><title>T</title></head><body><p style='DISPLAY: NONE'>a</p><script>b</script><!--[if gte mso 9]><xml>c</xml><![endif]--><p hidden>d</p><p>e</p></body>";
        let html = Html::parse_document(page);
        let dom = Dom::build(&html, page);
        let texts: Vec<&str> = dom
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                Kind::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["e"]);
    }
}
