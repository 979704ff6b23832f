//! My notes on a whole course: one [`NoteStore`] per class session, each in its own file
//! named after the session's `#` title. Answers therefore follow their questions wherever
//! the notes are opened: the session file alone, its folder, a renamed folder or a copy.
//!
//! Question ids hash the session title, the topic and the question's normalized text, so
//! two different courses that happen to have a session of the same title share that file
//! but never a note: only the very same question in the very same session and topic has
//! the same id. Their notes do show each other as orphans there (nothing in a file tells the
//! courses apart); a title shared by two courses is rare, since instructors put the course
//! in it ("MSP T3 - 23-5차").

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::Timestamp;

use super::{
    DataDir, Note, NoteStore, NotesFile, QuestionInfo, SCHEMA_VERSION, StoreError, StoreWarning,
};
use crate::course::{Course, QuestionId, normalize_question};

/// The notes of the sessions of one course, and of sessions that left it while it was open
/// (their notes show as orphans until the course is opened anew).
#[derive(Debug)]
pub struct Notebook {
    dir: DataDir,
    stores: BTreeMap<String, NoteStore>,
    /// Sessions whose notes could not be opened (a file from a newer app): said once, and
    /// nothing is written there.
    failed: BTreeMap<String, String>,
}

/// What went wrong opening a notebook, per file, for the caller to show.
#[derive(Debug, Default)]
pub struct Opened {
    pub warnings: Vec<StoreWarning>,
    pub errors: Vec<StoreError>,
}

/// Opens a store per session of `course` that is not open (nor failed) yet: what
/// `Notebook` and the review log share. A session whose file cannot be opened is
/// remembered as failed (nothing is written there) and its error returned.
pub fn open_each<'a, S>(
    titles: impl Iterator<Item = &'a str>,
    stores: &mut BTreeMap<String, S>,
    failed: &mut BTreeMap<String, String>,
    mut open: impl FnMut(&str) -> Result<(S, Vec<StoreWarning>), StoreError>,
) -> Opened {
    let mut opened = Opened::default();
    for session in titles {
        if stores.contains_key(session) || failed.contains_key(session) {
            continue;
        }
        match open(session) {
            Ok((store, warnings)) => {
                opened.warnings.extend(warnings);
                stores.insert(session.to_owned(), store);
            }
            Err(e) => {
                failed.insert(session.to_owned(), e.to_string());
                opened.errors.push(e);
            }
        }
    }
    opened
}

impl Notebook {
    /// An empty notebook over `dir` (no session opened yet).
    pub fn new(dir: DataDir) -> Self {
        Self {
            dir,
            stores: BTreeMap::new(),
            failed: BTreeMap::new(),
        }
    }

    /// Opens the notes of every session of `course` not open yet (a reload keeps the open
    /// ones, with whatever is unsaved in them), then re-attaches orphans.
    pub fn open_sessions(&mut self, course: &Course, now: Timestamp) -> Opened {
        let dir = self.dir.clone();
        // The sessions' notes, and those on the headings of the decks, labs and documents
        // (one file per document, named after its title like a session's).
        let titles = course.documents.iter().map(|d| d.title.as_str()).chain(
            course
                .library
                .materials
                .iter()
                .filter(|m| !m.headings.is_empty())
                .map(|m| m.title.as_str()),
        );
        let opened = open_each(titles, &mut self.stores, &mut self.failed, |session| {
            NoteStore::open(dir.settled_session_notes(session), session)
        });
        self.reattach(course, now);
        opened
    }

    /// Whether notes of `session` can be written (its file could be opened).
    pub fn can_write(&self, session: &str) -> bool {
        self.stores.contains_key(session)
    }

    /// Why saving is refused for some session, if it is (a file that could not be read nor
    /// moved aside).
    pub fn blocked(&self) -> Option<&str> {
        self.stores.values().find_map(NoteStore::blocked)
    }

    /// The folder the session files are in.
    pub fn location(&self) -> PathBuf {
        self.dir.sessions()
    }

    pub fn get(&self, id: &QuestionId) -> Option<&Note> {
        self.stores.values().find_map(|s| s.get(id))
    }

    /// My text for a question, if I wrote any.
    pub fn text(&self, id: &QuestionId) -> Option<&str> {
        self.stores.values().find_map(|s| s.text(id))
    }

    pub fn is_bookmarked(&self, id: &QuestionId) -> bool {
        self.stores.values().any(|s| s.is_bookmarked(id))
    }

    /// How many of a lab's steps are marked 완료.
    pub fn steps_done(&self, lab: &crate::course::Material) -> usize {
        lab.step_headings()
            .filter(|(_, h)| self.is_done(&h.id))
            .count()
    }

    /// Whether the lab step whose heading has this id is marked 완료.
    pub fn is_done(&self, id: &QuestionId) -> bool {
        self.stores.values().any(|s| s.is_done(id))
    }

