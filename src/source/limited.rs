//! Reading a file the user named, bounded: at most a limit of bytes (a
//! `/dev/zero` or a runaway export must not eat memory), and never a file
//! kind whose read could block forever (a FIFO with no writer, a socket).

use std::io::Read;
use std::path::Path;

/// Default for the largest input read: far beyond any real report (the
/// largest seen are a few megabytes), small enough to stay in memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;

/// Why a bounded read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("文件超过大小上限 {limit_mb} MB，未检查（上限可用 --max-file-size 调整）")]
    TooLarge { limit_mb: u64 },
    #[error("{0}，未读取（可用 `-` 从标准输入传入）")]
    NotAFile(&'static str),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What a path is, for the kinds that are not regular files or directories.
pub fn special_kind(path: &Path) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = std::fs::metadata(path).ok()?.file_type();
        if t.is_fifo() {
            return Some("是命名管道（FIFO）");
        }
        if t.is_socket() {
            return Some("是套接字");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("是设备文件");
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

/// Reads `path` whole, refusing more than `limit` bytes and files that could
/// block (FIFOs, sockets). Devices are read, within the limit.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    if let Some(kind) = special_kind(path)
        && kind != "是设备文件"
    {
        return Err(ReadError::NotAFile(kind));
    }
    let file = std::fs::File::open(path)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limit {
        return Err(too_large(limit));
    }
    // Sized from the metadata: growing by doubling would hold a large file
    // one and a half times over while it is read.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// Reads a stream whole, refusing more than `limit` bytes.
pub fn read_bounded(r: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> ReadError {
    ReadError::TooLarge {
        limit_mb: limit.div_ceil(1 << 20),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded() {
        assert_eq!(read_bounded(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(matches!(
            read_bounded(&b"abcd"[..], 3),
            Err(ReadError::TooLarge { .. })
        ));
        assert!(matches!(
            read_bounded(std::io::repeat(0), 1 << 20),
            Err(ReadError::TooLarge { limit_mb: 1 })
        ));
    }
}
