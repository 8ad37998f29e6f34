//! `repeated-phrase`: a phrase of many characters written twice in a row
//! (「…新闻发布会、聚焦新中国成立70周年平潭专场新闻发布会聚焦新中国成立70周年
//! 平潭专场新闻发布会；」) — a copy-paste slip, where `repeated-word` is a
//! typing one. Blanks inside the phrase do not count and may differ between
//! the two copies; a 「、」 or 「，」 may stand between them.
//!
//! Why it stays quiet: a phrase is long (eight characters by default, six
//! of them Han), so parallel constructions (「既要…又要…」) and repeated terms
//! (「政府信息公开工作年度报告和政府信息公开工作要点」) never repeat it
//! *immediately*; a phrase that is itself a short unit repeated
//! (「审核审核审核审核」, 「00000000」) is `repeated-word`'s or a table's;
//! table rows are not read; a heading listed in a declared outline and then
//! written as a heading is in another paragraph.

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::text::{is_han, is_space};

pub const KIND: KindSpec = KindSpec {
    names: &["repeated-phrase"],
    checks: &["repeated-word"],
    vars: &["phrase", "length"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Shortest phrase (characters, blanks not counted).
            #[serde(default = "eight")]
            min_len: usize,
            /// Longest phrase looked for (bounds the work per paragraph).
            #[serde(default = "sixty_four")]
            max_len: usize,
        }
        fn eight() -> usize {
            8
        }
        fn sixty_four() -> usize {
            64
        }
        let p: Params = params(p, ctx)?;
        let min_len = p.min_len.max(6);
        Ok(Box::new(RepeatedPhrase {
            min_len,
            max_len: p.max_len.clamp(min_len, 256),
        }))
    },
};

struct RepeatedPhrase {
    min_len: usize,
    max_len: usize,
}

/// What may stand between the two copies.
fn is_separator(c: char) -> bool {
    matches!(c, '、' | '，' | ',')
}

/// A repeat found: the phrase's first char, its length (chars), and whether
/// a separator stands between the copies.
#[derive(Debug, Clone, Copy)]
struct Repeat {
    at: usize,
    len: usize,
    gap: usize,
}

impl RuleCheck for RepeatedPhrase {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let mut chars: Vec<(usize, char)> = Vec::new();
        let mut recent = Recent::new(self.max_len + 1);
        for p in doc.paragraphs.iter().filter(|p| !p.table_cell) {
            let joined = doc.joined(p.span);
            // A repeat never spans a 。！？ nor a cut in a run of Han chars.
            for (base, text) in crate::source::text::pieces(joined.text(), 4096, is_han) {
                chars.clear();
                chars.extend(text.char_indices().filter(|&(_, c)| !is_space(c)));
                if chars.len() < 2 * self.min_len {
                    continue;
                }
                for r in self.repeats(&chars, &mut recent) {
                    let first = &chars[r.at..r.at + r.len];
                    let second = &chars[r.at + r.len + r.gap..r.at + 2 * r.len + r.gap];
                    let end_of = |c: &(usize, char)| c.0 + c.1.len_utf8();
                    let (a, b) = (first[0].0, end_of(&first[r.len - 1]));
                    let (c, d) = (second[0].0, end_of(&second[r.len - 1]));
                    let phrase = &text[a..b];
                    if table_header(phrase, &text[d..]) {
                        continue;
                    }
                    out.emit(
                        joined.span(base + c, base + d),
                        Some("重复的部分".into()),
                        &[
                            ("phrase", phrase.to_string()),
                            ("length", r.len.to_string()),
                        ],
                        vec![Label::new(joined.span(base + a, base + b), "前面已写过")],
                    );
                }
            }
        }
    }
}

impl RepeatedPhrase {
    /// Immediate repeats in `chars` (blanks removed), left to right, none
    /// overlapping another. A phrase followed by itself at shift `s` has its
    /// two-character pieces recur `s` characters on, so each piece's last
    /// occurrence (`Recent`) proposes a shift, and only those are verified:
    /// the run of characters equal to the ones `s` further on, grown both
    /// ways from the piece, is at least `s` long (copies side by side) or
    /// `s - 1` with a separator after it. Linear in the text but for the
    /// runs verified, which in prose are a few characters.
    fn repeats(&self, chars: &[(usize, char)], recent: &mut Recent) -> Vec<Repeat> {
        let c = |i: usize| chars[i].1;
        let n = chars.len();
        recent.clear();
        let mut found: Vec<Repeat> = Vec::new();
        let mut past = 0;
        for k in 0..n.saturating_sub(1) {
            let Some(j) = recent.swap((c(k), c(k + 1)), k) else {
                continue;
            };
            let s = k - j;
            if k < past || s < self.min_len || s > self.max_len + 1 || j < recent.verified[s] {
                continue;
            }
            let (mut left, mut right) = (j, j + 1);
            while left > 0 && c(left - 1) == c(left - 1 + s) {
                left -= 1;
            }
            while right + 1 + s < n && c(right + 1) == c(right + 1 + s) {
                right += 1;
            }
            // Every later piece of this run proposes the same run: verified
            // once (a text repeating one unit over and over stays linear).
            recent.verified[s] = right + 1;
            let run = right + 1 - left;
            let r = if run >= s && s <= self.max_len {
                Repeat {
                    at: left,
                    len: s,
                    gap: 0,
                }
            } else if run == s - 1 && s > self.min_len && is_separator(c(right + 1)) {
                Repeat {
                    at: left,
                    len: s - 1,
                    gap: 1,
                }
            } else {
                continue;
            };
            let phrase: Vec<char> = chars[r.at..r.at + r.len].iter().map(|c| c.1).collect();
            if phrase.iter().filter(|&&c| is_han(c)).count() < 6 || periodic(&phrase) {
                continue;
            }
            if found
                .last()
                .is_some_and(|l| r.at < l.at + 2 * l.len + l.gap)
            {
                continue;
            }
            past = r.at + 2 * r.len + r.gap;
            found.push(r);
        }
        found
    }
}

