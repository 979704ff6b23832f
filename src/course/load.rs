//! Reading class-notes files and folders from disk (or the built-in copy).

use std::path::{Path, PathBuf};

use std::io::Read as _;

use super::{
    Course, ImageStatus, MAX_CLASS_FILE_BYTES, MAX_DATA_IMAGE_BYTES, MAX_IMAGE_BYTES, Material,
    ParsedDocument, Problem, ProblemKind, Refusal, builtin, parse_document,
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

    /// Where `url` points and whether it may be shown: only images inside the document's
    /// folder (after resolving `..` and symlinks), http(s) images (never fetched) and small
    /// `data:` images. Touches the disk: called once per image per content load, never per
    /// frame.
    pub fn resolve(&self, url: &str) -> (String, ImageStatus) {
        let lower = url.trim().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return (url.to_owned(), ImageStatus::Remote);
        }
        if lower.starts_with("data:") {
            let bytes = url.len() as u64;
            let status = if bytes > MAX_DATA_IMAGE_BYTES {
                ImageStatus::Refused(Refusal::DataTooLarge(bytes))
            } else {
                ImageStatus::Ok
            };
            return (url.to_owned(), status);
        }
        if let Some(scheme) = scheme_of(url) {
            return (
                url.to_owned(),
                ImageStatus::Refused(Refusal::Scheme(scheme)),
            );
        }
        if is_absolute(url) {
            return (url.to_owned(), ImageStatus::Refused(Refusal::Absolute));
        }
        match self {
            ImageBase::None => (url.to_owned(), ImageStatus::Missing),
            ImageBase::Builtin => {
                let rel = url.trim_start_matches("./");
                let uri = format!("{}{rel}", builtin::IMAGE_URI_PREFIX);
                let status = if builtin::image(rel).is_some() {
                    ImageStatus::Ok
                } else {
                    ImageStatus::Missing
                };
                (uri, status)
            }
            ImageBase::Dir(dir) => resolve_in(dir, url),
        }
    }
}

/// A relative image path inside `dir`, canonicalised: refused when it leads out of `dir`.
fn resolve_in(dir: &Path, url: &str) -> (String, ImageStatus) {
    let Ok(root) = dir.canonicalize() else {
        return (url.to_owned(), ImageStatus::Missing);
    };
    let Ok(path) = root.join(url).canonicalize() else {
        return (url.to_owned(), ImageStatus::Missing);
    };
    if !path.starts_with(&root) {
        return (url.to_owned(), ImageStatus::Refused(Refusal::OutsideFolder));
    }
    let uri = format!("file://{}", path.display());
    let status = match std::fs::metadata(&path) {
        Ok(m) if !m.is_file() => ImageStatus::Refused(Refusal::NotAFile),
        Ok(m) if m.len() > MAX_IMAGE_BYTES => ImageStatus::TooLarge(m.len()),
        Ok(_) => ImageStatus::Ok,
        Err(_) => ImageStatus::Missing,
    };
    (uri, status)
}

