//! Turning the paths a user gives into inputs: files as given, directories
//! walked for report files in sorted order; what cannot be walked becomes a
//! broken input that is reported, and the walk goes on. A walk passes over
//! hidden files and folders and what `.gitignore` (in a git repository),
//! `.ignore` and git's excludes leave out (the `ignore` crate, as ripgrep
//! walks) unless `Walk::no_ignore`; a path given by name is always checked.

use std::path::{Path, PathBuf};

/// One input to check.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file named on the command line: always checked.
    File(PathBuf),
    /// A file found by walking a directory: checked when its text reads as
    /// an annual report; a repository's notes (an English README under
    /// another name, a 说明.md) are passed over with a note.
    Walked(PathBuf),
    /// Bytes read from standard input, with the name to report them under.
    Stdin { name: String, bytes: Vec<u8> },
    /// A path that could not be walked or does not exist.
    Broken { path: String, message: String },
    /// A path passed over, with a note saying why (not an error).
    Skipped { path: String, message: String },
}

/// How paths are expanded.
#[derive(Default)]
pub struct Walk<'a> {
    /// Follow symbolic links while walking (loops are detected and reported).
    pub follow: bool,
    /// Leave out what this says (the configuration's `exclude`).
    pub excluded: Option<&'a dyn Fn(&str) -> bool>,
    /// Extensions (lower case, no dot) a walk picks up; `None`:
    /// `read::DEFAULT_EXTENSIONS`, and files in formats report-lint cannot
    /// read (.doc, .pdf, …) are reported so that a folder of them is not
    /// passed as checked.
    pub extensions: Option<&'a [String]>,
    /// Walk hidden files and folders and what `.gitignore`, `.ignore` and
    /// git's excludes leave out (`--no-ignore`).
    pub no_ignore: bool,
}

/// Expands paths into inputs: files as given, directories walked for report
/// files (`*.txt`, `*.md`, `*.html`, `*.htm`, `*.docx`) in sorted order. Unwalkable entries become `Input::Broken`, the walk goes on.
/// Symbolic links met while walking are not followed.
pub fn discover(paths: &[PathBuf]) -> Vec<Input> {
    discover_with(paths, &Walk::default())
}

/// Like `discover`, as `walk` says.
pub fn discover_with(paths: &[PathBuf], walk_opts: &Walk<'_>) -> Vec<Input> {
    let excluded = |p: &str| walk_opts.excluded.is_some_and(|f| f(p));
    let mut out = Vec::new();
    for path in paths {
        if !path.exists() && path.symlink_metadata().is_err() {
            out.push(Input::Broken {
                path: path.display().to_string(),
                message: "路径不存在".to_string(),
            });
        } else if path.is_dir() {
            let walk = ignore::WalkBuilder::new(path)
                .sort_by_file_name(|a, b| a.cmp(b))
                .follow_links(walk_opts.follow)
                .standard_filters(!walk_opts.no_ignore)
                .build();
            for entry in walk {
                // Only an entry for standard input has no file type; a walk
                // of a directory yields none.
                let entry = entry.map(|e| {
                    let t = e.file_type();
                    (e, t)
                });
                match entry {
                    Ok((_, None)) => {}
                    Ok((e, Some(t))) if t.is_file() && is_report_name(e.path(), walk_opts) => {
                        if !excluded(&e.path().display().to_string()) {
                            out.push(Input::Walked(e.into_path()))
                        }
                    }
                    Ok((e, Some(t)))
                        if t.is_file()
                            && walk_opts.extensions.is_none()
                            && !excluded(&e.path().display().to_string()) =>
                    {
                        let name = e.path().display().to_string();
                        if let Err(why) = crate::read::Format::of_name(&name) {
                            out.push(Input::Broken {
                                path: name,
                                message: why.0,
                            });
                        }
                    }
                    // A report-named FIFO, socket or device: reading it could
                    // block or never end; named explicitly, it is read bounded.
                    Ok((e, Some(t)))
                        if !t.is_dir()
                            && !t.is_symlink()
                            && is_report_name(e.path(), walk_opts) =>
                    {
                        if !excluded(&e.path().display().to_string()) {
                            let kind = crate::source::limited::special_kind(e.path())
                                .unwrap_or("不是普通文件");
                            out.push(Input::Skipped {
                                path: e.path().display().to_string(),
                                message: format!(
                                    "{kind}，遍历目录时跳过（要检查它，请直接写出它的路径）"
                                ),
                            });
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let (at, message) = walk_error(&e);
                        out.push(Input::Broken {
                            path: at.unwrap_or(path).display().to_string(),
                            message,
                        })
                    }
                }
            }
        } else if !excluded(&path.display().to_string()) {
            out.push(Input::File(path.clone()));
        }
    }
    out
}

/// A repository's own documents (README.md, CHANGELOG.md, …): never a
/// report, passed over in walks (named on the command line, they are checked).
fn is_repository_document(p: &Path) -> bool {
    const NAMES: &[&str] = &[
        "readme",
        "changelog",
        "changes",
        "license",
        "licence",
        "contributing",
        "code_of_conduct",
        "security",
        "authors",
        "notice",
        "history",
    ];
    p.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| NAMES.iter().any(|n| s.eq_ignore_ascii_case(n)))
}

fn is_report_name(p: &Path, walk: &Walk<'_>) -> bool {
    let Some(ext) = p.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    if is_repository_document(p) {
        return false;
    }
    match walk.extensions {
        Some(exts) => exts.iter().any(|x| x.eq_ignore_ascii_case(ext)),
        None => crate::read::DEFAULT_EXTENSIONS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(ext)),
    }
}

/// What a walk looks for, for the message of a run that found nothing.
pub fn looked_for(walk: &Walk<'_>) -> String {
    let list: Vec<String> = match walk.extensions {
        Some(exts) => exts.iter().map(|e| format!("*.{e}")).collect(),
        None => crate::read::DEFAULT_EXTENSIONS
            .iter()
            .map(|e| format!("*.{e}"))
            .collect(),
    };
    list.join("、")
}

/// Where a walk failed and why.
fn walk_error(e: &ignore::Error) -> (Option<&Path>, String) {
    match e {
        ignore::Error::WithPath { path, err } => (Some(path), walk_error(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        ignore::Error::Loop { child, .. } => (Some(child), "符号链接形成循环，已跳过".to_string()),
        ignore::Error::Io(io) => (None, format!("无法读取目录项：{}", io_message(io))),
        other => (None, format!("无法读取目录项：{other}")),
    }
}

pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        _ => e.to_string(),
    }
}
