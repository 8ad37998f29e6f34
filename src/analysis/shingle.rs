//! Text likeness for the corpus checks: a report's body normalised (blanks
//! and punctuation dropped, figures and the issuer's own names masked),
//! reduced to a bottom-k sketch of its character shingles (a MinHash variant
//! whose estimate of the Jaccard similarity of two sketches is unbiased, and
//! exact when a text has fewer than `SKETCH` shingles), and passages hashed
//! whole. Hashes are FNV-1a: the same on every machine and run.

/// Characters per shingle.
pub const SHINGLE: usize = 6;
/// Hashes kept per report (8 bytes each).
pub const SKETCH: usize = 256;

/// The text as compared: Han characters and letters only, each run of digits
/// one `0`, each of `names` one `□`.
pub fn normalise(text: &str, names: &[&str]) -> Vec<char> {
    let mut masked = std::borrow::Cow::Borrowed(text);
    for n in names.iter().filter(|n| n.chars().count() >= 2) {
        if masked.contains(n) {
            masked = std::borrow::Cow::Owned(masked.replace(n, "□"));
        }
    }
    let mut out = Vec::with_capacity(masked.len() / 3);
    let mut in_digits = false;
    for c in masked.chars() {
        let digit =
            c.is_ascii_digit() || ('０'..='９').contains(&c) || (c == '.' || c == ',') && in_digits;
        if digit {
            if !in_digits {
                out.push('0');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        // Han first: `char::is_alphabetic` looks CJK up the slow way.
        if crate::source::text::is_han(c)
            || c.is_ascii_alphabetic()
            || c == '□'
            || (!c.is_ascii() && !is_cjk_punct(c) && c.is_alphabetic())
        {
            out.push(c);
        }
    }
    out
}

/// CJK and full-width punctuation (never letters; skips the slow lookup).
fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0x2000..=0x206F)
}

/// FNV-1a over characters.
pub fn hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        for b in (*c as u32).to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // Finalise (FNV's low bits mix poorly for bottom-k).
    mix(h)
}

/// A 64-bit finaliser (MurmurHash3's), so every bit of a hash counts.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The `SKETCH` smallest distinct shingle hashes, ascending.
pub fn sketch(chars: &[char]) -> Vec<u64> {
    if chars.len() < SHINGLE {
        return vec![hash(chars)];
    }
    // The k smallest distinct hashes, gathered a block at a time: a 50 MB
    // line's millions of shingles are never all held at once.
    const BLOCK: usize = 1 << 14;
    let mut best: Vec<u64> = Vec::with_capacity(SKETCH + BLOCK);
    let settle = |best: &mut Vec<u64>| {
        best.sort_unstable();
        best.dedup();
        best.truncate(SKETCH);
    };
    // A rolling polynomial hash of each window (one multiply per character,
    // not one per byte of the window), finalised like `hash`.
    const B: u64 = 0x0100_0000_01b3;
    let top = (1..SHINGLE).fold(1u64, |a, _| a.wrapping_mul(B));
    let v = |c: char| (c as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut h = chars[..SHINGLE]
        .iter()
        .fold(0u64, |h, c| h.wrapping_mul(B).wrapping_add(v(*c)));
    for i in 0..=chars.len() - SHINGLE {
        if i > 0 {
            h = h
                .wrapping_sub(v(chars[i - 1]).wrapping_mul(top))
                .wrapping_mul(B)
                .wrapping_add(v(chars[i + SHINGLE - 1]));
        }
        best.push(mix(h));
        if best.len() == SKETCH + BLOCK {
            settle(&mut best);
        }
    }
    settle(&mut best);
    // Kept for the whole run (one per report): no spare capacity.
    best.shrink_to_fit();
    best
}

/// The Jaccard similarity two sketches estimate (exact for short texts), 0–1.
pub fn similarity(a: &[u64], b: &[u64]) -> rust_decimal::Decimal {
    // The k smallest of the union, and how many of them both hold.
    let (mut i, mut j, mut seen, mut both) = (0, 0, 0, 0);
    while seen < SKETCH && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), None) => i += 1,
            _ => j += 1,
        }
        seen += 1;
    }
    if seen == 0 {
        rust_decimal::Decimal::ZERO
    } else {
        rust_decimal::Decimal::from(both) / rust_decimal::Decimal::from(seen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_figures_and_names() {
        let a = normalise("某县2022年公开信息 1,234 条。", &["某县"]);
        let b = normalise("某区2023年公开信息 56 条", &["某区"]);
        assert_eq!(a, b);
    }

    #[test]
    fn rolling_window_hashes_are_the_windows_own() {
        // The same six characters hash alike wherever they stand.
        let a: Vec<char> = "甲乙丙丁戊己庚".chars().collect();
        let b: Vec<char> = "乙丙丁戊己庚".chars().collect();
        let (sa, sb) = (sketch(&a), sketch(&b));
        assert_eq!(sa.len(), 2);
        assert!(sa.contains(&sb[0]));
    }

    #[test]
    fn similarity_of_texts() {
        let text: String = (0..400)
            .map(|i| char::from_u32(0x4e00 + (i * 7919) % 20000).unwrap())
            .collect();
        let a = sketch(&text.chars().collect::<Vec<_>>());
        assert_eq!(similarity(&a, &a), rust_decimal::Decimal::ONE);
        let half: String = text
            .chars()
            .take(200)
            .chain("别的文字完全不同".chars().cycle().take(200))
            .collect();
        let s = similarity(&a, &sketch(&half.chars().collect::<Vec<_>>()));
        assert!(
            s > rust_decimal::Decimal::new(2, 1) && s < rust_decimal::Decimal::new(6, 1),
            "{s}"
        );
    }
}
