//! Bytes in → diagnostics out, with the full built-in rule set: never panics.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use report_lint::check::{Options, check_bytes};
use report_lint::rules::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::load(&[]).0);

fuzz_target!(|data: &[u8]| {
    let r = check_bytes("fuzz.txt".into(), data, &RULES, &Options::default());
    for d in &r.diagnostics {
        assert!(r.text.is_char_boundary(d.span.start) && r.text.is_char_boundary(d.span.end));
    }
});
