//! The HTML reader (stub: being written).

use super::ReadError;
use super::view::View;

/// Reads an HTML page: returns its text view and the encoding it was decoded from.
pub fn read(bytes: &[u8]) -> Result<(View, &'static str), ReadError> {
    let _ = bytes;
    Err(ReadError("尚不支持 HTML".into()))
}
