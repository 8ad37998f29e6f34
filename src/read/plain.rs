//! The plain-text reader (also Markdown exports): one paragraph per line,
//! long flattened lines of web pages cut at their inline headings, table rows
//! recognised by their separators (` | `, tabs, aligned runs of spaces) and
//! gathered into the model's tables, and the appendix found by its 附件 /
//! 统计表 line.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::cells::{self, Layout};
use crate::document::{Document, Paragraph, Row, Table, TableCell, TableOrigin, marker};
use crate::source::span::{LineIndex, Span};
use crate::source::text::{fold, is_han, is_space};

/// Compiles the reader's regexes ahead of use (the run's warm-up).
pub fn warm_statics() {
    LazyLock::force(&INLINE_HEADING);
}

/// Reads a decoded text into the model.
pub fn read(text: String) -> Document {
    read_marked(text, Markup::default())
}

/// What a structured format (HTML, DOCX) knows of its text view: which lines
/// are rows of tables it marked up, and those tables with their cells.
#[derive(Debug, Default)]
pub struct Markup {
    /// 0-based lines of the view that are table rows, sorted.
    pub table_lines: Vec<usize>,
    pub tables: Vec<Table>,
    /// A Markdown export: `#` headings are headings (their marks are not
    /// text), `|…|` lines are table rows, `|---|` lines are not text.
    pub markdown: bool,
    /// (line, outline level): lines that are headings by their style (DOCX
    /// 「标题 1」…), in line order.
    pub outline: Vec<(usize, u8)>,
}

/// Reads a reader's text view: lines the markup says are table rows are table
/// cells whatever they look like (never headings, prose or cut); the other
/// lines are read as plain text, tables written as text included.
pub fn read_marked(text: String, markup: Markup) -> Document {
    let lines = LineIndex::new(&text);
    let marked = |line: usize| markup.table_lines.binary_search(&line).is_ok();
    let style_level = |line: usize| {
        markup
            .outline
            .binary_search_by_key(&line, |&(l, _)| l)
            .ok()
            .map(|i| markup.outline[i].1)
    };
    let mut paragraphs = Vec::new();
    for line in 0..lines.line_count() {
        let full = lines.line_span(&text, line);
        let raw = &text[full.range()];
        let content = raw.trim_matches(is_space);
        if content.is_empty() {
            continue;
        }
        let mut start = full.start + (raw.len() - raw.trim_start_matches(is_space).len());
        let mut content = content;
        let mut pipe_row = false;
        if markup.markdown {
            let (lead, words) = markdown_line(content);
            if words.is_empty() {
                continue;
            }
            start += lead;
            content = words;
            pipe_row = content.starts_with('|') && content.ends_with('|') && content.len() > 1;
        }
        // Trailing tabs count: a row whose cells are all blank keeps only them.
        if marked(line) {
            paragraphs.push(Paragraph {
                span: Span::new(start, start + content.len()),
                line,
                table_cell: true,
                in_appendix: false,
                heading: None,
                inline: false,
                style_level: None,
            });
            continue;
        }
        let cell = pipe_row
            || raw.starts_with('\t')
            || is_table_row(content)
            || raw.trim_start_matches(is_space).matches('\t').count() >= 2;
        let mut from = 0;
        for cut in inline_cuts(content) {
            paragraphs.push(Paragraph {
                span: Span::new(
                    start + from,
                    start + content[..cut].trim_end_matches(is_space).len(),
                ),
                line,
                table_cell: cell,
                in_appendix: false,
                heading: None,
                inline: from > 0,
                style_level: None,
            });
            from = cut;
        }
        paragraphs.push(Paragraph {
            span: Span::new(start + from, start + content.len()),
            line,
            table_cell: cell,
            in_appendix: false,
            heading: None,
            inline: from > 0,
            style_level: if from == 0 { style_level(line) } else { None },
        });
    }
    mark_cell_lines(&text, &mut paragraphs);
    let body_end = find_appendix(&text, &mut paragraphs).unwrap_or(text.len());
    let mut tables = tables(&text, &paragraphs, &marked);
    if !markup.tables.is_empty() {
        let mut marked_tables = markup.tables;
        for row in marked_tables.iter_mut().flat_map(|t| &mut t.rows) {
            // A row of blank cells has no paragraph: the one before it stands in.
            row.paragraph = paragraphs
                .partition_point(|p| p.span.start <= row.span.start)
                .saturating_sub(1);
        }
        tables.extend(marked_tables);
        tables.sort_by_key(|t| t.span.start);
    }
    Document::build(text, lines, paragraphs, body_end, tables)
}

