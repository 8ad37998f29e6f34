//! The check kinds, one file each; each exports its `KIND` spec, listed in
//! `engine::KINDS`.

pub mod broken_paragraph;
pub mod content;
pub mod conversion_artifact;
pub mod duplicate_category;
pub mod enumeration;
pub mod heading_numbering;
pub mod heading_wording;
pub mod late_publication;
pub mod misspelling;
pub mod outline_mismatch;
pub mod percent_mismatch;
pub mod repeated_phrase;
pub mod repeated_word;
pub mod section_missing;
pub mod stat_table;
pub mod stat_text;
pub mod sum_mismatch;
pub mod table_cells;
pub mod table_relation;
pub mod table_text;
pub mod template;
pub mod value_mismatch;
pub mod year_mismatch;
