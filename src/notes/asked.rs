//! 다음 수업에 물어보기: the questions a student keeps for the next class, in one file of the
//! data folder (`asked.json`) with the notes' guarantees (atomic writes, `.bak`, a corrupt
//! file moved aside, two windows merged per question, the newest edit winning). Each is
//! matched against the course as it is: once a session asks the same question (the same
//! words but for spacing, punctuation and the question's ending, or close enough by the
//! search's Korean-aware terms), it links there, and says so when it is answered.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{DataDir, DataFile, StoreError, StoreWarning, open_data, save_data};
use crate::course::{Course, normalize_question};

pub const ASKED_SCHEMA: u32 = 1;

/// One question for the next class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub id: String,
    pub topic: String,
    pub text: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// Taken back (kept, so that another window's copy does not bring it back).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AskedFile {
    pub schema: u32,
    #[serde(default)]
    pub questions: Vec<Asked>,
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl DataFile for AskedFile {
    const SCHEMA: u32 = ASKED_SCHEMA;
    fn schema(&self) -> u32 {
        self.schema
    }
}

impl AskedFile {
    /// Another generation of the file (another window's save): per question, the newest.
    fn merge(&mut self, other: AskedFile) {
        let mut by_id: BTreeMap<String, Asked> = self
            .questions
            .drain(..)
            .map(|q| (q.id.clone(), q))
            .collect();
        for q in other.questions {
            match by_id.get(&q.id) {
                Some(mine) if mine.updated >= q.updated => {}
                _ => {
                    by_id.insert(q.id.clone(), q);
                }
            }
        }
        for (k, v) in other.unknown {
            self.unknown.entry(k).or_insert(v);
        }
        self.questions = by_id.into_values().collect();
        self.questions.sort_by_key(|q| q.created);
    }
}

/// The questions for the next class, and their file.
#[derive(Debug)]
pub struct AskedBook {
    path: PathBuf,
    file: AskedFile,
    dirty: bool,
    blocked: Option<String>,
}

impl AskedBook {
    /// Opens `asked.json` of the data folder (none yet: empty).
    pub fn open(dir: &DataDir) -> Result<(Self, Vec<StoreWarning>), StoreError> {
        let path = dir.asked();
        let opened = open_data::<AskedFile>(&path)?;
        let mut file = AskedFile {
            schema: ASKED_SCHEMA,
            ..Default::default()
        };
        if let Some(found) = opened.file {
            file.merge(found);
        }
        Ok((
            Self {
                path,
                file,
                dirty: opened.from_backup,
                blocked: opened.blocked,
            },
            opened.warnings,
        ))
    }

    /// A book that keeps nothing (its file could not be opened).
    pub fn unavailable(dir: &DataDir, why: String) -> Self {
        Self {
            path: dir.asked(),
            file: AskedFile::default(),
            dirty: false,
            blocked: Some(why),
        }
    }

    /// The questions kept, oldest first.
    pub fn questions(&self) -> impl Iterator<Item = &Asked> {
        self.file.questions.iter().filter(|q| !q.removed)
    }

    pub fn len(&self) -> usize {
        self.questions().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps a new question for the next class; its id.
    pub fn add(&mut self, topic: &str, text: &str, now: Timestamp) -> String {
        // Unique across windows and within one: the time, this process, how many it holds.
        let id = format!(
            "a{}-{}-{}",
            now.as_millisecond(),
            std::process::id(),
            self.file.questions.len()
        );
        self.file.questions.push(Asked {
            id: id.clone(),
            topic: topic.to_owned(),
            text: text.trim().to_owned(),
            created: now,
            updated: now,
            removed: false,
            unknown: Default::default(),
        });
        self.dirty = true;
        id
    }

    /// Takes a question back.
    pub fn remove(&mut self, id: &str, now: Timestamp) {
        if let Some(q) = self.file.questions.iter_mut().find(|q| q.id == id) {
            q.removed = true;
            q.updated = now;
            self.dirty = true;
        }
    }

    /// Saves (atomic, `.bak`, merged with another window's file under its lock).
    pub fn save(&mut self) -> Result<(), StoreError> {
        if !self.dirty {
            return Ok(());
        }
        if let Some(why) = &self.blocked {
            return Err(StoreError::Parse {
                path: self.path.clone(),
                message: why.clone(),
            });
        }
        let mut warnings = Vec::new();
        let path = self.path.clone();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        save_data(&path, &mut warnings, |disk: Option<AskedFile>| {
            if let Some(disk) = disk {
                self.file.merge(disk);
            }
            self.file.schema = ASKED_SCHEMA;
            self.file.clone()
        })?;
        self.dirty = false;
        Ok(())
    }
}

/// The question of `course` that asks the same as `asked`, if a session has it: (topic,
/// question).
pub fn asked_in(asked: &Asked, course: &Course) -> Option<(usize, usize)> {
    let key = question_key(&asked.text);
    let terms = term_set(&asked.text);
    let mut best: Option<(f32, (usize, usize))> = None;
    for (t, topic) in course.topics.iter().enumerate() {
        for (q, question) in topic.questions.iter().enumerate() {
            if question_key(&question.text) == key {
                return Some((t, q));
            }
            let score = jaccard(&terms, &term_set(&question.text));
            if score >= SIMILAR && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, (t, q)));
            }
        }
    }
    best.map(|(_, place)| place)
}

/// Two questions whose terms overlap this much ask the same thing.
const SIMILAR: f32 = 0.75;

/// Korean question endings: "…나요?" and "…인가요?" ask the same.
const ENDINGS: &[&str] = &[
    "는건가요",
    "인건가요",
    "건가요",
    "는가요",
    "인가요",
    "나요",
    "가요",
    "까요",
    "습니까",
    "입니까",
    "니까",
    "는지요",
    "지요",
    "죠",
    "요",
];

/// A question's words without spacing, punctuation and its ending.
pub fn question_key(text: &str) -> String {
    let mut key: String = normalize_question(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if let Some(ending) = ENDINGS.iter().find(|e| key.ends_with(*e)) {
        key.truncate(key.len() - ending.len());
    }
    key
}

fn term_set(text: &str) -> std::collections::BTreeSet<String> {
    crate::course::terms::terms(text).into_iter().collect()
}

fn jaccard(a: &std::collections::BTreeSet<String>, b: &std::collections::BTreeSet<String>) -> f32 {
    if a.len() < 3 || b.len() < 3 {
        return 0.0;
    }
    let common = a.intersection(b).count();
    common as f32 / (a.len() + b.len() - common) as f32
}

/// The questions as markdown bullets in the session format, under their topics: ready to
/// hand to the instructor (or to paste into a session file).
pub fn as_markdown<'a>(questions: impl Iterator<Item = &'a Asked>) -> String {
    let mut by_topic: Vec<(&str, Vec<&str>)> = Vec::new();
    for q in questions {
        match by_topic.iter_mut().find(|(t, _)| *t == q.topic) {
            Some((_, list)) => list.push(&q.text),
            None => by_topic.push((&q.topic, vec![&q.text])),
        }
    }
    let mut out = String::new();
    for (topic, list) in by_topic {
        if !out.is_empty() {
            out.push('\n');
        }
        if !topic.is_empty() {
            out.push_str(&format!("## {topic}\n\n"));
        }
        for text in list {
            let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(&format!("- {one_line}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
