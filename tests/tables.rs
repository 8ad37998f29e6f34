//! Statistics tables of the national format: the two real reports and the
//! project's own fixtures (tests/fixtures/national/generate.py writes them from
//! the official template): every layout read alike, every relation caught by a
//! one-cell change, flattened digit runs split jointly, the template checked.

mod common;

use common::{RULES, check_file, check_text, found_rules};
use report_lint::analysis::grid::read_all;

fn rules_fired(rel: &str) -> Vec<String> {
    let mut v: Vec<String> = found_rules(&check_file(rel))
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    v.sort();
    v
}

/// `row → [cell values]` of table `t` (blank as -1) read with a pack's templates.
fn table(rel: &str, pack: &str, t: &str) -> Vec<(String, Vec<i64>)> {
    let doc =
        report_lint::read::plain::read(std::fs::read_to_string(common::root().join(rel)).unwrap());
    let p = RULES.pack(pack).unwrap();
    let grids = read_all(&doc, &p.tables);
    let i = p.tables.iter().position(|d| d.id == t).unwrap();
    let def = &p.tables[i];
    let grid = grids[i]
        .as_ref()
        .unwrap_or_else(|| panic!("{rel}: {t} not found"));
    grid.rows
        .iter()
        .map(|r| {
            let vals = r
                .cells
                .iter()
                .map(|c| {
                    c.as_ref()
                        .and_then(|c| c.value)
                        .map_or(-1, |v| i64::try_from(v.trunc().mantissa()).unwrap())
                })
                .collect();
            (def.rows[r.def].id.clone(), vals)
        })
        .collect()
}

#[test]
fn shanghai_2019_blank_totals_and_text_against_table() {
    let r = check_file("tests/fixtures/national/shanghai-2019.txt");
    assert_eq!(
        found_rules(&r),
        [
            ("gov2019/text-vs-table".to_string(), 14),
            ("gov2019/text-vs-table".to_string(), 14),
            ("gov2019/t3-blank-total".to_string(), 52),
        ]
    );
    let texts: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        texts[0].starts_with("正文「予以公开及部分公开」258 件") && texts[0].contains("（275 件）"),
        "{}",
        texts[0]
    );
    assert!(
        texts[1].contains("265 件") && texts[1].contains("（337 件）"),
        "{}",
        texts[1]
    );
    assert!(
        texts[2].starts_with("表三「总计」列在 11 行留空"),
        "{}",
        texts[2]
    );
    // labels say what the blank total should be: 予以公开 = 258 + 12 + 1 + 1
    assert_eq!(
        r.diagnostics[2].span_label.as_deref(),
        Some("空白，应为 272")
    );
    let t3 = table(
        "tests/fixtures/national/shanghai-2019.txt",
        "gov-2019",
        "t3",
    );
    assert_eq!(t3[0], ("new".into(), vec![821, 35, -1, -1, 2, 1, 859]));
    assert_eq!(
        t3.iter().find(|(id, _)| id == "total").unwrap().1,
        vec![767, 35, -1, -1, 2, 1, 805]
    );
    let t4 = table(
        "tests/fixtures/national/shanghai-2019.txt",
        "gov-2019",
        "t4",
    );
    assert_eq!(
        t4[0].1,
        vec![5, -1, -1, 2, 7, 8, -1, -1, 1, 9, -1, -1, -1, -1, -1]
    );
}

