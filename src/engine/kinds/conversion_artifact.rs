//! `conversion-artifact`: junk a Word/PDF/HTML export leaves in the text —
//! `[image: …]`, `[bookmark: …]`, HTML and Word residue (patterns from the
//! pack: runs of `|`, `¦`, `■`, `□`, `?` where text was), and OCR garbage lines (runs of Latin capitals with no Chinese).

use crate::analysis::Analysis;
use crate::diagnostic::{Edit, Fix};
use crate::engine::{PackRegex, PackRegexSet};
use serde::Deserialize;
use toml::Spanned;

use crate::engine::{Findings, KindSpec, RuleCheck, params};
use crate::source::span::Span;
use crate::source::text::is_han;

pub const KIND: KindSpec = KindSpec {
    names: &["conversion-artifact"],
    checks: &["conversion-artifact"],
    vars: &["what", "text"],
    compile: |p, ctx| {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct RawPattern {
            regex: Spanned<String>,
            what: String,
            /// Not in table rows (a pipe table's empty cells are `|||`).
            #[serde(default)]
            prose_only: bool,
            /// `"delete"`: removing the match is a certain fix (a placeholder,
            /// markup); junk standing for lost text is not (the text is lost).
            #[serde(default)]
            fix: Option<FixName>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "kebab-case")]
        enum FixName {
            Delete,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        struct Params {
            #[serde(default)]
            patterns: Vec<RawPattern>,
            /// Also flag lines of Latin capitals with no Chinese (OCR of an image).
            #[serde(default)]
            ocr_garbage: bool,
        }
        let p: Params = params(p, ctx)?;
        let patterns = p
            .patterns
            .iter()
            .map(|pat| {
                Ok(Pattern {
                    regex: ctx.regex(&pat.regex)?,
                    what: pat.what.clone(),
                    prose_only: pat.prose_only,
                    delete: matches!(pat.fix, Some(FixName::Delete)),
                })
            })
            .collect::<Result<_, _>>()?;
        // Each pattern compiled alone (so its size limit and error point at
        // it); the set only screens paragraphs in one pass.
        let screen = ctx.regex_set(p.patterns.iter().map(|pat| pat.regex.get_ref()))?;
        Ok(Box::new(ConversionArtifact {
            patterns,
            screen,
            ocr_garbage: p.ocr_garbage,
        }))
    },
};

struct Pattern {
    regex: PackRegex,
    what: String,
    prose_only: bool,
    delete: bool,
}

struct ConversionArtifact {
    patterns: Vec<Pattern>,
    /// All patterns at once: most paragraphs match none.
    screen: PackRegexSet,
    ocr_garbage: bool,
}

impl RuleCheck for ConversionArtifact {
    fn run(&self, cx: &Analysis<'_>, out: &mut Findings<'_>) {
        let doc = cx.doc;
        for p in &doc.paragraphs {
            let text = doc.slice(p.span);
            let mut hit = false;
            let screened = if self.screen.is_match(text) {
                &self.patterns[..]
            } else {
                &[]
            };
            for pat in screened {
                if pat.prose_only && p.table_cell {
                    continue;
                }
                for m in pat.regex.find_iter(text) {
                    let span = Span::new(p.span.start + m.start(), p.span.start + m.end());
                    emit(out, span, &pat.what, m.as_str(), pat.delete);
                    hit = true;
                }
            }
            if self.ocr_garbage && !hit && is_ocr_garbage(text) {
                emit(out, p.span, "图片文字识别（OCR）残留的乱码", text, false);
            }
        }
    }
}

fn emit(out: &mut Findings<'_>, span: Span, what: &str, text: &str, delete: bool) {
    let shown: String = text.chars().take(40).collect();
    let vars = [("what", what.to_string()), ("text", shown)];
    if delete {
        let fix = Fix {
            message: format!("删除{what}"),
            edits: vec![Edit {
                span,
                replacement: String::new(),
            }],
        };
        out.emit_fix(span, Some(what.to_string()), &vars, Vec::new(), fix);
    } else {
        out.emit(span, Some(what.to_string()), &vars, Vec::new());
    }
}

/// A line with no Chinese, made mostly of capitalised Latin "words" that are
/// not a URL, an e-mail address or a short acronym.
fn is_ocr_garbage(text: &str) -> bool {
    if text.chars().any(is_han)
        || text.contains("http")
        || text.contains("www")
        || text.contains('@')
    {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_uppercase()))
        .count();
    let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    caps >= 2 && letters * 2 >= text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::is_ocr_garbage;

    #[test]
    fn ocr_lines() {
        assert!(is_ocr_garbage("WFEATA = HEATHE » GHEATE o BASHATE"));
        assert!(!is_ocr_garbage("www.lianshui.gov.cn"));
        assert!(!is_ocr_garbage("政务微博 APP"));
        assert!(!is_ocr_garbage("PDF"));
    }
}
