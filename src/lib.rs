//! report-lint: a compliance checker for Chinese government information-disclosure
//! annual reports (政府信息公开工作年度报告).
//!
//! Layers, each importing only those listed before it (`tests/layers.rs`
//! fails on a cycle): [`source`] bytes → text and spans; [`numbers`] exact
//! numbers; [`diagnostic`] findings; [`document`] the format-neutral model;
//! [`read`] one reader per format; [`rules`] packs as data; [`analysis`]
//! readings derived per report; [`engine`] compiled rules and check kinds;
//! [`config`]; [`run`] discovery, the per-file and corpus phases; [`baseline`];
//! [`render`] one renderer per format; [`explain`]; [`fuzzing`].
//! `docs/architecture.md` walks through them. The library never prints; only
//! renderers write, and only the binary chooses where to.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod explain;
pub mod fix;
pub mod fuzzing;
pub mod numbers;
pub mod read;
pub mod render;
pub mod rules;
pub mod run;
pub mod source;
