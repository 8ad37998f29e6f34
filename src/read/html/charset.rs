//! Bytes to text for a web page, as a browser picks the encoding: a BOM, then
//! the `<meta charset>` (or `http-equiv="Content-Type"`) declaration near the
//! top, then the shared detection of `source::decode`. A page that decodes
//! only with replacement characters is refused, not read as garbage.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::read::ReadError;
use crate::source::decode::{self, DecodeError};

/// How far into the page the declaration is looked for (the HTML standard's
/// prescan reads 1024 bytes; CMS pages put long scripts first, so more).
const PRESCAN: usize = 4096;

/// The page's text (line ends folded to LF, no BOM) and its encoding's name.
pub fn decode_page(bytes: &[u8]) -> Result<(String, &'static str), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError("网页文件为空".into()));
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        if bad {
            return Err(undecodable(enc, &text));
        }
        return Ok((
            fold_line_ends(text.into_owned()),
            crate::source::decode::canonical_name(enc),
        ));
    }
    let Some(declared) = declared_encoding(&bytes[..bytes.len().min(PRESCAN)]) else {
        return detected(bytes);
    };
    // A wrong declaration is common (a page re-saved by an editor keeps its
    // old `<meta>`): non-ASCII bytes that are valid UTF-8 are UTF-8 (GBK text
    // almost never is; decoded as GBK it would be mojibake without an error).
    if declared != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return detected(bytes);
    }
    let (text, bad) = declared.decode_without_bom_handling(bytes);
    if !bad {
        return Ok((
            fold_line_ends(text.into_owned()),
            crate::source::decode::canonical_name(declared),
        ));
    }
    if declared == UTF_8 {
        let (gb, gb_bad) = GB18030.decode_without_bom_handling(bytes);
        if !gb_bad {
            return Ok((
                fold_line_ends(gb.into_owned()),
                crate::source::decode::canonical_name(GB18030),
            ));
        }
        return Err(undecodable(declared, &text));
    }
    // A few bad bytes in a long GBK page (a character cut at the end) are
    // tolerated as the text reader tolerates them; many are not.
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if replaced * 200 > text.chars().count().max(1) {
        return Err(undecodable(declared, &text));
    }
    Ok((
        fold_line_ends(text.into_owned()),
        crate::source::decode::canonical_name(declared),
    ))
}

fn detected(bytes: &[u8]) -> Result<(String, &'static str), ReadError> {
    match decode::decode(bytes, None) {
        // Named as the text reader names it, like the other paths.
        Ok(d) => Ok((d.text, d.encoding)),
        Err(DecodeError::Empty) => Err(ReadError("网页文件为空".into())),
        Err(e) => Err(ReadError(format!(
            "网页无法解码：{e}；请在浏览器中打开确认能正常显示，再另存为 UTF-8 编码的网页"
        ))),
    }
}

fn undecodable(enc: &'static Encoding, text: &str) -> ReadError {
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    ReadError(format!(
        "网页按 {} 编码无法解码（{bad} 处字节无效）；请确认网页声明的编码（<meta charset>）与实际编码一致，或另存为 UTF-8 编码的网页",
        crate::source::decode::canonical_name(enc)
    ))
}

/// The encoding a `<meta>` near the top declares, looked up as browsers do
/// (WHATWG labels: `gb2312` is GBK; a UTF-16 label in ASCII bytes means UTF-8).
pub fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &head[i..]) {
        let s = i + off;
        let rest = &head[s..];
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(&rest[4..], b"-->") {
                Some(end) => i = s + 4 + end + 3,
                None => return None,
            }
            continue;
        }
        let end = memchr::memchr(b'>', rest).map_or(head.len(), |e| s + e);
        let tag = head[s..end].to_ascii_lowercase();
        i = (s + 1).max(end);
        if !(tag.starts_with(b"<meta")
            && tag
                .get(5)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/'))
        {
            continue;
        }
        let Some(at) = memchr::memmem::find(&tag, b"charset") else {
            continue;
        };
        let value = tag[at + 7..]
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .skip_while(|&&b| b == b'=')
            .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
            .copied()
            .collect::<Vec<u8>>();
        if let Some(enc) = Encoding::for_label(&value) {
            return Some(if enc == UTF_16LE || enc == UTF_16BE {
                UTF_8
            } else if enc == X_USER_DEFINED {
                WINDOWS_1252
            } else {
                enc
            });
        }
    }
    None
}

/// CRLF and lone CR to LF, so lines count as editors count them.
fn fold_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        let gbk = Encoding::for_label(b"gbk").unwrap();
        assert_eq!(
            declared_encoding(br#"<html><head><meta charset="gb2312">"#),
            Some(gbk)
        );
        assert_eq!(
            declared_encoding(
                b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=GB2312'>"
            ),
            Some(gbk)
        );
        assert_eq!(declared_encoding(b"<meta charset=utf-8/>"), Some(UTF_8));
        assert_eq!(
            declared_encoding(b"<meta charset=\"utf-16le\">"),
            Some(UTF_8)
        );
        assert_eq!(declared_encoding(b"<!-- <meta charset=gbk> --><p>"), None);
        assert_eq!(declared_encoding(b"<meta name=x content=y>"), None);
        assert_eq!(declared_encoding(b"<metadata charset=gbk>"), None);
    }

    #[test]
    fn gbk_page_decodes_as_gbk() {
        let (body, _, _) = GB18030.encode("<p>政府信息公开工作年度报告</p>");
        let mut page = b"<meta charset=\"gb2312\">\r\n".to_vec();
        page.extend_from_slice(&body);
        let (text, enc) = decode_page(&page).unwrap();
        assert_eq!(enc, "GBK");
        assert_eq!(
            text,
            "<meta charset=\"gb2312\">\n<p>政府信息公开工作年度报告</p>"
        );
    }

    #[test]
    fn wrong_declarations_and_refusals() {
        // Declared GBK, written UTF-8: read as UTF-8.
        let page = "<meta charset=gbk><p>年度报告</p>".as_bytes();
        assert_eq!(decode_page(page).unwrap().1, "UTF-8");
        // Declared UTF-8, written GBK: read as GB18030.
        let (body, _, _) = GB18030.encode("<meta charset=utf-8><p>年度报告，主动公开</p>");
        assert_eq!(decode_page(&body).unwrap().1, "GB18030");
        // No declaration: detection.
        let (body, _, _) = GB18030.encode("<p>政府信息公开工作年度报告</p>");
        assert_eq!(decode_page(&body).unwrap().1, "GB18030");
        // Declared UTF-8, valid as neither: refused, with a message.
        let err = decode_page(b"<meta charset=utf-8><p>\xff\xfe\xff\x80\x80</p>").unwrap_err();
        assert!(err.0.contains("无法解码"), "{err}");
        assert!(decode_page(b"").is_err());
        // A BOM wins over the declaration.
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice("<meta charset=gbk><p>报告</p>".as_bytes());
        assert_eq!(
            decode_page(&page).unwrap(),
            ("<meta charset=gbk><p>报告</p>".into(), "UTF-8")
        );
    }
}
