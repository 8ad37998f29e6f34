//! The one diagnostic type every check emits and every renderer reads, and the
//! fixed check vocabulary of OUTPUT.md.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How bad a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! checks {
    ($($variant:ident => $name:literal,)*) => {
        /// The kind of defect (OUTPUT.md's check vocabulary). Names never change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Check { $($variant,)* }

        impl Check {
            pub const ALL: &'static [Check] = &[$(Check::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Check::$variant => $name,)* }
            }

            pub fn from_name(name: &str) -> Option<Check> {
                match name { $($name => Some(Check::$variant),)* _ => None }
            }
        }
    };
}

checks! {
    SectionMissing => "section-missing",
    SectionOptionalMissing => "section-optional-missing",
    OutlineMismatch => "outline-mismatch",
    HeadingNumbering => "heading-numbering",
    SumMismatch => "sum-mismatch",
    ValueMismatch => "value-mismatch",
    PercentMismatch => "percent-mismatch",
    ValueMissing => "value-missing",
    Unverifiable => "unverifiable",
    DuplicateCategory => "duplicate-category",
    YearMismatch => "year-mismatch",
    LatePublication => "late-publication",
    TemplateMismatch => "template-mismatch",
    ConversionArtifact => "conversion-artifact",
    BrokenParagraph => "broken-paragraph",
    RepeatedWord => "repeated-word",
    InputError => "input-error",
    RuleError => "rule-error",
    ConfigError => "config-error",
    UnusedSuppression => "unused-suppression",
}

impl Check {
    /// Findings about the run itself (unreadable input, broken packs or
    /// configuration, stale suppressions), not about a report's content.
    pub fn is_operational(self) -> bool {
        matches!(
            self,
            Check::InputError | Check::RuleError | Check::ConfigError | Check::UnusedSuppression
        )
    }

    /// Operational findings that make the exit code 2.
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            Check::InputError | Check::RuleError | Check::ConfigError
        )
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Check {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A secondary place the diagnostic points at, with what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    /// Where the finding is; empty for findings about the file as a whole.
    pub span: Span,
    /// What the primary span is, shown under it.
    pub span_label: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A finding that is not produced by a rule (unreadable input, broken pack).
    pub fn bare(check: Check, rule: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.to_string(),
            check,
            severity: Severity::Error,
            message: message.into(),
            span: Span::default(),
            span_label: None,
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn with_span(mut self, span: Span, label: Option<String>) -> Self {
        self.span = span;
        self.span_label = label;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The order findings are reported in: position, then rule.
    pub fn sort_key(&self) -> (usize, usize, &str, &str) {
        (self.span.start, self.span.end, &self.rule, &self.message)
    }
}
