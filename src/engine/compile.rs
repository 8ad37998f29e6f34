//! Compiling rule packs — once per run, before any report is read — into a
//! `RuleSet`: each rule's common keys are checked, then its kind compiles its
//! own keys (`KindSpec::compile`). Errors point into the TOML.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use super::lazy::{
    LazyPattern, PACK_REGEX_BUDGET, PACK_REGEX_COUNT, PackRegex, PackRegexSet, REGEX_SIZE_LIMIT,
    Refused, measure,
};
use super::{self as engine, RuleCheck};
use crate::diagnostic::Check;
use crate::rules::load::{
    COMMON_KEYS, array_of_tables, check_table, named_defs, suggest, take, unknown_field,
};
use crate::rules::schema::{self, BreakdownSpec};
use crate::rules::table::TableDef;
use crate::rules::{BUILTIN, FileError, PackMeta, RuleMeta, SectionDef};

use crate::source::span::Span;

/// A rule ready to run.
pub struct CompiledRule {
    pub meta: RuleMeta,
    pub checker: Box<dyn RuleCheck>,
    /// The kind that compiled it (its placeholders, its documentation).
    pub kind: &'static engine::KindSpec,
}

impl std::fmt::Debug for CompiledRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledRule")
            .field("meta", &self.meta)
            .finish()
    }
}

/// A compiled pack.
#[derive(Debug)]
pub struct Pack {
    pub meta: PackMeta,
    pub path: String,
    pub builtin: bool,
    pub rules: Vec<CompiledRule>,
    /// Its rules of corpus kinds (checks across reports).
    pub corpus: Vec<super::corpus::CorpusRule>,
    /// The pack's table templates (`[[table]]`).
    pub tables: std::sync::Arc<Vec<TableDef>>,
    /// The regexes its rules compile on first use (built-in packs).
    lazy: Vec<LazyPattern>,
}

impl RuleSet {
    /// Compiles every regex still waiting for its first use; returns the
    /// pack path and pattern of each that does not compile.
    pub fn compile_all(&self) -> Vec<(String, String, regex::Error)> {
        let mut failed = Vec::new();
        for pack in &self.packs {
            for p in &pack.lazy {
                if let Err(e) = p.compile() {
                    failed.push((pack.path.clone(), p.sources().join(" | "), e));
                }
            }
        }
        failed
    }

    /// The lazily compiled patterns, common pack first, then the year packs.
    pub fn lazy_patterns(&self) -> Vec<LazyPattern> {
        let general = self.packs.iter().filter(|p| p.meta.is_general());
        let rest = self.packs.iter().filter(|p| !p.meta.is_general());
        general
            .chain(rest)
            .flat_map(|p| p.lazy.iter().cloned())
            .collect()
    }
}

/// Everything the engine runs: built-in packs, then user packs.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub packs: Vec<Pack>,
    /// Rule ids switched off by user packs (`disable = [...]`).
    pub disabled: BTreeSet<String>,
}

/// What a kind needs while compiling one rule: where errors go and the
/// pack's sections.
#[derive(Clone, Copy)]
pub struct CompileCtx<'a> {
    pub path: &'a str,
    /// Regexes compile on first use (see `Lazy`).
    pub lazy: bool,
    /// Where the lazily compiled regexes of the pack are listed.
    lazies: &'a std::cell::RefCell<Vec<LazyPattern>>,
    /// Bytes and patterns the user pack's regexes have taken so far.
    spent: &'a std::cell::Cell<(usize, usize)>,
    pub sections: &'a BTreeMap<String, SectionDef>,
    pub breakdowns: &'a BTreeMap<String, Arc<BreakdownSpec>>,
    /// The pack's tables, shared by every rule that reads them.
    pub tables: &'a std::sync::Arc<Vec<TableDef>>,
    /// Span of the whole rule table, for errors about the rule as a whole.
    pub rule_span: Span,
    /// The rule's check (a kind reporting several checks may behave by it).
    pub check: &'a str,
}

