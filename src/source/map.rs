//! Where a piece of a reader's text view came from in its source file, for
//! formats whose view is not the file itself (HTML, DOCX). Spans stay byte
//! ranges into the view (one span type); this map turns a view offset into a
//! place a person can find in the source: an HTML page's line and column, a
//! Word document's paragraph or table cell.

use serde::Serialize;

/// A place in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Place {
    /// 1-based line and column (Unicode scalar values) of the source file.
    Line { line: u32, column: u32 },
    /// The 1-based paragraph of a document body, counting every paragraph
    /// outside tables, blank ones included (what Word's navigation counts).
    Paragraph { paragraph: u32 },
    /// A table cell: 1-based table of the document, row and grid column.
    Cell { table: u32, row: u32, column: u32 },
}

impl Place {
    /// In Chinese for the human output: 「第 3 行第 5 列」「第 12 段」「第 2 个表格第 5 行第 3 列」.
    pub fn describe(&self) -> String {
        match *self {
            Place::Line { line, column } => format!("源文件第 {line} 行第 {column} 列"),
            Place::Paragraph { paragraph } => format!("第 {paragraph} 段"),
            Place::Cell { table, row, column } => {
                format!("第 {table} 个表格第 {row} 行第 {column} 列")
            }
        }
    }
}

/// Marks from view offsets to source places, in increasing view offset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    marks: Vec<(usize, Place)>,
}

impl SourceMap {
    /// Records that the view text from `offset` on comes from `place` (until
    /// the next mark). Marks must come in increasing offset; a mark at the
    /// offset of the previous one replaces it.
    pub fn mark(&mut self, offset: usize, place: Place) {
        if let Some(last) = self.marks.last_mut() {
            debug_assert!(last.0 <= offset, "marks out of order");
            if last.0 == offset {
                last.1 = place;
                return;
            }
            if last.1 == place {
                return;
            }
        }
        self.marks.push((offset, place));
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The source place of a view offset. A `Line` place advances its column
    /// by the characters of `view` between the mark and the offset (a text run
    /// of a page is copied as written, save entities and collapsed blanks).
    pub fn place(&self, view: &str, offset: usize) -> Option<Place> {
        let i = self.marks.partition_point(|&(o, _)| o <= offset);
        let (at, place) = *self.marks.get(i.checked_sub(1)?)?;
        Some(match place {
            Place::Line { line, column } => {
                let run = view.get(at..offset.min(view.len())).unwrap_or("");
                let ahead = u32::try_from(run.chars().count()).unwrap_or(u32::MAX);
                Place::Line {
                    line,
                    column: column.saturating_add(ahead),
                }
            }
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_place_advances_by_characters_from_its_mark() {
        let view = "一、概况\n二、主动公开";
        let mut map = SourceMap::default();
        map.mark(0, Place::Line { line: 10, column: 5 });
        map.mark(
            "一、概况\n".len(),
            Place::Line {
                line: 12,
                column: 9,
            },
        );
        assert_eq!(
            map.place(view, "一、".len()),
            Some(Place::Line { line: 10, column: 7 })
        );
        assert_eq!(
            map.place(view, "一、概况\n二、".len()),
            Some(Place::Line {
                line: 12,
                column: 11
            })
        );
    }

    #[test]
    fn cell_and_paragraph_places_are_whole() {
        let mut map = SourceMap::default();
        map.mark(0, Place::Paragraph { paragraph: 1 });
        map.mark(
            4,
            Place::Cell {
                table: 1,
                row: 2,
                column: 3,
            },
        );
        map.mark(4, Place::Paragraph { paragraph: 2 });
        assert_eq!(map.place("abcdefgh", 6), Some(Place::Paragraph { paragraph: 2 }));
        assert_eq!(map.place("abcdefgh", 1), Some(Place::Paragraph { paragraph: 1 }));
        assert_eq!(SourceMap::default().place("", 0), None);
        assert_eq!(Place::Cell { table: 3, row: 5, column: 3 }.describe(), "第 3 个表格第 5 行第 3 列");
    }
}
