//! `outline-mismatch`: the structure a report declares (「由…八个部分组成」,
//! 「以下四方面工作」) against its real headings. Titles are paraphrased, so
//! listed parts are matched to headings by similarity, best pairs first.

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::diagnostic::Label;
use crate::document::{DeclaredOutline, Document, Heading};
use crate::engine::{Findings, KindSpec, RuleCheck, heading_text, params};
use crate::numbers::cjk::numeral as cjk_numeral;
use crate::source::text::TitleKey;

pub const KIND: KindSpec = KindSpec {
    names: &["outline-mismatch"],
    checks: &["outline-mismatch"],
    vars: &["details"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Least similarity (0–1) for a listed part to match a heading.
            #[serde(default = "default_threshold")]
            similarity: f32,
            /// Also check 「以下N方面」 against the sub-headings that follow.
            #[serde(default = "yes")]
            list_counts: bool,
        }
        fn default_threshold() -> f32 {
            0.3
        }
        fn yes() -> bool {
            true
        }
        let p: Params = params(p, ctx)?;
        if !(0.0..=1.0).contains(&p.similarity) {
            return Err(ctx.error(None, "similarity 必须在 0 到 1 之间"));
        }
        Ok(Box::new(OutlineMismatch {
            similarity: p.similarity,
            list_counts: p.list_counts,
        }))
    },
};

struct OutlineMismatch {
    similarity: f32,
    list_counts: bool,
}

impl RuleCheck for OutlineMismatch {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        if let Some(decl) = &doc.declared {
            self.check_declared(doc, decl, out);
        }
        if self.list_counts {
            check_list_counts(doc, out);
        }
    }
}

impl OutlineMismatch {
    /// 「…存在的主要问题及改进情况及其他需要报告的事项」: without a stated count,
    /// a listed part whose halves around 及/以及/和 each match a heading
    /// better than the whole is two parts.
    fn split_joined(
        &self,
        doc: &Document,
        decl: &DeclaredOutline,
        tops: &[&Heading],
    ) -> DeclaredOutline {
        let mut out = decl.clone();
        if decl.count.is_some() || decl.parts.len() >= tops.len() {
            return out;
        }
        let keys: Vec<TitleKey> = tops
            .iter()
            .map(|h| TitleKey::new(doc.slice(h.title)))
            .collect();
        let best = |t: &str| {
            let t = TitleKey::new(t);
            keys.iter().map(|k| t.similarity(k)).fold(0.0f32, f32::max)
        };
        let mut i = 0;
        while i < out.parts.len() && out.parts.len() < tops.len() {
            let p = out.parts[i].clone();
            let whole = best(&p.text);
            let split = p
                .text
                .match_indices("及")
                .chain(p.text.match_indices("和"))
                .find_map(|(at, j)| {
                    let (l, r) = (&p.text[..at], &p.text[at + j.len()..]);
                    let ok = !l.is_empty()
                        && !r.is_empty()
                        && best(l) >= self.similarity
                        && best(r) >= self.similarity
                        && best(r) > whole;
                    ok.then_some((at, j.len()))
                });
            if let Some((at, jl)) = split {
                let right = crate::document::DeclaredPart {
                    text: p.text[at + jl..].to_string(),
                    span: crate::source::span::Span::new(p.span.start + at + jl, p.span.end),
                };
                out.parts[i] = crate::document::DeclaredPart {
                    text: p.text[..at].to_string(),
                    span: crate::source::span::Span::new(p.span.start, p.span.start + at),
                };
                out.parts.insert(i + 1, right);
            }
            i += 1;
        }
        out
    }

    fn check_declared(&self, doc: &Document, decl: &DeclaredOutline, out: &mut Findings<'_>) {
        let tops: Vec<&Heading> = doc.top_level().collect();
        if tops.is_empty() {
            return;
        }
        let decl = &self.split_joined(doc, decl, &tops);
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        let keys: Vec<TitleKey> = tops
            .iter()
            .map(|h| TitleKey::new(doc.slice(h.title)))
            .collect();
        for (pi, part) in decl.parts.iter().enumerate() {
            let part_key = TitleKey::new(&part.text);
            for (hi, key) in keys.iter().enumerate() {
                let s = part_key.similarity(key);
                if s >= self.similarity {
                    pairs.push((s, pi, hi));
                }
            }
        }
        // Best pairs first; ties in document order, so the result is stable.
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut part_done = vec![false; decl.parts.len()];
        let mut head_done = vec![false; tops.len()];
        for (_, pi, hi) in pairs {
            if !part_done[pi] && !head_done[hi] {
                part_done[pi] = true;
                head_done[hi] = true;
            }
        }
        let declared = decl.count.unwrap_or(decl.parts.len() as u32);
        let count_off = declared as usize != tops.len();
        let missing: Vec<usize> = (0..decl.parts.len()).filter(|&i| !part_done[i]).collect();
        let unlisted: Vec<usize> = (0..tops.len()).filter(|&i| !head_done[i]).collect();
        if !count_off && missing.is_empty() && unlisted.is_empty() {
            return;
        }
        let mut details = Vec::new();
        if count_off {
            // 「由…八个部分组成」 states a count; 「报告全文包括…」 only lists the parts.
            let verb = if decl.count.is_some() {
                "声明"
            } else {
                "列出"
            };
            details.push(format!(
                "{verb}{}个部分，正文有{}个一级标题",
                cjk_numeral(declared),
                tops.len()
            ));
        }
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|&i| format!("「{}」", decl.parts[i].text))
                .collect();
            details.push(format!("列出但正文中没有：{}", names.join("")));
        }
        if !unlisted.is_empty() {
            let names: Vec<String> = unlisted
                .iter()
                .map(|&i| format!("「{}」", heading_text(doc, tops[i])))
                .collect();
            details.push(format!("正文有但未列出：{}", names.join("")));
        }
        let mut labels = Vec::new();
        if let Some(cs) = decl.count_span.filter(|_| count_off) {
            labels.push(Label::new(
                cs,
                format!("声明{}个部分", cjk_numeral(declared)),
            ));
        }
        labels.extend(
            missing
                .iter()
                .map(|&i| Label::new(decl.parts[i].span, "正文中没有这一部分")),
        );
        labels.extend(
            unlisted
                .iter()
                .map(|&i| Label::new(tops[i].span, "声明中没有列出")),
        );
        out.emit(
            decl.head,
            Some("报告声明的结构".into()),
            &[("details", details.join("；"))],
            labels,
        );
    }
}

/// 「做好以下四方面工作：」 must be followed by four sibling sub-headings.
fn check_list_counts(doc: &Document, out: &mut Findings<'_>) {
    for (count, pi) in &doc.list_counts {
        let Some(first) = doc.paragraphs.get(pi + 1).and_then(|p| p.heading) else {
            continue;
        };
        let level = doc.headings[first].level;
        let parent = doc.headings[first].parent;
        let items: Vec<&Heading> = doc.headings[first..]
            .iter()
            .take_while(|h| h.level >= level)
            .filter(|h| h.level == level && h.parent == parent)
            .collect();
        if items.len() as u32 == count.count {
            continue;
        }
        let labels = items
            .iter()
            .map(|h| Label::new(h.marker, "列出的一项"))
            .collect();
        out.emit(
            count.span,
            Some(format!("声明{}项", cjk_numeral(count.count))),
            &[(
                "details",
                format!(
                    "声明以下{}项，其后实际列出{}项",
                    cjk_numeral(count.count),
                    items.len()
                ),
            )],
            labels,
        );
    }
}
