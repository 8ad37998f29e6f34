//! `report-lint.toml`: which packs and rules apply, severities, what to skip,
//! the issuer of the reports, per-glob overrides, and findings suppressed with
//! a reason. Found from the working directory upwards (stopping at the
//! repository root) or given with `--config`. Errors point into the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Check, Diagnostic, Severity};
use crate::numbers::date::MonthDay;
use crate::source::span::Span;

pub const FILE_NAME: &str = "report-lint.toml";

pub use crate::analysis::Level;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    pack: Option<Spanned<String>>,
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    /// Added to the selection without narrowing it (and what turns on a
    /// rule that is off by default).
    #[serde(default)]
    extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    /// `[issuer]` (one issuer for every report) or `[[issuer]]` entries
    /// (each with a `glob`: repositories laid out by folder).
    #[serde(default)]
    issuer: Option<OneOrMany>,
    #[serde(default)]
    per_file: Vec<RawPerFile>,
    #[serde(default)]
    suppress: Vec<RawSuppress>,
}

/// `[issuer]` or `[[issuer]]`.
#[derive(Debug)]
enum OneOrMany {
    One(RawIssuer),
    Many(Vec<RawIssuer>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("[issuer] or [[issuer]]")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, m: A) -> Result<OneOrMany, A::Error> {
                RawIssuer::deserialize(serde::de::value::MapAccessDeserializer::new(m))
                    .map(OneOrMany::One)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, s: A) -> Result<OneOrMany, A::Error> {
                Vec::<RawIssuer>::deserialize(serde::de::value::SeqAccessDeserializer::new(s))
                    .map(OneOrMany::Many)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawIssuer {
    /// `[[issuer]]` only: the reports (path glob) this issuer wrote.
    #[serde(default)]
    glob: Option<Spanned<String>>,
    /// Other names the issuer goes by (shortened, former names).
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    level: Option<Spanned<String>>,
    /// `MM-DD` of the year after the report year, for 乡镇/街道 reports.
    #[serde(default)]
    township_deadline: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawPerFile {
    glob: Spanned<String>,
    #[serde(default)]
    pack: Option<Spanned<String>>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    /// Added to the selection without narrowing it (and what turns on a
    /// rule that is off by default).
    #[serde(default)]
    extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    issuer: Option<RawIssuer>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawSuppress {
    /// Glob of the report's path.
    path: Spanned<String>,
    rule: Spanned<String>,
    /// The finding's text (what its span covers) contains this.
    #[serde(default)]
    text: Option<String>,
    /// Mandatory; missing, it is reported with the file's other errors.
    #[serde(default)]
    reason: String,
}

/// What applies to one report.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Effective {
    pub pack: Option<String>,
    pub select: Vec<String>,
    /// `extend-select` of the file and of every matching `[[per-file]]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub issuer_name: Option<String>,
    /// Other names of the issuer (`aliases` of its `[[issuer]]`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issuer_aliases: Vec<String>,
    pub level: Option<Level>,
    pub township_deadline: Option<MonthDay>,
}

impl Effective {
    /// Whether `select` or `extend-select` names rule `id` itself — what
    /// turns on a rule that is off by default (`default = false` in its
    /// pack). A prefix or a check name selects only the rules that are on:
    /// `select = ["gov2021/"]` must not bring in a customary statement.
    pub fn names_rule(&self, id: &str) -> bool {
        self.select
            .iter()
            .chain(&self.extend_select)
            .any(|s| s == id)
    }
}

/// An issuer the configuration names (`[issuer]`, `[[issuer]]`, `[[per-file]]`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KnownIssuer {
    pub name: String,
    pub aliases: Vec<String>,
    pub level: Option<Level>,
}

#[derive(Debug)]
struct Layer {
    pack: Option<String>,
    select: Vec<String>,
    extend_select: Vec<String>,
    ignore: Vec<String>,
    severity: BTreeMap<String, Severity>,
    issuer: Option<Issuer>,
}

/// The issuer as one layer states it.
#[derive(Debug, Clone)]
struct Issuer {
    name: Option<String>,
    aliases: Vec<String>,
    level: Option<Level>,
    deadline: Option<MonthDay>,
}

#[derive(Debug)]
struct Suppress {
    path: GlobMatcher,
    rule: String,
    text: Option<String>,
    span: Span,
    /// A report of this run matched `path`: only then can "hid nothing" be
    /// said (a pre-commit run checks a few files, not the others').
    seen: AtomicBool,
    used: AtomicBool,
}

/// A loaded configuration.
#[derive(Debug)]
pub struct Config {
    /// The file, when there is one; its text for error spans.
    pub path: Option<PathBuf>,
    pub text: String,
    /// Relative paths in the file are relative to this directory.
    pub base: PathBuf,
    pub rules: Vec<PathBuf>,
    pub fail_on: Option<Severity>,
    exclude: GlobSet,
    top: Layer,
    /// `[[issuer]]` entries: each applies to the reports its glob matches.
    issuers: Vec<(Option<GlobMatcher>, Issuer)>,
    per_file: Vec<(GlobMatcher, Layer)>,
    suppress: Vec<Suppress>,
    /// Every pack id and rule selector the file names, with its span, checked
    /// against the loaded packs (`Config::validate`).
    refs: Vec<Ref>,
    /// `--select`, `--extend-select`, `--ignore`: the command line wins over the file.
    overrides: Overrides,
}

/// The selection given on the command line (`check --select …`). It wins over
/// the file, as ruff's flags do: `select` replaces every `select` of the file
/// (and of its `[[per-file]]`s) and its `ignore`s; `extend_select` shows what
/// it names whatever the file says; `ignore` hides what it names, whatever
/// else selects it. Each entry is a rule id, a prefix ending in `/` or a
/// check name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Overrides {
    fn is_empty(&self) -> bool {
        self.select.is_none() && self.extend_select.is_empty() && self.ignore.is_empty()
    }

    /// Whether a finding of the rule `id` and check `check` is shown, given
    /// what the file decided (`by_file`).
    fn shows(&self, id: &str, check: &str, by_file: bool) -> bool {
        let chosen = match &self.select {
            Some(select) => named(select, id, check),
            None => by_file,
        };
        (chosen || named(&self.extend_select, id, check)) && !named(&self.ignore, id, check)
    }
}

/// Whether `list` names the rule `id` or the check `check` (exactly, or by a
/// prefix ending in `/`).
fn named(list: &[String], id: &str, check: &str) -> bool {
    [id, check].iter().any(|n| {
        list.iter()
            .any(|x| x == n || (x.ends_with('/') && n.starts_with(x.as_str())))
    })
}

/// A name the configuration uses that must exist once packs are loaded.
#[derive(Debug)]
enum Ref {
    Pack(String, Span),
    /// A rule id, a check name, or a prefix ending in `/`.
    Selector(String, Span),
}

/// An error in the configuration: the one error type of files the user writes.
pub type ConfigError = crate::rules::FileError;

impl Config {
    /// Fails closed: a pack id or a selector that names nothing would
    /// silently turn checks off (`pack = "gov2008"` dropped the year pack;
    /// `select = ["comon/"]` hid every finding), so each is an error with the
    /// closest name that exists.
    pub fn validate(&self, set: &crate::engine::RuleSet) -> Vec<ConfigError> {
        let packs: Vec<&str> = set.packs.iter().map(|p| p.meta.id.as_str()).collect();
        let names = Selectors::of(set);
        let mut errors = Vec::new();
        for r in &self.refs {
            match r {
                Ref::Pack(id, span) if !packs.contains(&id.as_str()) => {
                    errors.push(unknown(*span, "规则包", id, &packs));
                }
                Ref::Selector(name, span) if !names.knows(name) => {
                    errors.push(unknown(*span, "规则或检查类型", name, &names.all()));
                }
                _ => {}
            }
        }
        errors
    }

