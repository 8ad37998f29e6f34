//! `misspelling`: a dictionary of known misspellings, as the `typos` tool
//! keeps one — each entry a wrong form that is never correct Chinese and the
//! form meant (「残差不齐」 → 「参差不齐」). The list is the pack's data; the
//! code only finds the entries, reads hard-wrapped lines joined, and keeps
//! an entry from firing inside a longer correct word (`allow`) or, for
//! entries that are only wrong before a date (「截止2023年」), anywhere else.

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::engine::{Findings, KindSpec, PackRegex, RuleCheck, params};

pub const KIND: KindSpec = KindSpec {
    names: &["misspelling"],
    checks: &["wording"],
    vars: &["wrong", "right"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// `[wrong, right]` pairs: the wrong form is wrong wherever it stands.
            words: Vec<(String, String)>,
            /// `[wrong, right]` pairs wrong only right before a figure (a
            /// date): 「截止2023年12月31日」, not 「截止日期」.
            #[serde(default)]
            before_figures: Vec<(String, String)>,
            /// Correct words that contain a wrong form: no finding inside them.
            #[serde(default)]
            allow: Vec<String>,
        }
        let p: Params = params(p, ctx)?;
        let mut entries = Vec::new();
        let pairs = p.words.into_iter().map(|w| (w, false));
        for ((wrong, right), before_figure) in
            pairs.chain(p.before_figures.into_iter().map(|w| (w, true)))
        {
            if wrong.is_empty() || wrong == right {
                return Err(ctx.error(
                    None,
                    format!("错别字条目「{wrong}」无效：错误写法为空或与正确写法相同"),
                ));
            }
            entries.push(Entry {
                wrong,
                right,
                before_figure,
            });
        }
        // One pass over the text for all the entries (a literal set), the
        // longest form first where one is the start of another.
        let mut forms: Vec<&str> = entries.iter().map(|e| e.wrong.as_str()).collect();
        forms.sort_by_key(|w| std::cmp::Reverse(w.len()));
        forms.dedup();
        let pattern = forms
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        let finder = if forms.is_empty() {
            None
        } else {
            Some(ctx.regex(&toml::Spanned::new(ctx.rule_span.range(), pattern))?)
        };
        Ok(Box::new(Misspelling {
            entries,
            finder,
            allow: p.allow,
        }))
    },
};

struct Entry {
    wrong: String,
    right: String,
    /// Wrong only when a figure follows.
    before_figure: bool,
}

struct Misspelling {
    entries: Vec<Entry>,
    /// Every entry's wrong form, one alternation.
    finder: Option<PackRegex>,
    allow: Vec<String>,
}

/// A char that starts a figure: digits of either width and Chinese numerals.
fn is_figure(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十两半百千万".contains(c)
}

impl RuleCheck for Misspelling {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        let Some(finder) = &self.finder else { return };
        for p in doc.paragraphs.iter().filter(|p| !p.table_cell) {
            let joined = doc.joined(p.span);
            let text = joined.text();
            for m in finder.find_iter(text) {
                let (at, end) = (m.start(), m.end());
                let next = text[end..].trim_start_matches(' ').chars().next();
                for e in self.entries.iter().filter(|e| e.wrong == m.as_str()) {
                    // 「仍在不足一半」 reads as a figure's bound, 「截止日期」 as
                    // a noun: a figure after the form decides both ways.
                    if next.is_some_and(is_figure) != e.before_figure
                        || self.inside_allowed(text, at, &e.wrong)
                    {
                        continue;
                    }
                    out.emit(
                        joined.span(at, end),
                        Some(format!("应为「{}」", e.right)),
                        &[("wrong", e.wrong.clone()), ("right", e.right.clone())],
                        Vec::new(),
                    );
                }
            }
        }
    }
}

impl Misspelling {
    /// The wrong form at `at` is part of an allowed word written there.
    fn inside_allowed(&self, text: &str, at: usize, wrong: &str) -> bool {
        self.allow.iter().any(|a| {
            a.match_indices(wrong).any(|(k, _)| {
                at.checked_sub(k)
                    .and_then(|from| text.get(from..))
                    .is_some_and(|t| t.starts_with(a.as_str()))
            })
        })
    }
}