/// The scheme of a URL (`file`, `javascript`), if it has one: letters, digits, `+-.` before a
/// `:` that comes before any `/`. A Windows drive (`C:`) is not a scheme.
pub fn scheme_of(url: &str) -> Option<String> {
    let url = url.trim();
    let colon = url.find(':')?;
    let scheme = url.get(..colon)?;
    let valid = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// `/etc/passwd`, `\\server\share`, `C:\…`, `C:/…`.
fn is_absolute(url: &str) -> bool {
    let url = url.trim();
    let drive = url.len() >= 2
        && url.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && url.as_bytes().get(1) == Some(&b':');
    url.starts_with('/') || url.starts_with('\\') || drive || Path::new(url).is_absolute()
}

/// The content could not be opened at all (a single file, or the folder itself).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path}: not text: neither UTF-8, UTF-16 nor CP949 (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: no markdown (.md) files in this folder")]
    NoMarkdown { path: String },
    #[error("{path}: not a regular file ({kind}); not read")]
    NotAFile { path: String, kind: String },
    #[error("{path}: too large to be class notes ({bytes} bytes; at most {max})")]
    TooLarge { path: String, bytes: u64, max: u64 },
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

/// Opens a `.md` file, or a folder of them, read recursively ([`super::walk`]: in natural
/// order, skipping what is not the course, bounded).
/// A folder's unreadable or non-UTF-8 files become [`Course::problems`] and the others
/// still load; a single file that cannot be read is an error.
pub fn load_path(path: &Path) -> Result<Course, LoadError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| LoadError::Unreadable {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    if !meta.is_dir() {
        let root = path.parent().unwrap_or(Path::new(""));
        let read = read_course_file(path, root).map_err(|p| match p.kind {
            ProblemKind::NotUtf8 { offset } => LoadError::NotUtf8 {
                path: p.file,
                offset,
            },
            ProblemKind::NotAFile { kind } => LoadError::NotAFile { path: p.file, kind },
            ProblemKind::TooLarge { bytes } => LoadError::TooLarge {
                path: p.file,
                bytes,
                max: MAX_CLASS_FILE_BYTES,
            },
            ProblemKind::Unreadable(message) => LoadError::Unreadable {
                path: p.file,
                message,
            },
            _ => LoadError::NoMarkdown { path: p.file },
        })?;
        return Ok(assemble(vec![read], Vec::new(), &file_stem(path), None));
    }

    if let Err(e) = std::fs::read_dir(path) {
        return Err(LoadError::Unreadable {
            path: shown,
            message: e.to_string(),
        });
    }
    let walk = super::walk::markdown_files(path);
    let mut problems = Vec::new();
    for (dir, message) in &walk.unreadable {
        problems.push(Problem {
            file: dir.display().to_string(),
            kind: ProblemKind::Unreadable(message.clone()),
        });
    }
    for link in &walk.outside {
        problems.push(Problem {
            file: link.display().to_string(),
            kind: ProblemKind::LinkOutside,
        });
    }
    if let Some(bound) = walk.bound {
        problems.push(Problem {
            file: shown.clone(),
            kind: ProblemKind::Bound(bound),
        });
    }
    let files = walk.files;
    let mut read: Vec<CourseFile> = Vec::new();
    for file in &files {
        match read_course_file(file, path) {
            Ok(r) => read.push(r),
            Err(problem) => problems.push(problem),
        }
    }
    if read.is_empty() && problems.is_empty() {
        return Err(LoadError::NoMarkdown { path: shown });
    }
    let repository = read_regular_file(&path.join(".git").join("config"), 64 * 1024)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|config| super::links::github_remote(&config));
    let readme = read.iter().find_map(|r| match r {
        CourseFile::Material(m, _) if m.path.eq_ignore_ascii_case("readme.md") => {
            Some(m.title.clone())
        }
        _ => None,
    });
    let mut course = assemble(read, problems, &file_stem(path), readme);
    course.library.repository = repository;
    Ok(course)
}

/// A file of the course, read: a Q&A session, or a document of another kind.
enum CourseFile {
    Session(ParsedDocument),
    /// With what was said while reading it (a file converted from another encoding).
    Material(Material, Vec<Problem>),
}

/// The course from its files: the sessions grouped into courses and in library order, the
/// other documents ordered for the library. Titled by what its sessions' titles share (one
/// course), else the repository README's title (`readme`), else `folder`.
fn assemble(
    files: Vec<CourseFile>,
    mut problems: Vec<Problem>,
    folder: &str,
    readme: Option<String>,
) -> Course {
    let mut sessions = Vec::new();
    let mut materials = Vec::new();
    for file in files {
        match file {
            CourseFile::Session(doc) => sessions.push(doc),
            CourseFile::Material(m, said) => {
                materials.push(m);
                problems.extend(said);
            }
        }
    }
    let documents: Vec<super::Document> = sessions.iter().map(|s| s.document.clone()).collect();
    let order: Vec<usize> = super::library::group_sessions(&documents)
        .into_iter()
        .flat_map(|g| g.sessions)
        .collect();
    let mut slots: Vec<Option<ParsedDocument>> = sessions.into_iter().map(Some).collect();
    let ordered: Vec<ParsedDocument> = order.iter().filter_map(|&i| slots[i].take()).collect();
    super::library::order_materials(&mut materials);
    let mut course = with_title(
        Course::from_documents(String::new(), ordered, problems),
        folder,
    );
    course.library.groups = super::library::group_sessions(&course.documents);
    if course.library.groups.len() > 1 {
        course.title = readme.unwrap_or_else(|| folder.to_owned());
    } else if course.documents.is_empty() {
        course.title = match materials.as_slice() {
            [only] => only.title.clone(),
            _ => readme.unwrap_or_else(|| folder.to_owned()),
        };
    }
    course.library.materials = materials;
    course.library.index_headings();
    course
}

