//! The report year from everything the report says: the title, the
//! statistics-period sentence, the majority of 「YYYY年」 in the body, the
//! signing date, and the format notice the report cites. The title's year
//! stands unless the other witnesses agree on another year: then the title is
//! the one written wrong, and the year it states is kept
//! (`ReportYear::title_overruled`) so a check can point at it.
//!
//! The format notice (「国办公开办函〔2021〕30号」) names the format, not the
//! year: it is a bound. A notice issued in year N is first used for the
//! reports on year N (〔2019〕60号 in November 2019, 〔2021〕30号 in
//! September 2021), so no year before N is the report's.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Document, FormatNotice, ReportYear};
use crate::source::span::Span;

static BODY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})\s*年").expect("static regex"));
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*[0-9]{1,2}\s*日$")
        .expect("static regex")
});

/// 「国办公开办函〔2021〕30号」 with whatever brackets survived the export
/// (〔〕, [], 【】, （）, ﹝﹞, or none: 「国办公开办函202130 号」).
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"国办公开办函\s*[〔\[【（(﹝]?\s*((?:19|20)[0-9]{2})\s*[〕\]】）)﹞]?\s*([0-9]{1,3})\s*号",
    )
    .expect("static regex")
});

/// The notices that issued a national format of the annual report: (year, number).
const FORMAT_NOTICES: &[(i32, u32)] = &[(2019, 60), (2021, 30)];

pub(super) fn warm_statics() {
    LazyLock::force(&BODY_YEAR);
    LazyLock::force(&SIGNED);
    LazyLock::force(&NOTICE);
}

/// The latest format notice the body cites (only the notices that issued a
/// format: another 国办公开办函 says nothing of the report's format).
pub(super) fn format_notice(doc: &Document) -> Option<FormatNotice> {
    NOTICE
        .captures_iter(&doc.text[..doc.body_end])
        .filter_map(|c| {
            let (y, n) = (c[1].parse().ok()?, c[2].parse().ok()?);
            FORMAT_NOTICES.contains(&(y, n)).then(|| {
                let m = c.get(0).expect("group 0");
                FormatNotice {
                    year: y,
                    span: Span::new(m.start(), m.end()),
                }
            })
        })
        .max_by_key(|n| n.year)
}

/// The year most 「YYYY年」 of the body name, when it clearly leads (at least
/// three mentions and twice the next year's): plans name the next year,
/// comparisons the last, but a report speaks mostly of its own. The title's
/// and the period sentence's paragraphs are witnesses of their own.
fn body_majority(doc: &Document, skip: &[Span]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for p in doc.body_paragraphs() {
        if p.table_cell || skip.iter().any(|s| p.span.contains(*s)) {
            continue;
        }
        for c in BODY_YEAR.captures_iter(doc.joined(p.span).text()) {
            if let Ok(y) = c[1].parse() {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    let mut by_count: Vec<(usize, i32)> = counts.into_iter().map(|(y, n)| (n, y)).collect();
    by_count.sort_unstable_by(|a, b| b.cmp(a));
    let (top, year) = *by_count.first()?;
    let second = by_count.get(1).map_or(0, |s| s.0);
    (top >= 3 && top >= 2 * second).then_some(year)
}

/// The year before the signing date at the end of the body, when it is in
/// the first half of the year (reports are due by the end of March).
fn signed_for(doc: &Document) -> Option<i32> {
    doc.paragraphs
        .iter()
        .rev()
        .filter(|p| !p.in_appendix)
        .take(6)
        .find_map(|p| {
            let c = SIGNED.captures(doc.slice(p.span).trim())?;
            let (y, m): (i32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            (m <= 6).then_some(y - 1)
        })
}

/// Overrules the title's year when the period sentence, the body's majority
/// and the signing date agree on another (two of them at least, none for the
/// title's year). A year before the cited format notice's is no witness, and
/// a title stating one is overruled by any witness the others do not contradict.
pub(super) fn weigh(
    doc: &Document,
    title_year: ReportYear,
    period: Option<(i32, Span)>,
) -> ReportYear {
    let floor = doc.format_notice.map(|n| n.year);
    let possible = |y: i32| floor.is_none_or(|f| y >= f);
    let witnesses = [
        period.map(|p| p.0),
        body_majority(
            doc,
            &[doc.title, period.map(|p| p.1)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>(),
        ),
        signed_for(doc),
    ];
    let said: Vec<i32> = witnesses
        .iter()
        .flatten()
        .copied()
        .filter(|&y| possible(y))
        .collect();
    let title_possible = possible(title_year.year);
    if said.contains(&title_year.year) {
        return title_year;
    }
    let Some(&other) = said.first() else {
        return title_year;
    };
    let needed = if title_possible { 2 } else { 1 };
    if said.len() < needed || said.iter().any(|&y| y != other) {
        return title_year;
    }
    ReportYear {
        year: other,
        span: period
            .filter(|p| p.0 == other)
            .map_or(title_year.span, |p| p.1),
        from_title: false,
        title_overruled: Some((title_year.year, title_year.span)),
    }
}
