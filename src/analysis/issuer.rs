//! Who issued a report: the level that sets its deadline and what it must
//! contain (government, department, township), from the configuration when it
//! says, else from the words of the title.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::numbers::date::MonthDay;

/// The issuer's level, for deadlines and government-only content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Government,
    Department,
    Township,
}

impl Level {
    pub const NAMES: &'static str = "government、department 或 township";

    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "government" => Level::Government,
            "department" => Level::Department,
            "township" => Level::Township,
            _ => return None,
        })
    }
}

/// What the run knows of a report's issuer before reading it (configuration).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IssuerConfig {
    /// The level the configuration states.
    pub level: Option<Level>,
    /// 乡镇/街道 deadline from the configuration.
    pub township_deadline: Option<MonthDay>,
}

/// The issuer as read for one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issuer {
    /// The level the configuration states.
    pub configured: Option<Level>,
    /// The level the title's words imply.
    pub from_title: Option<Level>,
    pub township_deadline: Option<MonthDay>,
}

impl Issuer {
    pub fn read(doc: &Document, config: IssuerConfig) -> Issuer {
        Issuer {
            configured: config.level,
            from_title: title_level(doc),
            township_deadline: config.township_deadline,
        }
    }

    /// The configured level, else the title's.
    pub fn level(&self) -> Option<Level> {
        self.configured.or(self.from_title)
    }
}

/// The issuer's level from the words of the title before its year.
fn title_level(doc: &Document) -> Option<Level> {
    let title = doc.slice(doc.title?);
    let issuer = title
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or(title);
    let issuer = if issuer.is_empty() { title } else { issuer };
    if ["镇", "乡", "街道"].iter().any(|w| issuer.contains(w)) {
        Some(Level::Township)
    } else if (issuer.contains("人民政府") && !issuer.contains("办公"))
        || issuer.contains("管委会")
        || issuer.contains("管理委员会")
    {
        Some(Level::Government)
    } else if ["局", "委", "办", "中心", "厅", "署", "院"]
        .iter()
        .any(|w| issuer.contains(w))
    {
        Some(Level::Department)
    } else {
        Some(Level::Government)
            .filter(|_| issuer.ends_with('县') || issuer.ends_with('市') || issuer.ends_with('区'))
    }
}
