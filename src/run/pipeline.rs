//! The per-file phase: each input read, decoded, parsed by its reader into a
//! `Document`, analysed, checked by the selected packs and filtered by the
//! configuration — in parallel, results in input order — then the corpus
//! phase over the facts every report left.

use encoding_rs::Encoding;
use rayon::prelude::*;

use super::Input;
use super::discover::io_message;
use crate::analysis::facts::ReportFacts;
use crate::analysis::{Analysis, IssuerConfig};
use crate::diagnostic::{Check, Diagnostic, FileMeta, FileReport};
use crate::engine::corpus::CorpusCheck;
use crate::engine::{self, RuleSet};
use crate::read;
use crate::source::limited::{self, ReadError};
use crate::source::{FileId, SourceFile};

/// How reports are read and which pack is used.
#[derive(Debug, Clone)]
pub struct Options {
    /// Decode every input with this encoding instead of guessing.
    pub encoding: Option<&'static Encoding>,
    /// Use this built-in pack instead of the one for the report's year.
    pub pack: Option<String>,
    /// The configuration: per-file packs, issuer, selection, suppressions.
    pub config: Option<std::sync::Arc<crate::config::Config>>,
    /// Drop each report's text once its findings are located (`FileReport::compact`):
    /// renderers that print no excerpt need only line and column, and a run over
    /// ten thousand reports must not keep them all in memory.
    pub compact: bool,
    /// Inputs larger than this are not read (an `input-error` says so).
    pub max_file_size: u64,
    /// The id of the first input (files reported before the inputs, such as
    /// broken rule packs, take the ids below).
    pub first_id: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            pack: None,
            config: None,
            compact: false,
            max_file_size: limited::DEFAULT_MAX_FILE_SIZE,
            first_id: 0,
        }
    }
}

/// Checks every input in parallel, then across reports; results are in
/// input order, the `n`th numbered `FileId(opts.first_id + n)`.
pub fn check_inputs(inputs: Vec<Input>, rules: &RuleSet, opts: &Options) -> Vec<FileReport> {
    // The corpus rules of the loaded packs (each compares reports whatever
    // pack their years select).
    let checks: Vec<&dyn CorpusCheck> = rules
        .corpus_rules()
        .into_iter()
        .filter(|r| {
            opts.config
                .as_ref()
                .is_none_or(|c| c.runs_corpus_rule(&r.meta.id, r.meta.check.as_str()))
        })
        .map(|r| r as &dyn CorpusCheck)
        .collect();
    run_inputs(inputs, rules, opts, &checks)
}

/// `check_inputs` with the given checks across reports instead of the packs'.
pub fn check_inputs_with(
    inputs: Vec<Input>,
    rules: &RuleSet,
    opts: &Options,
    corpus_checks: &[Box<dyn CorpusCheck>],
) -> Vec<FileReport> {
    let checks: Vec<&dyn CorpusCheck> = corpus_checks.iter().map(|c| c.as_ref()).collect();
    run_inputs(inputs, rules, opts, &checks)
}

/// What the corpus checks read of each report; configured issuers' names
/// are looked for whenever a corpus check runs.
fn wanted(checks: &[&dyn CorpusCheck], opts: &Options) -> Wanted {
    let mut wanted = Wanted::default();
    if checks.is_empty() {
        return wanted;
    }
    for c in checks {
        c.wants(&mut wanted);
    }
    if let Some(cfg) = &opts.config {
        for k in cfg.known_issuers() {
            for n in std::iter::once(&k.name).chain(&k.aliases) {
                if !wanted.words.contains(n) {
                    wanted.words.push(n.clone());
                }
            }
        }
    }
    wanted
}

