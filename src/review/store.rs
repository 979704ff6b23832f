//! The review log, apart from my answers: one file per class session beside its notes,
//! `sessions/<slug>-<hash>.review.json`, keyed by question id. It has every guarantee of
//! the notes store (`notes::open_data` / `notes::save_data`): atomic writes, a `.bak`, a
//! corrupt file moved aside, a newer app's file left alone, fields this version does not
//! know kept. Two windows merge: a save takes the union of both logs.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Review;
use crate::course::{Course, QuestionId};
use crate::notes::book::{Opened, open_each};
use crate::notes::{DataDir, DataFile, StoreError, StoreWarning, open_data, save_data};

/// The review file's schema version.
pub const REVIEW_SCHEMA: u32 = 1;

/// One session's review log, as stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewFile {
    pub schema: u32,
    /// The session's title, for a person reading the file.
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub cards: BTreeMap<QuestionId, CardLog>,
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl DataFile for ReviewFile {
    const SCHEMA: u32 = REVIEW_SCHEMA;
    fn schema(&self) -> u32 {
        self.schema
    }
}

/// The reviews of one card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardLog {
    /// The question as it read at the last review (for a person reading the file).
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub topic: String,
    /// In time order.
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Buried until a day, suspended, or released; the newest change wins a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold: Option<Hold>,
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

/// A card kept out of review for a while: buried until a review day (Anki's "bury": until
/// tomorrow), or suspended until it is released.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hold {
    pub kind: HoldKind,
    /// When it was set: of two windows' holds, the newer is kept.
    pub at: jiff::Timestamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldKind {
    /// Out of review until this review day begins ([`super::Clock::day_of`]).
    Buried {
        until_day: i64,
    },
    Suspended,
    /// Back in review (a hold lifted: kept, so that it wins over the older hold).
    Released,
}

impl Hold {
    /// Whether it keeps the card out of review on review day `today`.
    pub fn holds_on(&self, today: i64) -> Option<HoldKind> {
        match self.kind {
            HoldKind::Buried { until_day } if today < until_day => Some(self.kind),
            HoldKind::Suspended => Some(self.kind),
            HoldKind::Buried { .. } | HoldKind::Released => None,
        }
    }
}

impl ReviewFile {
    /// Takes in another generation of the same file (another window's save): the union of
    /// both logs, card by card. Returns whether anything was new.
    pub fn merge(&mut self, other: ReviewFile) -> bool {
        self.merge_except(other, &Forgotten::default())
    }

    /// [`Self::merge`], except what this window took out (`forgotten`): another window's
    /// copy of it does not bring it back.
    pub fn merge_except(&mut self, other: ReviewFile, forgotten: &Forgotten) -> bool {
        let mut changed = false;
        for (key, value) in other.unknown {
            self.unknown.entry(key).or_insert(value);
        }
        for (id, theirs) in other.cards {
            if forgotten.cards.contains(&id) {
                continue;
            }
            let ours = self.cards.entry(id).or_default();
            if ours.question.is_empty() {
                ours.question = theirs.question;
                ours.topic = theirs.topic;
            }
            for (key, value) in theirs.unknown {
                ours.unknown.entry(key).or_insert(value);
            }
            match (&ours.hold, theirs.hold) {
                (Some(mine), Some(hold)) if hold.at > mine.at => ours.hold = Some(hold),
                (None, Some(hold)) => ours.hold = Some(hold),
                _ => {}
            }
            for review in theirs.reviews {
                if forgotten.reviews.contains(&(review.at, review.rating)) {
                    continue;
                }
                let known = ours
                    .reviews
                    .iter()
                    .any(|r| r.at == review.at && r.rating == review.rating);
                if !known {
                    ours.reviews.push(review);
                    changed = true;
                }
            }
            ours.reviews.sort_by_key(|r| r.at);
        }
        // A card that only a review undone here had put in the file is none.
        self.cards
            .retain(|_, c| !(c.reviews.is_empty() && c.hold.is_none() && c.unknown.is_empty()));
        changed
    }
}

/// What this window took out of a log and another window's copy must not bring back:
/// reviews undone, and cards whose log moved to another question (re-attached).
#[derive(Clone, Debug, Default)]
pub struct Forgotten {
    pub reviews: std::collections::HashSet<(jiff::Timestamp, super::Rating)>,
    pub cards: std::collections::HashSet<QuestionId>,
}

