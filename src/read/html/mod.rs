//! The HTML reader: a web page (a CMS article page, a Word "save as web
//! page" export, a bare fragment) to the text view of its report.
//!
//! It owns, in order: the page's encoding (`charset`: BOM, `<meta>`,
//! detection; an undecodable page is refused), a bound on nesting before
//! parsing (`guard`), parsing as browsers do (html5ever through `scraper`),
//! the tree without what is never text (`dom`) and the source place of each
//! text node (`locate`: html5ever keeps none), the choice of the element
//! that holds the report among the page's chrome (`content`), and the walk
//! that lays it out as lines and tables for the `ViewBuilder` (`walk`).
//! Reading the view into the model is `View::read`'s job, shared with DOCX.

mod charset;
mod content;
mod dom;
mod guard;
mod locate;
mod walk;

use scraper::Html;

use super::ReadError;
use super::view::View;
use crate::source::text::is_space;

/// Reads an HTML page: returns its text view and the encoding it was decoded from.
pub fn read(bytes: &[u8]) -> Result<(View, &'static str), ReadError> {
    let (text, encoding) = charset::decode_page(bytes)?;
    let text = guard::bound_nesting(&text);
    let dom = {
        let html = Html::parse_document(&text);
        dom::Dom::build(&html, &text)
    };
    let top = content::choose(&dom);
    let view = walk::walk(&dom, top);
    if view.text.chars().all(is_space) {
        return Err(ReadError(
            "网页中没有可读的正文文字（可能是图片、附件链接或由脚本加载的页面）；请下载报告原文（PDF、Word 或文本）后检查".into(),
        ));
    }
    Ok((view, encoding))
}

#[cfg(test)]
mod tests;
