//! The right panel, "내 답변": my answer to the selected question, edited or previewed.
//! The panel edits a buffer; the app hands edits to the store and saves.
//! Below it, the notes whose question is gone.

use egui::RichText;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::theme;
use crate::command::Command;
use crate::course::{Question, shorten};
use crate::i18n::Lang;
use crate::notes::{Note, SaveStatus};

/// Runtime state of the panel; nothing here is persisted (the text lives in the store).
#[derive(Default)]
pub struct NotesPanel {
    pub preview: bool,
    /// In a window too narrow for it beside the cards, the panel is folded into a button
    /// ([`folded_notes_ui`]) unless this is set.
    pub unfolded: bool,
    cache: CommonMarkCache,
}

/// What the user did in the panel this frame.
pub enum NotesAction {
    /// The text changed (already applied to `buffer`).
    Edited,
    ToggleBookmark,
    /// 노트 파일에 답변 쓰기.
    Publish,
    /// Its "git 커밋도" box.
    SetPublishCommit(bool),
    /// Fold the panel back into its button (a narrow window).
    Fold,
}

/// What the panel shows this frame.
pub struct NotesInput<'a> {
    pub lang: Lang,
    /// What my typing goes to: the selected question, or a heading of the open document.
    pub target: Option<Target<'a>>,
    /// Its stored note (for the bookmark).
    pub note: Option<&'a Note>,
    pub save: &'a SaveStatus,
    /// Where the notes file is, shown at the bottom.
    pub data_path: &'a str,
    /// False when the notes could not be opened: nothing typed could be kept.
    pub editable: bool,
    /// Notes whose question is gone, listed below the editor.
    pub orphans: &'a [Note],
    /// My answer can be written into the session's file (노트 파일에 답변 쓰기).
    pub can_publish: bool,
    /// In a git work tree: whether it is committed too.
    pub publish_commit: Option<bool>,
    /// The window is narrow: the panel offers to fold itself.
    pub foldable: bool,
}

/// What a note is written on.
pub struct Target<'a> {
    pub id: &'a crate::course::QuestionId,
    /// The question's text, or the heading's (with its document's title).
    pub text: std::borrow::Cow<'a, str>,
    /// An open question (the panel invites an answer).
    pub open: bool,
}

impl<'a> Target<'a> {
    pub fn question(q: &'a Question) -> Self {
        Self {
            id: &q.id,
            text: q.shown_text(),
            open: q.is_open(),
        }
    }
}

/// Shows the panel for the selected question with my `buffer` (the text being edited).
pub fn notes_panel_ui(
    ui: &mut egui::Ui,
    panel: &mut NotesPanel,
    input: &NotesInput<'_>,
    buffer: &mut String,
) -> Option<NotesAction> {
    let action = editor_ui(ui, panel, input, buffer);
    orphans_ui(ui, input.lang, input.orphans);
    action
}

/// The notes panel folded into a narrow strip (a window too narrow for it beside the
/// cards): one button that unfolds it, marked ● when the selected question has my note.
/// Returns whether it was clicked.
pub fn folded_notes_ui(ui: &mut egui::Ui, lang: Lang, has_note: bool) -> bool {
    ui.add_space(6.0);
    let text = if has_note { "✎●" } else { "✎" };
    let button = ui
        .add(
            egui::Button::new(RichText::new(text).size(18.0))
                .wrap_mode(egui::TextWrapMode::Extend)
                .min_size(egui::vec2(28.0, 28.0)),
        )
        .on_hover_text(lang.folded_notes_help());
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, lang.unfold_notes()));
    button.clicked()
}

fn editor_ui(
    ui: &mut egui::Ui,
    panel: &mut NotesPanel,
    input: &NotesInput<'_>,
    buffer: &mut String,
) -> Option<NotesAction> {
    let NotesInput {
        lang,
        ref target,
        note,
        save,
        data_path,
        editable,
        ..
    } = *input;
    let s = lang.strings();
    let (heading, fold) = ui
        .horizontal(|ui| {
            let heading = ui.heading(s.my_answer);
            let fold = input.foldable
                && ui
                    .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.button(format!("▶ {}", lang.fold_notes())).clicked()
                    })
                    .inner;
            (heading, fold)
        })
        .inner;
    if fold {
        return Some(NotesAction::Fold);
    }
    let Some(q) = target else {
        ui.add_space(8.0);
        ui.label(RichText::new(s.pick_a_question).weak());
        return None;
    };
    let mut action = None;
    ui.label(RichText::new(q.text.as_ref()).strong());
    ui.add_space(4.0);
    if q.open && buffer.trim().is_empty() {
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
            ("☆", Command::ToggleBookmark.label(lang))
        };
        if ui
            .selectable_label(bookmarked, format!("{icon} {}", s.bookmark_short))
            .on_hover_text(tip)
            .clicked()
        {
            action = Some(NotesAction::ToggleBookmark);
        }
        let publish = Command::PublishAnswer;
        if input.can_publish
            && ui
                .button(publish.label(lang))
                .on_hover_text(publish.tooltip(ui.ctx(), lang))
                .clicked()
        {
            action = Some(NotesAction::Publish);
        }
        if let Some(mut commit) = input.publish_commit.filter(|_| input.can_publish)
            && ui
                .checkbox(&mut commit, lang.publish_commit_option())
                .on_hover_text(lang.publish_commit_help())
                .changed()
        {
            action = Some(NotesAction::SetPublishCommit(commit));
        }
    });
    ui.add_space(4.0);
    save_status_ui(ui, lang, save);
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
                // One editor per question: cursor, undo history and composition never
                // cross from one question's text to another's.
                let target = input.target.as_ref().map(|t| t.id);
                let response = ui.add_enabled(
                    editable,
                    egui::TextEdit::multiline(buffer)
                        .id_salt(("my_answer_editor", target))
                        .hint_text(s.answer_hint)
                        .desired_width(f32::INFINITY)
                        .desired_rows(12)
                        .lock_focus(true),
                );
                let response = response.labelled_by(heading.id);
                super::ime::track(ui.ctx(), &response);
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

fn save_status_ui(ui: &mut egui::Ui, lang: Lang, save: &SaveStatus) {
    let s = lang.strings();
    let now = ui.input(|i| i.time);
    match save {
        SaveStatus::Idle => {
            ui.label(RichText::new(s.not_edited).small().weak());
        }
        SaveStatus::Saved { at, clock } => {
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
        SaveStatus::Pending => {
            ui.label(RichText::new(s.saving).small().weak());
        }
        SaveStatus::Failed(e) => {
            ui.label(
                RichText::new(format!("⚠ {} — {e}", s.save_failed))
                    .small()
                    .color(ui.visuals().error_fg_color),
            );
        }
    }
}

/// "연결이 끊긴 노트 (2)": notes whose question is gone, collapsed, each with its context.
fn orphans_ui(ui: &mut egui::Ui, lang: Lang, orphans: &[Note]) {
    if orphans.is_empty() {
        return;
    }
    let s = lang.strings();
    egui::CollapsingHeader::new(format!("{} ({})", s.orphaned, orphans.len()))
        .id_salt("orphans")
        .show(ui, |ui| {
            ui.label(RichText::new(s.orphaned_hint).small().weak());
            egui::ScrollArea::vertical()
                .id_salt("orphans_list")
                .max_height(200.0)
                .show(ui, |ui| {
                    for note in orphans {
                        ui.label(RichText::new(shorten(&note.question, 300)).strong());
                        ui.label(format!("{} · {}", note.session, note.topic));
                        ui.label(shorten(&note.text, 2_000));
                        ui.separator();
                    }
                });
        });
}
