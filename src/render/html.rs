//! `--format html`: one self-contained page for a person (no network: the
//! style and the script are inline). A summary table of the reports (issuer,
//! year, pack, counts, verdict), then each report's text with every finding
//! marked in place and explained beside it; filters by severity and rule;
//! readable on a phone (the findings go under the text on a narrow screen).

use std::io::{self, Write};

use super::Summary;
use crate::diagnostic::{Diagnostic, FileReport, Severity};

const STYLE: &str = r#"
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:0 1rem 2rem;color:#222;line-height:1.6}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5rem 0;z-index:1}
h1{font-size:1.3rem;margin:.3rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .3rem;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left}
td.n{text-align:right}tr.fail td.verdict{color:#b00020;font-weight:bold}tr.pass td.verdict{color:#1b5e20}
.filters label{margin-right:.8rem;white-space:nowrap}
.report .body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
@media (max-width:800px){.report .body{grid-template-columns:1fr}}
pre.text{white-space:pre-wrap;word-break:break-all;background:#fafafa;border:1px solid #eee;padding:.5rem;margin:0;font-family:inherit}
mark{background:none;border-bottom:3px solid #999;cursor:pointer}
mark.error{background:#fde0e0;border-color:#b00020}mark.warning{background:#fff3cd;border-color:#c77700}mark.info{background:#e3f2fd;border-color:#1565c0}
ol.findings{margin:0;padding-left:1.4rem}li.finding{margin-bottom:.6rem}
li.finding .sev{font-weight:bold}li.error .sev{color:#b00020}li.warning .sev{color:#c77700}li.info .sev{color:#1565c0}
li.finding code{font-size:.8rem;color:#555}.help{color:#555;font-size:.9rem;margin:.1rem 0 0}
.wide{overflow-x:auto}.hidden{display:none}mark.off{background:none;border-color:transparent}
"#;

const SCRIPT: &str = r#"
(function(){
  var sev=document.querySelectorAll('.filters input[data-severity]');
  var rule=document.getElementById('rule');
  function apply(){
    var on={};sev.forEach(function(c){on[c.dataset.severity]=c.checked;});
    var r=rule.value;
    document.querySelectorAll('[data-finding]').forEach(function(e){
      var show=on[e.dataset.severity]&&(!r||e.dataset.rule===r);
      if(e.tagName==='MARK'){e.classList.toggle('off',!show);}else{e.classList.toggle('hidden',!show);}
    });
  }
  sev.forEach(function(c){c.addEventListener('change',apply);});
  rule.addEventListener('change',apply);
  // A link may preset the filters: #severity=error,warning&rule=common/year
  var q={};location.hash.slice(1).split('&').forEach(function(kv){var p=kv.split('=');if(p[0])q[p[0]]=decodeURIComponent(p[1]||'');});
  if(q.severity!==undefined){var want=q.severity.split(',');sev.forEach(function(c){c.checked=want.indexOf(c.dataset.severity)>=0;});}
  if(q.rule!==undefined){rule.value=q.rule;}
  apply();
})();
"#;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn sev_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// 「通过」 or 「2 个错误、1 个警告」, as the human format says it.
fn verdict(r: &FileReport) -> (bool, String) {
    super::human::verdict(r, super::Lang::Zh)
}

pub fn render_html(results: &[FileReport], reports: usize, w: &mut dyn Write) -> io::Result<()> {
    let s = Summary::of(results, reports);
    let mut rules: Vec<&str> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.rule.as_str()))
        .collect();
    rules.sort_unstable();
    rules.dedup();
    writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>年度报告检查结果</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(
        w,
        "<header>\n<h1>年度报告检查结果</h1>\n<p id=\"totals\">{} 份报告：{} 个错误、{} 个警告、{} 条提示</p>",
        s.files, s.errors, s.warnings, s.infos
    )?;
    write!(w, "<div class=\"filters\">")?;
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        write!(
            w,
            "<label><input type=\"checkbox\" data-severity=\"{}\" checked> {}</label>",
            sev.as_str(),
            sev_word(sev)
        )?;
    }
    write!(
        w,
        "<label>规则 <select id=\"rule\"><option value=\"\">全部规则</option>"
    )?;
    for r in &rules {
        write!(w, "<option>{}</option>", esc(r))?;
    }
    writeln!(w, "</select></label></div>\n</header>")?;
    writeln!(
        w,
        "<div class=\"wide\"><table id=\"summary\">\n<thead><tr><th>报告</th><th>机关</th><th>年度</th><th>规则包</th><th>错误</th><th>警告</th><th>提示</th><th>结论</th></tr></thead>\n<tbody>"
    )?;
    for (i, r) in results.iter().enumerate() {
        let (pass, v) = verdict(r);
        let meta = r.meta.as_ref();
        writeln!(
            w,
            "<tr class=\"{}\"><td><a href=\"#report-{i}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"verdict\">{}</td></tr>",
            if pass { "pass" } else { "fail" },
            esc(&r.source.path),
            esc(meta.and_then(|m| m.issuer.as_deref()).unwrap_or("")),
            meta.and_then(|m| m.year)
                .map_or(String::new(), |y| y.to_string()),
            esc(meta
                .and_then(|m| m.packs.first())
                .map_or("", String::as_str)),
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info),
            v
        )?;
    }
    writeln!(w, "</tbody>\n</table></div>")?;
    for (i, r) in results.iter().enumerate() {
        report(i, r, w)?;
    }
    writeln!(w, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

/// One report: its text with the findings marked, and the list beside it.
fn report(i: usize, r: &FileReport, w: &mut dyn Write) -> io::Result<()> {
    let (_, v) = verdict(r);
    writeln!(
        w,
        "<section class=\"report\" id=\"report-{i}\">\n<h2>{}</h2>\n<p class=\"verdict\">{v}</p>\n<div class=\"body\">",
        esc(&r.source.path)
    )?;
    let text = &r.source.text;
    // Marks: each finding's own span, in order; one that overlaps an earlier
    // mark is listed but not marked again.
    let mut order: Vec<(usize, &Diagnostic)> = r
        .diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            !d.span.is_empty()
                && d.span.end <= text.len()
                && text.is_char_boundary(d.span.start)
                && text.is_char_boundary(d.span.end)
        })
        .collect();
    order.sort_by_key(|(_, d)| (d.span.start, d.span.end));
    let mut marked = vec![false; r.diagnostics.len()];
    write!(w, "<pre class=\"text\">")?;
    let mut at = 0;
    for (k, d) in order {
        if d.span.start < at {
            continue;
        }
        write!(
            w,
            "{}<mark id=\"m-{i}-{k}\" class=\"{}\" data-finding data-severity=\"{}\" data-rule=\"{}\" title=\"{}\">{}</mark>",
            esc(&text[at..d.span.start]),
            d.severity.as_str(),
            d.severity.as_str(),
            esc(&d.rule),
            esc(&d.message),
            esc(&text[d.span.start..d.span.end])
        )?;
        marked[k] = true;
        at = d.span.end;
    }
    writeln!(w, "{}</pre>", esc(&text[at.min(text.len())..]))?;
    writeln!(w, "<ol class=\"findings\">")?;
    for (k, d) in r.diagnostics.iter().enumerate() {
        let p = r.position(d.span.start);
        let place = if marked[k] {
            format!(
                "<a href=\"#m-{i}-{k}\">第 {} 行第 {} 列</a>",
                p.line, p.column
            )
        } else if r.has_source() && !d.span.is_empty() {
            format!("第 {} 行第 {} 列", p.line, p.column)
        } else {
            "全文".to_string()
        };
        write!(
            w,
            "<li class=\"finding {}\" data-finding data-severity=\"{}\" data-rule=\"{}\"><span class=\"sev\">{}</span> {place} <code>{}</code><br>{}",
            d.severity.as_str(),
            d.severity.as_str(),
            esc(&d.rule),
            sev_word(d.severity),
            esc(&d.rule),
            esc(&d.message)
        )?;
        if let Some(h) = &d.help {
            write!(w, "<p class=\"help\">{}</p>", esc(h))?;
        }
        writeln!(w, "</li>")?;
    }
    writeln!(w, "</ol>\n</div>\n</section>")
}