/// Tables exported one cell per line, and labels wrapped by a PDF copy: a
/// line holding only a number is a cell, and so is the line before it (its
/// row's label, or another cell); a line right before a row of numbers that
/// opens with words and no marker of its own is that row's label, wrapped.
/// Such lines are table cells, not headings, paragraphs or prose.
fn mark_cell_lines(text: &str, paragraphs: &mut [Paragraph]) {
    let slice = |p: &Paragraph| &text[p.span.range()];
    let numeric = |s: &str| {
        s.chars().count() <= 24
            && s.chars().any(|c| c.is_ascii_digit())
            && cells::value(s).is_some_and(|v| v.is_some())
    };
    for i in 0..paragraphs.len() {
        if paragraphs[i].inline || !numeric(slice(&paragraphs[i])) {
            continue;
        }
        paragraphs[i].table_cell = true;
        if let Some(prev) = i.checked_sub(1)
            && paragraphs[prev].line + 3 >= paragraphs[i].line
            && !slice(&paragraphs[prev]).ends_with(['。', '；', '！', '？'])
            && slice(&paragraphs[prev]).chars().count() <= 80
        {
            paragraphs[prev].table_cell = true;
        }
    }
    // A label wrapped by a PDF copy: 「一、本年新收政府信息公开」 /
    // 「申请数量 126 90 …」 — the tail opens with words, ends with numbers.
    for i in 1..paragraphs.len() {
        let row = slice(&paragraphs[i]);
        let prev = slice(&paragraphs[i - 1]);
        if row.starts_with(is_han)
            && marker::parse_marker(row).is_none()
            && trailing_numbers(row) >= 2
            && paragraphs[i - 1].line + 1 == paragraphs[i].line
            && marker::parse_marker(prev).is_some()
            && !prev.ends_with(['。', '；', '：', ':'])
            && prev.chars().count() <= 80
        {
            paragraphs[i].table_cell = true;
            paragraphs[i - 1].table_cell = true;
        }
    }
    // Group labels (「三、本年度办理结果」, 「（三）不予公开」) stand on their own
    // line right before a row label: marker-led lines before a marker-led cell.
    for i in (1..paragraphs.len()).rev() {
        let (prev, cur) = (&paragraphs[i - 1], &paragraphs[i]);
        if cur.table_cell
            && !prev.table_cell
            && prev.line + 2 >= cur.line
            && marker::parse_marker(slice(cur)).is_some()
            && marker::parse_marker(slice(prev)).is_some()
            && slice(prev).chars().count() <= 30
            && !slice(prev).ends_with(['。', '；', '：', ':'])
        {
            paragraphs[i - 1].table_cell = true;
        }
    }
}

/// Consecutive table-row paragraphs (not marked up) as tables, each row split into its cells.
fn tables(text: &str, paragraphs: &[Paragraph], marked: &dyn Fn(usize) -> bool) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut last: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        if !p.table_cell || marked(p.line) {
            continue;
        }
        let (layout, spans) = cells::split_spans(&text[p.span.range()], p.span.start);
        let cells = match layout {
            Layout::Flat | Layout::Lines => vec![TableCell { span: p.span }],
            _ => spans.into_iter().map(|span| TableCell { span }).collect(),
        };
        let row = Row {
            span: p.span,
            paragraph: pi,
            cells,
        };
        match out.last_mut() {
            Some(t) if last == Some(pi.wrapping_sub(1)) => {
                t.span = t.span.cover(p.span);
                t.rows.push(row);
            }
            _ => out.push(Table {
                span: p.span,
                rows: vec![row],
                origin: TableOrigin::TextRows,
            }),
        }
        last = Some(pi);
    }
    out
}

/// 「附件」「附表2：」「…统计表」: a (folded) line that opens the appendix. In
/// code rather than a regex: `[^、。，]{0,30}` alone costs a regex compile of
/// 0.4 ms at every start.
fn is_appendix_line(s: &str) -> bool {
    let numbered = s
        .strip_prefix("附件")
        .or_else(|| s.strip_prefix("附表"))
        .is_some_and(|rest| {
            let rest = rest.strip_suffix([':', '：']).unwrap_or(rest);
            rest.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        });
    numbered
        || s.strip_suffix("统计表")
            .is_some_and(|head| head.chars().count() <= 30 && !head.contains(['、', '。', '，']))
}

/// 「附件 2017年政府信息公开工作统计表 统计指标 …」 → 「附件 2017年政府信息公开工作统计表」:
/// 附件 and the table's title, the words before the table's header.
fn appendix_head(s: &str) -> &str {
    let mut words = s.split([' ', '\u{3000}']).filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return s };
    let first_end = first.as_ptr() as usize - s.as_ptr() as usize + first.len();
    // 「附件」 alone: the title is the next word.
    let end = if first.trim_end_matches([':', '：']).chars().count() <= 4 {
        words.next().map_or(first_end, |w| {
            w.as_ptr() as usize - s.as_ptr() as usize + w.len()
        })
    } else {
        first_end
    };
    &s[..end]
}

