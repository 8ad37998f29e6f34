//! Readings derived from one report, owned by the run and not by the model:
//! the national tables aligned to a pack's templates (`grid`), the 2013–2018
//! statistics table (`stat`), breakdowns in the prose (`breakdown`), folded
//! heading titles, and the issuer (`issuer`). Each is computed on first use
//! and shared by every rule that needs it; `facts` keeps what outlives the
//! per-file task for checks across reports.
//!
//! `Analysis` lives for one file's check on one thread, so its memo uses
//! `Rc`/`RefCell`; the `Document` it reads stays plain, `Send + Sync` data.

pub mod breakdown;
pub mod facts;
pub mod grid;
pub mod issuer;
pub mod shingle;
pub mod stat;
mod stat_flat;

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use crate::document::Document;
use crate::rules::schema::BreakdownSpec;
use crate::rules::table::TableDef;
use crate::source::span::Span;
use crate::source::text::fold;
use breakdown::Breakdown;
use grid::Grid;
pub use issuer::{Issuer, IssuerConfig, Level};
use stat::StatRow;

/// Tables read against each template set, before the analysis that keeps them.
pub type ReadTables = Vec<(Arc<Vec<TableDef>>, Vec<Option<Grid>>)>;

/// Reads the tables of each template set, and returns them with the spans
/// of their rows: where the text is a table, whatever its layout.
pub fn table_regions(doc: &Document, templates: &[&Arc<Vec<TableDef>>]) -> (ReadTables, Vec<Span>) {
    let mut grids = Vec::new();
    let mut regions = Vec::new();
    for defs in templates {
        if defs.is_empty() {
            continue;
        }
        let g = grid::read_all(doc, defs);
        regions.extend(g.iter().flatten().filter_map(|g| g.rows_span(&doc.text)));
        grids.push((Arc::clone(defs), g));
    }
    regions.sort_unstable();
    (grids, regions)
}

/// The tables of one pack as read in one document.
pub type Grids = Rc<Vec<Option<Grid>>>;

/// One report under analysis: the model and everything derived from it.
pub struct Analysis<'d> {
    pub doc: &'d Document,
    pub issuer: Issuer,
    /// Tables read against a pack's templates, once per document and pack.
    grids: Memo<Vec<Option<Grid>>>,
    /// Prose breakdowns, once per document and `[[breakdown]]`.
    breakdowns: Memo<Vec<Breakdown>>,
    /// The 2013–2018 appendix table, read on first use.
    stat_rows: OnceCell<Rc<Vec<StatRow>>>,
    /// Heading titles, width and spaces folded, on first use: every section
    /// rule matches against them.
    folded_titles: OnceCell<Vec<String>>,
}

impl<'d> Analysis<'d> {
    pub fn new(doc: &'d Document, issuer: IssuerConfig) -> Analysis<'d> {
        Analysis {
            doc,
            issuer: Issuer::read(doc, issuer),
            grids: Memo::default(),
            breakdowns: Memo::default(),
            stat_rows: OnceCell::new(),
            folded_titles: OnceCell::new(),
        }
    }

    /// Like `new`, with tables already read against the document's text
    /// (`table_regions` read them before the document was rebuilt; their
    /// spans hold, the text being the same).
    pub fn with_grids(doc: &'d Document, issuer: IssuerConfig, grids: ReadTables) -> Analysis<'d> {
        let cx = Analysis::new(doc, issuer);
        for (defs, g) in grids {
            cx.grids.get(&defs, || g);
        }
        cx
    }

    /// The tables of `defs` in this document, read once.
    pub fn grids(&self, defs: &Arc<Vec<TableDef>>) -> Grids {
        self.grids.get(defs, || grid::read_all(self.doc, defs))
    }

    /// The breakdowns `spec` finds in the prose, found once.
    pub fn breakdowns(&self, spec: &Arc<BreakdownSpec>) -> Rc<Vec<Breakdown>> {
        self.breakdowns
            .get(spec, || breakdown::find(self.doc, spec))
    }

    /// The folded title of every heading, in `headings` order.
    pub fn folded_titles(&self) -> &[String] {
        self.folded_titles.get_or_init(|| {
            self.doc
                .headings
                .iter()
                .map(|h| fold(self.doc.slice(h.title)))
                .collect()
        })
    }

    /// The rows of the 2013–2018 statistics table, read once.
    pub fn stat_rows(&self) -> Rc<Vec<StatRow>> {
        self.stat_rows
            .get_or_init(|| Rc::new(stat::read(self.doc)))
            .clone()
    }
}

/// What a document derives from a pack's shared definition (its table
/// templates, a `[[breakdown]]`), computed once and keyed by the definition's
/// address, so that every rule using it shares one reading.
struct Memo<T>(RefCell<Vec<(usize, Rc<T>)>>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(RefCell::default())
    }
}

impl<T> Memo<T> {
    fn get<D>(&self, def: &Arc<D>, make: impl FnOnce() -> T) -> Rc<T> {
        let key = Arc::as_ptr(def) as *const () as usize;
        if let Some((_, v)) = self.0.borrow().iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let v = Rc::new(make());
        self.0.borrow_mut().push((key, v.clone()));
        v
    }
}
