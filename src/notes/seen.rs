//! What the student has seen of each question, across runs, to tell what is new since the
//! last look: a question added, an open question the instructor answered, an answer that
//! changed. One small file (`seen.json`) in the data folder, apart from the notes: it holds
//! no words of the student's. Written like the notes (atomic, a corrupt file moved aside).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{DataDir, StoreError, StoreWarning, corrupt_path, write_atomic};
use crate::course::ReadRefusal;
use crate::course::{Course, Question, QuestionId, fingerprint};

const SEEN_SCHEMA: u32 = 1;

/// How a question looked when its card was last on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glimpse {
    pub open: bool,
    /// A fingerprint of the instructor's answer as it was.
    pub answer: u64,
}

impl Glimpse {
    pub fn of(q: &Question) -> Self {
        Self {
            open: q.is_open(),
            answer: if q.is_open() {
                0
            } else {
                fingerprint(&q.answer)
            },
        }
    }
}

/// What is new about a question since the student last saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NewsKind {
    /// The question was not there.
    Question,
    /// It was open; the instructor answered it.
    Answer,
    /// Its answer changed.
    AnswerChanged,
}

/// What is new, per question.
pub type News = HashMap<QuestionId, NewsKind>;

#[derive(Debug, Default, Serialize, Deserialize)]
struct SeenFile {
    schema: u32,
    questions: BTreeMap<QuestionId, Glimpse>,
}

/// The seen state, in memory, and its file.
#[derive(Debug)]
pub struct Seen {
    path: PathBuf,
    questions: BTreeMap<QuestionId, Glimpse>,
    dirty: bool,
}