impl CompileCtx<'_> {
    pub fn error(&self, span: Option<Span>, message: impl Into<String>) -> FileError {
        FileError::new(self.path, span.or(Some(self.rule_span)), message)
    }

    pub fn toml(&self, e: toml::de::Error) -> FileError {
        let mut err = FileError::from_toml(self.path, &e);
        err.span = err.span.or(Some(self.rule_span));
        // serde lists only the kind's own keys; name all the rule's keys.
        if let Some((field, expected)) = unknown_field(e.message()) {
            let mut keys: Vec<&str> = COMMON_KEYS.to_vec();
            keys.extend(expected.iter().map(String::as_str));
            err.message = format!("规则文件无效：未知的键「{field}」");
            err.label = Some("未知的键".into());
            err.help = Some(match suggest(&field, &keys) {
                Some(s) => format!(
                    "是否想写「{s}」？「{}」规则可用的键：{}",
                    self.check,
                    keys.join(" ")
                ),
                None => format!("「{}」规则可用的键：{}", self.check, keys.join(" ")),
            });
        }
        err
    }

    /// A regex from a pack, with the size limit: compiled now (errors point
    /// into the TOML), or on first use for a built-in pack.
    pub fn regex(&self, pattern: &toml::Spanned<String>) -> Result<PackRegex, FileError> {
        let re = PackRegex::interned(pattern.get_ref());
        self.compile_or_defer(LazyPattern::One(re.clone()))
            .map_err(|e| match e {
                Refused::Budget => self.over_budget(Some(pattern.span().into())),
                Refused::Regex(e) => {
                    let detail = match &e {
                        regex::Error::CompiledTooBig(_) => {
                            "正则表达式过大，超过大小限制".to_string()
                        }
                        // "regex parse error:\n    [unclosed\n    ^\nerror: …": the
                        // excerpt already shows the pattern; keep the last line.
                        other => {
                            let text = other.to_string();
                            let last = text.lines().rev().find(|l| !l.trim().is_empty());
                            last.unwrap_or(&text)
                                .trim()
                                .trim_start_matches("error: ")
                                .to_string()
                        }
                    };
                    self.error(
                        Some(pattern.span().into()),
                        format!("正则表达式无效：{detail}"),
                    )
                    .with_label("无效的正则表达式")
                }
            })?;
        Ok(re)
    }

    /// A set of patterns already compiled one by one with `regex`, for
    /// screening text in one pass (limits scale with the number of patterns).
    pub fn regex_set<'p>(
        &self,
        patterns: impl ExactSizeIterator<Item = &'p String>,
    ) -> Result<PackRegexSet, FileError> {
        let set = PackRegexSet::new(patterns.cloned().collect());
        self.compile_or_defer(LazyPattern::Set(set.clone()))
            .map_err(|e| match e {
                Refused::Budget => self.over_budget(None),
                Refused::Regex(e) => self.error(None, format!("正则表达式无法合并：{e}")),
            })?;
        Ok(set)
    }

    /// The pack's regexes together are over what one pack may take.
    fn over_budget(&self, span: Option<Span>) -> FileError {
        self.error(
            span,
            format!(
                "规则包的正则表达式合计超过上限（编译后 {} MiB 或 {} 个）",
                PACK_REGEX_BUDGET >> 20,
                PACK_REGEX_COUNT
            ),
        )
        .with_label("从这条规则起超出上限")
        .with_help("减少或合并正则表达式，或把规则拆到几个规则包；各项上限见 docs/limits.md")
    }

    /// Compiles now (user packs), or lists the pattern for later (built-in packs).
    fn compile_or_defer(&self, p: LazyPattern) -> Result<(), Refused> {
        if self.lazy {
            self.lazies.borrow_mut().push(p);
            Ok(())
        } else {
            // A user pack: within the pack's budget, then compiled now.
            let (bytes, count) = self.spent.get();
            let count = count + p.sources().len();
            let left = PACK_REGEX_BUDGET.saturating_sub(bytes);
            if count > PACK_REGEX_COUNT {
                return Err(Refused::Budget);
            }
            p.compile().map_err(Refused::Regex)?;
            let limit = left.min(REGEX_SIZE_LIMIT.saturating_mul(p.sources().len()));
            let used = measure(p.sources(), limit).ok_or(if limit < REGEX_SIZE_LIMIT {
                Refused::Budget
            } else {
                Refused::Regex(regex::Error::CompiledTooBig(limit))
            })?;
            if used > left {
                return Err(Refused::Budget);
            }
            self.spent.set((bytes + used, count));
            Ok(())
        }
    }

    /// Resolves a reference to a `[[table]]` of this pack: the pack's tables and the index.
    pub fn table(
        &self,
        id: &toml::Spanned<String>,
    ) -> Result<(std::sync::Arc<Vec<TableDef>>, usize), FileError> {
        match self.tables.iter().position(|t| &t.id == id.get_ref()) {
            Some(i) => Ok((self.tables.clone(), i)),
            None => {
                let known: Vec<&str> = self.tables.iter().map(|t| t.id.as_str()).collect();
                Err(self
                    .error(
                        Some(id.span().into()),
                        format!("引用了不存在的表「{}」", id.get_ref()),
                    )
                    .with_label("没有这个 table id")
                    .with_help(format!("本规则包定义的表：{}", known.join("、"))))
            }
        }
    }

    /// Resolves a reference to a `[[breakdown]]` of this pack.
    pub fn breakdown(&self, id: &toml::Spanned<String>) -> Result<Arc<BreakdownSpec>, FileError> {
        self.breakdowns.get(id.get_ref()).cloned().ok_or_else(|| {
            let known: Vec<&str> = self.breakdowns.keys().map(String::as_str).collect();
            self.error(
                Some(id.span().into()),
                format!("引用了不存在的分项结构「{}」", id.get_ref()),
            )
            .with_label("没有这个 breakdown id")
            .with_help(format!("本规则包定义的分项结构：{}", known.join("、")))
        })
    }

    /// Resolves a reference to a section of this pack.
    pub fn section(&self, id: &toml::Spanned<String>) -> Result<SectionDef, FileError> {
        self.sections.get(id.get_ref()).cloned().ok_or_else(|| {
            let known: Vec<&str> = self.sections.keys().map(String::as_str).collect();
            self.error(
                Some(id.span().into()),
                format!("引用了不存在的部分「{}」", id.get_ref()),
            )
            .with_label("没有这个 section id")
            .with_help(format!("本规则包定义的部分：{}", known.join("、")))
        })
    }
}

