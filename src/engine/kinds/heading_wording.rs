//! `heading-wording`: a required section's heading written with a typo — it
//! differs from the format's title by one or two characters inserted,
//! dropped or changed inside it (「四、政府信息公开行政法复议、行政诉讼情况」 for
//! 「四、政府信息公开行政复议、行政诉讼情况」).
//!
//! Why it stays quiet: the titles are the pack's `[[section]]` names; a
//! heading written exactly so anywhere in the outline settles it; the
//! comparison ignores blanks, punctuation, quotes and widths (「、」 or 「，」
//! between two parts is no wording) and the pack's `ignored` characters —
//! the words that join parts and the particle 的 (「存在的主要问题和改进情况」,
//! 「行政复议和行政诉讼情况」, 「申请的情况」 are accepted variants, not
//! slips); an edit at either end is a variant, not a typo (a
//! heading that adds 「因」 before or drops 「情况」 after says the same
//! thing); and a heading differing by more is another wording, not a slip.

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::diagnostic::Label;
use crate::document::marker::parse_marker;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::text::fold_char;

pub const KIND: KindSpec = KindSpec {
    names: &["heading-wording"],
    checks: &["wording"],
    vars: &["found", "expected"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Characters not compared (conjunctions, 的): writing them or
            /// not, or one for another, is a variant.
            #[serde(default)]
            ignored: Vec<char>,
            /// Most characters a typo changes (default 2).
            #[serde(default = "two")]
            max_edits: usize,
        }
        fn two() -> usize {
            2
        }
        let p: Params = params(p, ctx)?;
        let norm = Norm { ignored: p.ignored };
        let titles = ctx
            .sections
            .values()
            .map(|s| {
                let name = s.name.as_str();
                let words = parse_marker(name).map_or(name, |m| &name[m.text_start..]);
                (s.name.clone(), norm.apply(words))
            })
            // A short title (「总体情况」) has no room for a typo that is not
            // another word.
            .filter(|(_, t)| t.len() >= 6)
            .collect();
        Ok(Box::new(HeadingWording {
            titles,
            norm,
            max_edits: p.max_edits.clamp(1, 3),
        }))
    },
};

struct Norm {
    ignored: Vec<char>,
}

impl Norm {
    /// Whether a character of a title is compared: not a blank, punctuation,
    /// a quote, or an ignored character.
    fn compared(&self, c: char) -> bool {
        let c = fold_char(c);
        c.is_alphanumeric() && !self.ignored.contains(&c)
    }

    /// The title as compared: its compared characters, folded.
    fn apply(&self, s: &str) -> Vec<char> {
        s.chars()
            .filter(|&c| self.compared(c))
            .map(fold_char)
            .collect()
    }
}

struct HeadingWording {
    /// (the section's name as the pack writes it, its words normalised).
    titles: Vec<(String, Vec<char>)>,
    norm: Norm,
    max_edits: usize,
}

impl RuleCheck for HeadingWording {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let headings: Vec<(usize, Vec<char>)> = doc
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| (i, self.norm.apply(doc.slice(h.title))))
            .collect();
        for (name, title) in &self.titles {
            // Each heading's best match: its words, or the start of them when
            // a flattened page ran the title into the text after it
            // (「四、…行政诉讼情况行政复议 行政诉讼…」).
            let best = headings
                .iter()
                .filter_map(|(i, h)| self.distance(h, title).map(|(d, n)| (d, *i, n)))
                .min();
            let Some((d, i, n)) = best else { continue };
            if d == 0 {
                continue;
            }
            let h = &doc.headings[i];
            // The heading as far as its first `n` compared characters.
            let words = doc.slice(h.title);
            let mut kept = 0;
            let end = words
                .char_indices()
                .find(|&(_, c)| {
                    kept += usize::from(self.norm.compared(c));
                    kept == n
                })
                .map_or(words.len(), |(at, c)| at + c.len_utf8());
            let span = crate::source::span::Span::new(h.title.start, h.title.start + end);
            let found = format!("{}{}", doc.slice(h.marker), &words[..end]);
            out.emit(
                span,
                Some("与规定标题不一致".into()),
                &[("found", found), ("expected", name.clone())],
                Vec::<Label>::new(),
            );
        }
    }
}

impl HeadingWording {
    /// How far heading `h` (normalised) is from `title`: 0 when it is the
    /// title or starts with it; 1..=max_edits for an edit inside the title
    /// (both ends the title's); `None` when it is another heading. With
    /// the distance, how many of the heading's characters were compared.
    fn distance(&self, h: &[char], title: &[char]) -> Option<(usize, usize)> {
        if h.starts_with(title) {
            return Some((0, title.len()));
        }
        let lens = title.len().saturating_sub(self.max_edits)..=title.len() + self.max_edits;
        lens.filter(|&n| n >= 4 && n <= h.len())
            .map(|n| &h[..n])
            .filter(|w| w[..2] == title[..2] && w[w.len() - 2..] == title[title.len() - 2..])
            .map(|w| (edits(w, title, self.max_edits), w.len()))
            .filter(|(d, _)| (1..=self.max_edits).contains(d))
            .min()
    }
}

/// Levenshtein distance of `a` and `b`, or `limit + 1` once it is past `limit`.
fn edits(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edits(&c("行政法复议"), &c("行政复议"), 2), 1);
        assert_eq!(edits(&c("行政复议"), &c("行政复议"), 2), 0);
        assert_eq!(edits(&c("abcdef"), &c("uvwxyz"), 2), 3);
    }
}
