//! `repeated-word`: the same word of two or more Chinese characters written
//! twice in a row (信息信息), with an allow-list for intended reduplication.

use crate::analysis::Analysis;
use crate::engine::PackRegex;
use serde::Deserialize;
use toml::Spanned;

use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::text::is_han;

pub const KIND: KindSpec = KindSpec {
    names: &["repeated-word"],
    checks: &["repeated-word"],
    vars: &["word"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Doubled forms that are correct Chinese (研究研究, 一步一步).
            #[serde(default)]
            allow: Vec<String>,
            /// Doubled forms matching this regex are allowed too.
            #[serde(default)]
            allow_regex: Option<Spanned<String>>,
            /// Longest word (in characters) to look for.
            #[serde(default = "four")]
            max_len: usize,
            /// Words a doubled word may end and begin across a word boundary:
            /// in 「县人民政府政府信息公开」 the first 政府 ends 人民政府 and the
            /// second begins 政府信息 — no word is written twice.
            #[serde(default)]
            compounds: Vec<String>,
        }
        fn four() -> usize {
            4
        }
        let p: Params = params(p, ctx)?;
        let allow_regex = p.allow_regex.as_ref().map(|r| ctx.regex(r)).transpose()?;
        Ok(Box::new(RepeatedWord {
            compounds: p.compounds,
            allow: p.allow,
            allow_regex,
            max_len: p.max_len.clamp(2, 16),
        }))
    },
};

struct RepeatedWord {
    compounds: Vec<String>,
    allow: Vec<String>,
    allow_regex: Option<PackRegex>,
    max_len: usize,
}

impl RuleCheck for RepeatedWord {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let mut chars: Vec<(usize, char)> = Vec::new();
        for p in doc.paragraphs.iter().filter(|p| !p.table_cell) {
            // Hard-wrapped lines are read joined: 「审核\n审核」 is written twice.
            let joined = doc.joined(p.span);
            // A repeat never spans a 。！？ or a cut inside a run of Han chars.
            for (base, text) in crate::source::text::pieces(joined.text(), 4096, is_han) {
                chars.clear();
                chars.reserve(text.len());
                chars.extend(text.char_indices());
                let mut i = 0;
                while i < chars.len() {
                    match self.repeat_at(&chars, i) {
                        Some(n) => {
                            let start = chars[i].0;
                            let end = chars.get(i + 2 * n).map_or(text.len(), |c| c.0);
                            let doubled = &text[start..end];
                            let word = &text[start..chars[i + n].0];
                            let across = self.across_words(
                                &text[..chars[i + n].0],
                                &text[chars[i + n].0..],
                                word,
                            );
                            if !self.allowed(doubled) && !across {
                                out.emit(
                                    joined.span(base + start, base + end),
                                    Some(format!("「{word}」重复")),
                                    &[("word", word.to_string())],
                                    Vec::new(),
                                );
                            }
                            i += 2 * n;
                        }
                        None => i += 1,
                    }
                }
            }
        }
    }
}

impl RepeatedWord {
    /// Length of the shortest word (≥ 2 Han characters) that starts at `i`
    /// and is immediately written again.
    fn repeat_at(&self, chars: &[(usize, char)], i: usize) -> Option<usize> {
        let first = chars[i].1;
        if !is_han(first) {
            return None;
        }
        (2..=self.max_len).find(|&n| {
            i + 2 * n <= chars.len()
                && chars[i + n].1 == first
                && (1..n).all(|k| is_han(chars[i + k].1) && chars[i + k].1 == chars[i + n + k].1)
        })
    }

    /// `before` ends with a compound ending in `word`, and `after` (from the
    /// second `word` on) starts with a longer compound beginning with it.
    fn across_words(&self, before: &str, after: &str, word: &str) -> bool {
        let ends = self
            .compounds
            .iter()
            .any(|c| c.len() > word.len() && c.ends_with(word) && before.ends_with(c.as_str()));
        let begins = self
            .compounds
            .iter()
            .any(|c| c.len() > word.len() && c.starts_with(word) && after.starts_with(c.as_str()));
        ends && begins
    }

    fn allowed(&self, doubled: &str) -> bool {
        self.allow.iter().any(|a| a == doubled)
            || self
                .allow_regex
                .as_ref()
                .is_some_and(|r| r.is_match(doubled))
    }
}
