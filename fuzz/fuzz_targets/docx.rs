//! Bytes in → the DOCX reader's view → the model: never panics, whatever the
//! zip and its XML hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(view) = report_lint::read::docx::read(data) {
        let text_len = view.text.len();
        let (document, map) = view.read();
        let _ = (document, map.place("", text_len));
    }
});
