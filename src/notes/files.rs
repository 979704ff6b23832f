//! Every file the app writes, named in one place: the data folder, the names in it, and
//! the rules that move files written under an older name.
//!
//! ```text
//! <data folder>/                         the user's (`directories`), or --data-dir
//!   sessions/<slug>-<hash>.notes.json    my notes on one class session
//!   sessions/<slug>-<hash>.review.json   that session's review log
//!     ….bak                              the previous good file, kept on every save
//!     ….corrupt-<time>                   a file that could not be read, moved aside
//!     ….lock                             held while a file is written
//!   seen.json                            what I have seen (the 새 marks), and when
//!   journal-<pid>[-n].jsonl              edits of a running app not yet in their file
//!   unsaved-notes-<time>.json            notes no save could write as the app ended (or
//!                                        in the temp folder), a backup to import
//!   <slug>.notes.json                    the first layout: one notes file per course,
//!   <slug>.notes.json.migrated[-n]       kept under this name once split into sessions
//! ```
//! A session's files are named after its `#` title, so notes follow their session wherever
//! its file is opened. The slug is cut to [`MAX_SLUG_BYTES`]; the hash of the whole title
//! keeps apart titles whose slugs are the same (or are cut the same). Files an earlier
//! version named with the slug whole are renamed on first open
//! ([`DataDir::settled_session_notes`]).

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::course::QuestionId;

/// The sub-folder of the data folder that holds one notes file per session.
const SESSIONS_DIR: &str = "sessions";
const NOTES_SUFFIX: &str = ".notes.json";
const REVIEW_SUFFIX: &str = ".review.json";

/// The longest slug a session's files are named with, in bytes. With the hash and the
/// longest ending the stores add (`-0123abcd.review.json.corrupt-20261201T101010.123Z`,
/// 52 bytes), every file the app writes is named within 100 bytes: far from the 255-byte
/// limit of file names, and, under Windows' `%APPDATA%`, within its 260-character path.
pub const MAX_SLUG_BYTES: usize = 40;