    /// Sets the command line's selection (`check --select …`).
    pub fn set_overrides(&mut self, overrides: Overrides) {
        self.overrides = overrides;
    }

    /// The names of the command line's selection that name nothing, each as
    /// `(flag, name, closest name)`: every one, not only the first.
    pub fn unknown_overrides(
        &self,
        set: &crate::engine::RuleSet,
    ) -> Vec<(&'static str, String, Option<String>)> {
        let names = Selectors::of(set);
        let all = names.all();
        let o = &self.overrides;
        let lists = [
            ("--select", o.select.as_deref().unwrap_or_default()),
            ("--extend-select", &o.extend_select[..]),
            ("--ignore", &o.ignore[..]),
        ];
        let mut out = Vec::new();
        for (flag, list) in lists {
            for name in list.iter().filter(|n| !names.knows(n)) {
                let close = crate::rules::load::suggest(name, &all).map(str::to_string);
                out.push((flag, name.clone(), close));
            }
        }
        out
    }
}

/// Every name a selection may use: rule ids of either phase, check names and
/// the prefixes of ids (`common/`).
pub struct Selectors<'s> {
    rules: Vec<&'s str>,
    prefixes: Vec<String>,
}

impl<'s> Selectors<'s> {
    pub fn of(set: &'s crate::engine::RuleSet) -> Self {
        let rules: Vec<&str> = set
            .packs
            .iter()
            .flat_map(|p| {
                p.rules
                    .iter()
                    .map(|r| r.meta.id.as_str())
                    .chain(p.corpus.iter().map(|r| r.meta.id.as_str()))
            })
            .collect();
        let mut prefixes: Vec<String> = rules
            .iter()
            .filter_map(|r| r.split_once('/').map(|(p, _)| format!("{p}/")))
            .collect();
        prefixes.sort();
        prefixes.dedup();
        Selectors { rules, prefixes }
    }

