//! Reading class-notes files and folders from disk (or the built-in copy).

use std::path::{Path, PathBuf};

use super::{
    Course, ImageStatus, MAX_IMAGE_BYTES, ParsedDocument, Problem, ProblemKind, builtin,
    parse_document,
};

/// Where a document's relative image paths point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageBase {
    /// No images can be resolved (tests, pasted text).
    None,
    /// The images compiled into the binary.
    Builtin,
    /// The folder of the document's file.
    Dir(PathBuf),
}

impl ImageBase {
    /// The prefix egui_commonmark puts before relative image paths of a document with this
    /// base (`bytes://builtin/`, `file:///notes/`), so its images resolve as the parser
    /// resolved them.
    pub fn uri_prefix(&self) -> String {
        match self {
            ImageBase::Builtin => builtin::IMAGE_URI_PREFIX.to_owned(),
            ImageBase::Dir(dir) => format!("file://{}/", dir.display()),
            ImageBase::None => String::new(),
        }
    }

    /// Where `url` points and whether it can be shown. Touches the disk (a `metadata` call):
    /// called once per image per content load, never per frame.
    pub fn resolve(&self, url: &str) -> (String, ImageStatus) {
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return (url.to_owned(), ImageStatus::Remote);
        }
        if lower.starts_with("bytes://") || lower.starts_with("data:") {
            return (url.to_owned(), ImageStatus::Ok);
        }
        let rel = url.strip_prefix("file://").unwrap_or(url);
        match self {
            ImageBase::None => (url.to_owned(), ImageStatus::Missing),
            ImageBase::Builtin => {
                let uri = format!(
                    "{}{}",
                    builtin::IMAGE_URI_PREFIX,
                    rel.trim_start_matches("./")
                );
                let status = if builtin::image(rel).is_some() {
                    ImageStatus::Ok
                } else {
                    ImageStatus::Missing
                };
                (uri, status)
            }
            ImageBase::Dir(dir) => {
                let path = dir.join(rel);
                let uri = format!("file://{}", path.display());
                let status = match std::fs::metadata(&path) {
                    Ok(m) if m.len() > MAX_IMAGE_BYTES => ImageStatus::TooLarge(m.len()),
                    Ok(m) if m.is_file() => ImageStatus::Ok,
                    _ => ImageStatus::Missing,
                };
                (uri, status)
            }
        }
    }
}

/// The content could not be opened at all (a single file, or the folder itself).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: no markdown (.md) files in this folder")]
    NoMarkdown { path: String },
}

/// The notes that ship inside the binary.
pub fn load_builtin() -> Course {
    let parsed = builtin::DOCUMENTS
        .iter()
        .map(|(name, text)| {
            let stem = name.trim_end_matches(".md");
            parse_document(text, stem, name, ImageBase::Builtin)
        })
        .collect();
    let course = Course::from_documents(String::new(), parsed, Vec::new());
    with_title(course, "Study Companion")
}

/// Parses already-read sources (name, text) with the given image base. Used by benches
/// and tests that generate content.
pub fn load_sources(title: &str, sources: &[(String, String)], base: &ImageBase) -> Course {
    let parsed = sources
        .iter()
        .map(|(name, text)| parse_document(text, name, name, base.clone()))
        .collect();
    Course::from_documents(title.to_owned(), parsed, Vec::new())
}

/// Opens a `.md` file, or a folder of them (sorted by name; sub-folders are not read).
/// A folder's unreadable or non-UTF-8 files become [`Course::problems`] and the others
/// still load; a single file that cannot be read is an error.
pub fn load_path(path: &Path) -> Result<Course, LoadError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| LoadError::Unreadable {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    if meta.is_file() {
        let doc = read_document(path).map_err(|p| match p.kind {
            ProblemKind::NotUtf8 { offset } => LoadError::NotUtf8 {
                path: p.file,
                offset,
            },
            ProblemKind::Unreadable(message) => LoadError::Unreadable {
                path: p.file,
                message,
            },
            _ => LoadError::NoMarkdown { path: p.file },
        })?;
        let course = Course::from_documents(String::new(), vec![doc], Vec::new());
        return Ok(with_title(course, &file_stem(path)));
    }

    let entries = std::fs::read_dir(path).map_err(|e| LoadError::Unreadable {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    let mut problems = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                let p = e.path();
                let is_md = p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                    x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown")
                });
                if is_md && !p.is_dir() {
                    files.push(p);
                }
            }
            Err(e) => problems.push(Problem {
                file: shown.clone(),
                kind: ProblemKind::Unreadable(e.to_string()),
            }),
        }
    }
    files.sort();
    let mut parsed: Vec<ParsedDocument> = Vec::new();
    for file in &files {
        match read_document(file) {
            Ok(doc) => parsed.push(doc),
            Err(problem) => problems.push(problem),
        }
    }
    if parsed.is_empty() && problems.is_empty() {
        return Err(LoadError::NoMarkdown { path: shown });
    }
    let folder = file_stem(path);
    Ok(with_title(
        Course::from_documents(String::new(), parsed, problems),
        &folder,
    ))
}

fn read_document(path: &Path) -> Result<ParsedDocument, Problem> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Problem {
        file: shown.clone(),
        kind: ProblemKind::Unreadable(e.to_string()),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Problem {
        file: shown.clone(),
        kind: ProblemKind::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
        },
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(parse_document(
        &text,
        &file_stem(path),
        &shown,
        ImageBase::Dir(dir),
    ))
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .or_else(|| path.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// One document: its own title; several: what their titles share ("MSP T3 - 23-5차" and
/// "MSP T3 - 23-6차" give "MSP T3"), else the folder's name (`fallback`).
fn with_title(mut course: Course, fallback: &str) -> Course {
    course.title = match course.documents.as_slice() {
        [only] => only.title.clone(),
        [] => fallback.to_owned(),
        docs => {
            let shared = shared_title(docs.iter().map(|d| d.title.as_str()));
            if shared.is_empty() {
                fallback.to_owned()
            } else {
                shared
            }
        }
    };
    course
}

/// The words all `titles` start with, without the separators that end them ("-", "·",
/// ":", "|", "—"). Words, not characters: "23-5차" and "23-6차" share nothing.
pub fn shared_title<'a>(mut titles: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = titles.next() else {
        return String::new();
    };
    let mut shared: Vec<&str> = first.split_whitespace().collect();
    for title in titles {
        let words: Vec<&str> = title.split_whitespace().collect();
        let common = shared
            .iter()
            .zip(&words)
            .take_while(|(a, b)| a == b)
            .count();
        shared.truncate(common);
    }
    let is_separator = |w: &&str| {
        w.chars()
            .all(|c| matches!(c, '-' | '·' | ':' | '|' | '—' | '–' | '/'))
    };
    while shared.last().is_some_and(is_separator) {
        shared.pop();
    }
    shared.join(" ")
}