fn run_inputs(
    inputs: Vec<Input>,
    rules: &RuleSet,
    opts: &Options,
    corpus_checks: &[&dyn CorpusCheck],
) -> Vec<FileReport> {
    // One report has nothing to be compared with: no facts are gathered for
    // checks across reports (the editor's and the pre-commit hook's case,
    // and a 50 MB file's masked text is not sketched for nothing).
    let corpus_checks = if inputs.len() < 2 {
        &[][..]
    } else {
        corpus_checks
    };
    let wanted = &wanted(corpus_checks, opts);
    let (mut reports, facts): (Vec<FileReport>, Vec<Option<ReportFacts>>) = inputs
        .into_par_iter()
        .enumerate()
        .map(|(i, input)| {
            let id = FileId(opts.first_id + i as u32);
            let finish = |mut r: FileReport, facts: Option<ReportFacts>| {
                r.source.id = id;
                // The text goes now (ten thousand reports are not kept in
                // memory); what a finding across reports may point at stays
                // locatable.
                if opts.compact {
                    r.compact_keeping(facts.as_ref().map(ReportFacts::offsets).unwrap_or_default());
                }
                (r, facts)
            };
            let (r, facts) = match input {
                Input::File(ref path) | Input::Walked(ref path) => {
                    let walked = matches!(input, Input::Walked(_));
                    let path = path.clone();
                    let name = path.display().to_string();
                    // An unreadable format is said before its bytes are read.
                    if let Err(e) = read::Format::of_name(&name) {
                        return finish(FileReport::failed(name, e.0), None);
                    }
                    match limited::read(&path, opts.max_file_size) {
                        Ok(bytes) => guarded(id, name, bytes, walked, rules, opts, wanted),
                        Err(ReadError::Io(e)) => (
                            FileReport::failed(name, format!("无法读取文件：{}", io_message(&e))),
                            None,
                        ),
                        Err(e) => (FileReport::failed(name, e.to_string()), None),
                    }
                }
                Input::Stdin { name, bytes } => {
                    guarded(id, name, bytes, false, rules, opts, wanted)
                }
                Input::Broken { path, message } => (FileReport::failed(path, message), None),
                Input::Skipped { path, message } => {
                    let mut d = Diagnostic::bare(Check::InputError, "input-error", message);
                    d.severity = crate::diagnostic::Severity::Info;
                    (FileReport::operational(&path, "", vec![d]), None)
                }
            };
            finish(r, facts)
        })
        .unzip();
    if !corpus_checks.is_empty() {
        let facts: Vec<ReportFacts> = facts.into_iter().flatten().collect();
        let corpus = engine::corpus::Corpus::new(&facts, wanted);
        // Offsets other files' findings point at, per file, kept when texts go.
        let mut pointed: Vec<Vec<usize>> = vec![Vec::new(); reports.len()];
        let mut found: Vec<Vec<Diagnostic>> = vec![Vec::new(); reports.len()];
        for (file, d) in engine::corpus::check_corpus(&corpus, corpus_checks) {
            let Some(i) = file.0.checked_sub(opts.first_id).map(|i| i as usize) else {
                continue;
            };
            for l in &d.labels {
                if let Some(j) = l.file.and_then(|f| f.0.checked_sub(opts.first_id))
                    && let Some(p) = pointed.get_mut(j as usize)
                {
                    p.extend([l.span.start, l.span.end]);
                }
            }
            if let Some(f) = found.get_mut(i) {
                f.push(d);
            }
        }
        // The configuration selects, re-grades and suppresses them as any.
        for (r, f) in reports.iter_mut().zip(found) {
            let f = match &opts.config {
                Some(c) if !f.is_empty() => c.apply(&r.source.path, &r.source.text, f),
                _ => f,
            };
            r.diagnostics.extend(f);
        }
        for (r, extra) in reports.iter_mut().zip(pointed) {
            r.diagnostics
                .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            if opts.compact {
                r.compact_keeping(extra);
            }
        }
    }
    reports
}

pub use crate::analysis::facts::Wanted;

/// Checks one report given as bytes.
pub fn check_bytes(path: String, bytes: &[u8], rules: &RuleSet, opts: &Options) -> FileReport {
    check_owned(path, bytes.to_vec(), rules, opts)
}

