//! `percent-mismatch`: a stated share or rate against the one computed from
//! its figures, within the precision the percentage is written with
//! (「占1.5%」 is [1.45, 1.55)). Shares are 「A N条，占X%」 of a breakdown's
//! total; rates (办结率) are declared in the pack with their numerator and
//! denominator words.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::analysis::breakdown::label;
use crate::diagnostic::Label;
use crate::document::Document;
use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::numbers::Quantity;
use crate::rules::schema::BreakdownSpec;
use crate::source::text::is_space;

pub const KIND: KindSpec = KindSpec {
    names: &["percent-mismatch"],
    checks: &["percent-mismatch"],
    vars: &["stated", "computed", "part", "base", "what"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Rate {
            name: String,
            numerator: Vec<String>,
            denominator: Vec<String>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            /// Check 「占X%」 shares of this breakdown's totals.
            #[serde(default)]
            breakdown: Option<Spanned<String>>,
            /// Words between a part and its share (占, 占比).
            #[serde(default = "share_words")]
            share_words: Vec<String>,
            #[serde(default)]
            rates: Vec<Rate>,
        }
        fn share_words() -> Vec<String> {
            vec!["占".into(), "约占".into(), "占比".into(), "占比为".into()]
        }
        let p: Params = params(p, ctx)?;
        Ok(Box::new(PercentMismatch {
            spec: p.breakdown.as_ref().map(|b| ctx.breakdown(b)).transpose()?,
            share_words: p.share_words,
            rates: p
                .rates
                .into_iter()
                .map(|r| (r.name, r.numerator, r.denominator))
                .collect(),
        }))
    },
};

struct PercentMismatch {
    spec: Option<std::sync::Arc<BreakdownSpec>>,
    share_words: Vec<String>,
    rates: Vec<(String, Vec<String>, Vec<String>)>,
}

impl RuleCheck for PercentMismatch {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        if let Some(spec) = &self.spec {
            for b in cx.breakdowns(spec).iter() {
                let base = &doc.quantities[b.total];
                for p in &b.parts {
                    let pct = p.quantity + 1;
                    let part = &doc.quantities[p.quantity];
                    if let Some(stated) = doc.quantities.get(pct).filter(|q| q.is_percent())
                        && self.is_share(doc, part, stated)
                    {
                        compare(out, stated, part, base, "占比");
                    }
                }
            }
        }
        for (name, num, den) in &self.rates {
            for (i, q) in doc.quantities.iter().enumerate() {
                if !q.is_percent()
                    || !doc.text[..q.span.start]
                        .trim_end_matches(is_space)
                        .ends_with(name.as_str())
                {
                    continue;
                }
                let Some(si) = doc.sentence_at(q.span.start) else {
                    continue;
                };
                let from = doc
                    .quantity_index(doc.sentences[si].span.start)
                    .max(i.saturating_sub(16));
                let before = &doc.quantities[from..i];
                let find = |words: &[String]| {
                    before.iter().rev().find(|c| {
                        !c.is_percent() && {
                            let l =
                                &doc.shown(label(doc, doc.sentences[si].span.start, c.span.start));
                            let clause = l.rsplit(['，', ',']).next().unwrap_or(l);
                            words.iter().any(|w| clause.contains(w.as_str()))
                        }
                    })
                };
                if let (Some(n), Some(d)) = (find(num), find(den)) {
                    compare(out, q, n, d, name);
                }
            }
        }
    }
}

impl PercentMismatch {
    fn is_share(&self, doc: &Document, part: &Quantity, pct: &Quantity) -> bool {
        let between = doc.text[part.span.end..pct.span.start]
            .trim_matches(|c: char| is_space(c) || "，,".contains(c));
        self.share_words.iter().any(|w| w == between)
    }
}

fn compare(
    out: &mut Findings<'_>,
    stated: &Quantity,
    part: &Quantity,
    base: &Quantity,
    what: &str,
) {
    if base.value.is_zero() || stated.approx || part.approx || base.approx {
        return;
    }
    let Some(computed) = part
        .value
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|v| v.checked_div(base.value))
    else {
        return;
    };
    // 99.8% means [99.75, 99.85): half-open, as rounding half up produces it.
    let lo = stated.value - stated.tolerance;
    let hi = stated.value + stated.tolerance;
    if computed >= lo && computed < hi {
        return;
    }
    let shown = computed.round_dp_with_strategy(
        stated.value.scale() + 1,
        RoundingStrategy::MidpointAwayFromZero,
    );
    out.emit(
        stated.span,
        Some(format!(
            "按 {} ÷ {} 应为 {shown}%",
            part.shown(),
            base.shown()
        )),
        &[
            ("stated", stated.shown()),
            ("computed", shown.to_string()),
            ("part", part.shown()),
            ("base", base.shown()),
            ("what", what.to_string()),
        ],
        vec![
            Label::new(part.number, "分子"),
            Label::new(base.number, "分母"),
        ],
    );
}
