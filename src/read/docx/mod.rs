//! The DOCX reader: a Word document (Office Open XML, `.docx`) into the text
//! view of `read::view`.
//!
//! This module owns the package: the zip, finding the main document part
//! through `_rels/.rels` (or `[Content_Types].xml`), the styles and numbering
//! parts through the document's relationships, the limits on what a hostile
//! file may make us unpack, and the messages for files that cannot be read.
//! `numbering` renders Word's automatic numbering; `body` walks the document
//! part into the view. Headers, footers, footnotes, endnotes and comments are
//! not report text and are never read.
//!
//! Every part is read as a stream of XML events (`quick-xml`), so memory and
//! time stay linear in the part and nesting depth costs no stack.

mod body;
mod numbering;
mod xml;

#[cfg(test)]
mod tests;

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::ReadError;
use super::view::View;
use numbering::{Numbering, Styles};
use xml::attr;

/// What the parts read may unpack to in all: far above any report (the
/// largest real ones are a few MiB of XML), far below what hurts.
pub const MAX_UNPACKED: u64 = 256 << 20;

/// An OLE compound file: an encrypted Office document (Word wraps a
/// password-protected .docx in one) or an old binary `.doc`.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const OFFICE_DOCUMENT: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
];

/// Reads a Word document (.docx): returns its text view.
pub fn read(bytes: &[u8]) -> Result<View, ReadError> {
    read_limited(bytes, MAX_UNPACKED)
}

/// `read` with the unpacking limit given (tests use a small one).
fn read_limited(bytes: &[u8], limit: u64) -> Result<View, ReadError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(ReadError(
            "该文件是加密（设有打开密码）的 Word 文档，或旧版 .doc 格式，无法读取：\
             请在 Word 或 WPS 中取消密码后另存为 .docx，或另存为 .txt 后再检查"
                .into(),
        ));
    }
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(&e.to_string()))?;
    let mut package = Package { zip, budget: limit };
    let main = package.main_part()?;
    let rels = package.read_xml(&rels_of(&main))?;
    let related = |kind: &str, default: &str| {
        rels.as_deref()
            .and_then(|r| relationship(r, &main, kind))
            .unwrap_or_else(|| default.to_owned())
    };
    let (styles_part, numbering_part) = (
        related("styles", "word/styles.xml"),
        related("numbering", "word/numbering.xml"),
    );
    let styles = match package.read_xml(&styles_part)? {
        Some(xml) => Styles::parse(&xml).map_err(|e| bad_xml(&styles_part, &e))?,
        None => Styles::default(),
    };
    let numbering = match package.read_xml(&numbering_part)? {
        Some(xml) => Numbering::parse(&xml).map_err(|e| bad_xml(&numbering_part, &e))?,
        None => Numbering::default(),
    };
    let Some(document) = package.read_xml(&main)? else {
        return Err(no_document());
    };
    body::walk(&document, &styles, &numbering).map_err(|e| bad_xml(&main, &e))
}

fn corrupt(detail: &str) -> ReadError {
    ReadError(format!(
        "文件已损坏或不是 .docx（{detail}）：请用 Word 或 WPS 打开后另存为 .docx 或 .txt 后再检查"
    ))
}

fn no_document() -> ReadError {
    ReadError(
        "文件中找不到 Word 正文（word/document.xml），可能不完整或不是 Word 文档：\
         请用 Word 或 WPS 打开后另存为 .docx 或 .txt 后再检查"
            .into(),
    )
}

fn bad_xml(part: &str, e: &quick_xml::Error) -> ReadError {
    ReadError(format!(
        "文件已损坏：其中的 {part} 不是有效的 XML（{e}）：请用 Word 或 WPS 打开后另存为 .docx 或 .txt 后再检查"
    ))
}

fn too_big(part: &str) -> ReadError {
    ReadError(format!(
        "文件解压后超过 {} MiB（读到 {part} 时），不像一份年度报告，可能已损坏或是恶意构造的压缩包：\
         请确认文件来源，或用 Word 或 WPS 另存为 .txt 后再检查",
        MAX_UNPACKED >> 20
    ))
}

