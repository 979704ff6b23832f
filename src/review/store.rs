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
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl ReviewFile {
    /// Takes in another generation of the same file (another window's save): the union of
    /// both logs, card by card. Returns whether anything was new.
    pub fn merge(&mut self, other: ReviewFile) -> bool {
        let mut changed = false;
        for (key, value) in other.unknown {
            self.unknown.entry(key).or_insert(value);
        }
        for (id, theirs) in other.cards {
            let ours = self.cards.entry(id).or_default();
            if ours.question.is_empty() {
                ours.question = theirs.question;
                ours.topic = theirs.topic;
            }
            for (key, value) in theirs.unknown {
                ours.unknown.entry(key).or_insert(value);
            }
            for review in theirs.reviews {
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
        changed
    }
}

/// One session's log in memory, and its file.
#[derive(Debug)]
struct ReviewStore {
    path: PathBuf,
    file: ReviewFile,
    dirty: bool,
    /// The file could not be read nor moved aside: nothing replaces it.
    blocked: Option<String>,
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
            file,
            dirty: opened.from_backup,
            blocked: opened.blocked,
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
                self.file.merge(disk);
            }
            self.file.schema = REVIEW_SCHEMA;
            self.file.clone()
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
        let Some(store) = self.stores.get_mut(session) else {
            return false;
        };
        let log = store.file.cards.entry(id.clone()).or_default();
        log.question = question.to_owned();
        log.topic = topic.to_owned();
        log.reviews.push(review);
        log.reviews.sort_by_key(|r| r.at);
        store.dirty = true;
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

    /// Warnings found while saving (a file that turned corrupt under us). Drains them.
    pub fn take_warnings(&mut self) -> Vec<StoreWarning> {
        std::mem::take(&mut self.warnings)
    }
}