    /// Marks a lab step (its heading's id) 완료 or not. False when that lab's notes could
    /// not be opened (nothing is kept).
    pub fn set_done(
        &mut self,
        id: &QuestionId,
        info: &QuestionInfo,
        on: bool,
        now: Timestamp,
    ) -> bool {
        match self.stores.get_mut(&info.session) {
            Some(store) => {
                store.set_done(id, info, on, now);
                true
            }
            None => false,
        }
    }

    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.stores.values().flat_map(NoteStore::notes)
    }

    pub fn is_dirty(&self) -> bool {
        self.stores.values().any(NoteStore::is_dirty)
    }

    /// Sets my text for a question of session `info.session`. False when that session's
    /// notes could not be opened (nothing is kept).
    pub fn set_text(
        &mut self,
        id: &QuestionId,
        info: &QuestionInfo,
        text: &str,
        now: Timestamp,
    ) -> bool {
        match self.stores.get_mut(&info.session) {
            Some(store) => {
                store.set_text(id, info, text, now);
                true
            }
            None => false,
        }
    }

    pub fn set_bookmarked(
        &mut self,
        id: &QuestionId,
        info: &QuestionInfo,
        on: bool,
        now: Timestamp,
    ) -> bool {
        match self.stores.get_mut(&info.session) {
            Some(store) => {
                store.set_bookmarked(id, info, on, now);
                true
            }
            None => false,
        }
    }

    /// Notes whose question is not in `course`, with text or a bookmark.
    pub fn orphans<'a>(&'a self, course: &Course) -> Vec<&'a Note> {
        self.stores
            .values()
            .flat_map(|s| s.orphans(course))
            .collect()
    }

    /// Moves orphaned notes to a question of `course` with the same normalized text, into
    /// that question's session (the question came back reworded only in whitespace or
    /// punctuation, moved to another topic or session, or its session was renamed while
    /// the old one stayed open). Never onto a question that already has a note. Once per
    /// content load. Returns how many moved.
    pub fn reattach(&mut self, course: &Course, now: Timestamp) -> usize {
        let mut by_text: BTreeMap<String, Vec<(QuestionId, QuestionInfo)>> = BTreeMap::new();
        for topic in &course.topics {
            for q in &topic.questions {
                if let Some(info) = QuestionInfo::find(course, &q.id) {
                    by_text
                        .entry(normalize_question(&q.text))
                        .or_default()
                        .push((q.id.clone(), info));
                }
            }
        }
        let orphans: Vec<(String, QuestionId)> = self
            .stores
            .iter()
            .flat_map(|(session, s)| {
                s.notes()
                    .filter(|n| !course.knows(&n.id))
                    .map(move |n| (session.clone(), n.id.clone()))
            })
            .collect();
        let mut moved = 0;
        for (session, old) in orphans {
            let Some(note) = self.stores.get(&session).and_then(|s| s.get(&old)) else {
                continue;
            };
            let Some(candidates) = by_text.get(&normalize_question(&note.question)) else {
                continue;
            };
            // Prefer the same session, then the same topic.
            let target = candidates
                .iter()
                .filter(|(id, info)| self.get(id).is_none() && self.can_write(&info.session))
                .max_by_key(|(_, info)| {
                    (
                        u8::from(info.session == note.session),
                        u8::from(info.topic == note.topic),
                    )
                })
                .cloned();
            let Some((new_id, info)) = target else {
                continue;
            };
            let Some(mut note) = self
                .stores
                .get_mut(&session)
                .and_then(|s| s.take(&old, now))
            else {
                continue;
            };
            note.id = new_id;
            note.question = info.question;
            note.topic = info.topic;
            note.session = info.session.clone();
            note.updated = now;
            if let Some(store) = self.stores.get_mut(&info.session) {
                store.adopt(note);
                moved += 1;
            }
        }
        moved
    }

    /// Merges a backup, note by note into the note's session (newest edit wins, nothing
    /// newer here is replaced). Sessions of other courses get their own files, ready for
    /// when that course is opened. Returns how many notes changed, and the sessions whose
    /// notes could not be opened (their notes of the backup are left out).
    pub fn import(&mut self, file: NotesFile) -> (usize, Vec<StoreError>) {
        let mut changed = 0;
        let mut errors = Vec::new();
        for note in file.notes {
            if self.failed.contains_key(&note.session) {
                continue;
            }
            if !self.stores.contains_key(&note.session) {
                let path = self.dir.session_notes(&note.session);
                match NoteStore::open(path, &note.session) {
                    Ok((store, _)) => {
                        self.stores.insert(note.session.clone(), store);
                    }
                    Err(e) => {
                        self.failed.insert(note.session.clone(), e.to_string());
                        errors.push(e);
                        continue;
                    }
                }
            }
            if let Some(store) = self.stores.get_mut(&note.session)
                && store.adopt(note)
            {
                changed += 1;
            }
        }
        (changed, errors)
    }

    /// Every note of the open sessions, as one file (a backup export).
    pub fn to_file(&self, course_title: &str) -> NotesFile {
        NotesFile {
            schema: SCHEMA_VERSION,
            course: course_title.to_owned(),
            notes: self.notes().cloned().collect(),
            unknown: serde_json::Map::new(),
        }
    }

    /// Saves every session with unsaved notes. All are tried; the first failure is
    /// returned (the others stay dirty and are retried with it).
    pub fn save(&mut self) -> Result<(), StoreError> {
        let mut first = None;
        for store in self.stores.values_mut().filter(|s| s.is_dirty()) {
            if let Err(e) = store.save() {
                first.get_or_insert(e);
            }
        }
        first.map_or(Ok(()), Err)
    }

    /// Warnings found while saving (a file that turned corrupt under us). Drains them.
    pub fn take_warnings(&mut self) -> Vec<StoreWarning> {
        self.stores
            .values_mut()
            .flat_map(NoteStore::take_warnings)
            .collect()
    }
}

#[cfg(test)]
mod tests;