/// [`load_path`] on a thread, waiting at most `deadline`: a path that never finishes
/// reading (a file system that hangs) is an error instead of a hang. For the command line;
/// the window has its own loader.
pub fn load_path_within(path: &Path, deadline: std::time::Duration) -> Result<Course, LoadError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("course-loader".into())
        .spawn(move || {
            // The receiver gave up when nobody receives: nothing left to tell.
            if tx.send(load_path(&owned)).is_err() {
                log::debug!("a load finished after its deadline");
            }
        });
    let unreadable = |message: String| LoadError::Unreadable {
        path: path.display().to_string(),
        message,
    };
    spawned.map_err(|e| unreadable(format!("cannot start the loader: {e}")))?;
    rx.recv_timeout(deadline).map_err(|_| {
        unreadable(format!(
            "not read within {} s (a file that never ends?)",
            deadline.as_secs()
        ))
    })?
}

/// Why [`read_regular_file`] read nothing.
#[derive(Debug)]
pub enum ReadRefusal {
    Io(std::io::Error),
    /// A folder, a pipe, a device or a socket: named ("named pipe (FIFO)").
    NotAFile {
        kind: String,
    },
    TooLarge {
        bytes: u64,
    },
}

/// Reads a file only if it is a regular file (symlinks followed) of at most `max` bytes. A
/// pipe, a device or a socket is never opened: opening a FIFO blocks until a writer comes,
/// and reading `/dev/zero` never ends.
pub fn read_regular_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadRefusal> {
    let meta = std::fs::metadata(path).map_err(ReadRefusal::Io)?;
    if !meta.is_file() {
        return Err(ReadRefusal::NotAFile {
            kind: kind_of(&meta.file_type()),
        });
    }
    if meta.len() > max {
        return Err(ReadRefusal::TooLarge { bytes: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(ReadRefusal::Io)?;
    // What was opened, not what was looked at: it may have been swapped since.
    let opened = file.metadata().map_err(ReadRefusal::Io)?;
    if !opened.is_file() {
        return Err(ReadRefusal::NotAFile {
            kind: kind_of(&opened.file_type()),
        });
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadRefusal::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadRefusal::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Reads one markdown file of the course (only a regular file, at most
/// [`MAX_CLASS_FILE_BYTES`]) and tells its kind: a session is parsed into questions, any
/// other document kept to be read. `root`: the opened folder, which its path is relative to.
fn read_course_file(path: &Path, root: &Path) -> Result<CourseFile, Problem> {
    let shown = path.display().to_string();
    let problem = |kind| Problem {
        file: shown.clone(),
        kind,
    };
    let bytes = read_regular_file(path, MAX_CLASS_FILE_BYTES).map_err(|refusal| {
        problem(match refusal {
            ReadRefusal::Io(e) => ProblemKind::Unreadable(e.to_string()),
            ReadRefusal::NotAFile { kind } => ProblemKind::NotAFile { kind },
            ReadRefusal::TooLarge { bytes } => ProblemKind::TooLarge { bytes },
        })
    })?;
    let digest = super::bytes_digest(&bytes);
    let (text, decoded) = super::text::decode(bytes).map_err(|offset| Problem {
        file: shown.clone(),
        kind: ProblemKind::NotUtf8 { offset },
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let relative = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let kind = super::kind::classify(&text, &name);
    let decoded_problem = decoded.map(|d| problem(ProblemKind::Decoded(d)));
    if kind != super::Kind::Qa {
        let material = Material::new(
            kind,
            &text,
            &file_stem(path),
            relative,
            shown.clone(),
            ImageBase::Dir(dir),
        );
        return Ok(CourseFile::Material(
            material,
            decoded_problem.into_iter().collect(),
        ));
    }
    let mut parsed = parse_document(&text, &file_stem(path), &shown, ImageBase::Dir(dir));
    parsed.document.path = relative;
    parsed.document.file = Some((path.to_path_buf(), digest));
    if let Some(p) = decoded_problem {
        parsed.problems.insert(0, p);
    }
    Ok(CourseFile::Session(parsed))
}

/// What a path that is not a regular file is, in plain words.
fn kind_of(file_type: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "named pipe (FIFO)".into();
        }
        if file_type.is_socket() {
            return "socket".into();
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "device".into();
        }
    }
    if file_type.is_dir() {
        "folder".into()
    } else {
        "not a regular file".into()
    }
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
