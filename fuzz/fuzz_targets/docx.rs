//! Bytes in as a Word document → diagnostics out, with the full built-in
//! rule set: never panics, whatever the zip and its XML hold; paragraph and
//! cell places survive compaction (`report_lint::fuzzing::check_holds_as`).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use report_lint::engine::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::load(&[]).0);

fuzz_target!(|data: &[u8]| {
    report_lint::fuzzing::check_holds_as("fuzz.docx", data, &RULES);
});
