//! report-lint: a compliance checker for Chinese government information-disclosure
//! annual reports (政府信息公开工作年度报告).
//!
//! Pipeline: [`decode`] bytes → [`document::Document`] → [`engine`] runs the
//! compiled [`rules`] → [`diagnostic::Diagnostic`]s → a renderer. The library
//! never prints; only renderers write, and only the binary chooses where to.

pub mod baseline;
pub mod check;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod explain;
pub mod fuzzing;
pub mod numbers;
pub mod render;
pub mod rules;
pub mod span;
pub mod table;
pub mod text;
