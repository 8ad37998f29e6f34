//! The DOCX reader (stub: being written).

use super::ReadError;
use super::view::View;

/// Reads a Word document (.docx): returns its text view.
pub fn read(bytes: &[u8]) -> Result<View, ReadError> {
    let _ = bytes;
    Err(ReadError("尚不支持 DOCX".into()))
}
