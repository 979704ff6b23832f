//! From the first layout of the notes (one file per course title, in the data folder) to
//! one file per session (`sessions/`). Runs when notes are first opened; never loses a
//! byte: every note is merged into its session's file (newest edit wins), and only once
//! all of them are saved is the old file renamed to `*.migrated` (kept, never deleted). A
//! crash half-way repeats the merge at the next start, which changes nothing twice.

use std::fs;
use std::path::{Path, PathBuf};

use super::files::migrated_path;
use super::{DataDir, NoteStore, StoreError, StoreWarning};
use crate::course::Course;

/// What a migration did, to be said once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Migration {
    /// How many notes moved into session files.
    pub notes: usize,
    /// Each old file and the name it is kept under.
    pub kept: Vec<(PathBuf, PathBuf)>,
    /// Old files that could not be read or rewritten, left where they were (retried at the
    /// next start).
    pub errors: Vec<String>,
    /// Corrupt old files moved aside (their backups used).
    pub warnings: Vec<StoreWarning>,
}

impl Migration {
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.errors.is_empty() && self.warnings.is_empty()
    }
}

/// Moves every note of the old layout in `dir` into its session's file. A note goes to the
/// session its question is in now when `course` has it, else to the session it was written
/// in. Does nothing (and says nothing) when there is no old file.
pub fn migrate_layout(dir: &DataDir, course: &Course) -> Migration {
    let mut migration = Migration::default();
    for old in dir.first_layout_notes() {
        match migrate_file(dir, &old, course) {
            Ok((notes, warnings, kept)) => {
                migration.notes += notes;
                migration.warnings.extend(warnings);
                migration.kept.push((old, kept));
            }
            Err(e) => migration.errors.push(e.to_string()),
        }
    }
    migration
}

fn migrate_file(
    dir: &DataDir,
    old: &Path,
    course: &Course,
) -> Result<(usize, Vec<StoreWarning>, PathBuf), StoreError> {
    // Opened as a store: a corrupt file is moved aside and its backup used, as always.
    let (store, warnings) = NoteStore::open(old.to_path_buf(), "")?;
    let mut targets: std::collections::BTreeMap<String, NoteStore> = Default::default();
    let mut moved = 0;
    for note in store.notes() {
        let session = course
            .find(&note.id)
            .and_then(|(t, q)| course.topics.get(t)?.questions.get(q))
            .and_then(|q| course.documents.get(q.document))
            .map_or_else(|| note.session.clone(), |d| d.title.clone());
        if !targets.contains_key(&session) {
            let path = dir.session_notes(&session);
            let (target, _) = NoteStore::open(path, &session)?;
            targets.insert(session.clone(), target);
        }
        if let Some(target) = targets.get_mut(&session) {
            let mut note = note.clone();
            note.session = session;
            target.adopt(note);
            moved += 1;
        }
    }
    for target in targets.values_mut() {
        if target.is_dirty() {
            target.save()?;
        }
    }
    // A corrupt old file was moved aside when opened: that is where it is kept.
    let kept = match warnings.first() {
        Some(StoreWarning::MovedAside { moved_to, .. }) if !old.exists() => moved_to.clone(),
        _ => {
            let kept = migrated_path(old);
            fs::rename(old, &kept).map_err(|source| StoreError::Write {
                path: kept.clone(),
                source,
            })?;
            kept
        }
    };
    Ok((moved, warnings, kept))
}
