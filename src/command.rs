//! Every user action once: its label, its shortcut. Buttons, menus, keys and the help
//! overlay all read this table, so none of them can drift from the real keys.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::ui::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    OpenFile,
    OpenFolder,
    OpenBuiltin,
    PrevQuestion,
    NextQuestion,
    PrevTopic,
    NextTopic,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleLanguage,
    ShowHelp,
    ToggleBookmark,
    ExportSheet,
    ExportBackup,
    ImportBackup,
    FocusSearch,
}

impl Command {
    pub const ALL: [Command; 17] = [
        Command::OpenFile,
        Command::OpenFolder,
        Command::OpenBuiltin,
        Command::PrevQuestion,
        Command::NextQuestion,
        Command::PrevTopic,
        Command::NextTopic,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleLanguage,
        Command::ShowHelp,
        Command::ToggleBookmark,
        Command::ExportSheet,
        Command::ExportBackup,
        Command::ImportBackup,
        Command::FocusSearch,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Command::OpenFile => s.open_file,
            Command::OpenFolder => s.open_folder,
            Command::OpenBuiltin => s.open_builtin,
            Command::PrevQuestion => s.prev_question,
            Command::NextQuestion => s.next_question,
            Command::PrevTopic => s.prev_topic,
            Command::NextTopic => s.next_topic,
            Command::ZoomIn => s.zoom_in,
            Command::ZoomOut => s.zoom_out,
            Command::ZoomReset => s.zoom_reset,
            Command::ToggleLanguage => s.toggle_language,
            Command::ShowHelp => s.help,
            Command::ToggleBookmark => s.bookmark,
            Command::ExportSheet => s.export_sheet,
            Command::ExportBackup => s.export_backup,
            Command::ImportBackup => s.import_backup,
            Command::FocusSearch => s.search,
        }
    }

    /// The keys that run this command; the first is the one shown.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        const NONE: Modifiers = Modifiers::NONE;
        const OPEN_FILE: &[KeyboardShortcut] = &[k(CMD, Key::O)];
        const OPEN_FOLDER: &[KeyboardShortcut] = &[k(CMD_SHIFT, Key::O)];
        const PREV_QUESTION: &[KeyboardShortcut] = &[k(NONE, Key::ArrowUp), k(NONE, Key::K)];
        const NEXT_QUESTION: &[KeyboardShortcut] = &[k(NONE, Key::ArrowDown), k(NONE, Key::J)];
        const PREV_TOPIC: &[KeyboardShortcut] = &[k(CMD, Key::ArrowUp)];
        const NEXT_TOPIC: &[KeyboardShortcut] = &[k(CMD, Key::ArrowDown)];
        const ZOOM_IN: &[KeyboardShortcut] = &[k(CMD, Key::Plus), k(CMD, Key::Equals)];
        const ZOOM_OUT: &[KeyboardShortcut] = &[k(CMD, Key::Minus)];
        const ZOOM_RESET: &[KeyboardShortcut] = &[k(CMD, Key::Num0)];
        const TOGGLE_LANGUAGE: &[KeyboardShortcut] = &[k(CMD, Key::L)];
        const SHOW_HELP: &[KeyboardShortcut] = &[k(NONE, Key::F1)];
        const TOGGLE_BOOKMARK: &[KeyboardShortcut] = &[k(CMD, Key::D)];
        const FOCUS_SEARCH: &[KeyboardShortcut] = &[k(CMD, Key::F), k(CMD, Key::K)];
        match self {
            Command::OpenFile => OPEN_FILE,
            Command::OpenFolder => OPEN_FOLDER,
            Command::OpenBuiltin => &[],
            Command::PrevQuestion => PREV_QUESTION,
            Command::NextQuestion => NEXT_QUESTION,
            Command::PrevTopic => PREV_TOPIC,
            Command::NextTopic => NEXT_TOPIC,
            Command::ZoomIn => ZOOM_IN,
            Command::ZoomOut => ZOOM_OUT,
            Command::ZoomReset => ZOOM_RESET,
            Command::ToggleLanguage => TOGGLE_LANGUAGE,
            Command::ShowHelp => SHOW_HELP,
            Command::ToggleBookmark => TOGGLE_BOOKMARK,
            Command::FocusSearch => FOCUS_SEARCH,
            Command::ExportSheet | Command::ExportBackup | Command::ImportBackup => &[],
        }
    }

    /// Plain keys (no modifier) must not fire while the user types in a text field.
    pub fn needs_free_keyboard(self) -> bool {
        self.shortcuts().iter().any(|s| s.modifiers.is_none())
    }

    /// "Ctrl+O", for tooltips, menus and the help overlay.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// "Open file… (Ctrl+O)" for a tooltip.
    pub fn tooltip(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.label(lang)),
            None => self.label(lang).to_owned(),
        }
    }

    /// The commands whose shortcut was pressed this frame, consuming the key presses.
    /// Called once per frame, from the one place that applies commands.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.egui_wants_keyboard_input();
        // Most modifiers first: egui matches Shift loosely, so Ctrl+Shift+O must be tried
        // before Ctrl+O, or Ctrl+O would take it.
        let mut keys: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .filter(|c| !(typing && c.needs_free_keyboard()))
            .flat_map(|&c| c.shortcuts().iter().map(move |&s| (c, s)))
            .collect();
        keys.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
        });
        let mut out = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in keys {
                if input.consume_shortcut(&shortcut) && !out.contains(&command) {
                    out.push(command);
                }
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen = Vec::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                assert!(!seen.contains(s), "{c:?} reuses {s:?}");
                seen.push(*s);
            }
        }
    }

    #[test]
    fn every_command_has_labels_in_both_languages() {
        for c in Command::ALL {
            assert!(!c.label(Lang::Ko).is_empty());
            assert!(!c.label(Lang::En).is_empty());
            assert_ne!(c.label(Lang::Ko), c.label(Lang::En), "{c:?}");
        }
    }
}
