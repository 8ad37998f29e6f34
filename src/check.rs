//! Checking inputs: discovery of report files, reading and decoding each one,
//! running the selected packs, and the per-file results renderers consume.
//! Files are checked in parallel; results keep the discovery order.

use std::path::{Path, PathBuf};

use encoding_rs::Encoding;
use rayon::prelude::*;

use crate::decode::{DecodeError, decode_owned};
use crate::diagnostic::{Check, Diagnostic, Severity};
use crate::document::Document;
use crate::engine;
use crate::rules::{RuleError, RuleSet};
use crate::span::{LineIndex, Position};

/// How reports are read and which pack is used.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Decode every input with this encoding instead of guessing.
    pub encoding: Option<&'static Encoding>,
    /// Use this built-in pack instead of the one for the report's year.
    pub pack: Option<String>,
    /// The configuration: per-file packs, issuer, selection, suppressions.
    pub config: Option<std::sync::Arc<crate::config::Config>>,
    /// Drop each report's text once its findings are located (`FileResult::compact`):
    /// renderers that print no excerpt need only line and column, and a run over
    /// ten thousand reports must not keep them all in memory.
    pub compact: bool,
}

/// One input to check.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    /// Bytes read from standard input, with the name to report them under.
    Stdin {
        name: String,
        bytes: Vec<u8>,
    },
    /// A path that could not be walked or does not exist.
    Broken {
        path: String,
        message: String,
    },
}

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMeta {
    pub encoding: &'static str,
    pub bom: bool,
    /// Packs applied, the year-specific one first.
    pub packs: Vec<String>,
    pub year: Option<i32>,
}

/// Findings for one file (a report, or a rule pack with errors).
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    /// The decoded text every span points into (empty when unreadable or
    /// compacted).
    pub text: String,
    pub lines: LineIndex,
    /// After `compact`: the position of every span end of the findings, by byte
    /// offset, sorted.
    positions: Option<Vec<(usize, Position)>>,
    /// `None` for unreadable inputs and for rule files.
    pub meta: Option<FileMeta>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    fn failed(path: String, message: String) -> Self {
        FileResult {
            path,
            text: String::new(),
            lines: LineIndex::new(""),
            positions: None,
            meta: None,
            diagnostics: vec![Diagnostic::bare(Check::InputError, "input-error", message)],
        }
    }

    /// A rule pack's errors, with the pack's text for the renderers.
    pub fn from_rule_errors(path: &str, text: &str, errors: &[RuleError]) -> Self {
        FileResult {
            path: path.to_string(),
            text: text.to_string(),
            lines: LineIndex::new(text),
            positions: None,
            meta: None,
            diagnostics: errors.iter().map(RuleError::to_diagnostic).collect(),
        }
    }

    /// Line and column of a byte offset of a finding.
    pub fn position(&self, offset: usize) -> Position {
        match &self.positions {
            Some(ps) => match ps.binary_search_by_key(&offset, |&(o, _)| o) {
                Ok(i) => ps[i].1,
                // Only offsets of the findings were kept; others are not asked for.
                Err(_) => {
                    debug_assert!(false, "offset {offset} of no finding");
                    Position { line: 1, column: 1 }
                }
            },
            None => self.lines.position(&self.text, offset),
        }
    }

    /// Whether spans can be located (the file was read).
    pub fn has_source(&self) -> bool {
        !self.text.is_empty() || self.positions.is_some()
    }

    /// Keeps the positions of the findings' spans and drops the text.
    pub fn compact(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let mut offsets: Vec<usize> = self
            .diagnostics
            .iter()
            .flat_map(|d| std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)))
            .flat_map(|s| [s.start, s.end])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let ps = offsets
            .into_iter()
            .map(|o| (o, self.lines.position(&self.text, o)))
            .collect();
        self.positions = Some(ps);
        self.text = String::new();
        self.lines = LineIndex::new("");
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Expands paths into inputs: files as given, directories walked for `*.txt`
/// in sorted order. Unwalkable entries become `Input::Broken`, the walk goes on.
pub fn discover(paths: &[PathBuf]) -> Vec<Input> {
    discover_with(paths, &|_| false)
}

