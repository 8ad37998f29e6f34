//! Rule-file loading: any text is a pack or a list of errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_lint::rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (_, errors) = RuleSet::load(&[("fuzz.toml".to_string(), text.to_string())]);
        for e in errors {
            if let Some(s) = e.span {
                assert!(s.start <= s.end && s.end <= text.len().max(s.end));
            }
        }
    }
});