#[test]
fn pingtan_2022_flattened_tables_are_split() {
    let rel = "tests/fixtures/national/pingtan-2022.txt";
    let t3 = table(rel, "gov-2021", "t3");
    let want: &[(&str, [i64; 7])] = &[
        ("new", [71, 3, 0, 0, 0, 0, 74]),
        ("carried", [1, 0, 0, 0, 0, 0, 1]),
        ("open", [21, 0, 0, 0, 0, 0, 21]),
        ("partial", [8, 1, 0, 0, 0, 0, 9]),
        ("secret", [0; 7]),
        ("internal", [1, 0, 0, 0, 0, 0, 1]),
        ("process", [2, 0, 0, 0, 0, 0, 2]),
        ("enforcement", [1, 0, 0, 0, 0, 0, 1]),
        ("nosuch", [37, 0, 0, 0, 0, 0, 37]),
        ("nocreate", [0; 7]),
        ("other-overdue", [2, 0, 0, 0, 0, 0, 2]),
        ("other-unpaid", [0; 7]),
        ("other-other", [0, 2, 0, 0, 0, 0, 2]),
        ("total", [72, 3, 0, 0, 0, 0, 75]),
        ("forward", [0; 7]),
    ];
    assert_eq!(t3.len(), 25, "every 2021 row found");
    for (id, vals) in want {
        let got = &t3.iter().find(|(r, _)| r == id).unwrap().1;
        assert_eq!(got, &vals.to_vec(), "{id}");
    }
    let t4 = table(rel, "gov-2021", "t4");
    assert_eq!(t4[0].1, vec![0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    // 一 + 二 = （七）+ 四 holds (74 + 1 = 75 + 0), and no other table finding
    // but the one 表二 row that no relation can split (行政规范性文件 8855698);
    // the other finding is the report's heading typo 「行政法复议」.
    assert_eq!(
        rules_fired(rel),
        ["gov2021/heading-wording", "gov2021/t2-split"]
    );
    let t2 = table(rel, "gov-2021", "t2");
    assert_eq!(t2[0], ("rules".into(), vec![0, 0, 0]));
    assert_eq!(t2[2], ("license".into(), vec![10690]));
}

#[test]
fn clean_reports_in_every_layout_have_no_table_finding() {
    let pipes = table(
        "tests/fixtures/national/clean-2021-pipes.txt",
        "gov-2021",
        "t3",
    );
    for layout in ["pipes", "tabs", "spaces", "cells"] {
        let rel = format!("tests/fixtures/national/clean-2021-{layout}.txt");
        assert_eq!(rules_fired(&rel), Vec::<String>::new(), "{layout}");
        for t in ["t2", "t3", "t4"] {
            assert_eq!(
                table(&rel, "gov-2021", t),
                table(
                    "tests/fixtures/national/clean-2021-pipes.txt",
                    "gov-2021",
                    t
                ),
                "{layout} {t}"
            );
        }
    }
    assert_eq!(pipes.len(), 25);
    // flattened like a crawled page: 表三 solved jointly, only 表二's unconstrained row is unsplittable
    let flat = "tests/fixtures/national/clean-2021-flat.txt";
    assert_eq!(table(flat, "gov-2021", "t3"), pipes);
    assert_eq!(rules_fired(flat), ["gov2021/t2-split"]);
}

#[test]
fn each_relation_is_caught_by_a_one_cell_change() {
    // A cell of 表三 sits in one column and one row relation, so one change
    // breaks both; 表四's groups and blanks are caught alone.
    for (file, want) in [
        (
            "edit-identity",
            &["gov2021/t3-applicants", "gov2021/t3-identity"][..],
        ),
        (
            "edit-results",
            &["gov2021/t3-applicants", "gov2021/t3-results"],
        ),
        (
            "edit-applicants",
            &["gov2021/t3-applicants", "gov2021/t3-identity"],
        ),
        ("edit-t4-review", &["gov2021/t4-review"]),
        ("edit-t4-direct", &["gov2021/t4-direct"]),
        ("edit-t4-after", &["gov2021/t4-after"]),
        ("edit-blank-total", &["gov2021/t3-blank-total"]),
        ("edit-missing-row", &["gov2021/t3-rows"]),
        ("edit-missing-t2-row", &["gov2021/t2-rows"]),
        ("edit-text", &["gov2021/text-vs-table"]),
        ("edit-flat-t4", &["gov2021/t2-split", "gov2021/t4-split"]),
        (
            "edit-flat-ambiguous",
            &["gov2021/t3-rows", "gov2021/t3-split"],
        ),
    ] {
        assert_eq!(
            rules_fired(&format!("tests/fixtures/national/{file}.txt")),
            want,
            "{file}"
        );
    }
    let r = check_file("tests/fixtures/national/edit-identity.txt");
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "gov2021/t3-identity")
        .unwrap();
    assert_eq!(
        d.message,
        "表三「自然人」列：新收 + 上年结转 = 12，办理结果总计 + 结转下年度 = 11，相差 1"
    );
}

#[test]
fn a_2022_report_on_the_2019_template_is_told_so() {
    let text =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/shanghai-2019.txt"))
            .unwrap()
            .replace("2019年", "2022年");
    let r = check_text(&text);
    let t: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.check.as_str() == "template-mismatch")
        .collect();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rule, "gov2021/template");
    assert!(
        t[0].message
            .starts_with("报告年度应使用2021 年版格式，本报告的表格是2019 年版（试行）格式"),
        "{}",
        t[0].message
    );
    // A title alone saying 2022 against a 2019 body is a wrong title, not a 2022 report.
    let title_only =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/shanghai-2019.txt"))
            .unwrap()
            .replace("2019年上海市", "2022年上海市");
    let r = check_text(&title_only);
    assert!(r.diagnostics.iter().any(|d| d.rule == "common/year"));
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.check.as_str() != "template-mismatch")
    );
    // on its own year it is not
    assert!(
        check_file("tests/fixtures/national/shanghai-2019.txt")
            .diagnostics
            .iter()
            .all(|d| d.check.as_str() != "template-mismatch")
    );
}