impl Seen {
    /// The seen state kept in `dir`. A file that cannot be read is moved aside (said in the
    /// warning) and the state starts empty: nothing is new until questions are seen.
    pub fn open(dir: &DataDir) -> (Self, Option<StoreWarning>) {
        let path = dir.seen();
        let mut seen = Self {
            path,
            questions: BTreeMap::new(),
            dirty: false,
        };
        let bytes = match crate::course::read_regular_file(&seen.path, super::MAX_DATA_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadRefusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return (seen, None);
            }
            Err(refusal) => {
                let reason = StoreError::refused(&seen.path, refusal).to_string();
                return seen.set_aside(reason);
            }
        };
        match serde_json::from_slice::<SeenFile>(&bytes) {
            Ok(file) if file.schema <= SEEN_SCHEMA => {
                seen.questions = file.questions;
                (seen, None)
            }
            Ok(file) => seen.set_aside(format!("schema {} is newer than this app's", file.schema)),
            Err(e) => seen.set_aside(e.to_string()),
        }
    }

    /// Moves an unreadable file aside; the warning says where and why.
    fn set_aside(self, reason: String) -> (Self, Option<StoreWarning>) {
        let moved_to = corrupt_path(&self.path);
        let warning = match fs::rename(&self.path, &moved_to) {
            Ok(()) => StoreWarning::MovedAside {
                file: self.path.clone(),
                moved_to,
                restored_from: None,
                reason,
            },
            Err(e) => StoreWarning::MovedAside {
                file: self.path.clone(),
                moved_to: self.path.clone(),
                restored_from: None,
                reason: format!("{reason}; moving it aside failed: {e}"),
            },
        };
        (self, Some(warning))
    }

    /// What is new in `course` since its questions were last seen. A course none of whose
    /// questions was ever seen is taken as it is (the first look is not news): all of it
    /// is marked seen. Once per load and reload.
    pub fn news(&mut self, course: &Course) -> News {
        let questions = || course.topics.iter().flat_map(|t| &t.questions);
        if !questions().any(|q| self.questions.contains_key(&q.id)) {
            for q in questions() {
                self.mark(q);
            }
            return News::new();
        }
        questions()
            .filter_map(|q| {
                let kind = match self.questions.get(&q.id) {
                    None => NewsKind::Question,
                    Some(was) if was.open && !q.is_open() => NewsKind::Answer,
                    Some(was) if !was.open && was.answer != Glimpse::of(q).answer => {
                        NewsKind::AnswerChanged
                    }
                    Some(_) => return None,
                };
                Some((q.id.clone(), kind))
            })
            .collect()
    }

    /// The question's card was on screen: remember it as it is now. Cheap; true when that
    /// changed what is remembered.
    pub fn mark(&mut self, q: &Question) -> bool {
        let glimpse = Glimpse::of(q);
        if self.questions.get(&q.id) == Some(&glimpse) {
            return false;
        }
        self.questions.insert(q.id.clone(), glimpse);
        self.dirty = true;
        true
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Writes the file (atomically) if anything changed.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if !self.dirty {
            return Ok(());
        }
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let file = SeenFile {
            schema: SEEN_SCHEMA,
            questions: self.questions.clone(),
        };
        let json = serde_json::to_string(&file).map_err(|e| StoreError::Parse {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        write_atomic(&self.path, json.as_bytes())?;
        self.dirty = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{ImageBase, load_sources};

    const SEED: &str = include_str!("../../content/msp-t3-23-5.md");
    const SESSION_6: &str = include_str!("../../tests/fixtures/sessions/msp-t3-23-6.md");

    fn course(files: &[&str]) -> Course {
        let sources: Vec<(String, String)> = files
            .iter()
            .enumerate()
            .map(|(i, t)| (i.to_string(), (*t).to_owned()))
            .collect();
        load_sources("c", &sources, &ImageBase::None)
    }

    fn kinds(news: &News, course: &Course) -> Vec<(String, NewsKind)> {
        let mut out: Vec<(String, NewsKind)> = course
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .filter_map(|q| Some((q.text.clone(), *news.get(&q.id)?)))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_first_look_is_not_news_but_what_came_after_is() {
        let dir = tempfile::tempdir().expect("tempdir");
        let week5 = course(&[SEED]);
        let (mut seen, warning) = Seen::open(&crate::notes::DataDir::at(dir.path()));
        assert!(warning.is_none());
        assert!(seen.news(&week5).is_empty());
        seen.save().expect("save");

        // Next run: the instructor answered digest, changed an answer, and a session came.
        let edited = SEED
            .replace(
                "- digest는 뭔가요?\n  - ...\n",
                "- digest는 뭔가요?\n  - 이미지 내용의 해시입니다.\n",
            )
            .replace(
                "  - L2 통신을 지원합니다.",
                "  - L2 통신을 지원합니다 (bridge).",
            );
        let later = course(&[&edited, SESSION_6]);
        let (mut seen, _) = Seen::open(&crate::notes::DataDir::at(dir.path()));
        let news = seen.news(&later);
        assert_eq!(news.len(), 2 + 8, "{:?}", kinds(&news, &later));
        let k = kinds(&news, &later);
        assert!(k.contains(&("digest는 뭔가요?".into(), NewsKind::Answer)));
        assert!(k.contains(&(
            "Docker network의 bridge유형이 L4랑 비슷한 개념일까요?".into(),
            NewsKind::AnswerChanged
        )));
        assert!(k.contains(&(
            "Pod와 컨테이너는 어떤 관계인가요?".into(),
            NewsKind::Question
        )));

        // Seen once, not news the run after.
        for q in later.topics.iter().flat_map(|t| &t.questions) {
            seen.mark(q);
        }
        seen.save().expect("save");
        let (mut seen, _) = Seen::open(&crate::notes::DataDir::at(dir.path()));
        assert!(seen.news(&later).is_empty());
    }

    #[test]
    fn an_unreadable_file_is_moved_aside_and_said() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("seen.json"), b"{ broken").expect("write");
        let (seen, warning) = Seen::open(&crate::notes::DataDir::at(dir.path()));
        let Some(StoreWarning::MovedAside { moved_to, .. }) = warning else {
            panic!("no warning");
        };
        assert_eq!(fs::read(&moved_to).expect("kept"), b"{ broken");
        assert!(!seen.is_dirty());
    }
}