    /// Whether `name` selects something.
    pub fn knows(&self, name: &str) -> bool {
        if name.ends_with('/') {
            self.rules.iter().any(|r| r.starts_with(name))
        } else {
            self.rules.contains(&name) || Check::ALL.iter().any(|c| c.as_str() == name)
        }
    }

    /// Every name, for "did you mean".
    pub fn all(&self) -> Vec<&str> {
        let mut all = self.rules.clone();
        all.extend(Check::ALL.iter().map(|c| c.as_str()));
        all.extend(self.prefixes.iter().map(String::as_str));
        all
    }
}

/// "No such X; did you mean Y?"
fn unknown(span: Span, what: &str, name: &str, known: &[&str]) -> ConfigError {
    let err = ConfigError::config(
        Some(span),
        format!("没有名为「{name}」的{what}，这一项不会生效"),
    );
    match crate::rules::load::suggest(name, known) {
        Some(s) => err.with_help(format!("是否想写「{s}」？")),
        None => err.with_help("用 `report-lint rules` 列出所有规则和规则包"),
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            refs: Vec::new(),
            overrides: Overrides::default(),
            path: None,
            text: String::new(),
            base: PathBuf::from("."),
            rules: Vec::new(),
            fail_on: None,
            exclude: GlobSet::empty(),
            top: Layer {
                pack: None,
                select: Vec::new(),
                extend_select: Vec::new(),
                ignore: Vec::new(),
                severity: BTreeMap::new(),
                issuer: None,
            },
            issuers: Vec::new(),
            per_file: Vec::new(),
            suppress: Vec::new(),
        }
    }
}

/// Finds `report-lint.toml` from `start` upwards, stopping at a directory that
/// holds `.git` (the repository root).
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

fn severity(s: &Spanned<String>) -> Result<Severity, ConfigError> {
    match s.get_ref().as_str() {
        "error" => Ok(Severity::Error),
        "warning" => Ok(Severity::Warning),
        "info" => Ok(Severity::Info),
        other => Err(ConfigError::config(
            Some(s.span().into()),
            format!("严重级别「{other}」无效"),
        )
        .with_help("应为 error、warning 或 info")),
    }
}

