//! 내 질문: my questions for the next class, under the notes panel: each with where it
//! stands (not asked yet, asked in a session, answered there: "답변이 달렸어요"), a box to
//! write a new one on a topic (다음 수업에 물어보기), and their export as bullets in the
//! session format (clipboard or file), ready to hand to the instructor.

use egui::RichText;

use super::theme;
use crate::i18n::Lang;

/// Where a question for the next class stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AskedStatus {
    /// No session asks it yet.
    Waiting,
    /// A session asks it: (topic, question); `answered` once it has an answer there.
    InSession {
        topic: usize,
        question: usize,
        answered: bool,
    },
}

pub struct AskedRow<'a> {
    pub id: &'a str,
    pub topic: &'a str,
    pub text: &'a str,
    pub status: AskedStatus,
}

pub struct AskedInput<'a> {
    pub lang: Lang,
    pub rows: Vec<AskedRow<'a>>,
    /// The topics a new question can be on, and the one selected now.
    pub topics: Vec<&'a str>,
    pub selected_topic: &'a str,
    /// False when the file could not be opened: nothing typed could be kept.
    pub editable: bool,
}

/// What is being written.
#[derive(Default)]
pub struct AskedPanel {
    /// The new question's topic and text, while its box is open.
    draft: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AskedAction {
    Add {
        topic: String,
        text: String,
    },
    Remove(String),
    /// The session's question it was asked as: open its card.
    Open {
        topic: usize,
        question: usize,
    },
    /// The list as markdown bullets: to the clipboard, or to a file.
    Copy,
    Export,
}

pub fn asked_ui(
    ui: &mut egui::Ui,
    panel: &mut AskedPanel,
    input: &AskedInput<'_>,
) -> Option<AskedAction> {
    let lang = input.lang;
    let mut action = None;
    ui.separator();
    let title = lang.my_questions(input.rows.len());
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("asked")
        .default_open(true)
        .show(ui, |ui| {
            match panel.draft.as_mut() {
                Some((topic, text)) => {
                    if let Some(a) = draft_ui(ui, lang, input, topic, text) {
                        action = a;
                        panel.draft = None;
                    }
                }
                None => {
                    if ui
                        .add_enabled(input.editable, egui::Button::new(lang.ask_next_class()))
                        .on_hover_text(lang.ask_next_class_help())
                        .clicked()
                    {
                        panel.draft = Some((input.selected_topic.to_owned(), String::new()));
                    }
                }
            }
            for row in &input.rows {
                if let Some(a) = row_ui(ui, lang, row) {
                    action = Some(a);
                }
            }
            if !input.rows.is_empty() {
                ui.horizontal(|ui| {
                    if ui.small_button(lang.copy_my_questions()).clicked() {
                        action = Some(AskedAction::Copy);
                    }
                    if ui.small_button(lang.export_my_questions()).clicked() {
                        action = Some(AskedAction::Export);
                    }
                });
            }
        });
    action
}

/// The box of a new question: its topic, its text, 저장 and 취소. `Some`: closed (with what
/// to do: `None` inside when cancelled).
fn draft_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    input: &AskedInput<'_>,
    topic: &mut String,
    text: &mut String,
) -> Option<Option<AskedAction>> {
    egui::ComboBox::from_label(lang.ask_topic())
        .selected_text(topic.as_str())
        .show_ui(ui, |ui| {
            for t in &input.topics {
                ui.selectable_value(topic, (*t).to_owned(), *t);
            }
        });
    let label = ui.label(RichText::new(lang.ask_next_class()).small());
    let response = ui
        .add(
            egui::TextEdit::multiline(text)
                // A stable id: the editor keeps its cursor and the syllable being composed
                // from frame to frame.
                .id_salt("asked_draft")
                .lock_focus(true)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(lang.ask_hint()),
        )
        .labelled_by(label.id);
    super::ime::track(ui.ctx(), &response);
    let mut closed = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!text.trim().is_empty(), egui::Button::new(lang.ask_save()))
            .clicked()
        {
            closed = Some(Some(AskedAction::Add {
                topic: topic.clone(),
                text: text.clone(),
            }));
        }
        if ui.button(lang.ask_cancel()).clicked() {
            closed = Some(None);
        }
    });
    closed
}

fn row_ui(ui: &mut egui::Ui, lang: Lang, row: &AskedRow<'_>) -> Option<AskedAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if !row.topic.is_empty() {
            ui.label(RichText::new(row.topic).small().weak());
        }
        ui.label(row.text);
        match row.status {
            AskedStatus::Waiting => {
                ui.label(RichText::new(lang.asked_waiting()).small().weak());
            }
            AskedStatus::InSession {
                topic,
                question,
                answered,
            } => {
                let (text, color) = if answered {
                    (lang.asked_answered(), theme::answered_color(ui.visuals()))
                } else {
                    (lang.asked_in_session(), theme::open_color(ui.visuals()))
                };
                if ui
                    .link(RichText::new(text).color(color))
                    .on_hover_text(lang.open_related())
                    .clicked()
                {
                    action = Some(AskedAction::Open { topic, question });
                }
            }
        }
        let remove = ui.small_button("✕").on_hover_text(lang.asked_remove());
        super::widgets::name_glyph_button(&remove, "✕", lang.asked_remove());
        if remove.clicked() {
            action = Some(AskedAction::Remove(row.id.to_owned()));
        }
    });
    action
}