/// The folder all of the student's data lives in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The user's data folder (`~/.local/share/study-companion`, `%APPDATA%\…`, …);
    /// `study-companion-data` in the working folder if the system names none.
    pub fn user() -> Self {
        let root = directories::ProjectDirs::from("", "", "study-companion")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("study-companion-data"));
        Self { root }
    }

    /// A data folder at `root` (`--data-dir`, tests).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `--data-dir` if given, else the user's.
    pub fn given_or_user(root: Option<PathBuf>) -> Self {
        root.map_or_else(Self::user, Self::at)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the sessions' notes and review logs are.
    pub fn sessions(&self) -> PathBuf {
        self.root.join(SESSIONS_DIR)
    }

    /// The notes file of a session: `sessions/<slug>-<hash>.notes.json`.
    pub fn session_notes(&self, session: &str) -> PathBuf {
        self.session_file(session, NOTES_SUFFIX)
    }

    /// The review log of a session, beside its notes: `….review.json`.
    pub fn session_review(&self, session: &str) -> PathBuf {
        self.session_file(session, REVIEW_SUFFIX)
    }

    fn session_file(&self, session: &str, suffix: &str) -> PathBuf {
        let (slug, hash) = slug_and_hash(session);
        let cut = cut_slug(&slug, MAX_SLUG_BYTES);
        self.sessions().join(format!("{cut}-{hash}{suffix}"))
    }

    /// The notes file of a session as the first versions named it, the slug whole (a long
    /// title made a name too long to write).
    pub(crate) fn legacy_session_notes(&self, session: &str) -> PathBuf {
        let (slug, hash) = slug_and_hash(session);
        self.sessions().join(format!("{slug}-{hash}{NOTES_SUFFIX}"))
    }

    /// The notes file of `session` to open: [`Self::session_notes`], after renaming there
    /// the files an earlier version wrote under a longer name (notes, review log and their
    /// backups), which keep their contents. Where a rename fails, the old name is used (its
    /// notes still open) and the failure logged.
    pub fn settled_session_notes(&self, session: &str) -> PathBuf {
        let path = self.session_notes(session);
        let legacy = self.legacy_session_notes(session);
        if legacy == path || !legacy.exists() {
            return path;
        }
        let stem = |p: &Path| {
            p.to_string_lossy()
                .strip_suffix(NOTES_SUFFIX)
                .map(str::to_owned)
                .unwrap_or_default()
        };
        let (old, new) = (stem(&legacy), stem(&path));
        let bak = |suffix: &str| format!("{suffix}.bak");
        for suffix in [
            NOTES_SUFFIX.to_owned(),
            bak(NOTES_SUFFIX),
            REVIEW_SUFFIX.to_owned(),
            bak(REVIEW_SUFFIX),
        ] {
            let (from, to) = (
                PathBuf::from(format!("{old}{suffix}")),
                PathBuf::from(format!("{new}{suffix}")),
            );
            if !from.exists() || to.exists() {
                continue;
            }
            if let Err(e) = std::fs::rename(&from, &to) {
                log::warn!(
                    "could not rename {} to {}: {e}; the notes stay under the old name",
                    from.display(),
                    to.display()
                );
                return legacy;
            }
            log::info!("renamed {} to {}", from.display(), to.display());
        }
        // The old names' lock files (empty) go too: the new names get their own.
        for suffix in [NOTES_SUFFIX, REVIEW_SUFFIX] {
            let _ = std::fs::remove_file(format!("{old}{suffix}.lock"));
        }
        path
    }

    /// What I have seen, and when.
    pub fn seen(&self) -> PathBuf {
        self.root.join("seen.json")
    }

    /// The journal of the app with process id `pid`; `attempt` > 0 when that name is taken
    /// (by a journal an app with the same id left).
    pub fn journal(&self, pid: u32, attempt: u32) -> PathBuf {
        self.root.join(match attempt {
            0 => format!("journal-{pid}.jsonl"),
            n => format!("journal-{pid}-{n}.jsonl"),
        })
    }

    /// My questions for the next class (다음 수업에 물어보기): `asked.json`.
    pub fn asked(&self) -> PathBuf {
        self.root.join("asked.json")
    }

    /// Where 노트 파일에 답변 쓰기 keeps a session file as it was before an answer was
    /// written into it: `published/<file name>.bak` (not beside it, where it would be one
    /// more untracked file in the course's repository).
    pub fn published_backup(&self, file: &Path) -> PathBuf {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "session.md".to_owned());
        self.root.join("published").join(format!("{name}.bak"))
    }

    /// Where notes go that could not be saved as the app ended: a backup file in the data
    /// folder, else in the temp folder.
    pub fn rescue(&self) -> [PathBuf; 2] {
        let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        let name = format!("unsaved-notes-{stamp}.json");
        [self.root.join(&name), std::env::temp_dir().join(name)]
    }

    /// The journals in the folder (of this app or of ones that ended), in name order.
    pub fn journals(&self) -> Vec<PathBuf> {
        self.files_named(|n| n.starts_with("journal-") && n.ends_with(".jsonl"))
    }

    /// The notes files of the first layout, one per course, right in the folder.
    pub fn first_layout_notes(&self) -> Vec<PathBuf> {
        self.files_named(|n| n.ends_with(NOTES_SUFFIX))
    }

    /// The first layout's notes file of a course of that title (`<slug>.notes.json`).
    pub fn first_layout_notes_of(&self, title: &str) -> PathBuf {
        self.root.join(format!("{}{NOTES_SUFFIX}", slug(title)))
    }

    fn files_named(&self, wanted: impl Fn(&str) -> bool) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&wanted))
            .collect();
        files.sort();
        files
    }
}

/// The previous good version of a data file, kept on every save.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// Where a data file that cannot be read is moved, named by the time it was.
pub fn corrupt_path(path: &Path) -> PathBuf {
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%S%.3fZ").to_string();
    sibling(path, &format!(".corrupt-{stamp}"))
}

/// The temp file a data file is written to before it replaces the file (this process's).
pub fn temp_path(path: &Path) -> PathBuf {
    sibling(path, &format!(".tmp-{}", std::process::id()))
}

/// The lock file held while a data file is written.
pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

/// `course.notes.json` → `course.notes.json.migrated` (or `.migrated-2`, … if taken): a
/// first-layout file once its notes are in the sessions' files.
pub fn migrated_path(old: &Path) -> PathBuf {
    let name = sibling(old, ".migrated");
    let mut kept = name.clone();
    let mut n = 2;
    while kept.exists() {
        kept = sibling(&name, &format!("-{n}"));
        n += 1;
    }
    kept
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A title as a file name: its letters, digits, `-` and `_`, every run of anything else
/// one `-` ("MSP T3 - 23-5차" → "MSP-T3-23-5차"); "notes" if nothing is left.
fn slug(title: &str) -> String {
    let slug = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "notes".to_owned()
    } else {
        slug
    }
}

/// A session title's slug (whole) and the 8 hex digits of its hash.
fn slug_and_hash(session: &str) -> (String, String) {
    let hash = QuestionId::new(session, "", "");
    (
        slug(session),
        hash.as_str().get(1..9).unwrap_or("").to_owned(),
    )
}

/// `slug` cut to at most `max` bytes on a character boundary, without a dangling `-`.
fn cut_slug(slug: &str, max: usize) -> &str {
    let mut end = slug.len().min(max);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    let cut = slug[..end].trim_end_matches('-');
    if cut.is_empty() { "notes" } else { cut }
}
