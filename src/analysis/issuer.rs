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

/// The issuer's name as a title writes it: the words before the year
/// (「平潭综合实验区2023年度政府信息公开工作年度报告」 → 平潭综合实验区), else
/// those between the year and 「政府信息公开」 (「2023年某县政府信息公开…」 → 某县).
pub fn title_name(title: &str) -> Option<String> {
    let title = title.trim().trim_start_matches("关于");
    let end = title.find("政府信息公开").unwrap_or(title.len());
    let head = &title[..end];
    // The year: four digits (full- or half-width) or 〇-written, then 年.
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    let is_digit = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九".contains(c)
    };
    let mut year: Option<(usize, usize)> = None;
    for i in 0..chars.len() {
        let run = chars[i..].iter().take_while(|(_, c)| is_digit(*c)).count();
        if run == 4 && chars.get(i + 4).is_some_and(|(_, c)| *c == '年') {
            let mut j = i + 5;
            if chars.get(j).is_some_and(|(_, c)| *c == '度') {
                j += 1;
            }
            let end = chars.get(j).map_or(head.len(), |(b, _)| *b);
            year = Some((chars[i].0, end));
            break;
        }
    }
    let clean = |s: &str| {
        let s =
            s.trim_matches(|c: char| c.is_whitespace() || "　《》“”\"'（）()、，,：:".contains(c));
        let s = s.strip_suffix('的').unwrap_or(s);
        Some(s.to_string()).filter(|s| s.chars().count() >= 2)
    };
    match year {
        Some((a, b)) => clean(&head[..a]).or_else(|| clean(&head[b..])),
        None => None,
    }
}

/// The tier of government an issuer's name names — `city` (…市), `county`
/// (…县, …旗) or `district` (…区, zones included) — when the name is a
/// government's (no department's: 「某县教育局」 has none).
pub fn tier(name: &str) -> Option<&'static str> {
    let mut n = name;
    for suffix in ["人民政府", "管理委员会", "管委会", "政府"] {
        if let Some(s) = n.strip_suffix(suffix) {
            n = s;
            break;
        }
    }
    match n.chars().last()? {
        '市' => Some("city"),
        '县' | '旗' => Some("county"),
        '区' => Some("district"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::title_name;

    #[test]
    fn names_from_titles() {
        let n = |t: &str| title_name(t);
        assert_eq!(
            n("平潭综合实验区2023年度政府信息公开工作年度报告").as_deref(),
            Some("平潭综合实验区")
        );
        assert_eq!(
            n("2022年某县人民政府政府信息公开工作年度报告").as_deref(),
            Some("某县人民政府")
        );
        assert_eq!(
            n("某市交通运输局２０２１年政府信息公开工作年度报告").as_deref(),
            Some("某市交通运输局")
        );
        assert_eq!(n("政府信息公开工作年度报告"), None);
    }

    #[test]
    fn tier_of_a_government_name() {
        assert_eq!(super::tier("某区人民政府"), Some("district"));
        assert_eq!(super::tier("平潭综合实验区"), Some("district"));
        assert_eq!(super::tier("某县人民政府"), Some("county"));
        assert_eq!(super::tier("某市"), Some("city"));
        assert_eq!(super::tier("某县教育局"), None);
    }
}
