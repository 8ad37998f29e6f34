//! Rule packs as data: the packs shipped in the binary, the TOML schema
//! (`schema`, `table`), the fixed fields of every rule, the loading helpers
//! whose errors point into the file (`load`), and the one error type for a
//! file the user wrote (`error`). Compiling packs into runnable rules is the
//! engine's (`engine::compile`): the arrow runs engine → rules only.

mod error;
pub mod load;
pub mod schema;
pub mod table;

pub use error::{FileError, UserFile};
pub use schema::{Explain, PackMeta, SectionDef, Years};

use crate::diagnostic::{Check, Severity};

/// The packs shipped inside the binary, from `rules/`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("common.toml", include_str!("../../rules/common.toml")),
    ("gov-2008.toml", include_str!("../../rules/gov-2008.toml")),
    ("gov-2019.toml", include_str!("../../rules/gov-2019.toml")),
    ("gov-2021.toml", include_str!("../../rules/gov-2021.toml")),
];

/// The fixed fields every rule has; a kind's own fields are read by the kind.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: String,
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub source: Option<String>,
    pub explain: Explain,
    pub pack: String,
    /// Runs unless the configuration leaves it out; `false`: only when the
    /// configuration names it (`Effective::names_rule`).
    pub default: bool,
}
