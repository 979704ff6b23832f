//! The student's notes: one pretty JSON file per class session ([`files`] names them),
//! written so that no saved word is ever lost. Pure Rust, no egui.
//!
//! - Atomic saves: a temp file in the same folder, fsync, rename; the previous good file is
//!   kept as `.bak`.
//! - A corrupt or unreadable file is never overwritten: it is moved aside
//!   (`….notes.json.corrupt-<time>`), the `.bak` is loaded if it is good, and the caller is told.
//! - Two windows on the same file merge per question (newest edit wins) under an advisory
//!   lock, so neither erases the other's answers.
//! - Notes whose question disappeared stay in the file (orphans) and re-attach by themselves
//!   when a question with the same normalized text comes back.

pub mod asked;
pub mod book;
mod data_file;
pub mod export;
pub mod files;
pub mod journal;
pub mod migrate;
pub mod seen;

pub use book::Notebook;
pub use data_file::{
    DataFile, OpenedData, open_data, parse_data, parse_file, read_data, read_file, save_data,
    write_atomic,
};
use files::corrupt_path;
pub use files::{DataDir, backup_path};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::course::{Course, QuestionId, ReadRefusal, normalize_question};

/// The file format's version; bumped when its shape changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A data file of the app's own (my notes, a review log, what was seen) larger than this is
/// not read (a student's notes are a few megabytes at most): it is left as it is, and said.
/// (Class-notes `.md` files have [`crate::course::MAX_CLASS_FILE_BYTES`].)
pub const MAX_DATA_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One note: my answer to (or annotation of) one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: QuestionId,
    /// The question as it read when the note was written: a note stays meaningful when the
    /// notes change, and lets an orphan re-attach.
    pub question: String,
    pub topic: String,
    pub session: String,
    /// My text (markdown). Empty text is kept (it is an edit: it must win a merge).
    pub text: String,
    #[serde(default)]
    pub bookmarked: bool,
    /// A lab's step marked 완료 (the note is on the step's heading).
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// Fields this version does not know (written by a newer one, or by hand): kept as they
    /// are and written back, so nothing in the file is lost by saving it.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What the file holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NotesFile {
    pub schema: u32,
    /// The course these notes belong to (its title), for a person reading the file.
    pub course: String,
    pub notes: Vec<Note>,
    /// Fields this version does not know: kept and written back.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

/// Where a question lives, for the note's context.
#[derive(Clone, Debug)]
pub struct QuestionInfo {
    pub question: String,
    pub topic: String,
    pub session: String,
}

impl QuestionInfo {
    /// The question with this id in `course` (or the heading of a deck, a lab or a
    /// document), and the context a note records for it.
    pub fn find(course: &Course, id: &QuestionId) -> Option<Self> {
        if let Some(&(m, h)) = course.library.heading_index.get(id) {
            let material = course.library.materials.get(m)?;
            return Some(Self {
                question: material.headings.get(h)?.text.clone(),
                topic: crate::course::library::HEADING_TOPIC.to_owned(),
                session: material.title.clone(),
            });
        }
        let (t, q) = course.find(id)?;
        let topic = course.topics.get(t)?;
        let question = topic.questions.get(q)?;
        let session = course
            .documents
            .get(question.document)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        Some(Self {
            question: question.text.clone(),
            topic: topic.name.clone(),
            session,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the notes folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot lock {path}: {source}")]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a notes file: {message}")]
    Parse { path: PathBuf, message: String },
    #[error(
        "{path} was written by a newer version of the app (schema {found}, this app reads {reads})"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        reads: u32,
    },
    #[error("{path} is a {kind}, not a notes file: it is not read")]
    NotAFile { path: PathBuf, kind: String },
    #[error("{path} is too large to be a notes file ({mb} MB; at most {max} MB are read)", mb = bytes / (1024 * 1024), max = MAX_DATA_FILE_BYTES / (1024 * 1024))]
    TooLarge { path: PathBuf, bytes: u64 },
}

impl StoreError {
    /// The file is fine but not this app's to change (a newer version's, too large, not a
    /// file): it is left exactly as it is, never moved aside nor overwritten.
    pub fn leaves_file_alone(&self) -> bool {
        matches!(
            self,
            StoreError::NewerSchema { .. }
                | StoreError::NotAFile { .. }
                | StoreError::TooLarge { .. }
        )
    }
}

/// Something the user must be told about at load time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreWarning {
    /// The notes file was corrupt: moved aside to `moved_to`; `restored_from` is the backup
    /// that was loaded instead, if one was good.
    MovedAside {
        file: PathBuf,
        moved_to: PathBuf,
        restored_from: Option<PathBuf>,
        reason: String,
    },
}

/// How the saving of my notes stands, as the notes panel and the slides say it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SaveStatus {
    /// Nothing to save yet in this session.
    #[default]
    Idle,
    /// Saved at `at` (seconds on the app's clock) and wall-clock `clock` ("14:03:12").
    Saved { at: f64, clock: String },
    /// Edits wait for the autosave.
    Pending,
    /// The last save failed; said until a save succeeds.
    Failed(String),
}