/// The model keeps the plain reader's table rows with their cells, and the
/// per-file phase's facts carry the aligned cells with values and spans.
#[test]
fn tables_are_in_the_model_and_in_the_facts() {
    use report_lint::analysis::Analysis;
    use report_lint::analysis::facts::ReportFacts;
    use report_lint::source::FileId;
    let text =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/shanghai-2019.txt"))
            .unwrap();
    let doc = report_lint::read::plain::read(text);
    let row = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .find(|r| {
            r.cells
                .first()
                .is_some_and(|c| doc.slice(c.span) == "一、本年新收政府信息公开申请数量")
        })
        .expect("表三's first row is a table row of the model");
    let texts: Vec<&str> = row.cells.iter().map(|c| doc.slice(c.span)).collect();
    assert_eq!(
        texts,
        [
            "一、本年新收政府信息公开申请数量",
            "821",
            "35",
            "",
            "",
            "2",
            "1",
            "859"
        ]
    );
    assert_eq!(&doc.text[row.cells[1].span.range()], "821");

    let cx = Analysis::new(&doc, Default::default());
    let p = RULES.pack("gov-2019").unwrap();
    let facts = ReportFacts::collect(&cx, FileId(3), "sh.txt", &[&p.tables], true);
    assert_eq!(facts.year, Some(2019));
    assert_eq!(facts.file, FileId(3));
    let cell = facts.cell("t3", "new", "natural").expect("t3 new/natural");
    assert_eq!(cell.value, Some(821.into()));
    assert_eq!(&doc.text[cell.span.range()], "821");
    assert_eq!(
        facts.cell("t3", "new", "total").and_then(|c| c.value),
        Some(859.into())
    );
    // Without cells wanted, facts stay small.
    let lean = ReportFacts::collect(&cx, FileId(3), "sh.txt", &[&p.tables], false);
    assert!(lean.cells.is_empty() && lean.year == Some(2019));
}

/// 表二's 「规范性文件」 (the 2019 form's words) in a 2021 report is the
/// 行政规范性文件 row; money in 万元 with six decimals is read exactly.
#[test]
fn t2_row_named_the_older_way_and_money_to_six_decimals() {
    let text =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/clean-2021-tabs.txt"))
            .unwrap();
    let older = text.replacen("\n行政规范性文件\t", "\n规范性文件\t", 1);
    assert_ne!(older, text);
    assert!(
        found_rules(&check_text(&older)).is_empty(),
        "{:?}",
        found_rules(&check_text(&older))
    );
    let doc = report_lint::read::plain::read(older);
    let p = RULES.pack("gov-2021").unwrap();
    let grids = read_all(&doc, &p.tables);
    let view = report_lint::analysis::grid::View {
        def: &p.tables[0],
        grid: grids[0].as_ref().unwrap(),
    };
    assert_eq!(view.value("normative", "issued"), Some(3.into()));
    // 万元 to six decimals, exactly.
    let money = report_lint::document::cells::value("4166.241619")
        .unwrap()
        .unwrap();
    assert_eq!(money.to_string(), "4166.241619");
}