/// Like `discover`, leaving out what `excluded` says (the configuration's `exclude`).
pub fn discover_with(paths: &[PathBuf], excluded: &dyn Fn(&str) -> bool) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if !path.exists() && path.symlink_metadata().is_err() {
            out.push(Input::Broken {
                path: path.display().to_string(),
                message: "路径不存在".to_string(),
            });
        } else if path.is_dir() {
            let walk = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .follow_links(true);
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_report_name(e.path()) => {
                        if !excluded(&e.path().display().to_string()) {
                            out.push(Input::File(e.into_path()))
                        }
                    }
                    Ok(_) => {}
                    Err(e) => out.push(Input::Broken {
                        path: e.path().map_or_else(
                            || path.display().to_string(),
                            |p| p.display().to_string(),
                        ),
                        message: walk_message(&e),
                    }),
                }
            }
        } else if !excluded(&path.display().to_string()) {
            out.push(Input::File(path.clone()));
        }
    }
    out
}

fn is_report_name(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn walk_message(e: &walkdir::Error) -> String {
    if e.loop_ancestor().is_some() {
        "符号链接形成循环，已跳过".to_string()
    } else if let Some(io) = e.io_error() {
        format!("无法读取目录项：{}", io_message(io))
    } else {
        format!("无法读取目录项：{e}")
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        _ => e.to_string(),
    }
}

/// Checks every input in parallel; results are in input order.
pub fn check_inputs(inputs: Vec<Input>, rules: &RuleSet, opts: &Options) -> Vec<FileResult> {
    inputs
        .into_par_iter()
        .map(|input| match input {
            Input::File(path) => {
                let name = path.display().to_string();
                match std::fs::read(&path) {
                    Ok(bytes) => check_owned(name, bytes, rules, opts),
                    Err(e) => FileResult::failed(name, format!("无法读取文件：{}", io_message(&e))),
                }
            }
            Input::Stdin { name, bytes } => check_owned(name, bytes, rules, opts),
            Input::Broken { path, message } => FileResult::failed(path, message),
        })
        .map(|mut r| {
            if opts.compact {
                r.compact();
            }
            r
        })
        .collect()
}

/// Checks one report given as bytes.
pub fn check_bytes(path: String, bytes: &[u8], rules: &RuleSet, opts: &Options) -> FileResult {
    check_owned(path, bytes.to_vec(), rules, opts)
}

/// Checks one report, reusing its buffer for the decoded text when it can.
pub fn check_owned(path: String, bytes: Vec<u8>, rules: &RuleSet, opts: &Options) -> FileResult {
    let decoded = match decode_owned(bytes, opts.encoding) {
        Ok(d) => d,
        Err(e) => return FileResult::failed(path, decode_message(&e)),
    };
    let mut doc = Document::parse(decoded.text);
    let effective = opts
        .config
        .as_ref()
        .map(|c| c.effective(&path))
        .unwrap_or_default();
    doc.issuer_level = effective.level;
    doc.township_deadline = effective.township_deadline;
    let year = doc.year.map(|y| y.year);
    let forced = opts.pack.as_deref().or(effective.pack.as_deref());
    let packs = rules.select(year, forced);
    let mut diagnostics = engine::check_document(&doc, &packs, rules);
    if let Some(c) = &opts.config {
        diagnostics = c.apply(&path, &doc.text, diagnostics);
    }
    let mut names: Vec<String> = packs.iter().map(|p| p.meta.id.clone()).collect();
    // The year-specific pack is the one users care about; list it first.
    names.sort_by_key(|n| (n == "common", n.clone()));
    FileResult {
        path,
        lines: doc.lines.clone(),
        positions: None,
        meta: Some(FileMeta {
            encoding: decoded.encoding,
            bom: decoded.bom,
            packs: names,
            year,
        }),
        text: doc.text,
        diagnostics,
    }
}

fn decode_message(e: &DecodeError) -> String {
    format!("无法读取报告：{e}")
}
