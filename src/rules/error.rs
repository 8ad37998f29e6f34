//! Errors in rule packs, pointing into the TOML like a compiler error.

use crate::diagnostic::{Check, Diagnostic, Label};
use crate::source::span::Span;

/// One problem in one pack file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct RuleError {
    /// The pack's path (or `builtin:NAME` for embedded packs).
    pub path: String,
    pub message: String,
    pub span: Option<Span>,
    pub label: Option<String>,
    pub help: Option<String>,
}

impl RuleError {
    pub fn new(path: &str, span: Option<Span>, message: impl Into<String>) -> Self {
        RuleError {
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
            return RuleError::new(
                path,
                e.span().map(Span::from),
                format!("规则文件无效：取值「{value}」无效"),
            )
            .with_label(format!("应为 {}", allowed.join("、")));
        }
        // What toml says when an enum's value is not a string.
        if msg.starts_with("wanted string or table") {
            return RuleError::new(
                path,
                e.span().map(Span::from),
                "规则文件无效：类型不对，应为字符串",
            )
            .with_label("类型不对");
        }
        RuleError::new(
            path,
            e.span().map(Span::from),
            format!("规则文件无效：{msg}"),
        )
        .with_label(toml_label(&msg))
    }

    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut d = Diagnostic::bare(Check::RuleError, "rule-error", self.message.clone());
        if let Some(span) = self.span {
            d = d.with_span(span, self.label.clone());
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
