//! Loading helpers for pack files: taking keys out of a parsed TOML table,
//! arrays of tables, id-keyed definitions, serde's unknown-field messages
//! turned into "did you mean", and the consistency of a `[[table]]`.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::FileError;
use super::table::{ForEach, TableDef, TableEquation};
use crate::source::span::Span;

/// Parses serde's "unknown field `x`, expected one of `a`, `b`".
pub fn unknown_field(msg: &str) -> Option<(String, Vec<String>)> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((field.to_string(), expected))
}

/// The closest known key, when it is a plausible typo.
pub fn suggest<'k>(field: &str, keys: &[&'k str]) -> Option<&'k str> {
    keys.iter()
        .map(|k| (strsim_distance(field, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars.
pub fn strsim_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn take<'i>(table: &mut DeTable<'i>, key: &str) -> Option<toml::Spanned<DeValue<'i>>> {
    let k = table.keys().find(|k| k.get_ref() == key).cloned()?;
    table.remove(&k)
}

/// `[[section]]`-like definitions by id; a repeated id is an error.
pub fn named_defs<'i, T: serde::Deserialize<'i>>(
    path: &str,
    v: Option<toml::Spanned<DeValue<'i>>>,
    key: &str,
    what: &str,
    id: fn(&T) -> &String,
    errors: &mut Vec<FileError>,
) -> BTreeMap<String, T> {
    let mut out = BTreeMap::new();
    for item in array_of_tables(path, v, key, errors) {
        let span: Span = item.span().into();
        match T::deserialize(toml::de::ValueDeserializer::from(item)) {
            Ok(def) => {
                let name = id(&def).clone();
                if out.insert(name.clone(), def).is_some() {
                    errors.push(
                        FileError::new(path, Some(span), format!("{what} id「{name}」重复"))
                            .with_label("重复的 id"),
                    );
                }
            }
            Err(e) => errors.push(FileError::from_toml(path, &e)),
        }
    }
    out
}

pub fn array_of_tables<'i>(
    path: &str,
    v: Option<toml::Spanned<DeValue<'i>>>,
    key: &str,
    errors: &mut Vec<FileError>,
) -> Vec<toml::Spanned<DeValue<'i>>> {
    let Some(v) = v else { return Vec::new() };
    let span: Span = v.span().into();
    match v.into_inner() {
        DeValue::Array(a) => a.into_iter().collect(),
        _ => {
            errors.push(
                FileError::new(
                    path,
                    Some(span),
                    format!("`{key}` 必须写成 [[{key}]] 表数组"),
                )
                .with_label("应为表数组"),
            );
            Vec::new()
        }
    }
}

pub const COMMON_KEYS: [&str; 9] = [
    "id", "check", "kind", "severity", "message", "help", "source", "default", "explain",
];

/// Every relation of a table names rows (for each column) or columns (for each row) it has.
pub fn check_table(t: &TableDef) -> Result<(), String> {
    for r in &t.relation {
        let rel = TableEquation::parse(r)?;
        for name in rel.left.iter().chain(&rel.right) {
            let known = match rel.for_each {
                ForEach::Column => t.rows.iter().any(|x| &x.id == name),
                ForEach::Row => t.columns.iter().any(|x| &x.id == name),
            };
            if !known {
                return Err(format!("关系「{}」引用了不存在的栏目「{name}」", r.id));
            }
        }
    }
    Ok(())
}
