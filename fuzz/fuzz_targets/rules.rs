//! Rule-file loading: any text is a pack or a list of errors, never a panic
//! (the properties are `report_lint::fuzzing::pack_holds`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        report_lint::fuzzing::pack_holds(text);
    }
});