fn glob(s: &Spanned<String>) -> Result<Glob, ConfigError> {
    Glob::new(s.get_ref()).map_err(|e| {
        ConfigError::config(
            Some(s.span().into()),
            format!("glob「{}」无效：{}", s.get_ref(), e.kind()),
        )
    })
}

fn month_day(s: &Spanned<String>) -> Result<MonthDay, ConfigError> {
    s.get_ref().parse().map_err(|_| {
        ConfigError::config(
            Some(s.span().into()),
            format!("日期「{}」无效", s.get_ref()),
        )
        .with_help("写成 \"MM-DD\"，如 \"02-20\"")
    })
}

fn names(v: &[Spanned<String>]) -> Vec<String> {
    v.iter().map(|s| s.get_ref().clone()).collect()
}

fn raw_issuer(i: &RawIssuer) -> Result<Issuer, ConfigError> {
    let level = match &i.level {
        Some(l) => Some(Level::parse(l.get_ref()).ok_or_else(|| {
            ConfigError::config(
                Some(l.span().into()),
                format!("级别「{}」无效", l.get_ref()),
            )
            .with_help("应为 government、department 或 township")
        })?),
        None => None,
    };
    let deadline = i.township_deadline.as_ref().map(month_day).transpose()?;
    Ok(Issuer {
        name: i.name.clone(),
        aliases: i.aliases.clone(),
        level,
        deadline,
    })
}

fn layer(
    pack: &Option<Spanned<String>>,
    select: &[Spanned<String>],
    extend_select: &[Spanned<String>],
    ignore: &[Spanned<String>],
    sev: &BTreeMap<String, Spanned<String>>,
    issuer: Option<&RawIssuer>,
) -> Result<Layer, ConfigError> {
    let mut severity_map = BTreeMap::new();
    for (k, v) in sev {
        severity_map.insert(k.clone(), severity(v)?);
    }
    let issuer = issuer.map(raw_issuer).transpose()?;
    Ok(Layer {
        pack: pack.as_ref().map(|p| p.get_ref().clone()),
        select: names(select),
        extend_select: names(extend_select),
        ignore: names(ignore),
        severity: severity_map,
        issuer,
    })
}