/// The zip and what may still be unpacked from it.
struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl Package<'_> {
    /// The main document part: the `officeDocument` relationship of the
    /// package, else the part `[Content_Types].xml` says is the main document,
    /// else `word/document.xml`.
    fn main_part(&mut self) -> Result<String, ReadError> {
        if let Some(rels) = self.read_xml("_rels/.rels")?
            && let Some(target) = OFFICE_DOCUMENT
                .iter()
                .find_map(|t| relationship(&rels, "", t))
            && self.find(&target).is_some()
        {
            return Ok(target);
        }
        if let Some(types) = self.read_xml("[Content_Types].xml")?
            && let Some(part) = main_content_type(&types)
            && self.find(&part).is_some()
        {
            return Ok(part);
        }
        if self.find("word/document.xml").is_some() {
            return Ok("word/document.xml".into());
        }
        Err(no_document())
    }

    /// The index of a part (part names are case-insensitive).
    fn find(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name).or_else(|| {
            let actual = self
                .zip
                .file_names()
                .flatten()
                .find(|n| n.eq_ignore_ascii_case(name))?
                .into_owned();
            self.zip.index_for_name(&actual)
        })
    }

    /// A part's text; `None` when the package has no such part. Stops at the
    /// unpacking budget, whatever the zip declares.
    fn read_xml(&mut self, name: &str) -> Result<Option<String>, ReadError> {
        let Some(index) = self.find(name) else {
            return Ok(None);
        };
        let mut file = match self.zip.by_index(index) {
            Ok(f) => f,
            Err(ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(encrypted_zip());
            }
            Err(ZipError::InvalidPassword) => return Err(encrypted_zip()),
            Err(e) => return Err(corrupt(&e.to_string())),
        };
        if file.encrypted() {
            return Err(encrypted_zip());
        }
        if file.size() > self.budget {
            return Err(too_big(name));
        }
        let mut bytes = Vec::with_capacity(file.size().min(1 << 24) as usize);
        (&mut file)
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| corrupt(&e.to_string()))?;
        let read = bytes.len() as u64;
        if read > self.budget {
            return Err(too_big(name));
        }
        self.budget -= read;
        Ok(Some(xml::decode(&bytes).into_owned()))
    }
}

fn encrypted_zip() -> ReadError {
    ReadError("压缩包中的内容已加密，无法读取：请在 Word 或 WPS 中取消加密后另存为 .docx 或 .txt 后再检查".into())
}

/// The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`.
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The target part of the first internal relationship of `kind` (a full type
/// URI, or the last segment of one: "styles") in a relationships part, as a
/// zip entry name resolved against the source part `source`.
fn relationship(rels: &str, source: &str, kind: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                if e.local_name().as_ref() != "Relationship" {
                    continue;
                }
                let Some(ty) = attr(&e, "Type") else { continue };
                let matches = ty == kind || ty.rsplit('/').next() == Some(kind);
                if !matches || attr(&e, "TargetMode").as_deref() == Some("External") {
                    continue;
                }
                return attr(&e, "Target").map(|t| resolve(source, &t));
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// A relationship target against the folder of its source part, `..` and
/// `.` resolved, without the leading '/'.
fn resolve(source: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        parts.extend(
            source
                .rsplit_once('/')
                .map(|(dir, _)| dir)
                .unwrap_or("")
                .split('/'),
        );
    }
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.retain(|s| !s.is_empty());
    parts.join("/")
}

/// The part `[Content_Types].xml` declares as a Word main document.
fn main_content_type(types: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(types);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                if e.local_name().as_ref() != "Override" {
                    continue;
                }
                let ty = attr(&e, "ContentType").unwrap_or_default();
                if ty.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml.")
                    && ty.ends_with(".main+xml")
                    || ty.starts_with("application/vnd.ms-word.") && ty.ends_with(".main+xml")
                {
                    return attr(&e, "PartName").map(|p| resolve("", &p));
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}
