//! Small helpers over `quick-xml` events shared by the part readers: which
//! namespace an element is in, attribute values, text and references.
//!
//! Elements are told apart by prefix, with the prefixes bound on the part's
//! root element (Word, WPS and LibreOffice declare every namespace there). This
//! keeps the reader a flat loop over events: no namespace scope stack, so
//! nesting depth costs nothing.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart};

const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC: [&str; 1] = ["http://schemas.openxmlformats.org/markup-compatibility/2006"];
const M: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://purl.oclc.org/ooxml/officeDocument/math",
];

/// The namespaces the readers care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML (`w:`).
    W,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Office math (`m:t` holds text).
    M,
    Other,
}

/// The prefixes bound to the namespaces of `Ns` in one part.
#[derive(Debug, Clone)]
pub(super) struct Names {
    w: String,
    mc: String,
    m: String,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            w: "w".into(),
            mc: "mc".into(),
            m: "m".into(),
        }
    }
}

impl Names {
    /// Reads the `xmlns` declarations of a part's root element; a namespace
    /// not declared keeps its usual prefix.
    pub(super) fn from_root(e: &BytesStart) -> Names {
        let mut names = Names::default();
        for a in e.attributes().with_checks(false).flatten() {
            let key = a.key.as_ref();
            let prefix = match key.strip_prefix("xmlns") {
                Some("") => "",
                Some(rest) => match rest.strip_prefix(':') {
                    Some(p) => p,
                    None => continue,
                },
                None => continue,
            };
            let uri = a.value.as_ref();
            if W.contains(&uri) {
                names.w = prefix.into();
            } else if MC.contains(&uri) {
                names.mc = prefix.into();
            } else if M.contains(&uri) {
                names.m = prefix.into();
            }
        }
        names
    }

    /// The namespace and local name of a qualified element name.
    pub(super) fn split<'n>(&self, qname: &'n str) -> (Ns, &'n str) {
        let (prefix, local) = qname.split_once(':').unwrap_or(("", qname));
        let ns = if prefix == self.w {
            Ns::W
        } else if prefix == self.mc {
            Ns::Mc
        } else if prefix == self.m {
            Ns::M
        } else {
            Ns::Other
        };
        (ns, local)
    }
}

/// The value of the attribute whose local name is `local` (`w:val` → "val"),
/// entities resolved.
pub(super) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref();
        let name = key.rsplit_once(':').map_or(key, |(_, l)| l);
        if name == local {
            return Some(match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(_) => a.value.into_owned(),
            });
        }
    }
    None
}

/// An integer attribute (`w:val="3"`); `None` when absent or not a number.
pub(super) fn int_attr(e: &BytesStart, local: &str) -> Option<i64> {
    attr(e, local)?.trim().parse().ok()
}

/// An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`).
pub(super) fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("false" | "0" | "off"))
}

/// Appends what an entity or character reference stands for; an unknown
/// entity is kept as written (Word never writes one).
pub(super) fn push_ref(out: &mut String, r: &BytesRef) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    let name: &str = r;
    match name {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        other => {
            out.push('&');
            out.push_str(other);
            out.push(';');
        }
    }
}

/// A part's bytes as text: UTF-8 (what Word writes), or UTF-16 by its BOM.
pub(super) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0;
    }
    String::from_utf8_lossy(bytes)
}
