//! The right panel, "내 답변": my answer to the selected question, edited or previewed.
//! The panel edits a buffer; the app hands edits to the store and saves.

use egui::RichText;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::i18n::Lang;
use super::theme;
use crate::course::Question;
use crate::notes::Note;

/// How the save state reads in the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing to save yet in this session.
    Idle,
    /// Saved, at egui time `at` (seconds) and wall-clock `clock` ("14:03:12").
    Saved { at: f64, clock: String },
    /// Edits wait for the autosave.
    Pending,
    /// The last save failed; shown in red until a save succeeds.
    Failed(String),
}

/// Runtime state of the panel; nothing here is persisted (the text lives in the store).
#[derive(Default)]
pub struct NotesPanel {
    pub preview: bool,
    cache: CommonMarkCache,
}

/// What the user did in the panel this frame.
pub enum NotesAction {
    /// The text changed (already applied to `buffer`).
    Edited,
    ToggleBookmark,
}

/// Shows the panel for `question` with my `buffer`. `note` is the stored note (bookmark).
#[allow(clippy::too_many_arguments)]
pub fn notes_panel_ui(
    ui: &mut egui::Ui,
    panel: &mut NotesPanel,
    lang: Lang,
    question: Option<&Question>,
    note: Option<&Note>,
    buffer: &mut String,
    save: &SaveState,
    data_path: &str,
    editable: bool,
) -> Option<NotesAction> {
    let s = lang.strings();
    let heading = ui.heading(s.my_answer);
    let Some(q) = question else {
        ui.add_space(8.0);
        ui.label(RichText::new(s.pick_a_question).weak());
        return None;
    };
    let mut action = None;
    ui.label(RichText::new(&q.text).strong());
    ui.add_space(4.0);
    if q.is_open() && buffer.trim().is_empty() {
        ui.label(RichText::new(s.invite_answer).color(theme::open_color(ui.visuals())));
    }
    ui.horizontal(|ui| {
        ui.selectable_value(&mut panel.preview, false, s.edit);
        ui.selectable_value(&mut panel.preview, true, s.preview);
        ui.separator();
        let bookmarked = note.is_some_and(|n| n.bookmarked);
        let (icon, tip) = if bookmarked {
            ("★", s.unbookmark)
        } else {
            ("☆", s.bookmark)
        };
        if ui
            .selectable_label(bookmarked, format!("{icon} {}", s.bookmark_short))
            .on_hover_text(tip)
            .clicked()
        {
            action = Some(NotesAction::ToggleBookmark);
        }
    });
    ui.add_space(4.0);
    save_state_ui(ui, lang, save);
    ui.add_space(4.0);

    let available = ui.available_height() - 40.0;
    if panel.preview {
        egui::ScrollArea::vertical()
            .id_salt("notes_preview")
            .max_height(available.max(80.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if buffer.trim().is_empty() {
                    ui.label(RichText::new(s.nothing_yet).italics().weak());
                } else {
                    CommonMarkViewer::new().show(ui, &mut panel.cache, buffer);
                }
            });
    } else {
        egui::ScrollArea::vertical()
            .id_salt("notes_editor")
            .max_height(available.max(80.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let response = ui.add_enabled(
                    editable,
                    egui::TextEdit::multiline(buffer)
                        .id_salt("my_answer_editor")
                        .hint_text(s.answer_hint)
                        .desired_width(f32::INFINITY)
                        .desired_rows(12)
                        .lock_focus(true),
                );
                let response = response.labelled_by(heading.id);
                if response.changed() {
                    action = Some(NotesAction::Edited);
                }
            });
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!("{} {data_path}", s.saved_in))
            .small()
            .weak(),
    )
    .on_hover_text(data_path);
    action
}

impl SaveState {
    /// One line without "N초 전" (which would need a repaint a second): for the slides.
    pub fn text(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            SaveState::Idle => s.not_edited.to_owned(),
            SaveState::Saved { clock, .. } => lang.saved_at(clock),
            SaveState::Pending => s.saving.to_owned(),
            SaveState::Failed(e) => format!("⚠ {} — {e}", s.save_failed),
        }
    }
}

fn save_state_ui(ui: &mut egui::Ui, lang: Lang, save: &SaveState) {
    let s = lang.strings();
    let now = ui.input(|i| i.time);
    match save {
        SaveState::Idle => {
            ui.label(RichText::new(s.not_edited).small().weak());
        }
        SaveState::Saved { at, clock } => {
            let ago = (now - at).max(0.0) as u64;
            // "3초 전" for ten seconds (a repaint a second), then the clock time, which
            // needs no repaints: the idle window stays idle.
            let text = if ago < 10 {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs(1));
                lang.saved_ago(ago)
            } else {
                lang.saved_at(clock)
            };
            ui.label(
                RichText::new(text)
                    .small()
                    .color(theme::answered_color(ui.visuals())),
            );
        }
        SaveState::Pending => {
            ui.label(RichText::new(s.saving).small().weak());
        }
        SaveState::Failed(e) => {
            ui.label(
                RichText::new(format!("⚠ {} — {e}", s.save_failed))
                    .small()
                    .color(ui.visuals().error_fg_color),
            );
        }
    }
}