/// The notes of one session, in memory, and the file they live in.
#[derive(Debug)]
pub struct NoteStore {
    path: PathBuf,
    course: String,
    notes: BTreeMap<QuestionId, Note>,
    /// Notes changed here since the last successful save.
    dirty: bool,
    /// Notes moved away from this store (re-attached under a new id, or to another
    /// session), and when: a save must not bring them back from the file on disk.
    moved_away: BTreeMap<QuestionId, Timestamp>,
    /// Set when the file on disk must not be replaced (it could not be read and could not be
    /// moved aside): saving refuses until that is resolved.
    blocked: Option<String>,
    /// Found while saving (a file that turned corrupt under us); drained by the UI.
    warnings: Vec<StoreWarning>,
    /// The file's fields this version does not know, written back as they were.
    unknown: serde_json::Map<String, serde_json::Value>,
}

impl NoteStore {
    /// Opens (or starts) the notes file at `path`. A corrupt file is moved aside and its
    /// backup loaded; that is reported, never silent. Errors only when the folder cannot be
    /// created or the file is from a newer app version (it is then left untouched).
    pub fn open(path: PathBuf, course: &str) -> Result<(Self, Vec<StoreWarning>), StoreError> {
        let mut store = Self {
            path,
            course: course.to_owned(),
            notes: BTreeMap::new(),
            dirty: false,
            moved_away: BTreeMap::new(),
            blocked: None,
            warnings: Vec::new(),
            unknown: serde_json::Map::new(),
        };
        let opened = open_data::<NotesFile>(&store.path)?;
        if let Some(file) = opened.file {
            store.absorb(file);
        }
        store.dirty = opened.from_backup;
        store.blocked = opened.blocked;
        Ok((store, opened.warnings))
    }

    fn absorb(&mut self, file: NotesFile) {
        self.keep_unknown(file.unknown);
        for note in file.notes {
            merge_note(&mut self.notes, note);
        }
    }

    /// Keeps fields of the file this version does not know (those already kept win).
    fn keep_unknown(&mut self, unknown: serde_json::Map<String, serde_json::Value>) {
        for (key, value) in unknown {
            self.unknown.entry(key).or_insert(value);
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn get(&self, id: &QuestionId) -> Option<&Note> {
        self.notes.get(id)
    }

    /// My text for a question, if I wrote any.
    pub fn text(&self, id: &QuestionId) -> Option<&str> {
        self.notes
            .get(id)
            .map(|n| n.text.as_str())
            .filter(|t| !t.trim().is_empty())
    }

    pub fn is_bookmarked(&self, id: &QuestionId) -> bool {
        self.notes.get(id).is_some_and(|n| n.bookmarked)
    }

    pub fn is_done(&self, id: &QuestionId) -> bool {
        self.notes.get(id).is_some_and(|n| n.done)
    }

    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.values()
    }

    pub fn len(&self) -> usize {
        self.notes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Unsaved changes exist.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Warnings found while saving, for the UI to show. Drains them.
    pub fn take_warnings(&mut self) -> Vec<StoreWarning> {
        std::mem::take(&mut self.warnings)
    }

    /// Why saving is refused, if it is.
    pub fn blocked(&self) -> Option<&str> {
        self.blocked.as_deref()
    }

    /// Sets my text for a question. Called per edit; cheap (no I/O).
    pub fn set_text(&mut self, id: &QuestionId, info: &QuestionInfo, text: &str, now: Timestamp) {
        let note = self.entry(id, info, now);
        if note.text != text {
            note.text = text.to_owned();
            note.updated = now;
            self.dirty = true;
        }
    }

    pub fn set_bookmarked(
        &mut self,
        id: &QuestionId,
        info: &QuestionInfo,
        on: bool,
        now: Timestamp,
    ) {
        let note = self.entry(id, info, now);
        if note.bookmarked != on {
            note.bookmarked = on;
            note.updated = now;
            self.dirty = true;
        }
    }

    pub fn set_done(&mut self, id: &QuestionId, info: &QuestionInfo, on: bool, now: Timestamp) {
        let note = self.entry(id, info, now);
        if note.done != on {
            note.done = on;
            note.updated = now;
            self.dirty = true;
        }
    }

    fn entry(&mut self, id: &QuestionId, info: &QuestionInfo, now: Timestamp) -> &mut Note {
        let note = self.notes.entry(id.clone()).or_insert_with(|| Note {
            id: id.clone(),
            question: info.question.clone(),
            topic: info.topic.clone(),
            session: info.session.clone(),
            text: String::new(),
            bookmarked: false,
            done: false,
            created: now,
            updated: now,
            unknown: serde_json::Map::new(),
        });
        // Keep the context current while the question exists.
        note.question.clone_from(&info.question);
        note.topic.clone_from(&info.topic);
        note.session.clone_from(&info.session);
        note
    }

    /// Notes whose question is not in `course`.
    pub fn orphans<'a>(&'a self, course: &Course) -> Vec<&'a Note> {
        self.notes
            .values()
            .filter(|n| !course.knows(&n.id))
            .filter(|n| !n.text.trim().is_empty() || n.bookmarked || n.done)
            .collect()
    }

