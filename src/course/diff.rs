//! What changed between two loads of a course, per session: for the notice after a reload
//! ("23-6차 추가 · 질문 8개 · 열린 질문 3개", "23-5차: 답변 2개 추가").

use std::collections::HashMap;

use super::{Course, Question};

/// The change of one session between two loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionChange {
    /// A session file appeared.
    Added {
        session: String,
        questions: usize,
        open: usize,
    },
    /// A session file went away (its notes stay, as orphans).
    Removed { session: String, questions: usize },
    /// A session was edited.
    Edited { session: String, edits: Edits },
}

/// What an edit of a session did to its questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    pub questions_added: usize,
    pub questions_removed: usize,
    /// Open questions that now have the instructor's answer.
    pub answered: usize,
    /// Answers that changed.
    pub answers_changed: usize,
}

impl Edits {
    pub fn is_empty(&self) -> bool {
        *self == Edits::default()
    }
}

/// The questions of `course` by session title, each with its id.
fn by_session(course: &Course) -> HashMap<&str, Vec<&Question>> {
    let mut sessions: HashMap<&str, Vec<&Question>> = course
        .documents
        .iter()
        .map(|d| (d.title.as_str(), Vec::new()))
        .collect();
    for q in course.topics.iter().flat_map(|t| &t.questions) {
        if let Some(doc) = course.documents.get(q.document) {
            sessions.entry(doc.title.as_str()).or_default().push(q);
        }
    }
    sessions
}

/// The short label of a session ("23-6차" of "MSP T3 - 23-6차").
fn label(course: &Course, title: &str) -> String {
    course
        .documents
        .iter()
        .find(|d| d.title == title)
        .map_or(title, super::Document::short_label)
        .to_owned()
}

/// The sessions that changed from `old` to `new`, in the order of `new`'s documents (then
/// the removed ones). Questions are matched by id; an edit that changes a question's text
/// counts as one removed and one added.
pub fn changes(old: &Course, new: &Course) -> Vec<SessionChange> {
    let before = by_session(old);
    let after = by_session(new);
    let mut out = Vec::new();
    for doc in &new.documents {
        let title = doc.title.as_str();
        let now = after.get(title).map_or(&[][..], Vec::as_slice);
        let Some(was) = before.get(title) else {
            out.push(SessionChange::Added {
                session: doc.short_label().to_owned(),
                questions: now.len(),
                open: now.iter().filter(|q| q.is_open()).count(),
            });
            continue;
        };
        let was: HashMap<_, _> = was.iter().map(|q| (&q.id, *q)).collect();
        let mut edits = Edits::default();
        for q in now {
            match was.get(&q.id) {
                None => edits.questions_added += 1,
                Some(w) if w.is_open() && !q.is_open() => edits.answered += 1,
                Some(w) if !w.is_open() && !q.is_open() && w.answer != q.answer => {
                    edits.answers_changed += 1;
                }
                Some(_) => {}
            }
        }
        let ids: std::collections::HashSet<_> = now.iter().map(|q| &q.id).collect();
        edits.questions_removed = was.keys().filter(|id| !ids.contains(*id)).count();
        if !edits.is_empty() {
            out.push(SessionChange::Edited {
                session: doc.short_label().to_owned(),
                edits,
            });
        }
    }
    for doc in &old.documents {
        if !after.contains_key(doc.title.as_str()) {
            out.push(SessionChange::Removed {
                session: label(old, &doc.title),
                questions: before.get(doc.title.as_str()).map_or(0, Vec::len),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{ImageBase, load_sources};

    const SEED: &str = include_str!("../../content/msp-t3-23-5.md");
    const SESSION_6: &str = include_str!("../../tests/fixtures/sessions/msp-t3-23-6.md");

    fn course(files: &[(&str, &str)]) -> Course {
        let sources: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        load_sources("c", &sources, &ImageBase::None)
    }

    #[test]
    fn a_new_session_is_counted_with_its_open_questions() {
        let old = course(&[("5", SEED)]);
        let new = course(&[("5", SEED), ("6", SESSION_6)]);
        assert_eq!(
            changes(&old, &new),
            [SessionChange::Added {
                session: "23-6차".into(),
                questions: 8,
                open: 4
            }]
        );
        assert_eq!(
            changes(&new, &old),
            [SessionChange::Removed {
                session: "23-6차".into(),
                questions: 8
            }]
        );
        assert!(changes(&new, &new).is_empty());
    }

    #[test]
    fn an_instructors_edit_answers_open_questions_and_changes_answers() {
        let old = course(&[("5", SEED)]);
        let edited = SEED
            .replace(
                "- digest는 뭔가요?\n  - ...\n",
                "- digest는 뭔가요?\n  - 이미지 내용의 sha256 해시입니다.\n",
            )
            .replace(
                "- tag와 label의 차이는 뭔가요?\n",
                "- tag와 label의 차이는 뭔가요?\n  - tag는 이미지 이름의 일부, label은 메타데이터입니다.\n",
            )
            .replace("  - L2 통신을 지원합니다.", "  - L2 통신을 지원합니다 (bridge).")
            .replace(
                "- COPY는 storage(volume, bind mount 등)와는 어떤 관련이 있나요?\n",
                "- COPY는 storage(volume, bind mount 등)와는 어떤 관련이 있나요?\n\n- ENTRYPOINT는 무엇인가요?\n",
            );
        let new = course(&[("5", &edited)]);
        assert_eq!(
            changes(&old, &new),
            [SessionChange::Edited {
                session: "23-5차".into(),
                edits: Edits {
                    questions_added: 1,
                    questions_removed: 0,
                    answered: 2,
                    answers_changed: 1,
                }
            }]
        );
    }
}
