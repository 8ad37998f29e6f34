//! The serde schema of a pack file: `[pack]`, `[[section]]`, the common keys
//! of `[[rule]]`. Keys are kebab-case; unknown keys are errors.

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::source::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PackFile {
    pub pack: PackMeta,
}

/// `[pack]`: what the pack is and to which reports it applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PackMeta {
    pub id: String,
    pub title: String,
    /// The regulation or format the pack implements.
    #[serde(default)]
    pub regulation: Option<String>,
    /// Report years the pack applies to: `"..2018"`, `"2019..2020"`, `"2021.."`, `"2017"`.
    #[serde(default)]
    pub report_years: Years,
    /// Used for reports whose year cannot be read.
    #[serde(default)]
    pub fallback: bool,
    /// Rule ids (of any loaded pack) to switch off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
}

impl PackMeta {
    /// A pack for every report, whatever its year (built-in `common`).
    pub fn is_general(&self) -> bool {
        self.report_years == Years::default() && !self.fallback
    }
}

/// An inclusive range of report years; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Years {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Years {
    pub fn contains(&self, y: i32) -> bool {
        self.from.is_none_or(|f| y >= f) && self.to.is_none_or(|t| y <= t)
    }
}

impl TryFrom<String> for Years {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let bad = || {
            format!(
                "年份范围「{s}」无效，应写成 \"..2018\"、\"2019..2020\"、\"2021..\" 或 \"2017\""
            )
        };
        let year = |t: &str| -> Result<Option<i32>, String> {
            let t = t.trim();
            if t.is_empty() {
                Ok(None)
            } else {
                t.parse().map(Some).map_err(|_| bad())
            }
        };
        let (from, to) = match s.split_once("..") {
            Some((a, b)) => (year(a)?, year(b)?),
            None => {
                let y = year(&s)?.ok_or_else(bad)?;
                (Some(y), Some(y))
            }
        };
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(bad());
        }
        Ok(Years { from, to })
    }
}

/// `[[section]]`: a topic a report must cover, found by the phrases its
/// headings use.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionDef {
    pub id: String,
    /// The topic as the regulation words it.
    pub name: String,
    /// A heading containing any of these (width and spaces folded) covers it…
    pub phrases: Vec<String>,
    /// …unless it also contains one of these.
    #[serde(default)]
    pub not_phrases: Vec<String>,
    /// Searchers for `phrases` and `not_phrases` folded, built once when the
    /// pack is loaded (every section rule matches every heading).
    #[serde(skip)]
    finders: Finders,
}

type Finders = (
    Vec<memchr::memmem::Finder<'static>>,
    Vec<memchr::memmem::Finder<'static>>,
);

impl SectionDef {
    /// Folds the phrases; called once after the section is read.
    pub fn prepare(&mut self) {
        let f = |v: &[String]| {
            v.iter()
                .map(|p| memchr::memmem::Finder::new(&crate::source::text::fold(p)).into_owned())
                .collect()
        };
        self.finders = (f(&self.phrases), f(&self.not_phrases));
    }

    pub fn matches(&self, folded_title: &str) -> bool {
        let f = |p: &memchr::memmem::Finder<'_>| p.find(folded_title.as_bytes()).is_some();
        self.finders.0.iter().any(f) && !self.finders.1.iter().any(f)
    }
}

/// The keys every `[[rule]]` has, whatever its check kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleHead {
    pub id: Spanned<String>,
    pub check: Spanned<String>,
    /// The engine kind, when it is not the one named like the check
    /// (`check = "sum-mismatch"`, `kind = "stat-table"`).
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    pub severity: Severity,
    pub message: Spanned<String>,
    #[serde(default)]
    pub help: Option<String>,
    /// The article or form the rule implements.
    #[serde(default)]
    pub source: Option<String>,
    /// `false`: the rule runs only when the configuration names it in
    /// `select` or `extend-select` (a customary, not a required, statement).
    #[serde(default = "on")]
    pub default: bool,
    pub explain: Explain,
}

fn on() -> bool {
    true
}

/// What `report-lint rule ID` prints. `bad` and `good` are run by the test
/// suite: the rule must fire on `bad` and stay silent on `good`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Explain {
    pub what: String,
    pub why: String,
    #[serde(default)]
    pub bad: Option<String>,
    #[serde(default)]
    pub good: Option<String>,
}

/// Checks that `{name}` placeholders in a message are ones the kind fills.
pub fn check_placeholders(message: &Spanned<String>, vars: &[&str]) -> Result<(), (Span, String)> {
    let text = message.get_ref();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !vars.contains(&name) {
            return Err((message.span().into(), name.to_string()));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges() {
        let y = |s: &str| Years::try_from(s.to_string());
        assert!(y("..2018").unwrap().contains(2008));
        assert!(!y("..2018").unwrap().contains(2019));
        assert!(y("2021..").unwrap().contains(2030));
        assert!(y("2017").unwrap().contains(2017) && !y("2017").unwrap().contains(2018));
        assert!(y("2020..2019").is_err() && y("abc").is_err());
    }
}

/// Which phrases make a breakdown: a pack's `[[breakdown]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BreakdownSpec {
    pub id: String,
    /// Words just before a number that make it a total (共, 合计, 总计).
    pub total_phrases: Vec<String>,
    /// Words that open the list of parts after a total (其中).
    pub parts_phrases: Vec<String>,
    /// A part named with one of these makes the list complete (其他, 其余).
    pub complete_when: Vec<String>,
    /// The total counts one item once across channels: parts ≥ total.
    #[serde(default)]
    pub at_least_when: Vec<String>,
    /// The parts always cover the total (a province's fixed categories).
    #[serde(default)]
    pub complete: bool,
}
