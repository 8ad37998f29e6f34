//! The one error type for "a file the user wrote is wrong" — a rule pack or
//! the configuration — pointing into the TOML like a compiler error, and
//! reported as `rule-error` or `config-error`.

use crate::diagnostic::{Check, Diagnostic, Label};
use crate::source::span::Span;

/// One problem in one pack file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FileError {
    /// Which kind of file it is.
    pub file: UserFile,
    /// The pack's path (or `builtin:NAME` for embedded packs).
    pub path: String,
    pub message: String,
    pub span: Option<Span>,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// The files a user writes for report-lint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserFile {
    RulePack,
    Config,
}

impl FileError {
    /// An error in a rule pack.
    pub fn new(path: &str, span: Option<Span>, message: impl Into<String>) -> Self {
        FileError {
            file: UserFile::RulePack,
            path: path.to_string(),
            message: message.into(),
            span,
            label: None,
            help: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// From a TOML parse or type error (its span is already into the file).
    pub fn from_toml(path: &str, e: &toml::de::Error) -> Self {
        let msg = e.message().trim().to_string();
        // Closed vocabularies are serde enums: say what is allowed, in Chinese.
        if let Some((value, allowed)) = unknown_variant(&msg) {
            return FileError::new(
                path,
                e.span().map(Span::from),
                format!("规则文件无效：取值「{value}」无效"),
            )
            .with_label(format!("应为 {}", allowed.join("、")));
        }
        // What toml says when an enum's value is not a string.
        if msg.starts_with("wanted string or table") {
            return FileError::new(
                path,
                e.span().map(Span::from),
                "规则文件无效：类型不对，应为字符串",
            )
            .with_label("类型不对");
        }
        FileError::new(
            path,
            e.span().map(Span::from),
            format!("规则文件无效：{msg}"),
        )
        .with_label(toml_label(&msg))
    }

    /// An error in the configuration (the caller knows its path).
    pub fn config(span: Option<Span>, message: impl Into<String>) -> Self {
        FileError {
            file: UserFile::Config,
            ..FileError::new("", span, message)
        }
    }

    pub fn to_diagnostic(&self) -> Diagnostic {
        let (check, rule) = match self.file {
            UserFile::RulePack => (Check::RuleError, "rule-error"),
            UserFile::Config => (Check::ConfigError, "config-error"),
        };
        let mut d = Diagnostic::bare(check, rule, self.message.clone());
        if let Some(span) = self.span {
            let label = match self.file {
                UserFile::RulePack => self.label.clone(),
                UserFile::Config => Some(self.label.clone().unwrap_or_else(|| "这里".into())),
            };
            d = d.with_span(span, label);
        }
        d.labels = Vec::<Label>::new();
        d.help = self.help.clone();
        d
    }
}

/// Parses serde's "unknown variant `x`, expected one of `a`, `b`" (or
/// "expected `a` or `b`").
pub fn unknown_variant(msg: &str) -> Option<(String, Vec<String>)> {
    let rest = msg.strip_prefix("unknown variant `")?;
    let (value, rest) = rest.split_once('`')?;
    let allowed = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((value.to_string(), allowed))
}

fn toml_label(msg: &str) -> &'static str {
    if msg.starts_with("unknown field") {
        "未知的键"
    } else if msg.starts_with("missing field") {
        "缺少必需的键"
    } else if msg.starts_with("invalid type") {
        "类型不对"
    } else if msg.starts_with("unknown variant") {
        "取值不在允许范围内"
    } else {
        "这里"
    }
}
