//! The top bar: course title, Open, notes, Present, theme, search, zoom, language, help.
//! It shows the state it is given and returns the command a click asked for; it never
//! changes the state itself.

use crate::command::{Command, FileCommand};
use crate::export::Format;
use crate::i18n::Lang;
use crate::state::ThemeChoice;

/// The id of the search box (Ctrl+F focuses it).
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("search_box")
}

/// What the bar shows this frame.
pub struct TopBarInput<'a> {
    pub title: &'a str,
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub zoom: f32,
    pub reveal_all: bool,
    /// Recent files and folders, newest first: how each is shown, and whether it is there.
    pub recent: &'a [(String, bool)],
    /// The course is in a git work tree and git is installed: "get the latest notes".
    pub git: bool,
}

/// What the bar asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum TopAction {
    Command(Command),
    OpenRecent(usize),
    ForgetRecent(usize),
}

/// Shows the bar; returns what a button asked for. `query` is the search box's text
/// (typing edits it; the app runs the search).
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    input: &TopBarInput<'_>,
    query: &mut String,
) -> Option<TopAction> {
    let lang = input.lang;
    let s = lang.strings();
    let mut command = None;
    let mut recent = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.add_space(4.0);
        // A long title (98 syllables in the real course) is cut with "…", in full on hover:
        // the bar's buttons and the search box stay in the window. A narrow window (a
        // 1366×768 laptop's half) gets a shorter title, search box and theme menu.
        let compact = super::widgets::is_narrow(ui.ctx());
        let max_title = (ui.available_width() * if compact { 0.22 } else { 0.35 }).max(120.0);
        ui.scope(|ui| {
            ui.set_max_width(max_title);
            ui.add(
                egui::Label::new(egui::RichText::new(input.title).heading().strong()).truncate(),
            )
            .on_hover_text(input.title);
        });
        ui.add_space(12.0);
        if let Some(picked) = open_menu_ui(ui, input, compact) {
            recent = Some(picked);
        }
        let notes = ui.menu_button(glyph_and_word(compact, "✎", s.notes_menu), |ui| {
            for c in [
                Command::File(FileCommand::Export(Format::StudySheet)),
                Command::File(FileCommand::Export(Format::Anki)),
                Command::File(FileCommand::Export(Format::Backup)),
                Command::File(FileCommand::Export(Format::Commands)),
                Command::File(FileCommand::Export(Format::MyQuestions)),
                Command::File(FileCommand::ImportBackup),
            ] {
                if ui.button(c.label(lang)).clicked() {
                    command = Some(c);
                    ui.close();
                }
            }
        });
        name_compact_menu(&notes.response, compact, s.notes_menu);
        ui.add_space(8.0);
        let present = glyph_only(compact, s.present_button);
        if command_button_ui(ui, Command::Present, present, lang) {
            command = Some(Command::Present);
        }
        let settings = ui.menu_button("▾", |ui| {
            ui.label(egui::RichText::new(s.present_settings).small().weak());
            let mut reveal_all = input.reveal_all;
            if ui.checkbox(&mut reveal_all, s.reveal_all).clicked() {
                command = Some(Command::ToggleRevealAll);
            }
        });
        super::widgets::name_glyph_button(&settings.response, "▾", s.present_settings);
        settings.response.on_hover_text(s.present_settings);
        ui.add_space(8.0);
        let review = glyph_only(compact, lang.review_button());
        if command_button_ui(ui, Command::Review, review, lang) {
            command = Some(Command::Review);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if command_button_ui(ui, Command::ShowHelp, "?", lang) {
                command = Some(Command::ShowHelp);
            }
            ui.separator();
            if command_button_ui(ui, Command::ToggleLanguage, lang.other().name(), lang) {
                command = Some(Command::ToggleLanguage);
            }
            ui.separator();
            if command_button_ui(ui, Command::ZoomIn, "+", lang) {
                command = Some(Command::ZoomIn);
            }
            let zoom = format!("{:.0}%", input.zoom * 100.0);
            let reset = ui.button(&zoom);
            let name = format!("{} ({zoom})", Command::ZoomReset.label(lang));
            super::widgets::name_glyph_button(&reset, &zoom, &name);
            if reset
                .on_hover_text(Command::ZoomReset.tooltip(ui.ctx(), lang))
                .clicked()
            {
                command = Some(Command::ZoomReset);
            }
            if command_button_ui(ui, Command::ZoomOut, "−", lang) {
                command = Some(Command::ZoomOut);
            }
            ui.separator();
            // What is left between the buttons on the left and the zoom on the right, less
            // the theme menu and the box's label: the box takes at most that (English labels
            // are longer than Korean ones).
            let room = ui.available_width() - 150.0;
            let width: f32 = if compact { 150.0 } else { 240.0 };
            search_box_ui(ui, lang, query, width.min(room).max(80.0));
            ui.separator();
            // One menu for the theme: the bar keeps room for the search box.
            let current = match input.theme {
                ThemeChoice::Dark => Command::ThemeDark,
                ThemeChoice::Light => Command::ThemeLight,
                ThemeChoice::System => Command::ThemeSystem,
            };
            let shown = if compact {
                s.theme
            } else {
                current.label(lang)
            };
            ui.menu_button(format!("{shown} ▾"), |ui| {
                ui.label(egui::RichText::new(s.theme).small().weak());
                for c in [
                    Command::ThemeSystem,
                    Command::ThemeLight,
                    Command::ThemeDark,
                ] {
                    if ui.selectable_label(c == current, c.label(lang)).clicked() {
                        command = Some(c);
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(s.theme);
        });
    });
    recent.or(command.map(TopAction::Command))
}

/// The search box, named "검색" for screen readers (and tests). ↑/↓, Enter and Esc act on
/// the results: the app takes those keys before the box sees them (see `app::search`), and
/// the box's event filter keeps egui from moving focus away on them (egui would otherwise
/// take Esc and the vertical arrows for its own focus navigation at the start of the next
/// frame).
fn search_box_ui(ui: &mut egui::Ui, lang: Lang, query: &mut String, width: f32) {
    let s = lang.strings();
    // Right to left: the box first, then its label on its left.
    let response = ui.add(
        egui::TextEdit::singleline(query)
            .id(search_box_id())
            .hint_text(s.search_hint)
            .desired_width(width)
            .event_filter(egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
                tab: false,
            }),
    );
    super::ime::track(ui.ctx(), &response);
    let label = ui.label(egui::RichText::new(s.search).weak());
    response
        .labelled_by(label.id)
        .on_hover_text(Command::FocusSearch.tooltip(ui.ctx(), lang));
}