    /// Moves orphaned notes to a question of `course` with the same normalized text (the
    /// question came back, reworded only in whitespace or punctuation, or under a changed
    /// title). Called once per content load. Returns how many re-attached.
    pub fn reattach(&mut self, course: &Course, now: Timestamp) -> usize {
        let mut by_text: BTreeMap<String, Vec<(QuestionId, QuestionInfo)>> = BTreeMap::new();
        for topic in &course.topics {
            for q in &topic.questions {
                let session = course
                    .documents
                    .get(q.document)
                    .map(|d| d.title.clone())
                    .unwrap_or_default();
                by_text
                    .entry(normalize_question(&q.text))
                    .or_default()
                    .push((
                        q.id.clone(),
                        QuestionInfo {
                            question: q.text.clone(),
                            topic: topic.name.clone(),
                            session,
                        },
                    ));
            }
        }
        let orphan_ids: Vec<QuestionId> = self
            .notes
            .keys()
            .filter(|id| !course.knows(id))
            .cloned()
            .collect();
        let mut moved = 0;
        for old in orphan_ids {
            let Some(note) = self.notes.get(&old) else {
                continue;
            };
            let key = normalize_question(&note.question);
            let Some(candidates) = by_text.get(&key) else {
                continue;
            };
            // Prefer the same topic; never take a question that already has a note.
            let target = candidates
                .iter()
                .filter(|(id, _)| !self.notes.contains_key(id))
                .max_by_key(|(_, info)| (info.topic == note.topic) as u8);
            let Some((new_id, info)) = target.cloned() else {
                continue;
            };
            if let Some(mut note) = self.take(&old, now) {
                note.id = new_id.clone();
                note.question = info.question;
                note.topic = info.topic;
                note.session = info.session;
                note.updated = now;
                self.notes.insert(new_id, note);
                moved += 1;
                self.dirty = true;
            }
        }
        moved
    }

    /// Merges notes from another file (a backup export): per question, the newest edit wins;
    /// nothing newer here is replaced. Returns how many notes changed.
    pub fn import(&mut self, file: NotesFile) -> usize {
        let mut changed = 0;
        for note in file.notes {
            if merge_note(&mut self.notes, note) {
                changed += 1;
            }
        }
        if changed > 0 {
            self.dirty = true;
        }
        changed
    }

    /// Removes a note that moves elsewhere (another id or another session's store) at
    /// `now`; the next save leaves it out of the file too.
    pub fn take(&mut self, id: &QuestionId, now: Timestamp) -> Option<Note> {
        let note = self.notes.remove(id)?;
        self.moved_away.insert(id.clone(), now);
        self.dirty = true;
        Some(note)
    }

    /// Takes in a note moved here from elsewhere (newest edit wins). True if taken.
    pub fn adopt(&mut self, note: Note) -> bool {
        self.moved_away.remove(&note.id);
        let taken = merge_note(&mut self.notes, note);
        self.dirty |= taken;
        taken
    }

    /// The notes as a file (for saving and for a backup export).
    pub fn to_file(&self) -> NotesFile {
        NotesFile {
            schema: SCHEMA_VERSION,
            course: self.course.clone(),
            notes: self.notes.values().cloned().collect(),
            unknown: self.unknown.clone(),
        }
    }

    /// Saves: under an advisory lock, merges what is on disk (another window's notes), then
    /// replaces the file atomically and keeps the previous one as `.bak`. On error nothing
    /// in memory is lost and the store stays dirty.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if let Some(why) = &self.blocked {
            return Err(StoreError::Parse {
                path: self.path.clone(),
                message: why.clone(),
            });
        }
        let path = self.path.clone();
        let mut warnings = Vec::new();
        // Another window may have saved since we loaded: take its newer notes, but not the
        // ones moved away from here (unless edited there since).
        let saved = save_data(&path, &mut warnings, |disk: Option<NotesFile>| {
            if let Some(disk) = disk {
                self.keep_unknown(disk.unknown);
                for note in disk.notes {
                    let moved = self
                        .moved_away
                        .get(&note.id)
                        .is_some_and(|&at| note.updated <= at);
                    if !moved {
                        merge_note(&mut self.notes, note);
                    }
                }
            }
            self.to_file()
        });
        self.warnings.append(&mut warnings);
        saved?;
        self.dirty = false;
        self.moved_away.clear();
        Ok(())
    }
}

/// Takes `incoming` if it is newer than what `notes` has for its question. True if taken.
fn merge_note(notes: &mut BTreeMap<QuestionId, Note>, incoming: Note) -> bool {
    match notes.get(&incoming.id) {
        Some(existing) if existing.updated >= incoming.updated => false,
        _ => {
            notes.insert(incoming.id.clone(), incoming);
            true
        }
    }
}

#[cfg(test)]
mod tests;