/// Marks the paragraphs from the appendix line on; returns where the body ends.
fn find_appendix(text: &str, paragraphs: &mut [Paragraph]) -> Option<usize> {
    let mut seen_heading = false;
    let mut start = None;
    for (i, p) in paragraphs.iter().enumerate() {
        if !p.table_cell && marker::parse_marker(&text[p.span.range()]).is_some() {
            seen_heading = true;
            continue;
        }
        // Tables of the national format stand inside sections; only an
        // 附件/附表/统计表 line opens the appendix (a short line: long
        // paragraphs are not folded just to fail the match).
        // A paragraph cut out of a flattened line opens with the appendix
        // line and runs on into the table: its words up to the table count.
        let line = &text[p.span.range()];
        let line = if p.inline { appendix_head(line) } else { line };
        if seen_heading && line.len() <= 256 && is_appendix_line(&fold(line)) {
            start = Some(i);
            break;
        }
    }
    let i = start?;
    for p in &mut paragraphs[i..] {
        p.in_appendix = true;
    }
    Some(paragraphs[i].span.start)
}

static INLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    // After a blank, or right after a sentence (a crawler joined the page's
    // blocks: 「…联系。一、总体情况2019年，…」); a first sub-heading also right
    // after a colon (「…加以改进：（一）继续强化…。（二）…」), whose siblings
    // follow a full stop, or glued to a section title (「五、存在的主要问题及
    // 改进情况（一）存在的主要问题:…」).
    Regex::new(
        r"[ \u{3000}。](?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|附[件表][0-9一二三四五六七八九十]{0,2}[ \u{3000}：:])|：[（(]一[）)]|(?:情况|事项|问题)[（(]一[）)]",
    )
    .expect("static regex")
});

/// Where a long flattened line has headings inside it: after a blank, a
/// numbered title up to the next blank, not followed by the numbers of a
/// table row. Ordinary paragraphs are left whole.
fn inline_cuts(content: &str) -> Vec<usize> {
    if content.chars().count() < 300 {
        return Vec::new();
    }
    // (where, style, ordinal, accepted, turned down for its long title only);
    // a candidate turned down only for
    // its long title is taken when its next sibling is a heading.
    let mut cands: Vec<(usize, marker::NumberStyle, u32, bool, bool)> = Vec::new();
    for m in INLINE_HEADING.find_iter(content) {
        // The marker starts after the one char before it (a blank, 。 or
        // ：), or after the section title's last word it is glued to
        // (「…改进情况（一）存在的主要问题」).
        let lead = if ["情况", "事项", "问题"]
            .iter()
            .any(|w| m.as_str().starts_with(w))
        {
            "情况".len()
        } else {
            content[m.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8)
        };
        let at = m.start() + lead;
        // The appendix opens (「… 附件 2017年…统计表 …」): cut there, so
        // that its table is not read as outline or prose.
        if content[at..].starts_with('附') {
            cands.push((at, marker::NumberStyle::Circled, 0, true, false));
            continue;
        }
        let Some(marker) = marker::parse_marker(&content[at..]) else {
            continue;
        };
        let rest = &content[at + marker.text_start..];
        let title_end = marker::run_on_title_end(rest);
        let after = rest[title_end..].trim_start_matches(is_space);
        let title_chars = rest[..title_end].chars().count();
        // 「…数量 713000074」 is a table row; 「总体情况 2022年，…」 is a heading.
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let row_of_numbers = digits > 0 && !after[digits..].starts_with(['年', '月', '日']);
        let long = title_chars > 40;
        let ok = title_chars > 0 && !long && !row_of_numbers;
        cands.push((
            at,
            marker.style,
            marker.ordinal,
            ok,
            long && !row_of_numbers,
        ));
    }
    // 「…发展。（一）主动公开方面平潭综合实验区切实落实…」 runs its title into
    // the text; its sibling 「（二）依申请公开方面持续强化…，」 shows it is one.
    for i in (0..cands.len()).rev() {
        let (_, style, ord, ok, _) = cands[i];
        if !ok || ord < 2 {
            continue;
        }
        if let Some(j) = cands[..i]
            .iter()
            .rposition(|c| c.1 == style && c.2 == ord - 1)
            && !cands[j].3
            && cands[j].4
        {
            cands[j].3 = true;
        }
    }
    cands.into_iter().filter(|c| c.3).map(|c| c.0).collect()
}

