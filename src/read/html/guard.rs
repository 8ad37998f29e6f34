//! A bound on element nesting before html5ever sees the page. Its tree
//! builder looks through the stack of open elements for many tags (`<div>`
//! checks for an open `<p>`, `</div>` for its `<div>`), so 100 000 nested
//! `<div>`s take minutes; browsers cap the depth too (Blink at 512). Start
//! tags past `MAX_DEPTH` — counted naively on the tokens, end tags
//! subtracting — are blanked out (replaced by as many spaces, line ends kept,
//! so every line and column of the page stays where it was).

use std::borrow::Cow;

/// Deeper than any real page (Word-exported reports nest 20–40 deep).
pub const MAX_DEPTH: usize = 256;

/// The page with start tags nested past `MAX_DEPTH` blanked.
pub fn bound_nesting(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let s = i + off;
        let rest = &b[s..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[4..], b"-->").map_or(b.len(), |e| s + 4 + e + 3);
            continue;
        }
        let Some(&next) = rest.get(1) else { break };
        if next == b'/' || next.is_ascii_alphabetic() {
            let closing = next == b'/';
            let name_start = s + 1 + usize::from(closing);
            let name_end = b[name_start..]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_')))
                .map_or(b.len(), |p| name_start + p);
            let name = b[name_start..name_end].to_ascii_lowercase();
            let end = tag_end(b, name_end);
            i = end;
            if name.is_empty() {
                continue;
            }
            if closing {
                if counted(&name) {
                    depth = depth.saturating_sub(1);
                }
                continue;
            }
            if RAW_TEXT.contains(&name.as_slice()) {
                i = raw_text_end(b, end, &name);
                continue;
            }
            if counted(&name) {
                if depth >= MAX_DEPTH {
                    blank.push((s, end));
                } else {
                    depth += 1;
                }
            }
            continue;
        }
        i = if matches!(next, b'!' | b'?') {
            tag_end(b, s + 1)
        } else {
            s + 1
        };
    }
    if blank.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (s, e) in blank {
        out.push_str(&text[from..s]);
        out.extend(
            text[s..e]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        from = e;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// Elements whose content the tokenizer reads as text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// Void elements and those whose end tag is optional (a new `<p>`, `<li>`,
/// `<td>` closes the open one) do not nest by themselves.
fn counted(name: &[u8]) -> bool {
    !matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rt"
            | b"rtc"
            | b"rp"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// The offset after the `>` closing a tag, skipping quoted attribute values.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut after_eq = false;
    while i < b.len() {
        let c = b[i];
        if c == b'>' {
            return i + 1;
        }
        if after_eq && matches!(c, b'"' | b'\'') {
            i = memchr::memchr(c, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
            after_eq = false;
            continue;
        }
        if c == b'=' {
            after_eq = true;
        } else if !c.is_ascii_whitespace() {
            after_eq = false;
        }
        i += 1;
    }
    b.len()
}

/// The offset of the `</name` ending a raw-text element (the end of the page if none).
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let s = i + off;
        if b.get(s + 1) == Some(&b'/')
            && b.len() >= s + 2 + name.len()
            && b[s + 2..s + 2 + name.len()].eq_ignore_ascii_case(name)
        {
            return s;
        }
        i = s + 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_blanked_keeping_lines_and_columns() {
        let page = format!(
            "{}\n<p>x</p>{}",
            "<div class=a>".repeat(MAX_DEPTH + 2),
            "</div>".repeat(MAX_DEPTH + 2)
        );
        let bounded = bound_nesting(&page);
        assert_eq!(bounded.chars().count(), page.chars().count());
        assert_eq!(bounded.matches("<div").count(), MAX_DEPTH);
        assert!(bounded.contains("\n<p>x</p>"));
        // Balanced pages, void and optional-end tags, scripts and comments: untouched.
        let page = format!(
            "{}<script>{}</script><!--{}-->",
            "<div><p>a<br><li>b<img src='>'></div>".repeat(MAX_DEPTH * 2),
            "<div>".repeat(MAX_DEPTH * 2),
            "<div>".repeat(MAX_DEPTH * 2)
        );
        assert!(matches!(bound_nesting(&page), Cow::Borrowed(_)));
    }
}
