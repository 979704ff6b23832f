//! Windows over the reading view: the keyboard help and the quit confirmation.

use crate::command::{Command, Keymap, key_lines};
use crate::i18n::Lang;

/// The keys of the reading window, from the command table (F1, ?). Returns false when the
/// user closed it.
pub fn help_window_ui(ctx: &egui::Context, lang: Lang, mode: Keymap) -> bool {
    let s = lang.strings();
    let mut open = true;
    egui::Window::new(Command::ShowHelp.label(lang))
        .id(egui::Id::unique("help"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            egui::Grid::new("help_grid").striped(true).show(ui, |ui| {
                ui.strong(s.shortcut);
                ui.strong(s.action);
                ui.end_row();
                let mac = ctx.os() == egui::os::OperatingSystem::Mac;
                for line in key_lines(mode, lang, mac) {
                    ui.monospace(line.keys);
                    ui.label(line.label);
                    ui.end_row();
                }
            });
        });
    open
}

/// What the user answered when asked about quitting with unsaved notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuitChoice {
    KeepOpen,
    QuitAnyway,
}

/// "Some answers could not be saved": keep the window, or quit and lose them. `error` is
/// why the last save failed.
pub fn confirm_quit_ui(ctx: &egui::Context, lang: Lang, error: Option<&str>) -> Option<QuitChoice> {
    let s = lang.strings();
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_quit")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(s.unsaved_title);
        ui.label(s.unsaved_body);
        if let Some(e) = error {
            ui.label(
                egui::RichText::new(e)
                    .color(ui.visuals().error_fg_color)
                    .small(),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(s.keep_open).clicked() {
                choice = Some(QuitChoice::KeepOpen);
            }
            if ui.button(s.quit_anyway).clicked() {
                choice = Some(QuitChoice::QuitAnyway);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(QuitChoice::KeepOpen);
    }
    choice
}

/// Files dragged over the window: a veil over everything that says dropping opens them.
pub fn drop_overlay_ui(ctx: &egui::Context, lang: Lang, names: &[String]) {
    let screen = ctx.content_rect();
    egui::Area::new(egui::Id::unique("drop_overlay"))
        .order(egui::Order::Foreground)
        .fixed_pos(screen.min)
        .interactable(false)
        .show(ctx, |ui| {
            let visuals = ui.visuals().clone();
            ui.painter()
                .rect_filled(screen, 0.0, visuals.extreme_bg_color.gamma_multiply(0.85));
            let inner = screen.shrink(24.0);
            ui.painter().rect_stroke(
                inner,
                egui::CornerRadius::same(16),
                egui::Stroke::new(3.0, visuals.selection.stroke.color),
                egui::StrokeKind::Inside,
            );
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(inner)
                    .layout(egui::Layout::top_down(egui::Align::Center)),
                |ui| {
                    ui.add_space(inner.height() * 0.35);
                    ui.label(
                        egui::RichText::new(format!("🗁 {}", lang.drop_here()))
                            .size(32.0)
                            .strong(),
                    );
                    ui.label(egui::RichText::new(names.join(", ")).size(18.0));
                    ui.label(egui::RichText::new(lang.drop_what()).weak());
                },
            );
        });
}