/// 열기 ▾: a file, a folder, the built-in notes, 강의 받기, 최신 노트 받기, and the recent
/// courses.
fn open_menu_ui(ui: &mut egui::Ui, input: &TopBarInput<'_>, compact: bool) -> Option<TopAction> {
    let lang = input.lang;
    let s = lang.strings();
    let mut picked = None;
    let menu = ui.menu_button(glyph_and_word(compact, "🗁", s.open), |ui| {
        for c in [
            Command::File(FileCommand::OpenFile),
            Command::File(FileCommand::OpenFolder),
            Command::OpenBuiltin,
        ] {
            let label = match c.shortcut_text(ui.ctx()) {
                Some(keys) => format!("{}    {keys}", c.label(lang)),
                None => c.label(lang).to_owned(),
            };
            if ui.button(label).clicked() {
                picked = Some(TopAction::Command(c));
                ui.close();
            }
        }
        if ui.button(Command::CloneCourse.label(lang)).clicked() {
            picked = Some(TopAction::Command(Command::CloneCourse));
            ui.close();
        }
        if input.git && ui.button(Command::GitPull.label(lang)).clicked() {
            picked = Some(TopAction::Command(Command::GitPull));
            ui.close();
        }
        ui.separator();
        ui.label(egui::RichText::new(lang.recent_courses()).small().weak());
        if input.recent.is_empty() {
            ui.label(egui::RichText::new(lang.no_recent()).weak());
        }
        for (i, (name, exists)) in input.recent.iter().enumerate() {
            ui.horizontal(|ui| {
                if *exists {
                    if ui.button(name).clicked() {
                        picked = Some(TopAction::OpenRecent(i));
                        ui.close();
                    }
                } else {
                    ui.add_enabled(
                        false,
                        egui::Button::new(format!("{name} {}", lang.recent_missing())),
                    );
                }
                let forget = ui.small_button("✕");
                super::widgets::name_glyph_button(&forget, "✕", lang.forget_recent());
                if forget.on_hover_text(lang.forget_recent()).clicked() {
                    picked = Some(TopAction::ForgetRecent(i));
                }
            });
        }
    });
    name_compact_menu(&menu.response, compact, s.open);
    picked
}

/// A menu's title: its glyph and word, or the glyph alone in a compact bar.
fn glyph_and_word(compact: bool, glyph: &str, word: &str) -> String {
    if compact {
        glyph.to_owned()
    } else {
        format!("{glyph} {word}")
    }
}

/// A button's text ("▶ 발표"), or its glyph alone ("▶") in a compact bar.
fn glyph_only(compact: bool, text: &str) -> &str {
    match text.split_once(' ') {
        Some((glyph, _)) if compact => glyph,
        _ => text,
    }
}

/// A compact bar's glyph-only menu keeps its word for screen readers and on hover.
fn name_compact_menu(response: &egui::Response, compact: bool, word: &str) {
    if compact {
        super::widgets::name_glyph_button(response, "", word);
        response.clone().on_hover_text(word);
    }
}

/// A button for a command, its tooltip naming the shortcut. True when clicked.
fn command_button_ui(ui: &mut egui::Ui, command: Command, text: &str, lang: Lang) -> bool {
    let tooltip = command.tooltip(ui.ctx(), lang);
    let response = ui.button(text);
    super::widgets::name_glyph_button(&response, text, command.label(lang));
    response.on_hover_text(tooltip).clicked()
}