impl Config {
    /// Parses a configuration file's text. On errors, every one found (every
    /// syntax error; else every unknown key and every bad value — a value of
    /// the wrong type stops the reading), with a configuration that applies
    /// nothing but still names what the file names, so that
    /// `Config::validate` adds the names that do not exist.
    pub fn parse(path: &Path, text: &str) -> Result<Config, (Config, Vec<ConfigError>)> {
        let fallback = |refs: Vec<Ref>| Config {
            refs,
            path: Some(path.to_path_buf()),
            text: text.to_string(),
            ..Config::default()
        };
        let (table, syntax) = toml::de::DeTable::parse_recoverable(text);
        if !syntax.is_empty() {
            // One a line: the parser's later errors on the line of an error
            // are its consequences.
            let mut errors: Vec<ConfigError> = syntax.iter().map(toml_error).collect();
            errors.sort_by_key(|e| e.span.map(|s| s.start));
            let line = |e: &ConfigError| {
                e.span
                    .map(|s| text[..s.start.min(text.len())].matches('\n').count())
            };
            errors.dedup_by(|b, a| line(a) == line(b));
            return Err((fallback(Vec::new()), errors));
        }
        let mut errors = Vec::new();
        unknown_keys(table.get_ref(), Table::Top, &mut errors);
        let raw: RawConfig = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(toml_error(&e));
                errors.sort_by_key(|e| e.span.map(|s| s.start));
                return Err((fallback(Vec::new()), errors));
            }
        };
        let refs = refs_of(&raw);
        match Config::build(path, text, raw, refs, errors) {
            Ok(c) => Ok(c),
            Err((refs, mut errors)) => {
                errors.sort_by_key(|e| e.span.map(|s| s.start));
                Err((fallback(refs), errors))
            }
        }
    }

    /// The configuration from a file read without syntax or type errors;
    /// `errors` are those already found (unknown keys).
    fn build(
        path: &Path,
        text: &str,
        raw: RawConfig,
        refs: Vec<Ref>,
        mut errors: Vec<ConfigError>,
    ) -> Result<Config, (Vec<Ref>, Vec<ConfigError>)> {
        let one = match &raw.issuer {
            Some(OneOrMany::One(i)) => Some(i),
            _ => None,
        };
        if let Some(g) = one.and_then(|i| i.glob.as_ref()) {
            errors.push(
                ConfigError::config(Some(g.span().into()), "[issuer] 不能写 glob")
                    .with_help("按路径区分机关时写成 [[issuer]]，每项一个 glob"),
            );
        }
        let mut ok = |r: Result<Layer, ConfigError>| r.map_err(|e| errors.push(e)).ok();
        let top = ok(layer(
            &raw.pack,
            &raw.select,
            &raw.extend_select,
            &raw.ignore,
            &raw.severity,
            one,
        ));
        let mut issuers = Vec::new();
        if let Some(OneOrMany::Many(list)) = &raw.issuer {
            for i in list {
                let g = match &i.glob {
                    Some(g) => match glob(g) {
                        Ok(g) => Some(g.compile_matcher()),
                        Err(e) => {
                            errors.push(e);
                            continue;
                        }
                    },
                    None => None,
                };
                match raw_issuer(i) {
                    Ok(x) => issuers.push((g, x)),
                    Err(e) => errors.push(e),
                }
            }
        }
        let per_file: Vec<Option<(GlobMatcher, Layer)>> = raw
            .per_file
            .iter()
            .map(|p| {
                let g = glob(&p.glob).map_err(|e| errors.push(e)).ok()?;
                let l = layer(
                    &p.pack,
                    &p.select,
                    &p.extend_select,
                    &p.ignore,
                    &p.severity,
                    p.issuer.as_ref(),
                )
                .map_err(|e| errors.push(e))
                .ok()?;
                Some((g.compile_matcher(), l))
            })
            .collect();
        let mut exclude = GlobSetBuilder::new();
        for e in &raw.exclude {
            match glob(e) {
                Ok(g) => {
                    exclude.add(g);
                }
                Err(err) => errors.push(err),
            }
        }
        let fail_on = match raw.fail_on.as_ref().map(severity).transpose() {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let mut suppress = Vec::new();
        for s in &raw.suppress {
            if s.reason.trim().is_empty() {
                errors.push(ConfigError::config(
                    Some(s.rule.span().into()),
                    "suppress 必须写明 reason（忽略的理由）",
                ));
                continue;
            }
            match glob(&s.path) {
                Ok(g) => suppress.push(Suppress {
                    path: g.compile_matcher(),
                    rule: s.rule.get_ref().clone(),
                    text: s.text.clone(),
                    span: s.rule.span().into(),
                    seen: AtomicBool::new(false),
                    used: AtomicBool::new(false),
                }),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err((refs, errors));
        }
        let base = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let exclude = match exclude.build() {
            Ok(x) => x,
            Err(e) => return Err((refs, vec![ConfigError::config(None, e.to_string())])),
        };
        Ok(Config {
            refs,
            overrides: Overrides::default(),
            path: Some(path.to_path_buf()),
            text: text.to_string(),
            rules: raw.rules.iter().map(|r| base.join(r.get_ref())).collect(),
            base,
            fail_on,
            exclude,
            top: top.expect("no errors"),
            issuers,
            per_file: per_file
                .into_iter()
                .map(|p| p.expect("no errors"))
                .collect(),
            suppress,
        })
    }

    /// Paths as the user gave them and relative to the configuration's directory.
    fn candidates<'p>(&self, path: &'p str) -> Vec<std::borrow::Cow<'p, str>> {
        let mut v = vec![std::borrow::Cow::Borrowed(
            path.strip_prefix("./").unwrap_or(path),
        )];
        if let Ok(abs) = std::path::absolute(path)
            && let Ok(base) = std::path::absolute(&self.base)
            && let Ok(rel) = abs.strip_prefix(base)
        {
            v.push(std::borrow::Cow::Owned(rel.to_string_lossy().into_owned()));
        }
        v
    }

    pub fn excluded(&self, path: &str) -> bool {
        self.candidates(path)
            .iter()
            .any(|p| self.exclude.is_match(p.as_ref()))
    }

    /// What applies to the report at `path`: the file's settings, then every
    /// `[[per-file]]` whose glob matches, in order.
    pub fn effective(&self, path: &str) -> Effective {
        let mut e = Effective::default();
        let cands = self.candidates(path);
        let matching = |g: &GlobMatcher| cands.iter().any(|p| g.is_match(p.as_ref()));
        let add = |e: &mut Effective, i: &Issuer| {
            if i.name.is_some() {
                e.issuer_name = i.name.clone();
                e.issuer_aliases = i.aliases.clone();
            } else {
                e.issuer_aliases.extend(i.aliases.iter().cloned());
            }
            e.level = i.level.or(e.level);
            e.township_deadline = i.deadline.or(e.township_deadline);
        };
        if let Some(i) = &self.top.issuer {
            add(&mut e, i);
        }
        for (_, i) in self
            .issuers
            .iter()
            .filter(|(g, _)| g.as_ref().is_none_or(matching))
        {
            add(&mut e, i);
        }
        let layers = std::iter::once(&self.top).chain(
            self.per_file
                .iter()
                .filter(|(g, _)| matching(g))
                .map(|(_, l)| l),
        );
        for l in layers {
            if l.pack.is_some() {
                e.pack = l.pack.clone();
            }
            if !l.select.is_empty() {
                e.select = l.select.clone();
            }
            e.extend_select.extend(l.extend_select.iter().cloned());
            e.ignore.extend(l.ignore.iter().cloned());
            e.severity
                .extend(l.severity.iter().map(|(k, v)| (k.clone(), *v)));
            if let Some(i) = &l.issuer
                && !std::ptr::eq(l, &self.top)
            {
                add(&mut e, i);
            }
        }
        e
    }

    /// Whether a rule that is off by default runs for a report: the file
    /// (`Effective::names_rule`) or the command line names it by its id.
    pub fn enables(&self, e: &Effective, id: &str) -> bool {
        e.names_rule(id)
            || self
                .overrides
                .select
                .iter()
                .flatten()
                .chain(&self.overrides.extend_select)
                .any(|s| s == id)
    }

    /// Whether the file's own `select`/`ignore` (not a `[[per-file]]`'s) let
    /// a corpus rule run at all: one ignored there is not run, so a run
    /// without the corpus phase is the per-file phase alone.
    pub fn runs_corpus_rule(&self, id: &str, check: &str) -> bool {
        let hit = |list: &[String]| named(list, id, check);
        let by_file =
            (self.top.select.is_empty() || hit(&self.top.select)) && !hit(&self.top.ignore);
        self.overrides.shows(id, check, by_file)
    }

    /// Every issuer the configuration names, in the file's order (the
    /// corpus checks look for their names in other issuers' reports).
    pub fn known_issuers(&self) -> Vec<KnownIssuer> {
        let top = self.top.issuer.iter();
        let listed = self.issuers.iter().map(|(_, i)| i);
        let per_file = self.per_file.iter().filter_map(|(_, l)| l.issuer.as_ref());
        let mut out: Vec<KnownIssuer> = Vec::new();
        for i in top.chain(listed).chain(per_file) {
            let Some(name) = &i.name else { continue };
            if out.iter().all(|k| &k.name != name) {
                out.push(KnownIssuer {
                    name: name.clone(),
                    aliases: i.aliases.clone(),
                    level: i.level,
                });
            }
        }
        out
    }

    /// Applies selection, severities and suppressions to one report's findings.
    pub fn apply(&self, path: &str, text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let e = self.effective(path);
        let cands = self.candidates(path);
        for s in &self.suppress {
            if cands.iter().any(|p| s.path.is_match(p.as_ref())) {
                s.seen.store(true, Ordering::Relaxed);
            }
        }
        let matches = |list: &[String], d: &Diagnostic| named(list, &d.rule, d.check.as_str());
        diags
            .into_iter()
            .filter(|d| {
                let by_file =
                    (e.select.is_empty() || matches(&e.select, d) || matches(&e.extend_select, d))
                        && !matches(&e.ignore, d);
                d.check.is_unhideable()
                    || if self.overrides.is_empty() {
                        by_file
                    } else {
                        self.overrides.shows(&d.rule, d.check.as_str(), by_file)
                    }
            })
            .filter(|d| {
                let hit = self.suppress.iter().find(|s| {
                    (s.rule == d.rule || s.rule == d.check.as_str())
                        && cands.iter().any(|p| s.path.is_match(p.as_ref()))
                        && s.text.as_ref().is_none_or(|t| {
                            text.get(d.span.range())
                                .is_some_and(|x| x.contains(t.as_str()))
                                || d.message.contains(t.as_str())
                        })
                });
                if let Some(s) = hit {
                    s.used.store(true, Ordering::Relaxed);
                }
                hit.is_none()
            })
            .map(|mut d| {
                if let Some(sev) = e
                    .severity
                    .get(&d.rule)
                    .or_else(|| e.severity.get(d.check.as_str()))
                {
                    d.severity = *sev;
                }
                d
            })
            .collect()
    }

    /// Suppressions that hid nothing in this run, as findings on the config
    /// file: only those whose `path` matched a report checked in this run
    /// (a run over some of the reports says nothing of the others'), and
    /// none whose rule did not run (`not_run`: the corpus rules of a run of
    /// one report).
    pub fn unused_suppressions(&self, not_run: &[&str]) -> Vec<Diagnostic> {
        self.suppress
            .iter()
            .filter(|s| s.seen.load(Ordering::Relaxed) && !s.used.load(Ordering::Relaxed))
            .filter(|s| !not_run.contains(&s.rule.as_str()))
            .map(|s| {
                let mut d = Diagnostic::bare(
                    Check::UnusedSuppression,
                    "unused-suppression",
                    format!("忽略项「{}」没有匹配任何发现", s.rule),
                )
                .with_span(s.span, Some("未使用的忽略项".into()))
                .with_help("问题已经修正，或路径、规则写错了；删除这一项，以免将来掩盖新的问题。");
                d.severity = Severity::Warning;
                d
            })
            .collect()
    }
}

