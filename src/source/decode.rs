//! Bytes to text: BOM sniffing, UTF-8, UTF-16 and GB18030/GBK, line-end folding,
//! and the refusal of inputs that are empty, binary or undecodable.
//!
//! The decoded text is what every span points into: CRLF and lone CR are folded
//! to LF here, so that line numbers agree with what editors show.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// A successfully decoded report.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// Canonical name of the encoding used (`UTF-8`, `UTF-16LE`, `GB18030`, …).
    pub encoding: &'static str,
    pub bom: bool,
}

/// Why a file could not be read as a report. Messages are for the user (Chinese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("文件为空")]
    Empty,
    #[error("文件不是文本（含有 {nul} 个空字节或控制字符），疑为二进制文件{hint}")]
    Binary { nul: usize, hint: &'static str },
    #[error(
        "文件按 UTF-8 编码，但有 {bad} 处字节无效（第一处在第 {line} 行）；请在编辑器中修正后另存为 UTF-8"
    )]
    BadUtf8 { bad: usize, line: usize },
    #[error("无法按 {encoding} 解码：{bad} 处字节无效")]
    Undecodable { encoding: &'static str, bad: usize },
    #[error("文本为乱码：{0}")]
    Garbled(&'static str),
    #[error("未知的编码名称「{0}」")]
    UnknownEncoding(String),
}

/// Looks up an encoding by a WHATWG label (`utf-8`, `gbk`, `gb18030`, `utf-16le`, …).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| DecodeError::UnknownEncoding(label.to_string()))
}

/// Decodes `bytes`, guessing the encoding unless `forced` is given.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec(), forced)
}

/// Like `decode`, reusing the buffer of a valid UTF-8 file for the text: a
/// 50 MB file is then held once, not twice.
pub fn decode_owned(
    mut bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (mut encoding, bom_len) = match forced {
        Some(enc) => {
            let bom = Encoding::for_bom(&bytes).filter(|(e, _)| *e == enc);
            (enc, bom.map_or(0, |(_, n)| n))
        }
        None => match Encoding::for_bom(&bytes) {
            Some((enc, n)) => (enc, n),
            None => (sniff(&bytes)?, 0),
        },
    };
    let (text, had_errors) = if encoding == UTF_8 {
        bytes.drain(..bom_len);
        match String::from_utf8(bytes) {
            Ok(text) => (text, false),
            // Sniffed, not labelled: mostly UTF-8 with a few bad bytes is a
            // damaged UTF-8 file, not GB18030.
            Err(e) if forced.is_none() && bom_len == 0 && mostly_utf8(e.as_bytes()) => {
                let valid_up_to = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                let line = 1 + memchr::memchr_iter(b'\n', &bytes[..valid_up_to]).count();
                let bad = String::from_utf8_lossy(bytes)
                    .chars()
                    .filter(|&c| c == '\u{FFFD}')
                    .count();
                return Err(DecodeError::BadUtf8 { bad, line });
            }
            // Sniffed, not labelled: text that is not UTF-8 is GB18030.
            Err(e) if forced.is_none() && bom_len == 0 => {
                encoding = GB18030;
                let (text, had_errors) = GB18030.decode_without_bom_handling(e.as_bytes());
                (text.into_owned(), had_errors)
            }
            Err(e) => {
                let (text, had_errors) = UTF_8.decode_without_bom_handling(e.as_bytes());
                (text.into_owned(), had_errors)
            }
        }
    } else {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        (text.into_owned(), had_errors)
    };
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        // A few bad bytes in a long GBK file are common (truncated last char);
        // many mean the guess or the forced label is wrong.
        if bad * 200 > text.chars().count().max(1) || forced.is_none() && encoding == UTF_8 {
            return Err(DecodeError::Undecodable {
                encoding: canonical_name(encoding),
                bad,
            });
        }
    }
    let controls = count_controls(text.as_bytes());
    if controls > 0 && controls * 100 > text.chars().count() {
        return Err(DecodeError::Binary {
            nul: controls,
            hint: "",
        });
    }
    let text = fold_line_ends(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(cause) = super::mojibake::diagnose(&text) {
        return Err(DecodeError::Garbled(cause));
    }
    Ok(Decoded {
        text,
        encoding: canonical_name(encoding),
        bom: bom_len > 0,
    })
}