/// A table flattened into the report's one line is table, not outline: its
/// row labels (「三、本年度办理结果」「（三）不予公开」) are not headings, and
/// the heading glued to its last cell (「…0 0五、存在的主要问题」) still is.
#[test]
fn a_flattened_table_is_not_outline_and_the_heading_after_it_is() {
    let flat =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/clean-2021-flat.txt"))
            .unwrap();
    assert!(flat.contains(" 0 五、存在的主要问题"));
    let glued = flat.replace(" 0 五、存在的主要问题", " 0五、存在的主要问题");
    for text in [&flat, &glued] {
        let r = check_text(text);
        let rules: Vec<String> = found_rules(&r).into_iter().map(|(r, _)| r).collect();
        assert_eq!(rules, ["gov2021/t2-split"], "{rules:?}");
    }
    // The outline the checks see: the report's six sections, no table label.
    let doc = report_lint::read::plain::read(glued.clone());
    let p = RULES.pack("gov-2021").unwrap();
    let (_, regions) = report_lint::analysis::table_regions(&doc, &[&p.tables]);
    assert_eq!(regions.len(), 3, "表二、表三、表四");
    let doc = doc.with_table_regions(&regions);
    let top: Vec<&str> = doc.top_level().map(|h| doc.slice(h.marker)).collect();
    assert_eq!(top, ["一、", "二、", "三、", "四、", "五、", "六、"]);
    assert!(
        doc.headings
            .iter()
            .all(|h| !doc.slice(h.title).contains("本年度办理结果"))
    );
}

/// A Word table pasted as paragraphs: one cell a line with no tab, rows apart
/// by a blank line or not — each row's cells are the value lines after its
/// label, read like the tab-led cell lines.
#[test]
fn cells_one_per_line_without_tabs_are_read() {
    let cells = std::fs::read_to_string(
        common::root().join("tests/fixtures/national/clean-2021-cells.txt"),
    )
    .unwrap();
    let untabbed: String = cells
        .lines()
        .map(|l| l.trim_start_matches('\t'))
        .collect::<Vec<_>>()
        .join("\n");
    let squeezed: String = untabbed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("untabbed.txt", &untabbed), ("squeezed.txt", &squeezed)] {
        assert_ne!(text, &cells);
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let rel = path.display().to_string();
        assert_eq!(rules_fired(&rel), Vec::<String>::new(), "{name}");
        for t in ["t2", "t3", "t4"] {
            assert_eq!(
                table(&rel, "gov-2021", t),
                table(
                    "tests/fixtures/national/clean-2021-pipes.txt",
                    "gov-2021",
                    t
                ),
                "{name} {t}"
            );
        }
    }
}

/// The 2013–2018 statistics table with its cells one per line and no tab (a
/// Word table pasted as paragraphs): units and values are cells, rows still
/// end at a blank line or at the next label, and the table's sums are checked
/// as in the tab-led export. (A blank value cell leaves no line there, so
/// 「没有填数字」 cannot be seen: table-blank is the one rule not compared.)
#[test]
fn the_2008_table_with_untabbed_cell_lines_is_read() {
    let tabbed = std::fs::read_to_string(common::root().join("examples/shanghe-2017.txt")).unwrap();
    let untabbed: String = tabbed
        .lines()
        .map(|l| l.trim_start_matches('\t'))
        .collect::<Vec<_>>()
        .join("\n");
    let table_findings = |text: &str| {
        let mut v: Vec<(String, String)> = check_text(text)
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("gov2008/table-") && d.rule != "gov2008/table-blank")
            .map(|d| (d.rule.clone(), d.message.clone()))
            .collect();
        v.sort();
        v
    };
    let want = table_findings(&tabbed);
    assert_eq!(want.len(), 3, "{want:?}");
    assert_eq!(table_findings(&untabbed), want);
}

