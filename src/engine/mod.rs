//! The rule engine: packs compiled into runnable rules (`compile`, `lazy`),
//! one trait for check kinds and their registry (`kinds/`, one file each),
//! the run of a compiled rule set over one report's `Analysis`, and the
//! corpus checks across reports (`corpus`).
//!
//! Each kind lives in its own file, reads its own TOML keys with serde, and is
//! registered in `KINDS`. Adding a kind is a new file plus a line here.

pub mod compile;
pub mod corpus;
pub mod kinds;
pub mod lazy;

use toml::de::ValueDeserializer;

pub use compile::{CompileCtx, CompiledRule, Pack, RuleSet};
pub use lazy::{Lazy, PackRegex, PackRegexSet, REGEX_SIZE_LIMIT};

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Label};
use crate::document::Document;
use crate::rules::schema::fill;
use crate::rules::{FileError, RuleMeta};
use crate::source::span::Span;
use kinds::*;

/// A compiled rule's behaviour. Implementations are immutable and shared by
/// all threads; everything expensive (regexes) is built in `compile`.
pub trait RuleCheck: Send + Sync {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>);
}

/// Compiles one rule's own keys into a runnable check.
pub type CompileFn =
    fn(ValueDeserializer<'_>, &CompileCtx<'_>) -> Result<Box<dyn RuleCheck>, FileError>;

/// A check kind: the names rules use for it, the placeholders its messages
/// may use, and how to compile a rule's own keys.
pub struct KindSpec {
    /// Names a rule gives in `kind` (or in `check`, when it has no `kind`).
    pub names: &'static [&'static str],
    /// The checks (docs/output.md vocabulary) rules of this kind may report.
    pub checks: &'static [&'static str],
    pub vars: &'static [&'static str],
    pub compile: CompileFn,
}

pub const KINDS: &[KindSpec] = &[
    section_missing::KIND,
    outline_mismatch::KIND,
    heading_numbering::KIND,
    heading_wording::KIND,
    enumeration::KIND,
    conversion_artifact::KIND,
    broken_paragraph::KIND,
    repeated_word::KIND,
    repeated_phrase::KIND,
    misspelling::KIND,
    sum_mismatch::KIND,
    duplicate_category::KIND,
    percent_mismatch::KIND,
    value_mismatch::KIND,
    year_mismatch::KIND,
    stat_table::KIND,
    stat_text::KIND,
    table_relation::KIND,
    table_cells::KIND,
    table_text::KIND,
    template::KIND,
    content::KIND,
    late_publication::KIND,
];

pub fn kind(name: &str) -> Option<&'static KindSpec> {
    KINDS.iter().find(|k| k.names.contains(&name))
}

/// The kind a rule without `kind` gets: the one named like its check.
pub fn default_kind(check: &str) -> Option<&'static KindSpec> {
    kind(check)
}

/// Deserializes a kind's own keys (unknown keys are errors with a span).
pub fn params<'de, T: serde::Deserialize<'de>>(
    p: ValueDeserializer<'de>,
    ctx: &CompileCtx<'_>,
) -> Result<T, FileError> {
    T::deserialize(p).map_err(|e| ctx.toml(e))
}

/// Where a running check puts its findings; fills the rule's templates.
pub struct Findings<'a> {
    meta: &'a RuleMeta,
    /// The placeholders the rule's kind declares (checked in debug builds).
    vars: &'static [&'static str],
    out: &'a mut Vec<Diagnostic>,
    /// Findings past `MAX_PER_RULE`, counted and not kept.
    dropped: usize,
}