impl RuleSet {
    /// Loads the built-in packs and the given user packs `(path, text)`.
    /// Broken packs are skipped and their errors returned; the rest still run.
    pub fn load(user: &[(String, String)]) -> (RuleSet, Vec<FileError>) {
        RuleSet::load_with(BUILTIN, user)
    }

    /// Loads only the given packs, no built-in one (the rule-file fuzz target:
    /// recompiling the built-ins per input would cost most of its time).
    pub fn load_without_builtins(user: &[(String, String)]) -> (RuleSet, Vec<FileError>) {
        RuleSet::load_with(&[], user)
    }

    fn load_with(
        builtin_packs: &[(&str, &str)],
        user: &[(String, String)],
    ) -> (RuleSet, Vec<FileError>) {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        // The built-in packs compile in parallel (start-up of a one-report
        // run); each has its own id map, merged in order afterwards.
        use rayon::prelude::*;
        let builtins: Vec<_> = builtin_packs
            .par_iter()
            .map(|(name, text)| {
                let path = format!("builtin:{name}");
                let mut own = BTreeMap::new();
                let compiled = compile_pack(&path, text, true, &mut own);
                (path, text.to_string(), compiled, own)
            })
            .collect();
        let mut compiled = Vec::new();
        for (path, text, result, own) in builtins {
            for (id, at) in own {
                if let Some(first) = ids.insert(id.clone(), at) {
                    errors.push(FileError::new(
                        &path,
                        None,
                        format!("规则 id「{id}」与 {first} 中的规则重复"),
                    ));
                }
            }
            compiled.push((path, text, result));
        }
        for (path, text) in user {
            let result = compile_pack(path, text, false, &mut ids);
            compiled.push((path.clone(), text.clone(), result));
        }
        let mut disables = Vec::new();
        let builtin_ids: Vec<String> = compiled
            .iter()
            .filter_map(|(_, _, r)| r.as_ref().ok())
            .filter(|(p, _)| p.builtin)
            .map(|(p, _)| p.meta.id.clone())
            .collect();
        for (path, text, result) in compiled {
            match result {
                // A user pack must not shadow a built-in one (selecting by id
                // would silently pick either).
                Ok((pack, _)) if !pack.builtin && builtin_ids.contains(&pack.meta.id) => {
                    errors.push(
                        FileError::new(
                            &path,
                            None,
                            format!(
                                "规则包 id「{}」与内置规则包重复，本规则包未加载",
                                pack.meta.id
                            ),
                        )
                        .with_help(format!(
                            "为规则包换一个 id，例如「province-{}」",
                            pack.meta.id
                        )),
                    );
                }
                Ok((pack, disable)) => {
                    disables.push((path.clone(), text, disable));
                    set.packs.push(pack);
                }
                Err(errs) => errors.extend(errs),
            }
        }
        for (path, _text, disable) in disables {
            for id in disable {
                if ids.contains_key(id.get_ref()) {
                    set.disabled.insert(id.get_ref().clone());
                } else {
                    errors.push(
                        FileError::new(
                            &path,
                            Some(id.span().into()),
                            format!("disable 引用了不存在的规则「{}」", id.get_ref()),
                        )
                        .with_label("没有这个规则 id")
                        .with_help("用 `report-lint rules` 列出所有规则 id"),
                    );
                }
            }
        }
        (set, errors)
    }

