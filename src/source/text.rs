//! Small text helpers shared by the document model and the checks: character
//! classes, width folding, Chinese ordinals and title similarity.

/// Is `c` a CJK ideograph (the characters Chinese words are made of)?
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Whitespace including the ideographic space U+3000 and NBSP.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// Quotes of any style around words of a label (the official form prints
/// 「危及“三安全一稳定”」; exports write "…", 「…」 or none).
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '‘' | '’' | '「' | '」' | '『' | '』' | '〝' | '〞'
    )
}

/// What label comparison ignores: blanks, cell separators, quotes.
pub fn is_label_noise(c: char) -> bool {
    is_space(c) || c == '|' || is_quote(c)
}

/// A table label as labels are compared: blanks, `|` and quotes dropped,
/// full-width forms folded (the form's 「“三安全一稳定”」 is the same label
/// without its quotes).
pub fn fold_label(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_label_noise(c))
        .map(fold_char)
        .collect()
}

/// Folds full-width ASCII forms to ASCII and drops all whitespace: the form
/// phrases and headings are compared in.
pub fn fold(s: &str) -> String {
    s.chars().filter(|&c| !is_space(c)).map(fold_char).collect()
}

/// Whether `haystack`, folded, contains `needle` (already folded). Folds a
/// piece at a time, so a whole report body is never copied.
pub fn folded_contains(haystack: &str, needle: &str) -> bool {
    folded_contains_any(haystack, &[needle])
}

/// Whether `haystack`, folded, contains any of `needles` (already folded),
/// folding it once.
pub fn folded_contains_any<S: AsRef<str>>(haystack: &str, needles: &[S]) -> bool {
    const PIECE: usize = 64 * 1024;
    let needles: Vec<&str> = needles.iter().map(AsRef::as_ref).collect();
    if needles.iter().any(|n| n.is_empty()) {
        return true;
    }
    let Some(longest) = needles.iter().map(|n| n.len()).max() else {
        return false;
    };
    let mut buf = String::new();
    let mut rest = haystack;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        buf.extend(rest[..cut].chars().filter(|&c| !is_space(c)).map(fold_char));
        if needles.iter().any(|n| buf.contains(n)) {
            return true;
        }
        rest = &rest[cut..];
        // Keep what a match across the cut could start with.
        let mut keep = buf.len().saturating_sub(longest);
        while !buf.is_char_boundary(keep) {
            keep += 1;
        }
        buf.drain(..keep);
    }
    false
}

pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Pieces of `text` for scanners that index chars, with their byte offsets:
/// the whole text when it is at most `max` bytes; otherwise sentences (each
/// ends after 。！？!?), and a sentence longer than `max` chars cut between
/// two chars that `keep` does not hold together (or, past four times `max`,
/// anywhere). A 50 MB line then costs the scanner a few
/// kilobytes, not 16 bytes a char.
pub fn pieces<'a>(
    text: &'a str,
    max: usize,
    keep: impl Fn(char) -> bool + 'a,
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= text.len() {
            return None;
        }
        let rest = &text[from..];
        let mut end = rest.len();
        // The common case: a paragraph short enough to scan whole.
        if rest.len() <= max {
            from = text.len();
            return Some((text.len() - rest.len(), rest));
        }
        let mut prev_kept = false;
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if matches!(c, '。' | '！' | '？' | '!' | '?') {
                end = i + c.len_utf8();
                break;
            }
            let kept = n + 1 >= max && keep(c);
            if n >= 4 * max || (n >= max && !kept && !prev_kept) {
                end = i;
                break;
            }
            prev_kept = kept;
        }
        let start = from;
        from += end;
        Some((start, &rest[..end]))
    })
}

/// Words that every section title of these reports shares; removed before two
/// titles are compared, so that similarity rests on the words that differ.
const TITLE_STOP: [&str; 11] = [
    "政府信息",
    "政府",
    "信息",
    "工作",
    "情况",
    "以及",
    "的",
    "和",
    "及",
    "与",
    "、",
];

/// A title prepared for `similarity`: outlines compare every declared part
/// with every heading, so each title is folded and cut into bigrams once.
#[derive(Debug, Clone)]
pub struct TitleKey {
    key: String,
    grams: Vec<(char, char)>,
}

impl TitleKey {
    pub fn new(title: &str) -> TitleKey {
        let key = title_key(title);
        let cs: Vec<char> = key.chars().collect();
        let mut grams: Vec<(char, char)> = if cs.len() == 1 {
            vec![(cs[0], ' ')]
        } else {
            cs.windows(2).map(|w| (w[0], w[1])).collect()
        };
        grams.sort_unstable();
        grams.dedup();
        TitleKey { key, grams }
    }

    /// Similarity of two section titles in 0..=1 (Dice coefficient over
    /// character bigrams of the folded titles without the shared stop words).
    pub fn similarity(&self, other: &TitleKey) -> f32 {
        if self.key == other.key {
            return 1.0;
        }
        let (ga, gb) = (&self.grams, &other.grams);
        if ga.is_empty() || gb.is_empty() {
            return 0.0;
        }
        let common = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
        (2 * common) as f32 / (ga.len() + gb.len()) as f32
    }
}

fn title_key(s: &str) -> String {
    static STOP: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            TITLE_STOP
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
                .collect()
        });
    let mut s = fold(s);
    for (w, finder) in TITLE_STOP.iter().zip(STOP.iter()) {
        // Most titles hold few stop words: look before copying.
        if finder.find(s.as_bytes()).is_some() {
            s = s.replace(w, "");
        }
    }
    s.trim_matches(|c: char| c.is_ascii_punctuation() || "。，；：".contains(c))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_similarity(a: &str, b: &str) -> f32 {
        TitleKey::new(a).similarity(&TitleKey::new(b))
    }

    #[test]
    fn similar_titles() {
        assert!(title_similarity("工作存在的主要问题及改进措施", "存在的主要问题和改进措施") > 0.9);
        assert!(title_similarity("情况概述", "概述") > 0.9);
        assert!(title_similarity("政府信息公开情况", "政府信息主动公开情况") >= 0.5);
        assert!(title_similarity("公开申请的办理情况", "政府信息公开会议和培训情况") < 0.3);
    }

    #[test]
    fn folded_search_across_pieces() {
        let mut hay = "信息".repeat(40_000);
        hay.push_str("统 计 表");
        assert!(folded_contains(&hay, "统计表"));
        assert!(!folded_contains(&hay, "统计表二"));
        assert!(folded_contains("１２　３", "123"));
    }

    #[test]
    fn fold_width() {
        assert_eq!(fold("（１）　A"), "(1)A");
    }
}