/// Every pack id and rule selector the file names, with its span.
fn refs_of(raw: &RawConfig) -> Vec<Ref> {
    let mut refs = Vec::new();
    let mut collect = |pack: &Option<Spanned<String>>,
                       lists: [&[Spanned<String>]; 3],
                       sev: &BTreeMap<String, Spanned<String>>| {
        if let Some(p) = pack {
            refs.push(Ref::Pack(p.get_ref().clone(), p.span().into()));
        }
        for s in lists.into_iter().flatten() {
            refs.push(Ref::Selector(s.get_ref().clone(), s.span().into()));
        }
        for (k, v) in sev {
            refs.push(Ref::Selector(k.clone(), v.span().into()));
        }
    };
    collect(
        &raw.pack,
        [&raw.select, &raw.extend_select, &raw.ignore],
        &raw.severity,
    );
    for p in &raw.per_file {
        collect(
            &p.pack,
            [&p.select, &p.extend_select, &p.ignore],
            &p.severity,
        );
    }
    for s in &raw.suppress {
        refs.push(Ref::Selector(
            s.rule.get_ref().clone(),
            s.rule.span().into(),
        ));
    }
    refs
}

/// A TOML syntax or type error, pointing into the file.
fn toml_error(e: &toml::de::Error) -> ConfigError {
    ConfigError::config(
        e.span().map(Span::from),
        format!("配置无效：{}", e.message().trim()),
    )
    .with_help("可用的键见 `report-lint init` 生成的注释，或 docs/configuration.md")
}

