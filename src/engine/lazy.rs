//! Pack regexes compiled with size limits, on first use for built-in packs
//! (`Lazy`), interned so rules sharing a pattern share one compiled regex.

use std::collections::BTreeMap;
use std::sync::Arc;

/// A pack regex (or set) that may still need compiling.
#[derive(Debug, Clone)]
pub enum LazyPattern {
    One(PackRegex),
    Set(PackRegexSet),
}

impl LazyPattern {
    pub fn compile(&self) -> Result<(), regex::Error> {
        match self {
            LazyPattern::One(r) => r.compile().map(drop),
            LazyPattern::Set(s) => s.compile().map(drop),
        }
    }

    pub fn sources(&self) -> &[String] {
        match self {
            LazyPattern::One(r) => &r.sources,
            LazyPattern::Set(s) => &s.sources,
        }
    }
}

/// Regexes from packs are compiled with these limits, so a hostile pack is
/// refused with a clear error instead of eating memory.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// What the regexes of one user pack may take together once compiled. The
/// limit above holds per regex; without this, a 40 KB pack of a thousand
/// patterns compiled to 3 GB. Built-in packs are not measured.
pub const PACK_REGEX_BUDGET: usize = 64 << 20;

/// Regexes one user pack may define (a set counts its patterns).
pub const PACK_REGEX_COUNT: usize = 1000;

/// Why a user pack's pattern is refused.
#[derive(Debug)]
pub enum Refused {
    /// The pattern itself does not compile (or is over `REGEX_SIZE_LIMIT`).
    Regex(regex::Error),
    /// It would take the pack over `PACK_REGEX_BUDGET` or `PACK_REGEX_COUNT`.
    Budget,
}

/// The memory `sources` compile to with the engine `regex` uses, built
/// within `limit`; `None` when it does not fit.
pub fn measure(sources: &[String], limit: usize) -> Option<usize> {
    use regex_automata::meta;
    let config = meta::Config::new()
        .nfa_size_limit(Some(limit))
        .onepass_size_limit(Some(limit))
        .dfa_size_limit(Some(limit))
        .hybrid_cache_capacity(REGEX_SIZE_LIMIT);
    meta::Builder::new()
        .configure(config)
        .build_many(sources)
        .ok()
        .map(|re| re.memory_usage())
}

fn build_regex(source: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(source)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
}

fn build_set(sources: &[String]) -> Result<regex::RegexSet, regex::Error> {
    let limit = REGEX_SIZE_LIMIT.saturating_mul(sources.len().max(1));
    regex::RegexSetBuilder::new(sources)
        .size_limit(limit)
        .dfa_size_limit(limit)
        .build()
}

/// A pack's regex or regex set. Compiling every regex of every built-in pack
/// would be most of the start-up time of a one-report run (a 2017 report uses
/// two packs of four), so built-in packs compile each when a rule first uses it
/// (or `RuleSet::warm_in_background` gets to it first); user packs compile at
/// load, so that their errors point into the TOML. `RuleSet::compile_all`
/// compiles the rest, and the test suite checks that every built-in one does.
#[derive(Debug, Clone)]
pub struct Lazy<T> {
    sources: Vec<String>,
    /// The outcome, kept: a thread that needs the value while another builds
    /// it waits instead of building it again.
    compiled: Arc<std::sync::OnceLock<Result<T, regex::Error>>>,
}

pub type PackRegex = Lazy<regex::Regex>;
pub type PackRegexSet = Lazy<regex::RegexSet>;

/// How a `Lazy` builds its value from its sources.
pub trait Build: Sized {
    fn build(sources: &[String]) -> Result<Self, regex::Error>;
}

impl Build for regex::Regex {
    fn build(sources: &[String]) -> Result<Self, regex::Error> {
        build_regex(&sources[0])
    }
}

impl Build for regex::RegexSet {
    fn build(sources: &[String]) -> Result<Self, regex::Error> {
        build_set(sources)
    }
}

impl<T: Build> Lazy<T> {
    pub fn new(sources: Vec<String>) -> Self {
        Lazy {
            sources,
            compiled: Arc::default(),
        }
    }

    pub fn compile(&self) -> Result<&T, regex::Error> {
        self.compiled
            .get_or_init(|| T::build(&self.sources))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl PackRegex {
    /// Rules that share a pattern (the same 「已全部答复」 test in two rules)
    /// share one compiled regex.
    pub fn interned(source: &str) -> PackRegex {
        type Interned =
            BTreeMap<String, Arc<std::sync::OnceLock<Result<regex::Regex, regex::Error>>>>;
        static INTERNED: std::sync::Mutex<Interned> = std::sync::Mutex::new(BTreeMap::new());
        let mut map = INTERNED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Lazy {
            sources: vec![source.to_string()],
            compiled: map.entry(source.to_string()).or_default().clone(),
        }
    }
}

impl<T: Build> std::ops::Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // Only built-in packs get here uncompiled; `tests/meta.rs` compiles all of them.
        self.compile().expect("built-in pack regexes compile")
    }
}