impl Findings<'_> {
    /// The check the running rule reports.
    pub fn check(&self) -> crate::diagnostic::Check {
        self.meta.check
    }

    pub fn emit(
        &mut self,
        span: Span,
        span_label: Option<String>,
        vars: &[(&str, String)],
        labels: Vec<Label>,
    ) {
        debug_assert!(
            vars.iter().all(|(v, _)| self.vars.contains(v)),
            "{}: a placeholder its kind does not declare: {:?} (declared {:?})",
            self.meta.id,
            vars.iter().map(|(v, _)| v).collect::<Vec<_>>(),
            self.vars
        );
        if self.out.len() >= MAX_PER_RULE {
            self.dropped += 1;
            return;
        }
        let mut labels = labels;
        if labels.len() > MAX_LABELS {
            let more = labels.len() - MAX_LABELS;
            labels.truncate(MAX_LABELS);
            if let Some(last) = labels.last_mut() {
                last.message.push_str(&format!("（另有 {more} 处未标出）"));
            }
        }
        self.out.push(Diagnostic {
            rule: self.meta.id.clone(),
            check: self.meta.check,
            severity: self.meta.severity,
            message: fill(&self.meta.message, vars),
            span,
            span_label,
            labels,
            help: self.meta.help.as_deref().map(|h| fill(h, vars)),
            fix: None,
        });
    }

    /// Appends a sentence to the help of the finding just emitted (what the
    /// check found that the pack's text cannot know, as a list).
    pub fn add_help(&mut self, sentence: &str) {
        if self.dropped > 0 {
            return;
        }
        if let Some(d) = self.out.last_mut() {
            match &mut d.help {
                Some(h) => h.push_str(sentence),
                None => d.help = Some(sentence.to_string()),
            }
        }
    }

    /// `emit` with a certain correction.
    pub fn emit_fix(
        &mut self,
        span: Span,
        span_label: Option<String>,
        vars: &[(&str, String)],
        labels: Vec<Label>,
        fix: crate::diagnostic::Fix,
    ) {
        let before = self.out.len();
        self.emit(span, span_label, vars, labels);
        if self.out.len() > before
            && let Some(d) = self.out.last_mut()
        {
            d.fix = Some(fix);
        }
    }
}

/// Labels one finding carries in every format (real findings have at most
/// about twenty; a garbled file with 100,000 headings made output quadratic).
pub const MAX_LABELS: usize = 32;

/// Findings one rule may report in one file; past this, one note says how
/// many more there are (a hostile or garbled file must not flood the output).
pub const MAX_PER_RULE: usize = 200;

/// Runs one rule on a document.
pub fn run_rule(rule: &CompiledRule, cx: &Analysis<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut findings = Findings {
        meta: &rule.meta,
        vars: rule.kind.vars,
        out: &mut out,
        dropped: 0,
    };
    rule.checker.run(cx, &mut findings);
    let more = findings.dropped;
    if more > 0 {
        let last = out[MAX_PER_RULE - 1].span;
        out.push(note(
            rule.meta.check,
            &rule.meta.id,
            format!("规则 {} 在本文件中另有 {more} 条发现未列出", rule.meta.id),
            last.end,
            None,
        ));
    }
    out
}

/// An info note about the run itself (a cap reached), at byte `at`.
fn note(
    check: crate::diagnostic::Check,
    rule: &str,
    message: String,
    at: usize,
    label: Option<String>,
) -> Diagnostic {
    let mut d = Diagnostic::bare(check, rule, message).with_span(Span::new(at, at), label);
    d.severity = crate::diagnostic::Severity::Info;
    d
}

/// Runs the given packs on a document; findings sorted by position, then
/// rule. A rule off by default runs only when `opted_in` says so for its id.
pub fn check_document(
    cx: &Analysis<'_>,
    packs: &[&Pack],
    set: &RuleSet,
    opted_in: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for pack in packs {
        for rule in &pack.rules {
            if !set.disabled.contains(&rule.meta.id)
                && (rule.meta.default || opted_in(&rule.meta.id))
            {
                out.extend(run_rule(rule, cx));
            }
        }
    }
    if let Some(at) = doc.quantities_stopped_at {
        out.push(note(
            crate::diagnostic::Check::Unverifiable,
            "input-limit",
            format!(
                "本文件的数字超过 {} 个，其后的数字未作核对（不像一份年度报告）",
                crate::document::MAX_QUANTITIES
            ),
            at,
            Some("从这里起未读数字".to_string()),
        ));
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// Heading text for messages: marker and title as written.
pub fn heading_text(doc: &Document, h: &crate::document::Heading) -> String {
    doc.slice(h.span).to_string()
}