/// A column left out of 表三 (its header word and its cells) is reported like
/// a missing row, and the other columns are still read where they stand: no
/// sum or text finding follows from the shift.
#[test]
fn a_missing_column_is_reported_like_a_missing_row() {
    let rel = "tests/fixtures/national/edit-missing-column.txt";
    let r = check_file(rel);
    let found: Vec<(String, String)> = r
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.message.clone()))
        .collect();
    assert_eq!(
        found,
        [(
            "gov2021/t3-rows".to_string(),
            "收到和处理政府信息公开申请情况（表三）缺少栏目：「法律服务机构」列".to_string()
        )]
    );
    let t3 = table(rel, "gov-2021", "t3");
    assert_eq!(t3[0], ("new".into(), vec![10, 2, 0, 1, -1, 1, 14]));
    // Every other layout of the clean report names all seven columns.
    for layout in ["pipes", "tabs", "spaces", "cells"] {
        let rel = format!("tests/fixtures/national/clean-2021-{layout}.txt");
        assert_eq!(rules_fired(&rel), Vec::<String>::new(), "{layout}");
    }
}

/// Flattened pages as crawlers write them, on text made from the project's
/// own flat report: a heading glued to a table's last figure
/// (「12.5三、收到…」), a digit run with a stray blank (「1020 10114」), the
/// first sub-heading glued to its section title (「…改进情况（一）…」) or
/// after a colon (「…改进：（一）…」). The outline and the tables read as in
/// the clean page; nothing new is reported.
#[test]
fn flattened_pages_with_glued_headings_and_stray_blanks() {
    let flat =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/clean-2021-flat.txt"))
            .unwrap();
    let edit = |text: &str, from: &str, to: &str| {
        assert!(text.contains(from), "«{from}»");
        text.replacen(from, to, 1)
    };
    let base = edit(
        &flat,
        "行政事业性收费12.5 三、收到",
        "行政事业性收费12.5三、收到",
    );
    let base = edit(&base, "申请数量 102010114二、", "申请数量 1020 10114二、");
    let tail = "五、存在的主要问题及改进情况 一是公开内容的深度有待加强。2023年，我局将进一步细化公开目录。";
    for (name, five) in [
        (
            "glued",
            "五、存在的主要问题及改进情况（一）存在的主要问题：公开内容的深度有待加强。（二）改进措施：2023年，我局将进一步细化公开目录。",
        ),
        (
            "colon",
            "五、存在的主要问题及改进情况 本年度存在问题并将改进：（一）公开内容的深度有待加强，需要结合群众关切进一步充实主动公开的栏目和内容。（二）细化公开目录。",
        ),
    ] {
        let text = edit(&base, tail, five);
        let r = check_text(&text);
        let rules: Vec<String> = found_rules(&r).into_iter().map(|(r, _)| r).collect();
        assert_eq!(rules, ["gov2021/t2-split"], "{name}: {rules:?}");
        let doc = report_lint::read::plain::read(text.clone());
        let p = RULES.pack("gov-2021").unwrap();
        let (_, regions) = report_lint::analysis::table_regions(&doc, &[&p.tables]);
        let doc = doc.with_table_regions(&regions);
        let top: Vec<&str> = doc.top_level().map(|h| doc.slice(h.marker)).collect();
        assert_eq!(
            top,
            ["一、", "二、", "三、", "四、", "五、", "六、"],
            "{name}"
        );
        let five = doc.top_level().nth(4).unwrap();
        let subs: Vec<&str> = doc
            .headings
            .iter()
            .filter(|h| h.level == 2 && five.section.contains(h.span))
            .map(|h| doc.slice(h.marker))
            .collect();
        assert_eq!(subs, ["（一）", "（二）"], "{name}");
    }
    // The stray blank does not split 本年新收 into two figures.
    assert_eq!(table_text_t3_new(&base), vec![10, 2, 0, 1, 0, 1, 14]);
}

fn table_text_t3_new(text: &str) -> Vec<i64> {
    let doc = report_lint::read::plain::read(text.to_string());
    let p = RULES.pack("gov-2021").unwrap();
    let grids = read_all(&doc, &p.tables);
    let i = p.tables.iter().position(|d| d.id == "t3").unwrap();
    let g = grids[i].as_ref().unwrap();
    g.rows[0]
        .cells
        .iter()
        .map(|c| {
            c.as_ref()
                .and_then(|c| c.value)
                .map_or(-1, |v| i64::try_from(v.trunc().mantissa()).unwrap())
        })
        .collect()
}

