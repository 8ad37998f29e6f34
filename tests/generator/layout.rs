//! Writing a report in one of the layouts real publications show, recording
//! where each table cell and each quoted figure ends up.

use super::prose;
use super::{CellRef, Format, Model, Placed, Quote, Rendered, Variant, labels};

/// How table rows and cells are laid out in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layout {
    /// Cells separated by tabs, one row a line.
    Tabs,
    /// Cells separated by runs of spaces.
    Spaces,
    /// ` | ` between cells.
    Pipes,
    /// Markdown pipe tables with a `|---|` row under the first row of each table.
    Markdown,
    /// Word export: each cell a tab-led line, a blank line after each row.
    CellLinesTab,
    /// One cell per line, no blank lines.
    CellLines,
    /// One cell per line, a blank line after every cell.
    CellLinesBlank,
    /// Cells concatenated with no separator, one row a line.
    Concat,
    /// The whole report on one line, cells separated by single spaces.
    OneLine,
    /// The whole report on one line, cells concatenated (web page scrape).
    OneLineConcat,
    /// PDF copy: single spaces between cells, long labels wrap onto the next line.
    PdfWrap,
}

impl Layout {
    pub const ALL: [Layout; 11] = [
        Layout::Tabs,
        Layout::Spaces,
        Layout::Pipes,
        Layout::Markdown,
        Layout::CellLinesTab,
        Layout::CellLines,
        Layout::CellLinesBlank,
        Layout::Concat,
        Layout::OneLine,
        Layout::OneLineConcat,
        Layout::PdfWrap,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Tabs => "tabs",
            Layout::Spaces => "spaces",
            Layout::Pipes => "pipes",
            Layout::Markdown => "markdown",
            Layout::CellLinesTab => "cell-lines-tab",
            Layout::CellLines => "cell-lines",
            Layout::CellLinesBlank => "cell-lines-blank",
            Layout::Concat => "concat",
            Layout::OneLine => "one-line",
            Layout::OneLineConcat => "one-line-concat",
            Layout::PdfWrap => "pdf-wrap",
        }
    }

    fn one_line(self) -> bool {
        matches!(self, Layout::OneLine | Layout::OneLineConcat)
    }
}

/// A table cell to write: its text and, for a figure, which cell it is.
#[derive(Clone, Debug)]
pub struct Out {
    pub text: String,
    pub cell: Option<CellRef>,
}

impl Out {
    pub fn label(s: impl Into<String>) -> Out {
        Out {
            text: s.into(),
            cell: None,
        }
    }
}

/// The text being written, with the places recorded so far.
pub struct Writer {
    pub layout: Layout,
    pub out: String,
    pub cells: Vec<Placed>,
    pub quotes: Vec<Quote>,
}

impl Writer {
    fn line_no(&self, at: usize) -> usize {
        self.out[..at].matches('\n').count() + 1
    }

