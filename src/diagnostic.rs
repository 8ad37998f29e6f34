//! The one diagnostic type every check emits and every renderer reads, the
//! fixed check vocabulary (`docs/output.md`), and what a run reports per
//! file: its source, what was applied, its findings.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::source::span::Span;
use crate::source::{FileId, Position, SourceFile};

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
        /// The kind of defect (the check vocabulary of docs/output.md). Names never change meaning.
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
    Wording => "wording",
    StatementMissing => "statement-missing",
    CrossYearMismatch => "cross-year-mismatch",
    CopiedText => "copied-text",
    ForeignEntity => "foreign-entity",
    InputError => "input-error",
    RuleError => "rule-error",
    ConfigError => "config-error",
    UnusedSuppression => "unused-suppression",
    InternalError => "internal-error",
}

impl Check {
    /// Findings about the run itself (unreadable input, broken packs or
    /// configuration, stale suppressions), not about a report's content.
    pub fn is_operational(self) -> bool {
        matches!(
            self,
            Check::InputError
                | Check::RuleError
                | Check::ConfigError
                | Check::UnusedSuppression
                | Check::InternalError
        )
    }

    /// Operational findings that make the exit code 2.
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            Check::InputError | Check::RuleError | Check::ConfigError | Check::InternalError
        )
    }

    /// Findings that no selection, suppression or baseline may hide: the run
    /// could not check (all of) a file.
    pub fn is_unhideable(self) -> bool {
        matches!(
            self,
            Check::InputError | Check::RuleError | Check::ConfigError | Check::InternalError
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
    /// The file the span points into; `None` for the finding's own file (a
    /// corpus check labels a figure in last year's report).
    pub file: Option<FileId>,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            file: None,
            span,
            message: message.into(),
        }
    }

    /// A label pointing into another file of the run.
    pub fn in_file(file: FileId, span: Span, message: impl Into<String>) -> Self {
        Label {
            file: Some(file),
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
    /// A correction that is certain (junk removed, a broken paragraph
    /// joined, a heading's numbering style), applied by `--fix`.
    pub fix: Option<Fix>,
}

/// Edits that correct a finding: each replaces a span of the reader's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in Chinese (「删除转换残留」).
    pub message: String,
    /// Non-overlapping, in text order.
    pub edits: Vec<Edit>,
}

/// Replace `span` with `replacement` (empty: delete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
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
            fix: None,
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

/// What a report turned out to be and what was applied to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMeta {
    /// Packs applied, the year-specific one first.
    pub packs: Vec<String>,
    pub year: Option<i32>,
    /// The issuer: the configuration's name, else the title's words before
    /// the year (`analysis::issuer::title_name`).
    pub issuer: Option<String>,
}

/// Findings for one file (a report, or a rule pack or configuration with
/// errors), with the source their spans point into.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub source: SourceFile,
    /// `None` for unreadable inputs and for rule or configuration files.
    pub meta: Option<FileMeta>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// An input that could not be read: one `input-error`.
    pub fn failed(path: String, message: String) -> Self {
        FileReport::operational(
            &path,
            "",
            vec![Diagnostic::bare(Check::InputError, "input-error", message)],
        )
    }

    /// Findings about a file the user wrote (rule pack, configuration), with
    /// its text for the renderers.
    pub fn operational(path: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Self {
        FileReport {
            source: SourceFile::new(path.to_string(), text.to_string()),
            meta: None,
            diagnostics,
        }
    }

    /// Line and column of a byte offset of a finding: in the source file
    /// where the reader maps its view back to lines (HTML), else in the text.
    pub fn position(&self, offset: usize) -> Position {
        match self.source.place(offset) {
            Some(crate::source::map::Place::Line { line, column }) => Position {
                line: line as usize,
                column: column as usize,
            },
            _ => self.source.position(offset),
        }
    }

    /// Where a byte offset is in a structured source, when lines say too
    /// little (a DOCX paragraph or table cell); `None` for text and HTML.
    pub fn place(&self, offset: usize) -> Option<crate::source::map::Place> {
        self.source
            .place(offset)
            .filter(|p| !matches!(p, crate::source::map::Place::Line { .. }))
    }

    /// Whether spans can be located (the file was read).
    pub fn has_source(&self) -> bool {
        self.source.has_source()
    }

    /// Keeps the positions of the findings' spans and drops the text.
    pub fn compact(&mut self) {
        self.compact_keeping(Vec::new());
    }

    /// `compact`, also keeping `extra` offsets (where other files' findings
    /// point into this one).
    pub fn compact_keeping(&mut self, extra: Vec<usize>) {
        let offsets = self
            .diagnostics
            .iter()
            .flat_map(|d| {
                std::iter::once(d.span)
                    .chain(d.labels.iter().filter(|l| l.file.is_none()).map(|l| l.span))
                    .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)))
            })
            .flat_map(|s| [s.start, s.end])
            .chain(extra)
            .collect();
        self.source.compact(offsets);
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}