/// Checks one report, reusing its buffer for the decoded text when it can.
pub fn check_owned(path: String, bytes: Vec<u8>, rules: &RuleSet, opts: &Options) -> FileReport {
    check_one(
        FileId(opts.first_id),
        path,
        bytes,
        false,
        rules,
        opts,
        &Wanted::default(),
    )
    .0
}

/// The rule id of the note on a walked file that is not a report.
pub const NOT_A_REPORT: &str = "not-a-report";

/// Whether a file found in a walk is a report: its title names the subject
/// (信息公开, 年度报告, 年报), or its text says 信息公开 at least five times
/// and is mostly Chinese. A repository's notes — an English file quoting a
/// few Chinese phrases, a 说明.md that mentions the reports once or twice —
/// are not; a report whose title was lost still says 信息公开 throughout.
fn reads_as_report(doc: &crate::document::Document) -> bool {
    let says = |s: &str| {
        ["信息公开", "年度报告", "年报"]
            .iter()
            .any(|w| s.contains(w))
    };
    if doc.title.is_some_and(|t| says(doc.slice(t))) {
        return true;
    }
    let text = &doc.text;
    if text.matches("信息公开").take(5).count() < 5 {
        return false;
    }
    let (mut han, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            other += 1;
        }
    }
    han >= other
}

/// `check_one` under `catch_unwind`: a bug in one file's check becomes an
/// `internal-error` on that file, and the other files are checked as usual.
fn guarded(
    id: FileId,
    path: String,
    bytes: Vec<u8>,
    walked: bool,
    rules: &RuleSet,
    opts: &Options,
    wanted: &Wanted,
) -> (FileReport, Option<ReportFacts>) {
    let name = path.clone();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_one(id, path, bytes, walked, rules, opts, wanted)
    }));
    outcome.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let d = Diagnostic::bare(
            Check::InternalError,
            "internal-error",
            format!("检查本文件时程序内部出错（{what}），本文件未能检查完；其他文件照常检查"),
        )
        .with_help("这是 report-lint 的缺陷：请把本文件和这条消息报告给开发者");
        (FileReport::operational(&name, "", vec![d]), None)
    })
}

