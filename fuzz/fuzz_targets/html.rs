//! Bytes in → the HTML reader's view and its model: never panics, whatever
//! the page (decoding, nesting, broken tables, huge spans).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((view, _encoding)) = report_lint::read::html::read(data) {
        let _ = view.read();
    }
});
