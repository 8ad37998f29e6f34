//! The text `report-lint rule ID` prints: what the rule checks, why, where it
//! comes from, and a bad and a good example — all from the pack.

use std::fmt::Write;

use crate::engine::{CompiledRule, Pack};

pub fn explain(pack: &Pack, rule: &CompiledRule) -> String {
    explain_meta(pack, &rule.meta)
}

/// `explain` for any rule's metadata (a corpus rule's too).
pub fn explain_meta(pack: &Pack, m: &crate::rules::RuleMeta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({}, {})", m.id, m.check, m.severity);
    let _ = writeln!(s, "规则包：{}（{}）", pack.meta.id, pack.meta.title);
    if let Some(src) = &m.source {
        let _ = writeln!(s, "依据：{src}");
    }
    if !m.default {
        let _ = writeln!(
            s,
            "默认不启用：在配置的 select 或 extend-select 中写明「{}」，或用 --extend-select {} 启用",
            m.id, m.id
        );
    }
    let _ = writeln!(s, "\n检查什么\n  {}", m.explain.what.trim());
    let _ = writeln!(s, "\n为什么\n  {}", m.explain.why.trim());
    for (title, text) in [("错误示例", &m.explain.bad), ("正确示例", &m.explain.good)] {
        if let Some(t) = text {
            let _ = writeln!(s, "\n{title}");
            for line in t.trim().lines() {
                let _ = writeln!(s, "  | {line}");
            }
        }
    }
    if let Some(h) = &m.help {
        let _ = writeln!(s, "\n如何修改\n  {}", h.trim());
    }
    s
}
