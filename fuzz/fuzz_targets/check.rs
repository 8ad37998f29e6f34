//! Bytes in → diagnostics out, with the full built-in rule set: never panics
//! (the properties are `report_lint::fuzzing::check_holds`).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use report_lint::engine::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::load(&[]).0);

fuzz_target!(|data: &[u8]| {
    report_lint::fuzzing::check_holds(data, &RULES);
});
