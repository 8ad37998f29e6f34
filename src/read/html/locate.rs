//! Where each text node of the tree came from in the page. html5ever keeps no
//! source positions, so the text nodes are found again in the page, in tree
//! order, by a cursor that only moves forward: a node's first literal
//! characters are searched after the previous node, outside tags, and the
//! node is then aligned with the source character by character (entities and
//! line ends start a new piece with its own place). The search is bounded in
//! total, so a hostile page stays linear; a node not found keeps no place and
//! its text takes the place of the text before it.

use crate::source::map::Place;

/// How far past the cursor one node is looked for.
const WINDOW: usize = 1 << 20;

/// Places of a text node: (byte offset in the node's text, its place), increasing.
pub type Pieces = Vec<(usize, Place)>;

pub struct Locator<'s> {
    src: &'s str,
    /// Byte offset of the cursor, and its 1-based line and column.
    pos: usize,
    line: u32,
    column: u32,
    /// Bytes the searches may still scan.
    budget: usize,
}

impl<'s> Locator<'s> {
    pub fn new(src: &'s str) -> Locator<'s> {
        Locator {
            src,
            pos: 0,
            line: 1,
            column: 1,
            budget: src.len().saturating_mul(8).saturating_add(1 << 20),
        }
    }

    fn place(&self) -> Place {
        Place::Line {
            line: self.line,
            column: self.column,
        }
    }

    /// Moves the cursor forward to `to`, counting lines and columns.
    fn advance(&mut self, to: usize) {
        let run = &self.src.as_bytes()[self.pos..to];
        match memchr::memrchr(b'\n', run) {
            Some(nl) => {
                self.line = self
                    .line
                    .saturating_add(memchr::memchr_iter(b'\n', run).count() as u32);
                self.column = 1 + count_chars(&run[nl + 1..]);
            }
            None => self.column = self.column.saturating_add(count_chars(run)),
        }
        self.pos = to;
    }

    /// Finds `text` (a text or comment node's content) after the cursor.
    pub fn locate(&mut self, text: &str) -> Pieces {
        let (k, at) = match needle(text) {
            Some((k, needle)) => match self.find(needle) {
                Some(at) => (k, at),
                None => return Vec::new(),
            },
            // Blanks only (`&nbsp;&nbsp;`, `&#8194;`): the first of them,
            // as itself or as an entity.
            None => {
                let Some((k, c)) = text.char_indices().find(|&(_, c)| !c.is_ascii_whitespace())
                else {
                    return Vec::new();
                };
                let mut buf = [0u8; 4];
                match self.find_first(&[c.encode_utf8(&mut buf), "&"]) {
                    Some(at) => (k, at),
                    None => return Vec::new(),
                }
            }
        };
        let mut pieces = Vec::new();
        if k > 0 {
            // The node starts after the tag before its first literal
            // character (what lies between is blanks and entities).
            let bytes = self.src.as_bytes();
            let start =
                memchr::memrchr(b'>', &bytes[self.pos..at]).map_or(self.pos, |g| self.pos + g + 1);
            self.advance(start);
            pieces.push((0, self.place()));
        }
        self.advance(at);
        pieces.push((k, self.place()));
        self.align(text, k, &mut pieces);
        pieces
    }

    /// The first occurrence of `needle` after the cursor that is not inside a tag.
    fn find(&mut self, needle: &str) -> Option<usize> {
        self.find_first(&[needle])
    }

    /// The first occurrence of any of `needles` after the cursor, not inside a tag.
    fn find_first(&mut self, needles: &[&str]) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let end = self.src.len().min(self.pos.saturating_add(WINDOW));
        let mut from = self.pos;
        let finders: Vec<_> = needles
            .iter()
            .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
            .collect();
        loop {
            if from >= end {
                return None;
            }
            let scanned = (end - from).min(self.budget);
            let hay = &bytes[from..from + scanned];
            let Some(off) = finders.iter().filter_map(|f| f.find(hay)).min() else {
                self.budget -= scanned;
                return None;
            };
            self.budget -= off + 1;
            let at = from + off;
            // Inside a tag when the last `<` or `>` before it is a `<`.
            match memchr::memrchr2(b'<', b'>', &bytes[self.pos..at]) {
                Some(t) if bytes[self.pos + t] == b'<' => from = at + 1,
                _ => return Some(at),
            }
            if self.budget == 0 {
                return None;
            }
        }
    }

