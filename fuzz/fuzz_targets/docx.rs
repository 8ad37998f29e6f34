//! Bytes in → the DOCX reader's view → the model: never panics, whatever the
//! zip and its XML hold (`report_lint::read::docx::read`, then `View::read`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(view) = report_lint::read::docx::read(data) {
        let text = view.text.clone();
        let (_document, map) = view.read();
        for (offset, _) in text.char_indices().step_by(61) {
            let _ = map.place(&text, offset);
        }
    }
});