    /// The rules of corpus kinds of every loaded pack, in pack order,
    /// without those a pack disables.
    pub fn corpus_rules(&self) -> Vec<&super::corpus::CorpusRule> {
        self.packs
            .iter()
            .flat_map(|p| &p.corpus)
            .filter(|r| !self.disabled.contains(&r.meta.id))
            .collect()
    }

    /// A rule of either phase by id: its pack and metadata.
    pub fn find_meta(&self, id: &str) -> Option<(&Pack, &crate::rules::RuleMeta)> {
        self.packs.iter().find_map(|p| {
            p.rules
                .iter()
                .map(|r| &r.meta)
                .chain(p.corpus.iter().map(|r| &r.meta))
                .find(|m| m.id == id)
                .map(|m| (p, m))
        })
    }

    pub fn find_rule(&self, id: &str) -> Option<(&Pack, &CompiledRule)> {
        self.packs
            .iter()
            .find_map(|p| p.rules.iter().find(|r| r.meta.id == id).map(|r| (p, r)))
    }

    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.meta.id == id)
    }

    /// The packs that apply to a report of `year`: the built-in packs for all
    /// years, the built-in pack for that year (or the forced one), and every
    /// user pack whose years match.
    pub fn select(&self, year: Option<i32>, forced: Option<&str>) -> Vec<&Pack> {
        let always = self
            .packs
            .iter()
            .filter(|p| p.builtin && p.meta.is_general());
        let builtin = match forced {
            Some(id) => self.packs.iter().find(|p| p.meta.id == id),
            None => self
                .packs
                .iter()
                .filter(|p| p.builtin && !p.meta.is_general())
                .find(|p| match year {
                    Some(y) => p.meta.report_years.contains(y),
                    None => p.meta.fallback,
                }),
        };
        let users = self.packs.iter().filter(|p| {
            !p.builtin
                && forced != Some(p.meta.id.as_str())
                && year.is_none_or(|y| p.meta.report_years.contains(y))
        });
        always.chain(builtin).chain(users).collect()
    }
}

type Disable = Vec<toml::Spanned<String>>;

