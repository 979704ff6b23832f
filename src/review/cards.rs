//! Which questions are cards: every answered question, and every open question I answered
//! (my answer on the back). An open question with no answer is not a card yet.

use serde::{Deserialize, Serialize};

use super::answer_fingerprint;
use crate::course::{Course, QuestionId};
use crate::notes::Notebook;

/// What a review session takes its cards from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// The whole course.
    #[default]
    Course,
    /// One topic, by name.
    Topic(String),
    /// One class session, by title.
    Session(String),
    /// Bookmarked (★) questions only.
    Bookmarked,
}

/// One card: a question with an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub id: QuestionId,
    /// Where the question is in the course.
    pub topic: usize,
    pub question: usize,
    /// The session's title (the review file it is logged in).
    pub session: String,
    /// The back is my own answer (the question is open in the notes).
    pub mine: bool,
    /// Fingerprint of the answer on the back.
    pub answer: String,
}

/// The cards of `scope`, in course order, and how many open questions in it have no
/// answer yet (they become cards when answered).
pub fn cards_in(course: &Course, notes: &Notebook, scope: &Scope) -> (Vec<Card>, usize) {
    let mut cards = Vec::new();
    let mut unanswered = 0;
    for (ti, topic) in course.topics.iter().enumerate() {
        if let Scope::Topic(name) = scope
            && &topic.name != name
        {
            continue;
        }
        for (qi, q) in topic.questions.iter().enumerate() {
            let Some(doc) = course.documents.get(q.document) else {
                continue;
            };
            match scope {
                Scope::Session(title) if &doc.title != title => continue,
                Scope::Bookmarked if !notes.is_bookmarked(&q.id) => continue,
                _ => {}
            }
            let (mine, answer) = if q.is_open() {
                match notes.text(&q.id) {
                    Some(text) => (true, text),
                    None => {
                        unanswered += 1;
                        continue;
                    }
                }
            } else {
                (false, q.answer.as_str())
            };
            cards.push(Card {
                id: q.id.clone(),
                topic: ti,
                question: qi,
                session: doc.title.clone(),
                mine,
                answer: answer_fingerprint(answer),
            });
        }
    }
    (cards, unanswered)
}
