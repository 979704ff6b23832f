//! 강의 받기: the course repository's address pasted, the folder it goes into, a progress
//! bar while it downloads, what went wrong in the dialog itself.

use egui::RichText;

use crate::command::Command;
use crate::i18n::Lang;

/// What the student typed; kept while the dialog is closed and opened again.
#[derive(Debug, Default)]
pub struct CloneForm {
    pub address: String,
    /// The folder the course goes into (a new or empty one).
    pub folder: String,
    /// The student changed the folder: it no longer follows the address.
    pub folder_edited: bool,
}

/// What the dialog shows this frame.
pub struct CloneInput<'a> {
    pub lang: Lang,
    /// While it downloads: what it does (gix's task name) and how far (`done` of `total`).
    pub running: Option<(&'a str, usize, Option<usize>)>,
    /// Why the last try did not happen.
    pub error: Option<&'a str>,
}

/// What the student asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloneAction {
    Start,
    /// Pick the folder with the system's dialog.
    Browse,
    Stop,
    Close,
    /// The address changed: the folder follows it (unless edited).
    AddressEdited,
}

/// The dialog, modal over the window.
pub fn clone_dialog_ui(
    ctx: &egui::Context,
    form: &mut CloneForm,
    input: &CloneInput<'_>,
) -> Option<CloneAction> {
    let lang = input.lang;
    let mut action = None;
    let modal = egui::Modal::new(egui::Id::unique("clone_course")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(Command::CloneCourse.label(lang).trim_end_matches('…'));
        ui.label(RichText::new(lang.clone_intro()).weak());
        ui.add_space(8.0);
        let running = input.running.is_some();
        egui::Grid::new("clone_fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(lang.clone_address());
                let address = ui.add_enabled(
                    !running,
                    egui::TextEdit::singleline(&mut form.address)
                        .id(egui::Id::unique("clone_address"))
                        .hint_text("https://github.com/…/….git")
                        .desired_width(400.0),
                );
                super::ime::track(ui.ctx(), &address);
                if address.labelled_by(label.id).changed() {
                    action = Some(CloneAction::AddressEdited);
                }
                ui.end_row();
                let label = ui.label(lang.clone_folder());
                ui.horizontal(|ui| {
                    let folder = ui.add_enabled(
                        !running,
                        egui::TextEdit::singleline(&mut form.folder)
                            .id(egui::Id::unique("clone_folder"))
                            .desired_width(300.0),
                    );
                    super::ime::track(ui.ctx(), &folder);
                    if folder.labelled_by(label.id).changed() {
                        form.folder_edited = true;
                    }
                    if ui
                        .add_enabled(!running, egui::Button::new(lang.clone_browse()))
                        .clicked()
                    {
                        action = Some(CloneAction::Browse);
                    }
                });
                ui.end_row();
            });
        ui.add_space(8.0);
        if let Some((task, done, total)) = input.running {
            let (fraction, text) = match total {
                Some(total) if total > 0 => (
                    done as f32 / total as f32,
                    format!("{} {task} {done}/{total}", lang.clone_running()),
                ),
                _ => (0.0, format!("{} {task} {done}", lang.clone_running())),
            };
            ui.add(
                egui::ProgressBar::new(fraction.clamp(0.0, 1.0))
                    .text(text)
                    .animate(total.is_none()),
            );
        }
        if let Some(error) = input.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if running {
                if ui.button(lang.clone_stop()).clicked() {
                    action = Some(CloneAction::Stop);
                }
            } else {
                let ready = !form.address.trim().is_empty() && !form.folder.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(lang.clone_start()))
                    .on_hover_text(Command::CloneCourse.tooltip(ui.ctx(), lang))
                    .clicked()
                {
                    action = Some(CloneAction::Start);
                }
                if ui.button(lang.clone_close()).clicked() {
                    action = Some(CloneAction::Close);
                }
            }
        });
    });
    if modal.should_close() && input.running.is_none() {
        action = Some(CloneAction::Close);
    }
    action
}
