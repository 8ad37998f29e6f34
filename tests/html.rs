//! `--format html` (issue 15 §2): one self-contained page — a summary table
//! of the reports, each report's text with its findings marked in place and
//! listed beside it, filters by severity and rule. Read here with an HTML
//! parser; and, where `REPORT_LINT_CHROMIUM` names a browser (CI installs
//! Debian's Chromium, `.ci/browser-check`), rendered by headless Chromium:
//! the DOM it builds after the script ran, a preset filter applied, and a
//! screenshot.

mod common;

use common::run;
use scraper::{Html, Selector};

fn page() -> String {
    let r = run(&["check", "--format", "html", "examples/"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    r.stdout
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn the_page_summarises_marks_and_lists_every_finding() {
    let html = page();
    let doc = Html::parse_document(&html);
    // Self-contained: nothing fetched from anywhere.
    for (tag, attr) in [("script", "src"), ("link", "href"), ("img", "src")] {
        assert_eq!(
            doc.select(&sel(&format!("{tag}[{attr}]"))).count(),
            0,
            "{tag}"
        );
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
    // The summary: one row per report, its verdict.
    let rows: Vec<Vec<String>> = doc
        .select(&sel("#summary tbody tr"))
        .map(|tr| {
            tr.select(&sel("td"))
                .map(|td| td.text().collect::<String>())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 7, "{rows:?}");
    let huaian = rows
        .iter()
        .find(|r| r[0] == "examples/huaian-2024.html")
        .unwrap();
    assert_eq!(huaian[2], "2024");
    assert_eq!(huaian[3], "gov-2021");
    assert_eq!(huaian[7], "通过");
    let lianshui = rows
        .iter()
        .find(|r| r[0] == "examples/lianshui-2017.txt")
        .unwrap();
    assert_eq!(&lianshui[4..8], ["1", "2", "1", "1 个错误、2 个警告"]);
    // Every finding is listed; the ones with a place are marked in the text.
    let json = run(&["check", "--format", "json", "examples/"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = v["diagnostics"].as_array().unwrap().len();
    assert_eq!(doc.select(&sel("li.finding")).count(), findings);
    let marks = doc.select(&sel("pre.text mark")).count();
    assert!(
        marks >= findings / 2 && marks <= findings,
        "{marks} of {findings}"
    );
    for m in doc.select(&sel("mark")) {
        let id = m.value().attr("id").unwrap();
        assert_eq!(
            doc.select(&sel(&format!("li.finding a[href=\"#{id}\"]")))
                .count(),
            1,
            "{id} is explained beside it"
        );
    }
    // The report's text is whole: marks only wrap it.
    let lianshui_text = std::fs::read_to_string(common::root().join("examples/lianshui-2017.txt"))
        .unwrap()
        .replace("\r\n", "\n");
    let shown: String = doc
        .select(&sel("section.report"))
        .find(|s| {
            s.select(&sel("h2"))
                .any(|h| h.text().collect::<String>() == "examples/lianshui-2017.txt")
        })
        .unwrap()
        .select(&sel("pre.text"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(shown.trim_end(), lianshui_text.trim_end());
    // Filters: each severity, and each rule found.
    assert_eq!(doc.select(&sel(".filters input[data-severity]")).count(), 3);
    assert!(
        doc.select(&sel("#rule option"))
            .any(|o| o.text().collect::<String>() == "gov2008/section-appeals")
    );
}

/// Headless Chromium loads the page (no network), runs its script with a
/// filter preset in the address (errors only), and takes a screenshot at a
/// phone's width.
#[test]
fn chromium_renders_the_page_and_its_filters() {
    let Some(chromium) = std::env::var_os("REPORT_LINT_CHROMIUM") else {
        eprintln!("REPORT_LINT_CHROMIUM is not set: the browser test is run by .ci/browser-check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, page()).unwrap();
    let url = format!("file://{}#severity=error", path.display());
    let browser = |extra: &[&str]| {
        let out = std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .args(extra)
            .arg(&url)
            .output()
            .expect("run chromium");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let dom = browser(&["--dump-dom"]);
    let doc = Html::parse_document(&dom);
    assert_eq!(doc.select(&sel("#summary tbody tr")).count(), 7);
    // The script ran: warnings and notes hidden, errors shown.
    let hidden = |s: &str| {
        doc.select(&sel(s))
            .all(|e| e.value().classes().any(|c| c == "hidden"))
    };
    assert!(doc.select(&sel("li.finding.warning")).count() > 0);
    assert!(hidden("li.finding.warning") && hidden("li.finding.info"));
    assert!(
        doc.select(&sel("li.finding.error"))
            .all(|e| !e.value().classes().any(|c| c == "hidden"))
    );
    let shot = dir.path().join("phone.png");
    browser(&[
        "--window-size=400,900",
        &format!("--screenshot={}", shot.display()),
    ]);
    let png = std::fs::read(&shot).unwrap();
    assert!(png.len() > 1000 && png.starts_with(b"\x89PNG"));
}
