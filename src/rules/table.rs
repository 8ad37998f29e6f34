//! `[[table]]` templates of a pack: the rows and columns of a national
//! statistics table, the labels they are found by, and the equations that
//! hold between them. Data only; reading a document against a template is
//! `analysis::grid`.

use serde::Deserialize;

use crate::source::text::fold_label;

/// `[[table]]` in a pack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TableDef {
    pub id: String,
    pub title: String,
    /// Phrases that open the table (the first found after the previous table).
    pub start: Vec<String>,
    pub columns: Vec<Named>,
    pub rows: Vec<RowDef>,
    #[serde(default)]
    pub relation: Vec<RelationDef>,
    /// Filled by `prepare` when the pack is loaded: `start` folded and the
    /// relations parsed, so that no document redoes either.
    #[serde(skip)]
    pub start_keys: Vec<String>,
    /// The title's words without 「（表N）」, folded: the heading of the
    /// section the table stands in, where the previous table's rows end.
    #[serde(skip)]
    pub title_key: String,
    #[serde(skip)]
    pub relations: Vec<TableEquation>,
}

impl TableDef {
    /// Folds the labels and parses the relations, once per pack.
    pub fn prepare(&mut self) {
        self.start_keys = self.start.iter().map(|s| fold_label(s)).collect();
        let title = self.title.split(['（', '(']).next().unwrap_or(&self.title);
        self.title_key = fold_label(title);
        self.relations = self
            .relation
            .iter()
            .filter_map(|r| TableEquation::parse(r).ok())
            .collect();
        for row in &mut self.rows {
            row.keys = std::iter::once(&row.label)
                .chain(&row.aliases)
                .map(|l| fold_label(l))
                .collect();
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Named {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RowDef {
    pub id: String,
    pub label: String,
    /// Other spellings seen in real reports.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The sub-item number printed before the label (`1.属于国家秘密`).
    #[serde(default)]
    pub ordinal: Option<u32>,
    /// This row's own columns, when they differ from the table's (表二).
    #[serde(default)]
    pub columns: Option<Vec<Named>>,
    /// The label repeats in the header; the row is its last occurrence
    /// before the numbers (表四's 「…尚未审结总计」).
    #[serde(default)]
    pub last: bool,
    /// A row of an older form that stands for these rows when none of them
    /// is found — the 2019 form's one 「（六）其他处理」 for the 2021 form's
    /// three. Relations then read its cells for the first and 0 for the
    /// others; it is never reported missing, and it is not read where any
    /// of them is found (there it is the group label of their rows).
    #[serde(default, rename = "stands-for")]
    pub stands_for: Vec<String>,
    /// The label and aliases folded (`TableDef::prepare`).
    #[serde(skip)]
    pub keys: Vec<String>,
}

/// `[[table.relation]]`: `holds = "new + carried = total + forward"`, for each
/// column (names are row ids) or for each row (names are column ids).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RelationDef {
    pub id: String,
    pub for_each: ForEach,
    pub holds: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ForEach {
    Column,
    Row,
}

/// A parsed relation: left ids = right ids.
#[derive(Debug, Clone)]
pub struct TableEquation {
    pub id: String,
    pub for_each: ForEach,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

impl TableEquation {
    pub fn parse(def: &RelationDef) -> Result<TableEquation, String> {
        let (l, r) = def
            .holds
            .split_once('=')
            .ok_or_else(|| format!("「{}」缺少 =", def.holds))?;
        let side = |s: &str| -> Vec<String> {
            s.split('+')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        };
        let (left, right) = (side(l), side(r));
        if left.is_empty() || right.is_empty() {
            return Err(format!("「{}」两边都要有栏目", def.holds));
        }
        Ok(TableEquation {
            id: def.id.clone(),
            for_each: def.for_each,
            left,
            right,
        })
    }
}