/// Control characters (Unicode Cc) other than line ends, tab and form feed,
/// counted on the UTF-8 bytes: C0 and DEL are single bytes, C1 is `C2 80`–`C2 9F`.
fn count_controls(bytes: &[u8]) -> usize {
    // Branch-free per byte, summed in u8 lanes of at most 255: vectorized.
    let c0: usize = bytes
        .chunks(255)
        .map(|chunk| {
            chunk
                .iter()
                .map(|&b| {
                    let c0 = (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c);
                    (c0 | (b == 0x7f)) as u8
                })
                .fold(0u8, u8::wrapping_add) as usize
        })
        .sum();
    let c1 = memchr::memchr_iter(0xc2, bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)))
        .count();
    c0 + c1
}

/// Without a BOM: UTF-8 (GB18030 when it is not valid UTF-8), UTF-16 if every other byte is NUL, binary if
/// NULs remain, otherwise GB18030 (a superset of GBK and GB2312).
fn sniff(bytes: &[u8]) -> Result<&'static Encoding, DecodeError> {
    if memchr::memchr(0, bytes).is_none() {
        // Validated while decoding; invalid UTF-8 is then read as GB18030.
        return Ok(UTF_8);
    }
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // ASCII-heavy UTF-16 has NULs in one lane; CJK-heavy UTF-16 rarely has any,
    // so a lane with most of the NULs and nothing in the other lane decides.
    if pairs > 0 && odd_nul * 4 >= pairs && even_nul == 0 {
        return Ok(UTF_16LE);
    }
    if pairs > 0 && even_nul * 4 >= pairs && odd_nul == 0 {
        return Ok(UTF_16BE);
    }
    // Text in a wide encoding without a BOM: say so, and what to do.
    let quads = bytes.len() / 4;
    let lane = |k: usize| bytes.iter().skip(k).step_by(4).filter(|&&b| b == 0).count();
    let utf32 =
        quads > 0 && ((lane(2) + lane(3)) * 2 >= quads * 3 || (lane(0) + lane(1)) * 2 >= quads * 3);
    let hint = if utf32 {
        "；若是 UTF-32 编码的文本，请另存为 UTF-8 后再检查"
    } else if pairs > 0 && (odd_nul * 8 >= pairs || even_nul * 8 >= pairs) {
        "；若是无 BOM 的 UTF-16 文本，请用 --encoding utf-16le（或 utf-16be）指定编码"
    } else {
        ""
    };
    Err(DecodeError::Binary { nul, hint })
}

/// Whether invalid UTF-8 is still mostly UTF-8: its multi-byte characters
/// decode, and only a few bytes do not (GBK text almost never decodes as
/// UTF-8 beyond a character or two).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\u{FFFD}' {
            bad += 1;
        } else if !c.is_ascii() {
            good += 1;
        }
    }
    good >= 10 * bad.max(1)
}

/// The name an encoding is reported under (as in JSON `files[].encoding`).
pub fn canonical_name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// CRLF to LF and lone CR to LF, in place (`\r` is ASCII, so the bytes stay UTF-8).
fn fold_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut bytes = text.into_bytes();
    let mut w = 0;
    for r in 0..bytes.len() {
        let b = bytes[r];
        if b == b'\r' {
            if bytes.get(r + 1) == Some(&b'\n') {
                continue;
            }
            bytes[w] = b'\n';
        } else {
            bytes[w] = b;
        }
        w += 1;
    }
    bytes.truncate(w);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_counted_on_bytes_as_on_chars() {
        let s = "a\u{0}b\n\t\u{c}\u{7f}\u{85}\u{9f}\u{a0}中\r";
        let by_chars = s
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            .count();
        assert_eq!(count_controls(s.as_bytes()), by_chars);
        assert_eq!(by_chars, 4);
    }

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode("一、概述\r\n".as_bytes(), None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            ("一、概述\n", "UTF-8", false)
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("报告".as_bytes());
        let d = decode(&b, None).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("报告", true));
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = GB18030.encode("政府信息公开\r年度报告");
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "政府信息公开\n年度报告");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "报告 2017".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().encoding, "UTF-16LE");
        let be: Vec<u8> = "report 2017"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be, None).unwrap().text, "report 2017");
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b"", None).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\r\n ", None).unwrap_err(), DecodeError::Empty);
        assert!(matches!(
            decode(&[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 0, 0, 0, 0, 0], None),
            Err(DecodeError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0xff, 0xfe, 0x00, 0xd8, 0x00, 0xd8], None),
            Err(DecodeError::Undecodable { .. })
        ));
    }
}