/// `s` without what stands in parentheses (a label's note has commas).
fn outside_parens(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// How many whitespace-separated numbers end `s`.
fn trailing_numbers(s: &str) -> usize {
    s.split(is_space)
        .rev()
        .filter(|t| !t.is_empty())
        // A cell is short: a long token is not read (a 50 MB line is one token).
        .take_while(|t| {
            t.len() <= 32
                && t.chars().any(|c| c.is_ascii_digit())
                && cells::value(t).is_some_and(|v| v.is_some())
        })
        .count()
}

/// A Markdown line without its marks: `## 一、总体情况` → `一、总体情况`,
/// `**二、…**` → `二、…`; a table's rule line `|---|:--:|` → nothing.
/// Returns the bytes dropped before the words, and the words.
fn markdown_line(line: &str) -> (usize, &str) {
    if line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
        return (0, "");
    }
    let mut words = line;
    if let Some(rest) = words.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        if rest.starts_with(is_space) {
            words = rest.trim_start_matches(is_space);
            words = words.trim_end_matches('#').trim_end_matches(is_space);
        }
    }
    for mark in ["**", "__"] {
        if let Some(inner) = words.strip_prefix(mark).and_then(|w| w.strip_suffix(mark))
            && !inner.is_empty()
        {
            words = inner.trim_matches(is_space);
        }
    }
    let lead = words.as_ptr() as usize - line.as_ptr() as usize;
    (lead, words)
}

/// A table row flattened to one line: cells joined by ` | ` or tabs.
fn is_table_row(content: &str) -> bool {
    if content.matches(" | ").count() >= 1 || content.matches('\t').count() >= 2 {
        return true;
    }
    // A label and three or more numbers apart by single spaces.
    if trailing_numbers(content) >= 3 && content.starts_with(|c: char| !c.is_ascii_digit()) {
        return true;
    }
    // A numbered label with its cells run together: 「一、本年新收…数量126901049913091640」.
    let digits = content.len() - content.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits >= 3
        && content[..content.len() - digits].ends_with(|c: char| is_han(c) || c == '）' || c == ')')
        && content.chars().count() <= 120
        && !outside_parens(content).contains(['。', '；', '，'])
        && marker::parse_marker(content).is_some()
    {
        return true;
    }
    // `pdftotext -layout`: cells apart by runs of spaces, most of them numbers.
    let cells: Vec<&str> = content
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.len() >= 3
        && cells
            .iter()
            .filter(|c| cells::value(c).is_some_and(|v| v.is_some()))
            .count()
            >= 2
}

#[cfg(test)]
mod tests {
    use super::{appendix_head, is_appendix_line, read};

    /// A crawled page on one line: the appendix opens inside it, and the
    /// statistics table's numbered rows after it are not outline.
    #[test]
    fn the_appendix_inside_a_flattened_line() {
        let body = "某县2017年政府信息公开工作年度报告 一、概述 2017年，本县认真贯彻《条例》，主动公开政府信息1210条，办理依申请公开事项35件，均按期答复，做到了应公开尽公开，群众满意度较高。各乡镇、各部门按照县政府统一部署，健全工作机制，明确责任分工，规范发布流程，政府信息公开工作取得了新的进展。 \
                    二、主动公开政府信息情况 全年主动公开政府信息1210条，其中通过政府网站公开1100条，通过政务微博公开110条，内容涵盖财政预决算、重大项目和民生事项等各个方面。 \
                    三、其他需要报告的事项 无。";
        let text = format!(
            "{body} 附件 2017年政府信息公开工作统计表 统计指标 单位 统计数 一、主动公开情况 条 1210 （一）主动公开政府信息数 条 1210 二、回应解读情况 次 5"
        );
        assert!(
            text.chars().count() > 300,
            "a flattened page's line is long"
        );
        let doc = read(text.clone());
        assert!(doc.body_end < doc.text.len(), "the appendix is found");
        assert_eq!(&doc.text[doc.body_end..doc.body_end + "附件".len()], "附件");
        let markers: Vec<&str> = doc.headings.iter().map(|h| doc.slice(h.marker)).collect();
        assert_eq!(markers, ["一、", "二、", "三、"]);
        assert_eq!(
            appendix_head("附件 2017年政府信息公开工作统计表 统计指标 单位"),
            "附件 2017年政府信息公开工作统计表"
        );
        assert_eq!(
            appendix_head("附件：2017年统计表 统计指标"),
            "附件：2017年统计表"
        );
    }

    #[test]
    fn appendix_lines() {
        for yes in [
            "附件",
            "附件1",
            "附表二:",
            "附件统计表",
            "2017年政府信息公开统计表",
            "统计表",
        ] {
            assert!(is_appendix_line(yes), "{yes}");
        }
        let long = format!("{}统计表", "字".repeat(31));
        for no in [
            "附件::",
            "附件:1",
            "附件说明",
            "一、情况，统计表",
            long.as_str(),
        ] {
            assert!(!is_appendix_line(no), "{no}");
        }
    }
}
