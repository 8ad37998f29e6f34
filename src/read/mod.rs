//! Readers: one per input format, each turning a file into the format-neutral
//! `Document` (its paragraphs and tables with spans into the reader's text
//! view). `plain` reads text (`.txt`, `.md`); `html` and `docx` walk their
//! markup into a `view::View` — the text a person sees, with a map back to the
//! source — which is then read like text with its table rows marked.

pub mod docx;
pub mod html;
pub mod plain;
pub mod view;

/// A file its reader cannot read: what is wrong and what to do, in Chinese
/// (it becomes the file's `input-error`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(pub String);

use encoding_rs::Encoding;

use crate::document::Document;
use crate::source::decode::decode_owned;
use crate::source::map::SourceMap;

/// The formats report-lint reads, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, and any name not known as another format.
    Text,
    /// `.md`: read as text (its tables as ` | ` rows).
    Markdown,
    /// `.html`, `.htm`, `.shtml`, `.xhtml`.
    Html,
    /// `.docx` (Word 2007 and later, WPS saving as .docx).
    Docx,
}

/// Extensions a directory walk picks up unless `--ext` says otherwise.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "docx"];

/// Formats seen in report folders that report-lint cannot read, with what
/// to do instead.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("doc", "Word 97–2003 文档（.doc）"),
    ("wps", "WPS 文字文档（.wps）"),
    ("pdf", "PDF 文件"),
    ("ofd", "OFD 版式文件"),
    ("rtf", "RTF 文件"),
    ("xls", "Excel 表格（.xls）"),
    ("xlsx", "Excel 表格（.xlsx）"),
    ("et", "WPS 表格（.et）"),
    ("odt", "OpenDocument 文档（.odt）"),
];

/// What to do with a file that is not in a readable format.
pub const CONVERT_ADVICE: &str = "请另存为 .docx 或 .txt 后再检查";

impl Format {
    /// The format a file name says; an `Err` names a format report-lint
    /// does not read and says what to do.
    pub fn of_name(name: &str) -> Result<Format, ReadError> {
        let ext = std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" | "shtml" | "xhtml" => Ok(Format::Html),
            "docx" | "docm" => Ok(Format::Docx),
            e => match UNSUPPORTED.iter().find(|(x, _)| *x == e) {
                Some((_, what)) => Err(ReadError(format!("不能读取{what}：{CONVERT_ADVICE}"))),
                None => Ok(Format::Text),
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// A file read into the model.
#[derive(Debug)]
pub struct Read {
    pub doc: Document,
    /// The encoding the text was decoded from (`None` for DOCX, which is XML
    /// in UTF-8/UTF-16 by its own declaration).
    pub encoding: Option<&'static str>,
    pub bom: bool,
    /// From the text view back to the source (empty for text formats, whose
    /// view is the file).
    pub map: SourceMap,
    pub format: Format,
}

/// Reads a file's bytes in its format. `forced` overrides the text encoding
/// of text formats.
pub fn read(
    bytes: Vec<u8>,
    format: Format,
    forced: Option<&'static Encoding>,
) -> Result<Read, ReadError> {
    match format {
        Format::Text | Format::Markdown => {
            if let Some(what) = sniff_container(&bytes) {
                return Err(ReadError(what));
            }
            let decoded =
                decode_owned(bytes, forced).map_err(|e| ReadError(format!("无法读取报告：{e}")))?;
            Ok(Read {
                doc: if format == Format::Markdown {
                    plain::read_marked(
                        decoded.text,
                        plain::Markup {
                            markdown: true,
                            ..Default::default()
                        },
                    )
                } else {
                    plain::read(decoded.text)
                },
                encoding: Some(decoded.encoding),
                bom: decoded.bom,
                map: SourceMap::default(),
                format,
            })
        }
        Format::Html => {
            let (view, encoding) = html::read(&bytes)?;
            let (doc, map) = view.read();
            Ok(Read {
                doc,
                encoding: Some(encoding),
                bom: false,
                map,
                format,
            })
        }
        Format::Docx => {
            let (doc, map) = docx::read(&bytes)?.read();
            Ok(Read {
                doc,
                encoding: None,
                bom: false,
                map,
                format,
            })
        }
    }
}

/// A document container under a text name (a renamed .docx, a PDF): says
/// which, and what to do.
fn sniff_container(bytes: &[u8]) -> Option<String> {
    let what = if bytes.starts_with(b"PK\x03\x04") {
        "文件内容是 zip 压缩包（.docx 文档就是 zip 包），不是文本：若是 Word 文档，请把扩展名改为 .docx；否则"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        "文件内容是 Word 97–2003（.doc/.wps）或加密的 Office 文档，不是文本："
    } else if bytes.starts_with(b"%PDF-") {
        "文件内容是 PDF，不是文本："
    } else {
        return None;
    };
    Some(format!("{what}{CONVERT_ADVICE}"))
}