/// The tables of the file, each with the keys it may have.
#[derive(Clone, Copy)]
enum Table {
    Top,
    Issuer,
    PerFile,
    Suppress,
    /// `[severity]`: any rule or check name (checked by `validate`).
    Any,
}

impl Table {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Table::Top => &[
                "pack",
                "rules",
                "select",
                "extend-select",
                "ignore",
                "severity",
                "fail-on",
                "exclude",
                "issuer",
                "per-file",
                "suppress",
            ],
            Table::Issuer => &["glob", "aliases", "name", "level", "township-deadline"],
            Table::PerFile => &[
                "glob",
                "pack",
                "select",
                "extend-select",
                "ignore",
                "severity",
                "issuer",
            ],
            Table::Suppress => &["path", "rule", "text", "reason"],
            Table::Any => &[],
        }
    }

    /// The table a key's value is (or whose array it holds).
    fn child(self, key: &str) -> Option<Table> {
        match (self, key) {
            (Table::Top | Table::PerFile, "issuer") => Some(Table::Issuer),
            (Table::Top, "per-file") => Some(Table::PerFile),
            (Table::Top, "suppress") => Some(Table::Suppress),
            (Table::Top | Table::PerFile, "severity") => Some(Table::Any),
            _ => None,
        }
    }
}

