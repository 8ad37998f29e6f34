//! `broken-paragraph`: a paragraph that stops mid-word (no closing
//! punctuation) and a next paragraph that finishes the word
//! (「…方法手」 / 「段。…」), the trace of a page or line break in the export.
//! Not in hard-wrapped text (`Document::hard_wrapped`), where every line ends so.

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::diagnostic::{Edit, Fix, Label};
use crate::document::Paragraph;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::span::Span;
use crate::source::text::{is_han, is_space};

pub const KIND: KindSpec = KindSpec {
    names: &["broken-paragraph"],
    checks: &["broken-paragraph"],
    vars: &["tail", "head"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Longest fragment (in characters) before the first punctuation of
            /// the next paragraph that still reads as the end of a split word.
            #[serde(default = "two")]
            max_fragment: usize,
            /// Short words that legitimately open a paragraph (同时，此外，…).
            #[serde(default)]
            openers: Vec<String>,
        }
        fn two() -> usize {
            2
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(BrokenParagraph {
            max_fragment: p.max_fragment.max(1),
            openers: p.openers,
        }))
    },
};

struct BrokenParagraph {
    max_fragment: usize,
    openers: Vec<String>,
}

const CLAUSE_END: &[char] = &['。', '，', '；', '：', '、', '！', '？'];

impl RuleCheck for BrokenParagraph {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        // Hard-wrapped text (a PDF copy) breaks every line mid-sentence: its
        // line ends are the copy's, not the report's.
        if doc.hard_wrapped() {
            return;
        }
        let body: Vec<&Paragraph> = doc.body_paragraphs().filter(|p| !p.table_cell).collect();
        for pair in body.windows(2) {
            let (p, q) = (pair[0], pair[1]);
            if p.heading.is_some() || q.heading.is_some() {
                continue;
            }
            let (pt, qt) = (doc.slice(p.span), doc.slice(q.span));
            let Some(last) = pt.chars().last() else {
                continue;
            };
            if !is_han(last) || pt.chars().count() < 10 {
                continue;
            }
            let Some(end) = qt.find(CLAUSE_END) else {
                continue;
            };
            let frag = &qt[..end];
            let n = frag.chars().count();
            if n == 0 || n > self.max_fragment || !frag.chars().all(is_han) {
                continue;
            }
            if self.openers.iter().any(|o| o == frag) {
                continue;
            }
            let tail_start = pt.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
            let tail = Span::new(p.span.start + tail_start, p.span.end);
            let head = Span::new(q.span.start, q.span.start + end);
            let vars = [
                ("tail", doc.slice(tail).to_string()),
                ("head", frag.to_string()),
            ];
            let labels = vec![Label::new(head, "下一段接着这个词")];
            // Joining is certain when only a line break and blanks stand
            // between the two halves.
            let gap = Span::new(p.span.end, q.span.start);
            if gap.start < gap.end && doc.slice(gap).chars().all(is_space) {
                let fix = Fix {
                    message: "合并断开的段落".into(),
                    edits: vec![Edit {
                        span: gap,
                        replacement: String::new(),
                    }],
                };
                out.emit_fix(tail, Some("段落在词中断开".into()), &vars, labels, fix);
            } else {
                out.emit(tail, Some("段落在词中断开".into()), &vars, labels);
            }
        }
    }
}