/// One session's log in memory, and its file.
#[derive(Debug)]
struct ReviewStore {
    path: PathBuf,
    /// Shared with a write under way (taken without copying it on the UI thread); a change
    /// copies it only while that write still holds it.
    file: std::sync::Arc<ReviewFile>,
    dirty: bool,
    /// The file could not be read nor moved aside: nothing replaces it.
    blocked: Option<String>,
    /// What this window took out: never merged back from the file.
    undone: Forgotten,
    /// Changes made so far: a write off the UI thread of this many leaves it clean only if
    /// no change came after.
    edits: u64,
}

/// A log no longer needed, to be dropped off the UI thread.
#[derive(Debug)]
pub struct Leftover(#[allow(dead_code)] std::sync::Arc<ReviewFile>);

/// One session's log to write off the UI thread: the file as it is in memory, and what
/// was undone here (never merged back from the disk).
#[derive(Debug)]
pub struct PendingSave {
    pub session: String,
    path: PathBuf,
    file: std::sync::Arc<ReviewFile>,
    undone: Forgotten,
    blocked: Option<String>,
    edits: u64,
}

/// What a write did: the file as written (with what another window had saved), or why
/// nothing was.
#[derive(Debug)]
pub struct SaveDone {
    pub session: String,
    edits: u64,
    pub result: Result<ReviewFile, StoreError>,
    pub warnings: Vec<StoreWarning>,
}

impl PendingSave {
    /// Writes the file (atomic, `.bak`, merged with the disk's under its lock). Blocks: run
    /// it off the UI thread.
    pub fn write(self) -> SaveDone {
        let mut warnings = Vec::new();
        let result = match &self.blocked {
            Some(why) => Err(StoreError::Parse {
                path: self.path.clone(),
                message: why.clone(),
            }),
            None => {
                let mut written = None;
                let undone = &self.undone;
                let mut file = std::sync::Arc::unwrap_or_clone(self.file);
                save_data(&self.path, &mut warnings, |disk: Option<ReviewFile>| {
                    if let Some(disk) = disk {
                        file.merge_except(disk, undone);
                    }
                    file.schema = REVIEW_SCHEMA;
                    written = Some(file.clone());
                    file
                })
                .map(|()| written.unwrap_or_default())
            }
        };
        SaveDone {
            session: self.session,
            edits: self.edits,
            result,
            warnings,
        }
    }
}

impl ReviewStore {
    fn open(path: PathBuf, session: &str) -> Result<(Self, Vec<StoreWarning>), StoreError> {
        let opened = open_data::<ReviewFile>(&path)?;
        let mut file = ReviewFile {
            schema: REVIEW_SCHEMA,
            session: session.to_owned(),
            ..Default::default()
        };
        if let Some(found) = opened.file {
            file.merge(found);
        }
        let store = Self {
            path,
            file: std::sync::Arc::new(file),
            dirty: opened.from_backup,
            blocked: opened.blocked,
            undone: Default::default(),
            edits: 0,
        };
        Ok((store, opened.warnings))
    }

    fn save(&mut self, warnings: &mut Vec<StoreWarning>) -> Result<(), StoreError> {
        if let Some(why) = &self.blocked {
            return Err(StoreError::Parse {
                path: self.path.clone(),
                message: why.clone(),
            });
        }
        let path = self.path.clone();
        save_data(&path, warnings, |disk: Option<ReviewFile>| {
            if let Some(disk) = disk {
                std::sync::Arc::make_mut(&mut self.file).merge_except(disk, &self.undone);
            }
            std::sync::Arc::make_mut(&mut self.file).schema = REVIEW_SCHEMA;
            (*self.file).clone()
        })?;
        self.dirty = false;
        Ok(())
    }
}

/// The review logs of a course's sessions.
#[derive(Debug)]
pub struct ReviewBook {
    dir: DataDir,
    stores: BTreeMap<String, ReviewStore>,
    /// Sessions whose log could not be opened: nothing is written there.
    failed: BTreeMap<String, String>,
    warnings: Vec<StoreWarning>,
}

impl ReviewBook {
    pub fn new(dir: DataDir) -> Self {
        Self {
            dir,
            stores: BTreeMap::new(),
            failed: BTreeMap::new(),
            warnings: Vec::new(),
        }
    }

    /// Opens the log of every session of `course` not open yet.
    pub fn open_sessions(&mut self, course: &Course) -> Opened {
        let dir = self.dir.clone();
        let titles = course.documents.iter().map(|d| d.title.as_str());
        open_each(titles, &mut self.stores, &mut self.failed, |session| {
            ReviewStore::open(dir.session_review(session), session)
        })
    }

    /// Moves the log of a card whose question is gone to the question of `course` with the
    /// same normalized text (reworded only in spacing or punctuation, moved to another
    /// topic, or under a renamed session), as notes re-attach: the card keeps its history.
    /// Never onto a card that has a log. Once per content load; returns how many moved.
    pub fn reattach(&mut self, course: &Course) -> usize {
        use crate::course::normalize_question;
        let mut by_text: std::collections::HashMap<String, Vec<(QuestionId, String, String)>> =
            Default::default();
        for topic in &course.topics {
            for q in &topic.questions {
                let Some(doc) = course.documents.get(q.document) else {
                    continue;
                };
                by_text
                    .entry(normalize_question(&q.text))
                    .or_default()
                    .push((q.id.clone(), doc.title.clone(), topic.name.clone()));
            }
        }
        let orphans: Vec<(String, QuestionId)> = self
            .stores
            .iter()
            .flat_map(|(session, s)| {
                s.file
                    .cards
                    .keys()
                    .filter(|id| !course.knows(id))
                    .map(move |id| (session.clone(), id.clone()))
            })
            .collect();
        let mut moved = 0;
        for (session, old) in orphans {
            let Some(log) = self.card_log(&session, &old) else {
                continue;
            };
            let Some(candidates) = by_text.get(&normalize_question(&log.question)) else {
                continue;
            };
            let target = candidates
                .iter()
                .filter(|(id, s, _)| self.stores.contains_key(s) && self.card_log(s, id).is_none())
                .max_by_key(|(_, s, t)| (u8::from(*s == session), u8::from(*t == log.topic)))
                .cloned();
            let Some((new_id, new_session, topic)) = target else {
                continue;
            };
            let Some(mut log) = self.stores.get_mut(&session).and_then(|s| {
                s.dirty = true;
                s.edits += 1;
                s.undone.cards.insert(old.clone());
                std::sync::Arc::make_mut(&mut s.file).cards.remove(&old)
            }) else {
                continue;
            };
            log.topic = topic;
            if let Some(store) = self.stores.get_mut(&new_session) {
                std::sync::Arc::make_mut(&mut store.file)
                    .cards
                    .insert(new_id, log);
                store.dirty = true;
                store.edits += 1;
                moved += 1;
            }
        }
        moved
    }

    /// The reviews of a card, in time order (empty for a new card).
    pub fn reviews(&self, session: &str, id: &QuestionId) -> &[Review] {
        self.stores
            .get(session)
            .and_then(|s| s.file.cards.get(id))
            .map_or(&[], |c| c.reviews.as_slice())
    }

    /// Every logged card of the open sessions (also those whose question is gone).
    pub fn logs(&self) -> impl Iterator<Item = (&str, &QuestionId, &CardLog)> {
        self.stores.iter().flat_map(|(session, s)| {
            s.file
                .cards
                .iter()
                .map(move |(id, log)| (session.as_str(), id, log))
        })
    }

    /// Logs a review of a question of `session`. False when that session's log could not
    /// be opened (the review is not kept; the caller says so).
    pub fn record(
        &mut self,
        session: &str,
        id: &QuestionId,
        question: &str,
        topic: &str,
        review: Review,
    ) -> bool {
        let Some(log) = self.changed_log(session, id, question, topic) else {
            return false;
        };
        log.reviews.push(review);
        log.reviews.sort_by_key(|r| r.at);
        true
    }

    /// The log of a card about to change (made if it has none), with the question as it
    /// reads now; the session's log counts the change. `None` when that log is not open.
    fn changed_log(
        &mut self,
        session: &str,
        id: &QuestionId,
        question: &str,
        topic: &str,
    ) -> Option<&mut CardLog> {
        let store = self.stores.get_mut(session)?;
        store.dirty = true;
        store.edits += 1;
        let log = std::sync::Arc::make_mut(&mut store.file)
            .cards
            .entry(id.clone())
            .or_default();
        log.question = question.to_owned();
        log.topic = topic.to_owned();
        Some(log)
    }

    /// A card's whole log, as it is now (what an undo puts back).
    pub fn card_log(&self, session: &str, id: &QuestionId) -> Option<&CardLog> {
        self.stores.get(session)?.file.cards.get(id)
    }

    /// Undoes `review` of a card: its log becomes `before` again (none: the card had no
    /// log), byte for byte once saved; another window's copy of the review does not bring
    /// it back. False when that session's log is not open.
    pub fn undo(
        &mut self,
        session: &str,
        id: &QuestionId,
        before: Option<CardLog>,
        review: &Review,
    ) -> bool {
        let Some(store) = self.stores.get_mut(session) else {
            return false;
        };
        match before {
            Some(log) => {
                std::sync::Arc::make_mut(&mut store.file)
                    .cards
                    .insert(id.clone(), log);
            }
            None => {
                std::sync::Arc::make_mut(&mut store.file).cards.remove(id);
            }
        }
        store.undone.reviews.insert((review.at, review.rating));
        store.dirty = true;
        store.edits += 1;
        true
    }

    /// What keeps a card out of review, if anything: buried, suspended (or released).
    pub fn hold(&self, session: &str, id: &QuestionId) -> Option<&Hold> {
        self.card_log(session, id)?.hold.as_ref()
    }

    /// Buries, suspends or releases a card of `session`. False when that session's log is
    /// not open.
    pub fn set_hold(
        &mut self,
        session: &str,
        id: &QuestionId,
        question: &str,
        topic: &str,
        hold: Hold,
    ) -> bool {
        let Some(log) = self.changed_log(session, id, question, topic) else {
            return false;
        };
        log.hold = Some(hold);
        true
    }

    pub fn can_write(&self, session: &str) -> bool {
        self.stores.contains_key(session)
    }

    pub fn is_dirty(&self) -> bool {
        self.stores.values().any(|s| s.dirty)
    }

    /// Saves every session with unsaved reviews; the first failure is returned (the others
    /// stay dirty and are retried with it).
    pub fn save(&mut self) -> Result<(), StoreError> {
        let mut first = None;
        for store in self.stores.values_mut().filter(|s| s.dirty) {
            if let Err(e) = store.save(&mut self.warnings) {
                first.get_or_insert(e);
            }
        }
        first.map_or(Ok(()), Err)
    }

    /// The logs with unsaved changes, to write off the UI thread ([`PendingSave::write`]);
    /// each stays unsaved until [`Self::saved`] takes its result.
    pub fn take_saves(&self) -> Vec<PendingSave> {
        self.stores
            .iter()
            .filter(|(_, s)| s.dirty)
            .map(|(session, s)| PendingSave {
                session: session.clone(),
                path: s.path.clone(),
                file: std::sync::Arc::clone(&s.file),
                undone: s.undone.clone(),
                blocked: s.blocked.clone(),
                edits: s.edits,
            })
            .collect()
    }

    /// Takes a write's result: what another window had saved joins the log here, and the
    /// log is saved if nothing changed since the write was taken. The error, if it failed
    /// (the log stays unsaved, to be written again).
    ///
    /// Returns what is no longer needed (the log as it was, or the file as written when a
    /// change came in between: the next write merges it), for the caller to drop off the
    /// UI thread: freeing a large log costs what copying it does.
    pub fn saved(&mut self, done: SaveDone) -> Result<Option<Leftover>, StoreError> {
        self.warnings.extend(done.warnings);
        let file = done.result?;
        let Some(store) = self.stores.get_mut(&done.session) else {
            return Ok(Some(Leftover(std::sync::Arc::new(file))));
        };
        if store.edits == done.edits {
            // Nothing changed since: the file as written is the log (what was here and
            // what another window had added), taken without a merge.
            store.dirty = false;
            let old = std::mem::replace(&mut store.file, std::sync::Arc::new(file));
            return Ok(Some(Leftover(old)));
        }
        // Changed since: still unsaved; the next write merges the disk again.
        Ok(Some(Leftover(std::sync::Arc::new(file))))
    }

    /// Warnings found while saving (a file that turned corrupt under us). Drains them.
    pub fn take_warnings(&mut self) -> Vec<StoreWarning> {
        std::mem::take(&mut self.warnings)
    }
}
