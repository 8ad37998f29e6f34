//! `value-mismatch` / `unverifiable`: two figures that must be equal —
//! applications received and applications answered. 「已全部答复」 states
//! equality; when neither a count nor such a phrase is given, the check
//! cannot be made (`unverifiable`). One kind, two checks: a rule's `check`
//! says which of the two outcomes it reports.

use crate::analysis::Analysis;
use crate::engine::PackRegex;
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::breakdown::label;
use crate::diagnostic::Label;
use crate::engine::{Findings, KindSpec, RuleCheck, params};

pub const KIND: KindSpec = KindSpec {
    names: &["value-mismatch", "unverifiable"],
    checks: &["value-mismatch", "unverifiable"],
    vars: &["left", "right", "left-value", "right-value", "unit", "diff"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// What the first figure is, for messages (收到的申请).
            left_name: String,
            right_name: String,
            /// Verbs before the first figure (收到, 受理).
            left: Vec<String>,
            /// Verbs before the second figure (答复, 回复, 办结).
            right: Vec<String>,
            /// The first figure's clause must also mention one of these (申请).
            #[serde(default)]
            context: Vec<String>,
            /// Phrases that state the two are equal (「已全部答复」).
            #[serde(default)]
            equal_when: Option<Spanned<String>>,
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(ValuePair {
            unverifiable: ctx.check == "unverifiable",
            equal_when: p.equal_when.as_ref().map(|r| ctx.regex(r)).transpose()?,
            left_name: p.left_name,
            right_name: p.right_name,
            left: p.left,
            right: p.right,
            context: p.context,
        }))
    },
};

struct ValuePair {
    unverifiable: bool,
    left_name: String,
    right_name: String,
    left: Vec<String>,
    right: Vec<String>,
    context: Vec<String>,
    equal_when: Option<PackRegex>,
}

impl RuleCheck for ValuePair {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        for (si, s) in doc.sentences.iter().enumerate() {
            let from = doc.quantity_index(s.span.start);
            let to = doc.quantity_index(s.span.end);
            for li in from..to {
                let lq = &doc.quantities[li];
                let lab = doc.shown(label(doc, s.span.start, lq.span.start));
                let has = |words: &[String]| words.iter().any(|w| lab.contains(w.as_str()));
                if lq.approx
                    || lq.unit.is_none()
                    || !has(&self.left)
                    || (!self.context.is_empty() && !has(&self.context))
                {
                    continue;
                }
                // The counterpart may follow in this sentence or the next one.
                let window_end = doc
                    .sentences
                    .get(si + 1)
                    .filter(|n| n.paragraph == s.paragraph)
                    .map_or(s.span.end, |n| n.span.end);
                let right = (li + 1..doc.quantity_index(window_end).min(li + 32)).find(|&ri| {
                    let rq = &doc.quantities[ri];
                    let rs = doc
                        .sentence_at(rq.span.start)
                        .map_or(s.span.start, |k| doc.sentences[k].span.start);
                    let rl = doc.shown(label(doc, rs.max(lq.span.end), rq.span.start));
                    rq.unit == lq.unit
                        && self.right.iter().any(|w| rl.contains(w.as_str()))
                        && !self.left.iter().any(|w| rl.contains(w.as_str()))
                });
                let window = &doc.text[lq.span.end..window_end];
                let stated_equal = self.equal_when.as_ref().is_some_and(|r| r.is_match(window));
                let unit = lq.unit.unwrap_or("");
                match right {
                    Some(ri) if !self.unverifiable => {
                        let rq = &doc.quantities[ri];
                        if rq.value != lq.value && !rq.approx {
                            out.emit(
                                rq.number,
                                Some(format!("{} {} {unit}", self.right_name, rq.shown())),
                                &self.vars(
                                    lq.shown(),
                                    rq.shown(),
                                    unit,
                                    (lq.value - rq.value).abs().normalize().to_string(),
                                ),
                                vec![Label::new(
                                    lq.number,
                                    format!("{} {} {unit}", self.left_name, lq.shown()),
                                )],
                            );
                        }
                    }
                    None if self.unverifiable && !stated_equal && !lq.value.is_zero() => {
                        out.emit(
                            lq.number,
                            Some(format!("{} {} {unit}", self.left_name, lq.shown())),
                            &self.vars(lq.shown(), String::new(), unit, String::new()),
                            Vec::new(),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}

impl ValuePair {
    fn vars(&self, l: String, r: String, unit: &str, diff: String) -> Vec<(&'static str, String)> {
        vec![
            ("left", self.left_name.clone()),
            ("right", self.right_name.clone()),
            ("left-value", l),
            ("right-value", r),
            ("unit", unit.to_string()),
            ("diff", diff),
        ]
    }
}
