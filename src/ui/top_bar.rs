//! The top bar: course title, Open, notes, Present, theme, zoom, language, help.

use crate::app::UiState;
use crate::command::Command;
use crate::ui::theme::ThemeChoice;

/// Shows the bar; returns the command a button asked for.
/// The id of the search box (Ctrl+F focuses it).
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("search_box")
}

/// Shows the bar; returns the command a button asked for. `query` is the search box.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    title: &str,
    state: &mut UiState,
    query: &mut String,
) -> Option<Command> {
    let lang = state.lang;
    let s = lang.strings();
    let mut command = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(title).heading().strong());
        ui.add_space(12.0);
        ui.menu_button(format!("🗁 {}", s.open), |ui| {
            for c in [Command::OpenFile, Command::OpenFolder, Command::OpenBuiltin] {
                let label = match c.shortcut_text(ui.ctx()) {
                    Some(keys) => format!("{}    {keys}", c.label(lang)),
                    None => c.label(lang).to_owned(),
                };
                if ui.button(label).clicked() {
                    command = Some(c);
                    ui.close();
                }
            }
        });
        ui.menu_button(format!("✎ {}", s.notes_menu), |ui| {
            for c in [
                Command::ExportSheet,
                Command::ExportBackup,
                Command::ImportBackup,
            ] {
                if ui.button(c.label(lang)).clicked() {
                    command = Some(c);
                    ui.close();
                }
            }
        });
        ui.add_space(8.0);
        if command_button(ui, Command::Present, s.present_button, lang) {
            command = Some(Command::Present);
        }
        ui.menu_button("▾", |ui| {
            ui.label(egui::RichText::new(s.present_settings).small().weak());
            ui.checkbox(&mut state.reveal_all, s.reveal_all);
        })
        .response
        .on_hover_text(s.present_settings);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if command_button(ui, Command::ShowHelp, "?", lang) {
                command = Some(Command::ShowHelp);
            }
            ui.separator();
            if command_button(ui, Command::ToggleLanguage, lang.other().name(), lang) {
                command = Some(Command::ToggleLanguage);
            }
            ui.separator();
            if command_button(ui, Command::ZoomIn, "+", lang) {
                command = Some(Command::ZoomIn);
            }
            if ui
                .button(format!("{:.0}%", state.zoom * 100.0))
                .on_hover_text(Command::ZoomReset.tooltip(ui.ctx(), lang))
                .clicked()
            {
                command = Some(Command::ZoomReset);
            }
            if command_button(ui, Command::ZoomOut, "−", lang) {
                command = Some(Command::ZoomOut);
            }
            ui.separator();
            ui.add(
                egui::TextEdit::singleline(query)
                    .id(search_box_id())
                    .hint_text(s.search_hint)
                    .desired_width(260.0),
            )
            .on_hover_text(Command::FocusSearch.tooltip(ui.ctx(), lang));
            ui.separator();
            for (choice, text) in [
                (ThemeChoice::Dark, s.theme_dark),
                (ThemeChoice::Light, s.theme_light),
                (ThemeChoice::System, s.theme_system),
            ] {
                ui.selectable_value(&mut state.theme, choice, text)
                    .on_hover_text(s.theme);
            }
        });
    });
    command
}

/// A button for a command, its tooltip naming the shortcut. True when clicked.
fn command_button(
    ui: &mut egui::Ui,
    command: Command,
    text: &str,
    lang: crate::ui::i18n::Lang,
) -> bool {
    let tooltip = command.tooltip(ui.ctx(), lang);
    ui.button(text).on_hover_text(tooltip).clicked()
}
