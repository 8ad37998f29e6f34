//! The properties the fuzz targets (`fuzz/`) check, in the library so that
//! the kept inputs of `tests/fixtures/fuzz/` are checked by the normal test
//! suite with exactly the same assertions.

use crate::diagnostic::FileReport;
use crate::engine::RuleSet;
use crate::run::{Options, check_bytes};

/// Bytes in, diagnostics out: no panic; every span on char boundaries of the
/// decoded text; positions survive `compact`; every renderer runs.
pub fn check_holds(data: &[u8], rules: &RuleSet) -> FileReport {
    check_holds_as("fuzz.txt", data, rules)
}

/// `check_holds` for a file of this name (its extension picks the reader:
/// `fuzz.html`, `fuzz.docx`); source places survive `compact` too.
pub fn check_holds_as(name: &str, data: &[u8], rules: &RuleSet) -> FileReport {
    let r = check_bytes(name.into(), data, rules, &Options::default());
    let offsets: Vec<usize> = r
        .diagnostics
        .iter()
        .flat_map(|d| std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)))
        .inspect(|s| {
            assert!(
                s.start <= s.end
                    && s.end <= r.source.text.len()
                    && r.source.text.is_char_boundary(s.start)
                    && r.source.text.is_char_boundary(s.end),
                "span {s:?} in a text of {} bytes",
                r.source.text.len()
            )
        })
        .flat_map(|s| [s.start, s.end])
        .collect();
    let before: Vec<_> = offsets
        .iter()
        .map(|&o| (r.position(o), r.place(o)))
        .collect();
    let results = std::slice::from_ref(&r);
    crate::render::render_human(
        results,
        1,
        &crate::render::Style::default(),
        false,
        &mut std::io::sink(),
    )
    .expect("render to a sink");
    let mut compacted = r.clone();
    compacted.compact();
    let after: Vec<_> = offsets
        .iter()
        .map(|&o| (compacted.position(o), compacted.place(o)))
        .collect();
    assert_eq!(before, after, "positions change when the text is dropped");
    crate::render::render_json(std::slice::from_ref(&compacted), 1, &mut std::io::sink())
        .expect("render to a sink");
    r
}

/// Any text as a rule pack: a pack or errors, never a panic; every error
/// span lies within the text.
pub fn pack_holds(text: &str) {
    let (_, errors) =
        RuleSet::load_without_builtins(&[("fuzz.toml".to_string(), text.to_string())]);
    for e in errors {
        if let Some(s) = e.span {
            assert!(s.start <= s.end && s.end <= text.len(), "{e:?}");
        }
    }
}