    /// Walks the node's text from byte `k` along the source from the cursor,
    /// adding a piece where the two stop running in step (after an entity, a
    /// line end or a skipped tag). Leaves the cursor after the node.
    fn align(&mut self, text: &str, k: usize, pieces: &mut Pieces) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut j = self.pos;
        let mut fresh = false;
        let mut chars = text[k..].char_indices().map(|(i, c)| (k + i, c)).peekable();
        while let Some(&(i, c)) = chars.peek() {
            if self.budget == 0 {
                break;
            }
            self.budget -= 1;
            if fresh {
                self.advance(j);
                pieces.push((i, self.place()));
            }
            let Some(s) = src[j..].chars().next() else {
                break;
            };
            if s == c {
                j += s.len_utf8();
                chars.next();
                fresh = c == '\n';
            } else if s == '&' {
                // An entity: one character of the node (two for a few
                // astral ones, which are rare enough to drift a column).
                let ent = bytes[j + 1..]
                    .iter()
                    .take(40)
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'))
                    .map_or(1, |p| p + 1);
                j += ent;
                if bytes.get(j) == Some(&b';') {
                    j += 1;
                }
                chars.next();
                fresh = true;
            } else if s == '<' {
                // Text merged across an ignored tag or a comment.
                j = if src[j..].starts_with("<!--") {
                    src[j + 4..]
                        .find("-->")
                        .map_or(src.len(), |e| j + 4 + e + 3)
                } else {
                    src[j..].find('>').map_or(src.len(), |e| j + e + 1)
                };
                fresh = true;
            } else {
                break;
            }
        }
        self.advance(j);
    }
}

/// The node's first run of characters written as themselves in the page
/// (not blanks, not characters that may be entities), with its byte offset.
fn needle(text: &str) -> Option<(usize, &str)> {
    // Unicode blanks (NBSP, U+2002, U+3000) are often written as entities.
    let literal =
        |c: char| !(c.is_whitespace() || matches!(c, '&' | '<' | '>' | '"' | '\'' | '\u{FFFD}'));
    let (k, _) = text.char_indices().find(|&(_, c)| literal(c))?;
    let len = text[k..]
        .char_indices()
        .take(16)
        .take_while(|&(_, c)| literal(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((k, &text[k..k + len]))
}

fn count_chars(bytes: &[u8]) -> u32 {
    // Characters are the bytes that do not continue a UTF-8 sequence.
    let n = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, column: u32) -> Place {
        Place::Line { line, column }
    }

    #[test]
    fn nodes_are_found_in_order_outside_tags() {
        let src = "<a title=\"年度\">x</a>\n<p>&nbsp;&nbsp;年度报告\n第二行</p>";
        let mut loc = Locator::new(src);
        assert_eq!(loc.locate("x"), vec![(0, at(1, 15))]);
        let text = "\u{a0}\u{a0}年度报告\n第二行";
        let pieces = loc.locate(text);
        assert_eq!(
            pieces,
            vec![
                (0, at(2, 4)),
                (4, at(2, 16)),
                ("\u{a0}\u{a0}年度报告\n".len(), at(3, 1))
            ]
        );
        // Not found: no place, the cursor stays.
        assert_eq!(loc.locate("不在页面中"), vec![]);
    }

    #[test]
    fn entities_inside_a_node_start_new_pieces() {
        let src = "<p>A&lt;B&#8194;C</p>";
        let mut loc = Locator::new(src);
        assert_eq!(
            loc.locate("A<B\u{2002}C"),
            vec![(0, at(1, 4)), (2, at(1, 9)), (6, at(1, 17))]
        );
    }
}