/// The per-file phase for one report: its findings and the facts it leaves
/// for the corpus phase (`None` when it could not be read).
pub fn check_one(
    id: FileId,
    path: String,
    bytes: Vec<u8>,
    walked: bool,
    rules: &RuleSet,
    opts: &Options,
    wanted: &Wanted,
) -> (FileReport, Option<ReportFacts>) {
    let read = match read::Format::of_name(&path)
        .and_then(|format| read::read(bytes, format, opts.encoding))
    {
        Ok(r) => r,
        Err(e) => return (FileReport::failed(path, e.0), None),
    };
    let doc = read.doc;
    if walked && !reads_as_report(&doc) {
        let mut d = Diagnostic::bare(
            Check::InputError,
            NOT_A_REPORT,
            "不像政府信息公开年度报告（标题没有说到「信息公开」「年度报告」，正文也很少提到「信息公开」），遍历目录时跳过".to_string(),
        )
        .with_help("确是年度报告的，在命令行直接写出它的路径即可检查；不想看到这条提示，用配置的 exclude 排除它");
        d.severity = crate::diagnostic::Severity::Info;
        return (FileReport::operational(&path, "", vec![d]), None);
    }
    // A test hook (debug builds only): panic on a marker, to prove that a bug
    // in one file's check never stops the run.
    if cfg!(debug_assertions)
        && let Some(marker) = std::env::var_os("REPORT_LINT_INJECT_PANIC")
        && doc.text.contains(marker.to_string_lossy().as_ref())
    {
        panic!("injected panic");
    }
    let effective = opts
        .config
        .as_ref()
        .map(|c| c.effective(&path))
        .unwrap_or_default();
    let year = doc.year.map(|y| y.year);
    let forced = opts.pack.as_deref().or(effective.pack.as_deref());
    // No year read and no pack forced: the tables' format decides, and a note
    // says which pack was used and why (never silently the fallback).
    let (by_format, why) = match (year, forced) {
        (None, None) => pack_by_format(&doc.text[..doc.body_end], doc.format_notice),
        _ => (None, None),
    };
    let packs = rules.select(year, forced.or(by_format));
    // The statistics tables are read first: where their rows are is table,
    // not prose or outline, whatever the layout hid (a table flattened into
    // one line with the report).
    let templates: Vec<_> = packs.iter().map(|p| &p.tables).collect();
    let (grids, regions) = crate::analysis::table_regions(&doc, &templates);
    let doc = doc.with_table_regions(&regions);
    let cx = Analysis::with_grids(
        &doc,
        IssuerConfig {
            level: effective.level,
            township_deadline: effective.township_deadline,
        },
        grids,
    );
    let enabled = |id: &str| match &opts.config {
        Some(c) => c.enables(&effective, id),
        None => effective.names_rule(id),
    };
    let mut diagnostics = engine::check_document(&cx, &packs, rules, &enabled);
    if let Some(why) = why {
        let used = packs
            .iter()
            .find(|p| !p.meta.is_general())
            .map_or("common", |p| p.meta.id.as_str());
        let mut d = Diagnostic::bare(
            Check::Unverifiable,
            "year-unknown",
            format!("未能从标题或统计期限读出报告年度，{why}，按「{used}」规则包检查"),
        )
        .with_span(doc.title.unwrap_or_default(), Some("未写明年度".into()))
        .with_help(
            "在标题中写明年度（如「2023年政府信息公开工作年度报告」），或用 --pack 指定规则包",
        );
        d.severity = crate::diagnostic::Severity::Info;
        diagnostics.insert(0, d);
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    if let Some(c) = &opts.config {
        diagnostics = c.apply(&path, &doc.text, diagnostics);
    }
    // Fixes edit the file: only where the text is the file (not a reader's
    // view of a Word document or a web page).
    if !matches!(read.format, read::Format::Text | read::Format::Markdown) {
        diagnostics.iter_mut().for_each(|d| d.fix = None);
    }
    let named = effective
        .issuer_name
        .as_deref()
        .map(|n| (n, effective.issuer_aliases.as_slice()));
    let issuer = effective.issuer_name.clone().or_else(|| {
        doc.title
            .and_then(|t| crate::analysis::issuer::title_name(doc.slice(t)))
    });
    let facts = ReportFacts::collect_wanted(&cx, id, &path, &templates, wanted, named);
    drop(cx);
    let mut names: Vec<String> = packs.iter().map(|p| p.meta.id.clone()).collect();
    // The year-specific pack is the one users care about; list it first.
    names.sort_by_key(|n| (n == "common", n.clone()));
    let mut source = SourceFile::with_lines(path, doc.text, doc.lines);
    source.id = id;
    source.encoding = read.encoding;
    source.bom = read.bom;
    source.format = Some(read.format.name());
    source.map = read.map;
    let report = FileReport {
        source,
        meta: Some(FileMeta {
            packs: names,
            year,
            issuer,
        }),
        diagnostics,
    };
    (report, Some(facts))
}

/// The pack a report without a readable year is on, by its tables' words
/// (the 2021 form's columns, the 2019 form's), else by the format notice it
/// cites (「国办公开办函〔2021〕30号」), else neither (the 2008 pack).
fn pack_by_format(
    body: &str,
    notice: Option<crate::document::FormatNotice>,
) -> (Option<&'static str>, Option<&'static str>) {
    let has = |w: &str| body.contains(w);
    if has("本年制发件数") || has("现行有效件数") || has("申请人逾期未按收费通知要求缴纳费用")
    {
        (Some("gov-2021"), Some("统计表为 2021 年版格式"))
    } else if has("本年新收政府信息公开申请数量") || has("对外公开总数量") {
        (Some("gov-2019"), Some("统计表为 2019 年版格式"))
    } else if let Some(n) = notice {
        match n.year {
            2021.. => (Some("gov-2021"), Some("所引格式通知为 2021 年版格式")),
            _ => (Some("gov-2019"), Some("所引格式通知为 2019 年版格式")),
        }
    } else {
        (None, Some("也没有 2019 年以后的统计表"))
    }
}
