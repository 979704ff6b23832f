//! 내 질문 in the app: the book of my questions for the next class, where each stands
//! (found once per load and after each change, never per frame), and what the panel asks.

use super::{Action, StudyApp};
use crate::notes::DataDir;
use crate::notes::asked::{AskedBook, asked_in};
use crate::notice::{Notice, Notices};
use crate::ui::asked::{AskedAction, AskedInput, AskedPanel, AskedRow, AskedStatus, asked_ui};

/// My questions, where each stands, and the panel's draft.
pub(super) struct Asked {
    pub book: AskedBook,
    status: Vec<AskedStatus>,
    panel: AskedPanel,
}

impl Asked {
    /// Opens the book of the data folder; a file that cannot be opened is said, and nothing
    /// typed is kept until it can.
    pub(super) fn open(dir: &DataDir, notices: &mut Notices) -> Self {
        let book = match AskedBook::open(dir) {
            Ok((book, warnings)) => {
                for w in warnings {
                    notices.push(Notice::from(w));
                }
                book
            }
            Err(e) => {
                notices.push(Notice::NotesError(e.to_string()));
                AskedBook::unavailable(dir, e.to_string())
            }
        };
        Self {
            book,
            status: Vec::new(),
            panel: AskedPanel::default(),
        }
    }
}

impl StudyApp {
    /// Where each of my questions stands in the course as it is now. Once per load and
    /// after a change.
    pub(super) fn refresh_asked(&mut self) {
        let course = &self.course;
        self.asked.status = self
            .asked
            .book
            .questions()
            .map(|q| match asked_in(q, course) {
                Some((topic, question)) => AskedStatus::InSession {
                    topic,
                    question,
                    answered: !course.topics[topic].questions[question].is_open(),
                },
                None => AskedStatus::Waiting,
            })
            .collect();
    }

    /// The list under the notes panel; what it asked for joins the queue.
    pub(super) fn asked_panel_ui(&mut self, ui: &mut egui::Ui) {
        let topics: Vec<&str> = self.course.topics.iter().map(|t| t.name.as_str()).collect();
        let selected = topics.get(self.selection.topic).copied().unwrap_or("");
        let rows = self
            .asked
            .book
            .questions()
            .zip(
                self.asked
                    .status
                    .iter()
                    .chain(std::iter::repeat(&AskedStatus::Waiting)),
            )
            .map(|(q, status)| AskedRow {
                id: &q.id,
                topic: &q.topic,
                text: &q.text,
                status: *status,
            })
            .collect();
        let input = AskedInput {
            lang: self.state.lang,
            rows,
            topics: topics.clone(),
            selected_topic: selected,
            editable: true,
        };
        if let Some(a) = asked_ui(ui, &mut self.asked.panel, &input) {
            self.actions.push(Action::Asked(a));
        }
    }

    /// Applies what the list asked for.
    pub(super) fn asked_action(&mut self, ctx: &egui::Context, action: AskedAction) {
        let now = jiff::Timestamp::now();
        match action {
            AskedAction::Add { topic, text } => {
                self.asked.book.add(&topic, &text, now);
                self.save_asked();
            }
            AskedAction::Remove(id) => {
                self.asked.book.remove(&id, now);
                self.save_asked();
            }
            AskedAction::Open { topic, question } => self.push(Action::Select {
                topic,
                question: Some(question),
                scroll_cards: true,
            }),
            AskedAction::Copy => {
                let text = crate::notes::asked::as_markdown(self.asked.book.questions());
                ctx.copy_text(text);
            }
            AskedAction::Export => self.push(Action::Command(crate::command::Command::File(
                crate::command::FileCommand::Export(crate::export::Format::MyQuestions),
            ))),
        }
    }

    /// Saves my questions at once (a question is a few words: no journal needed), and says
    /// a failure until a save succeeds.
    fn save_asked(&mut self) {
        match self.asked.book.save() {
            Ok(()) => self
                .notices
                .clear(|n| matches!(n, Notice::AskedNotSaved(_))),
            Err(e) => {
                self.notices
                    .clear(|n| matches!(n, Notice::AskedNotSaved(_)));
                self.notices.push(Notice::AskedNotSaved(e.to_string()));
            }
        }
        self.refresh_asked();
    }
}