fn compile_pack(
    path: &str,
    text: &str,
    builtin: bool,
    ids: &mut BTreeMap<String, String>,
) -> Result<(Pack, Disable), Vec<FileError>> {
    let root = DeTable::parse(text).map_err(|e| vec![FileError::from_toml(path, &e)])?;
    let root_span: Span = root.span().into();
    let mut root = root.into_inner();
    let rules_v = take(&mut root, "rule");
    let sections_v = take(&mut root, "section");
    let breakdowns_v = take(&mut root, "breakdown");
    let tables_v = take(&mut root, "table");
    let file: schema::PackFile =
        serde::Deserialize::deserialize(toml::de::ValueDeserializer::from(toml::Spanned::new(
            root_span.range(),
            DeValue::Table(root),
        )))
        .map_err(|e| vec![FileError::from_toml(path, &e)])?;
    let mut errors = Vec::new();

    let mut sections: BTreeMap<String, SectionDef> = named_defs(
        path,
        sections_v,
        "section",
        "部分",
        |s: &SectionDef| &s.id,
        &mut errors,
    );
    sections.values_mut().for_each(SectionDef::prepare);
    // Shared, so that a document reads each breakdown once for all its rules.
    let breakdowns: BTreeMap<String, Arc<BreakdownSpec>> = named_defs(
        path,
        breakdowns_v,
        "breakdown",
        "分项结构",
        |b: &BreakdownSpec| &b.id,
        &mut errors,
    )
    .into_iter()
    .map(|(k, v)| (k, Arc::new(v)))
    .collect();

    let mut tables: Vec<TableDef> = Vec::new();
    for v in array_of_tables(path, tables_v, "table", &mut errors) {
        let span: Span = v.span().into();
        match <TableDef as serde::Deserialize>::deserialize(toml::de::ValueDeserializer::from(v)) {
            Ok(mut t) => match check_table(&t) {
                Ok(()) => {
                    t.prepare();
                    tables.push(t)
                }
                Err(msg) => errors.push(FileError::new(
                    path,
                    Some(span),
                    format!("表「{}」无效：{msg}", t.id),
                )),
            },
            Err(e) => errors.push(FileError::from_toml(path, &e)),
        }
    }
    let tables = std::sync::Arc::new(tables);

    let mut rules = Vec::new();
    let mut corpus = Vec::new();
    let lazies = std::cell::RefCell::new(Vec::new());
    let spent = std::cell::Cell::new((0, 0));
    // What every rule of the pack may refer to; each rule fills in its own
    // span and check.
    let pack_ctx = CompileCtx {
        path,
        // A run compiles only the built-in regexes it uses (`Lazy`).
        lazy: builtin,
        lazies: &lazies,
        spent: &spent,
        sections: &sections,
        breakdowns: &breakdowns,
        tables: &tables,
        rule_span: Span::default(),
        check: "",
    };
    for v in array_of_tables(path, rules_v, "rule", &mut errors) {
        match compile_rule(v, &file.pack.id, &pack_ctx, ids) {
            Ok(Compiled::File(r)) => rules.push(r),
            Ok(Compiled::Corpus(r)) => corpus.push(r),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let disable = file.pack.disable.clone();
    Ok((
        Pack {
            meta: file.pack,
            path: path.to_string(),
            builtin,
            rules,
            corpus,
            tables,
            lazy: lazies.into_inner(),
        },
        disable,
    ))
}

/// A rule of a per-file kind or of a corpus kind.
enum Compiled {
    File(CompiledRule),
    Corpus(super::corpus::CorpusRule),
}

/// A kind of either phase, as compiling a rule needs it.
#[derive(Clone, Copy)]
enum AnyKind {
    File(&'static engine::KindSpec),
    Corpus(&'static super::corpus::CorpusKindSpec),
}

impl AnyKind {
    fn find(name: &str) -> Option<AnyKind> {
        engine::kind(name)
            .map(AnyKind::File)
            .or_else(|| super::corpus::kind(name).map(AnyKind::Corpus))
    }
    fn names(self) -> &'static [&'static str] {
        match self {
            AnyKind::File(k) => k.names,
            AnyKind::Corpus(k) => k.names,
        }
    }
    fn checks(self) -> &'static [&'static str] {
        match self {
            AnyKind::File(k) => k.checks,
            AnyKind::Corpus(k) => k.checks,
        }
    }
    fn vars(self) -> &'static [&'static str] {
        match self {
            AnyKind::File(k) => k.vars,
            AnyKind::Corpus(k) => k.vars,
        }
    }
}

fn compile_rule(
    v: toml::Spanned<DeValue<'_>>,
    pack: &str,
    pack_ctx: &CompileCtx<'_>,
    ids: &mut BTreeMap<String, String>,
) -> Result<Compiled, FileError> {
    let path = pack_ctx.path;
    let rule_span: Span = v.span().into();
    let DeValue::Table(mut table) = v.into_inner() else {
        return Err(FileError::new(
            path,
            Some(rule_span),
            "[[rule]] 的每一项必须是表",
        ));
    };
    // Split the common keys from the kind's own keys, keeping every span.
    let mut common = DeTable::default();
    for key in COMMON_KEYS {
        if let Some(k) = table.keys().find(|k| k.get_ref() == key).cloned()
            && let Some(val) = take(&mut table, key)
        {
            common.insert(k, val);
        }
    }
    let head: schema::RuleHead =
        serde::Deserialize::deserialize(toml::de::ValueDeserializer::from(toml::Spanned::new(
            rule_span.range(),
            DeValue::Table(common),
        )))
        .map_err(|e| {
            let mut err = FileError::from_toml(path, &e);
            err.span = err.span.or(Some(rule_span));
            err
        })?;
    let id_span: Span = head.id.span().into();
    let id = head.id.get_ref().clone();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_/.".contains(c))
    {
        return Err(
            FileError::new(path, Some(id_span), format!("规则 id「{id}」无效"))
                .with_label("id 只能由 ASCII 字母、数字和 - _ / . 组成"),
        );
    }
    if let Some(first) = ids.get(&id) {
        return Err(
            FileError::new(path, Some(id_span), format!("规则 id「{id}」重复"))
                .with_label("此 id 已被使用")
                .with_help(format!("首次定义于 {first}；规则 id 必须唯一且永不复用")),
        );
    }
    let check_name = head.check.get_ref();
    let check_span: Span = head.check.span().into();
    let Some(check) = Check::from_name(check_name).filter(|c| !c.is_operational()) else {
        let names: Vec<&str> = Check::ALL
            .iter()
            .filter(|c| !c.is_operational())
            .map(|c| c.as_str())
            .collect();
        return Err(FileError::new(
            path,
            Some(check_span),
            format!("未知的检查类型「{check_name}」"),
        )
        .with_label("未知的 check")
        .with_help(format!("可用的检查类型：{}", names.join("、"))));
    };
    let kind = match &head.kind {
        Some(k) => AnyKind::find(k.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = engine::KINDS
                .iter()
                .flat_map(|k| k.names.iter().copied())
                .chain(
                    super::corpus::CORPUS_KINDS
                        .iter()
                        .flat_map(|k| k.names.iter().copied()),
                )
                .collect();
            FileError::new(
                path,
                Some(k.span().into()),
                format!("未知的引擎类型「{}」", k.get_ref()),
            )
            .with_label("未知的 kind")
            .with_help(format!("可用的 kind：{}", names.join("、")))
        })?,
        None => AnyKind::find(check_name).ok_or_else(|| {
            FileError::new(
                path,
                Some(check_span),
                format!("检查类型「{check_name}」需要写明 kind"),
            )
            .with_label("没有同名的默认引擎")
            .with_help("在规则中加上 kind = \"…\"，见 docs/rule-packs.md")
        })?,
    };
    if !kind.checks().contains(&check_name.as_str()) {
        return Err(FileError::new(
            path,
            Some(check_span),
            format!("引擎「{}」不报告「{check_name}」", kind.names()[0]),
        )
        .with_label("此 kind 不支持这个 check")
        .with_help(format!(
            "「{}」可报告：{}",
            kind.names()[0],
            kind.checks().join("、")
        )));
    }
    let kind_name = kind.names()[0];
    let severity = head.severity;
    schema::check_placeholders(&head.message, kind.vars()).map_err(|(span, name)| {
        FileError::new(
            path,
            Some(span),
            format!("消息模板引用了未知的占位符「{{{name}}}」"),
        )
        .with_label("未知的占位符")
        .with_help(format!(
            "「{kind_name}」可用的占位符：{}",
            kind.vars()
                .iter()
                .map(|v| format!("{{{v}}}"))
                .collect::<Vec<_>>()
                .join(" ")
        ))
    })?;
    let ctx = CompileCtx {
        rule_span,
        check: check_name,
        ..*pack_ctx
    };
    let params = toml::de::ValueDeserializer::from(toml::Spanned::new(
        rule_span.range(),
        DeValue::Table(table),
    ));
    let meta = RuleMeta {
        id: id.clone(),
        check,
        severity,
        message: head.message.into_inner(),
        help: head.help,
        source: head.source,
        explain: head.explain,
        pack: pack.to_string(),
        default: head.default,
    };
    let compiled = match kind {
        AnyKind::File(kind) => Compiled::File(CompiledRule {
            checker: (kind.compile)(params, &ctx)?,
            meta,
            kind,
        }),
        AnyKind::Corpus(kind) => Compiled::Corpus(super::corpus::CorpusRule {
            checker: (kind.compile)(params, &ctx)?,
            meta,
            kind,
        }),
    };
    ids.insert(id, path.to_string());
    Ok(compiled)
}