/// The last position of each two-character piece of a text: a table of
/// fixed size addressed by the piece's hash (a collision forgets a piece,
/// which at worst misses a repeat), cleared by generation.
struct Recent {
    slots: Vec<(u64, u32, u32)>,
    generation: u32,
    /// Per shift, where the last run verified at that shift ends (exclusive).
    verified: Vec<usize>,
}

impl Recent {
    const BITS: u32 = 12;

    fn new(max_shift: usize) -> Recent {
        Recent {
            slots: vec![(0, 0, 0); 1 << Self::BITS],
            generation: 0,
            verified: vec![0; max_shift + 1],
        }
    }

    fn clear(&mut self) {
        self.verified.fill(0);
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.slots.fill((0, 0, 0));
            self.generation = 1;
        }
    }

    /// Records `pair` at `at`; returns where it was last seen.
    fn swap(&mut self, pair: (char, char), at: usize) -> Option<usize> {
        let key = (u64::from(pair.0) << 32) | u64::from(pair.1);
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize;
        let (k, pos, g) = self.slots[slot];
        self.slots[slot] = (key, at as u32, self.generation);
        (g == self.generation && k == key).then_some(pos as usize)
    }
}

/// A table's header flattened into the text: its column labels repeat for
/// each group of columns (表四's 「结果维持 结果纠正 其他结果 尚未审结 总计」
/// under 复议, then under each kind of 诉讼). Its labels stand apart by
/// blanks between Han characters, which prose never has, or its copies are
/// followed by the row's run of figures (a crawl that glued the cells).
fn table_header(phrase: &str, after: &str) -> bool {
    let cells = phrase
        .split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].ends_with(is_han) && w[1].starts_with(is_han));
    let figures = after
        .trim_start_matches(is_space)
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .count();
    cells || figures >= 6
}

/// `phrase` is a shorter unit written over and over (「审核审核审核审核」).
fn periodic(phrase: &[char]) -> bool {
    let n = phrase.len();
    (1..n)
        .filter(|&q| n.is_multiple_of(q))
        .any(|q| (q..n).all(|j| phrase[j] == phrase[j - q]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, usize)> {
        let chars: Vec<(usize, char)> =
            text.char_indices().filter(|&(_, c)| !is_space(c)).collect();
        RepeatedPhrase {
            min_len: 8,
            max_len: 64,
        }
        .repeats(&chars, &mut Recent::new(65))
        .into_iter()
        .map(|r| {
            let phrase: String = chars[r.at..r.at + r.len].iter().map(|c| c.1).collect();
            (phrase, r.gap)
        })
        .collect()
    }

    #[test]
    fn a_phrase_written_twice() {
        assert_eq!(
            spans(
                "参加了聚焦新中国成立 70 周年专场新闻发布会聚焦新中国成立70 周年专场新闻发布会；"
            ),
            [("聚焦新中国成立70周年专场新闻发布会".to_string(), 0)]
        );
        assert_eq!(
            spans("全面推进基层政务公开标准化规范化、全面推进基层政务公开标准化规范化。"),
            [("全面推进基层政务公开标准化规范化".to_string(), 1)]
        );
        // Pieces that recur inside the phrase itself.
        assert_eq!(
            spans("要加强政府信息公开政府信息管理加强政府信息公开政府信息管理。"),
            [("加强政府信息公开政府信息管理".to_string(), 0)]
        );
        assert!(spans("政府信息公开工作年度报告和政府信息公开工作要点").is_empty());
        assert!(spans("审核审核审核审核审核审核审核审核").is_empty());
        assert!(spans("0000000000000000000000000000").is_empty());
        assert!(spans("既要公开政府信息，又要公开政府信息的解读").is_empty());
    }
}