/// A 表二 row whose cells ran together (「3120」: 3 | 1 | 20, or 31 | 2 | 0,
/// …) is not read, but a figure the text quotes for one of its cells is
/// checked against every split: silent when a split gives it, a finding
/// naming the run when none does.
#[test]
fn a_text_figure_against_a_run_together_row() {
    let flat =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/clean-2021-flat.txt"))
            .unwrap();
    let at = "其中行政规范性文件3件。";
    assert!(flat.contains("行政规范性文件3120第二十条"));
    let with = |sentence: &str| flat.replacen(at, &format!("{at}{sentence}"), 1);
    let fired = |text: &str| -> Vec<(String, usize)> {
        found_rules(&check_text(text))
            .into_iter()
            .filter(|(r, _)| r != "gov2021/t2-split")
            .collect()
    };
    // Each figure is one split's: 20 (3 | 1 | 20), 0 (31 | 2 | 0 or
    // 3 | 12 | 0), 3 and 31 制发.
    for ok in [
        "目前现行有效行政规范性文件20件。",
        "现行有效行政规范性文件0件。",
        "本年制发行政规范性文件3件。",
        "本年制发行政规范性文件31件。",
    ] {
        assert_eq!(fired(&with(ok)), [], "{ok}");
    }
    let r = check_text(&with("目前现行有效行政规范性文件25件。"));
    let d: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "gov2021/text-vs-table")
        .collect();
    assert_eq!(d.len(), 1, "{r:?}");
    assert!(
        d[0].message.contains("25 件") && d[0].message.contains("（0 或 20 件）"),
        "{}",
        d[0].message
    );
    assert!(
        d[0].labels
            .iter()
            .any(|l| l.message.contains("各格连写为 3120，无论怎样拆分都不是 25")),
        "{:?}",
        d[0].labels
    );
}

/// A table whose cells all ran together, with one figure wrong: no split of
/// that row meets its relations, so the reading of the whole table that
/// breaks the fewest relations is taken and the broken ones are reported —
/// not 「无法核对」.
#[test]
fn a_wrong_figure_in_a_run_together_table_is_located() {
    let flat =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/clean-2021-flat.txt"))
            .unwrap();
    // 予以公开: 5 | 1 | 0 | 0 | 0 | 0 | 6, with 自然人 written 15.
    let row = "（一）予以公开 5100006";
    assert!(flat.contains(row));
    let text = flat.replacen(row, "（一）予以公开 15100006", 1);
    let r = check_text(&text);
    let rules: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity != report_lint::diagnostic::Severity::Info)
        .map(|d| d.rule.as_str())
        .collect();
    assert_eq!(
        rules,
        ["gov2021/t3-applicants", "gov2021/t3-results"],
        "{r:?}"
    );
    let results = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "gov2021/t3-results")
        .unwrap();
    assert!(
        results.message.contains("「自然人」列"),
        "{}",
        results.message
    );
    assert!(
        !r.diagnostics.iter().any(|d| d.rule == "gov2021/t3-split"),
        "the rows are read"
    );
}

/// A missing numbered sub-item is named with its number and, where the form
/// names its group, under the group (「其他处理 3.其他」, not a bare 「其他」);
/// a group whose every sub-item is missing is named once.
#[test]
fn missing_sub_items_are_named_with_their_group() {
    let tabs =
        std::fs::read_to_string(common::root().join("tests/fixtures/national/clean-2021-tabs.txt"))
            .unwrap();
    let lines: Vec<&str> = tabs.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("（六）其他处理"))
        .unwrap();
    assert!(lines[at + 2].starts_with("3.其他\t"));
    let message = |text: String| -> Vec<String> {
        check_text(&text)
            .diagnostics
            .iter()
            .filter(|d| d.rule == "gov2021/t3-rows")
            .map(|d| d.message.clone())
            .collect()
    };
    let mut one = lines.clone();
    one.remove(at + 2);
    assert_eq!(
        message(one.join("\n")),
        ["收到和处理政府信息公开申请情况（表三）缺少栏目：「其他处理 3.其他」"]
    );
    // The 2019 form's one row in place of the three.
    let mut old = lines.clone();
    old.splice(at..at + 3, ["（六）其他处理\t0\t0\t0\t0\t0\t0\t0"]);
    assert_eq!(
        message(old.join("\n")),
        [
            "收到和处理政府信息公开申请情况（表三）缺少栏目：「其他处理」的 3 个子项（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他）"
        ]
    );
}