/// Every key the file has that its table does not take, each with the
/// closest key that exists.
fn unknown_keys(table: &toml::de::DeTable<'_>, kind: Table, errors: &mut Vec<ConfigError>) {
    if matches!(kind, Table::Any) {
        return;
    }
    for (key, value) in table {
        let name: &str = key.get_ref();
        if !kind.keys().contains(&name) {
            let err = ConfigError::config(
                Some(key.span().into()),
                format!("配置无效：未知的键「{name}」"),
            );
            errors.push(match crate::rules::load::suggest(name, kind.keys()) {
                Some(k) => err.with_help(format!("是否想写「{k}」？")),
                None => err.with_help(
                    "可用的键见 `report-lint init` 生成的注释，或 docs/configuration.md",
                ),
            });
            continue;
        }
        let Some(child) = kind.child(name) else {
            continue;
        };
        match value.get_ref() {
            toml::de::DeValue::Table(t) => unknown_keys(t, child, errors),
            toml::de::DeValue::Array(items) => {
                for item in items {
                    if let toml::de::DeValue::Table(t) = item.get_ref() {
                        unknown_keys(t, child, errors);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The commented file `report-lint init` writes.
pub const TEMPLATE: &str = r#"# report-lint 配置。放在报告仓库的根目录；report-lint 从当前目录向上查找。

# 强制使用某个内置规则包（默认按报告年度选择 gov-2008 / gov-2019 / gov-2021）。
# pack = "gov-2021"

# 附加的规则包（相对于本文件）。
# rules = ["rules/province.toml"]

# 只运行这些规则（规则 id、以 / 结尾的前缀，或检查类型名）；留空表示全部。
# select = ["gov2021/", "sum-mismatch"]

# 在默认的规则之外再运行这些；默认不启用的规则（如报告电子版、联系方式的
# 惯例性说明）须在这里或 select 中写明规则 id 才会运行。
# extend-select = ["common/electronic-version", "common/contact"]

# 不运行这些规则。
# ignore = ["common/repeated-word"]

# 调整严重级别。
# [severity]
# "common/heading-numbering" = "info"

# 达到哪个级别时退出码为 1：error | warning | info。
# fail-on = "error"

# 不检查的文件（glob，相对于本文件）。
# exclude = ["drafts/**"]

# 发布机关：级别决定发布期限（government | department | township）。
# [issuer]
# name = "某县人民政府"
# level = "government"
# township-deadline = "02-20"   # 乡镇、街道报告的发布期限（次年 月-日）

# 按路径覆盖设置；一个仓库可以存放多个机关的报告。
# [[per-file]]
# glob = "departments/**"
# issuer = { level = "department" }
# ignore = ["common/year"]

# 忽略某一条发现，必须写明理由；没有匹配任何发现的忽略项会被报告。
# [[suppress]]
# path = "reports/2017/*.txt"
# rule = "common/repeated-word"
# text = "研究研究"
# reason = "原文如此，系引用讲话"
"#;
