//! The warm-up: compiling, on a background thread, the regexes the built-in
//! packs compile on first use — common first, then the year packs — and the
//! readers' and checks' own, while the caller reads and parses reports. A
//! one-report run otherwise spends most of its time compiling regexes on one
//! core; a rule that needs a regex being compiled waits for it, never
//! compiles it twice.

use crate::engine::RuleSet;

/// Starts the warm-up; the process does not wait for what it no longer needs.
pub fn warm_in_background(set: &RuleSet) {
    let todo = set.lazy_patterns();
    let _ = std::thread::Builder::new()
        .name("warm-regexes".into())
        .spawn(move || {
            for p in todo {
                let _ = p.compile();
            }
            crate::read::plain::warm_statics();
            crate::document::build::warm_statics();
            crate::engine::kinds::late_publication::warm_statics();
        });
}