    pub fn text(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Ends a line of prose (a space in one-line layouts).
    pub fn nl(&mut self) {
        self.out
            .push(if self.layout.one_line() { ' ' } else { '\n' });
    }

    /// A prose line.
    pub fn line(&mut self, s: &str) {
        self.text(s);
        self.nl();
    }

    /// A figure of the prose that quotes `cells`.
    pub fn quote(&mut self, shown: &str, cells: Vec<CellRef>, or_cells: Vec<CellRef>) {
        let start = self.out.len();
        self.out.push_str(shown);
        let line = self.line_no(start);
        self.quotes.push(Quote {
            cells,
            or_cells,
            start,
            end: self.out.len(),
            line,
        });
    }

    fn cell(&mut self, o: &Out) {
        let start = self.out.len();
        self.out.push_str(&o.text);
        if let Some(c) = &o.cell {
            let line = self.line_no(start);
            self.cells.push(Placed {
                cell: c.clone(),
                start,
                end: self.out.len(),
                line,
                text: o.text.clone(),
            });
        }
    }

    /// Writes one table (its rows of cells) in the layout.
    pub fn table(&mut self, rows: &[Vec<Out>]) {
        for (i, row) in rows.iter().enumerate() {
            self.row(row, i == 0);
        }
        if self.layout == Layout::CellLinesTab {
            // The blank line after the last row is already there.
        }
    }

    fn row(&mut self, row: &[Out], first: bool) {
        let sep = match self.layout {
            Layout::Tabs => "\t",
            Layout::Spaces => "    ",
            Layout::Pipes => " | ",
            Layout::Markdown => " | ",
            Layout::Concat | Layout::OneLineConcat => "",
            Layout::OneLine | Layout::PdfWrap => " ",
            Layout::CellLinesTab | Layout::CellLines | Layout::CellLinesBlank => "",
        };
        match self.layout {
            Layout::CellLinesTab => {
                for c in row {
                    self.text("\t");
                    self.cell(c);
                    self.text("\n");
                }
                self.text("\n");
                return;
            }
            Layout::CellLines | Layout::CellLinesBlank => {
                for c in row {
                    self.cell(c);
                    self.text(if self.layout == Layout::CellLines {
                        "\n"
                    } else {
                        "\n\n"
                    });
                }
                return;
            }
            _ => {}
        }
        if self.layout == Layout::Markdown {
            self.text("| ");
        }
        for (k, c) in row.iter().enumerate() {
            if k > 0 {
                self.text(sep);
            }
            if self.layout == Layout::PdfWrap && c.cell.is_none() && c.text.chars().count() > 14 {
                // The label wraps: its tail starts the next line.
                let head: String = c.text.chars().take(12).collect();
                let tail: String = c.text.chars().skip(12).collect();
                self.text(&head);
                self.text("\n");
                self.text(&tail);
                continue;
            }
            self.cell(c);
        }
        if self.layout == Layout::Markdown {
            self.text(" |");
            if first {
                self.text("\n|");
                for _ in row {
                    self.text("---|");
                }
            }
        }
        self.nl();
    }
}

fn value(m: &Model, c: CellRef) -> Out {
    let v = m.table.get(&c).expect("cell has a value");
    Out {
        text: m.table.show(&c, v),
        cell: Some(c),
    }
}

fn removed(m: &Model, table: &str, id: &str) -> bool {
    m.removed.iter().any(|(t, r)| t == table && r == id)
}

/// 表二 in rows of cells.
pub fn t2(m: &Model) -> Vec<Vec<Out>> {
    let mut rows = Vec::new();
    let v = m.variant;
    let br = |n: &str| {
        if v == Variant::HalfBrackets {
            format!("第二十条第({n})项")
        } else {
            format!("第二十条第（{n}）项")
        }
    };
    for (n, head, data) in labels::t2_blocks(m.format) {
        rows.push(vec![Out::label(br(n))]);
        rows.push(head.iter().map(|h| Out::label(*h)).collect());
        for (id, label, cols) in data {
            if removed(m, "t2", id) {
                continue;
            }
            let mut r = vec![Out::label(label)];
            r.extend(cols.iter().map(|c| value(m, CellRef::new("t2", id, c))));
            rows.push(r);
        }
    }
    rows
}

/// 表三 in rows of cells.
pub fn t3(m: &Model) -> Vec<Vec<Out>> {
    let mut rows: Vec<Vec<Out>> = labels::t3_header(m.variant)
        .into_iter()
        .map(|r| r.into_iter().map(Out::label).collect())
        .collect();
    for (row, label_cells) in labels::t3_label_cells(m.format, m.variant) {
        if removed(m, "t3", row.id) {
            continue;
        }
        let mut r: Vec<Out> = label_cells.into_iter().map(Out::label).collect();
        for c in super::figures::T3_COLS {
            r.push(value(m, CellRef::new("t3", row.id, c)));
        }
        rows.push(r);
    }
    rows
}

/// 表四 in rows of cells.
pub fn t4(m: &Model) -> Vec<Vec<Out>> {
    let mut rows: Vec<Vec<Out>> = labels::t4_header(m.variant)
        .into_iter()
        .map(|r| r.into_iter().map(Out::label).collect())
        .collect();
    rows.push(
        super::figures::T4_COLS
            .iter()
            .map(|c| value(m, CellRef::new("t4", "all", c)))
            .collect(),
    );
    rows
}

/// The statistics table in rows of cells.
pub fn stat(m: &Model) -> Vec<Vec<Out>> {
    let mut rows = vec![vec![
        Out::label("统计指标"),
        Out::label("单位"),
        Out::label("统计数"),
    ]];
    for r in &m.table.stat {
        let v = match r.value {
            Some(_) => value(m, CellRef::new("stat", &r.id, "value")),
            None => Out::label(""),
        };
        rows.push(vec![Out::label(r.label(m.variant)), Out::label(r.unit), v]);
    }
    rows
}

pub fn render(m: &Model) -> Rendered {
    let mut w = Writer {
        layout: m.layout,
        out: String::new(),
        cells: Vec::new(),
        quotes: Vec::new(),
    };
    if m.format == Format::S2008 {
        prose::write_2008(m, &mut w);
    } else {
        prose::write_national(m, &mut w);
    }
    Rendered {
        text: w.out,
        cells: w.cells,
        quotes: w.quotes,
    }
}
