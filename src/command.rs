//! Every user action once: its label, its shortcut. Buttons, menus, keys and the help
//! overlay all read this table, so none of them can drift from the real keys.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Lang;
use crate::review::Rating;

/// Every user action. The actions of one place (files, slides, review) are nested enums,
/// so the place that applies them matches them exhaustively: a command added there and
/// forgotten in its handler does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Open, export and import through a file dialog.
    File(FileCommand),
    OpenBuiltin,
    /// `git pull --ff-only` in the course's folder (offered in a git clone).
    GitPull,
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
    /// Focus the search box and select its text (Ctrl+F, Ctrl+K).
    FocusSearch,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    /// Enter presentation mode (F5).
    Present,
    /// Start a review session (R).
    Review,
    /// Presentation mode only: move, scroll, blank, the class answer.
    Slide(SlideCommand),
    ToggleRevealAll,
    ExitPresentation,
    /// Review mode only.
    InReview(ReviewCommand),
}

/// What goes through a file dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileCommand {
    OpenFile,
    OpenFolder,
    ExportSheet,
    ExportBackup,
    ImportBackup,
    /// Write the cards in Anki's text-import format.
    ExportAnki,
}

/// A key of presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideCommand {
    Next,
    Prev,
    First,
    Last,
    ScrollDown,
    ScrollUp,
    BlankBlack,
    BlankWhite,
    ClassNote,
}

/// A key or button of review mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewCommand {
    /// Show the answer; once shown, rate Good (as Anki's Space does).
    Reveal,
    Rate(Rating),
    /// Open the card's question in the reading window.
    OpenSource,
    /// Show or hide my note on the card's question.
    Note,
    Stats,
    Exit,
}

impl Command {
    /// Every command, in the order the help lists them.
    pub const ALL: &'static [Command] = &[
        Command::File(FileCommand::OpenFile),
        Command::File(FileCommand::OpenFolder),
        Command::OpenBuiltin,
        Command::GitPull,
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
        Command::File(FileCommand::ExportSheet),
        Command::File(FileCommand::ExportBackup),
        Command::File(FileCommand::ImportBackup),
        Command::FocusSearch,
        Command::ThemeSystem,
        Command::ThemeLight,
        Command::ThemeDark,
        Command::Present,
        Command::Review,
        Command::File(FileCommand::ExportAnki),
        Command::Slide(SlideCommand::Next),
        Command::Slide(SlideCommand::Prev),
        Command::Slide(SlideCommand::First),
        Command::Slide(SlideCommand::Last),
        Command::Slide(SlideCommand::ScrollDown),
        Command::Slide(SlideCommand::ScrollUp),
        Command::Slide(SlideCommand::BlankBlack),
        Command::Slide(SlideCommand::BlankWhite),
        Command::Slide(SlideCommand::ClassNote),
        Command::ToggleRevealAll,
        Command::ExitPresentation,
        Command::InReview(ReviewCommand::Reveal),
        Command::InReview(ReviewCommand::Rate(Rating::Again)),
        Command::InReview(ReviewCommand::Rate(Rating::Hard)),
        Command::InReview(ReviewCommand::Rate(Rating::Good)),
        Command::InReview(ReviewCommand::Rate(Rating::Easy)),
        Command::InReview(ReviewCommand::OpenSource),
        Command::InReview(ReviewCommand::Note),
        Command::InReview(ReviewCommand::Stats),
        Command::InReview(ReviewCommand::Exit),
    ];
}

/// Where a command's keys work: the reading window, the slides or the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Reading,
    Presenting,
    Reviewing,
}

impl Command {
    /// Whether this command's keys work in `mode` (and it is listed in that mode's help).
    pub fn available_in(self, mode: Mode) -> bool {
        match self {
            Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ToggleLanguage
            | Command::ShowHelp
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark => true,
            Command::Slide(_) | Command::ToggleRevealAll | Command::ExitPresentation => {
                mode == Mode::Presenting
            }
            Command::InReview(_) => mode == Mode::Reviewing,
            Command::File(_)
            | Command::OpenBuiltin
            | Command::GitPull
            | Command::PrevQuestion
            | Command::NextQuestion
            | Command::PrevTopic
            | Command::NextTopic
            | Command::ToggleBookmark
            | Command::FocusSearch
            | Command::Present
            | Command::Review => mode == Mode::Reading,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Command::File(FileCommand::OpenFile) => s.open_file,
            Command::File(FileCommand::OpenFolder) => s.open_folder,
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
            Command::File(FileCommand::ExportSheet) => s.export_sheet,
            Command::File(FileCommand::ExportBackup) => s.export_backup,
            Command::File(FileCommand::ImportBackup) => s.import_backup,
            Command::FocusSearch => s.search,
            Command::ThemeSystem => s.theme_system,
            Command::ThemeLight => s.theme_light,
            Command::ThemeDark => s.theme_dark,
            Command::Present => s.present,
            Command::Slide(SlideCommand::Next) => s.slide_next,
            Command::Slide(SlideCommand::Prev) => s.slide_prev,
            Command::Slide(SlideCommand::First) => s.slide_first,
            Command::Slide(SlideCommand::Last) => s.slide_last,
            Command::Slide(SlideCommand::ScrollDown) => s.scroll_down,
            Command::Slide(SlideCommand::ScrollUp) => s.scroll_up,
            Command::Slide(SlideCommand::BlankBlack) => s.blank_black,
            Command::Slide(SlideCommand::BlankWhite) => s.blank_white,
            Command::Slide(SlideCommand::ClassNote) => s.class_note,
            Command::ToggleRevealAll => s.reveal_all,
            Command::ExitPresentation => s.exit_presentation,
            Command::Review => lang.start_review(),
            Command::GitPull => lang.git_pull(),
            Command::File(FileCommand::ExportAnki) => lang.export_anki(),
            Command::InReview(ReviewCommand::Reveal) => lang.reveal_answer(),
            // The rating's own word, as its button says it.
            Command::InReview(ReviewCommand::Rate(rating)) => lang.rating(rating),
            Command::InReview(ReviewCommand::OpenSource) => lang.open_card_source(),
            Command::InReview(ReviewCommand::Note) => lang.toggle_card_note(),
            Command::InReview(ReviewCommand::Stats) => lang.review_statistics(),
            Command::InReview(ReviewCommand::Exit) => lang.exit_review(),
        }
    }

    /// The commands of `mode` that have keys, in table order: what that mode's help lists.
    pub fn with_keys_in(mode: Mode) -> impl Iterator<Item = Command> {
        Command::ALL
            .iter()
            .copied()
            .filter(move |c| c.available_in(mode) && !c.shortcuts().is_empty())
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
        const SHOW_HELP: &[KeyboardShortcut] = &[k(NONE, Key::F1), k(NONE, Key::Questionmark)];
        const TOGGLE_BOOKMARK: &[KeyboardShortcut] = &[k(CMD, Key::D)];
        const FOCUS_SEARCH: &[KeyboardShortcut] = &[k(CMD, Key::F), k(CMD, Key::K)];
        const PRESENT: &[KeyboardShortcut] = &[k(NONE, Key::F5)];
        // What presenters' hands and clickers send (PowerPoint, reveal.js).
        const SLIDE_NEXT: &[KeyboardShortcut] = &[
            k(NONE, Key::ArrowRight),
            k(NONE, Key::Space),
            k(NONE, Key::Enter),
            k(NONE, Key::PageDown),
        ];
        const SLIDE_PREV: &[KeyboardShortcut] = &[
            k(NONE, Key::ArrowLeft),
            k(NONE, Key::PageUp),
            k(NONE, Key::Backspace),
        ];
        const SLIDE_FIRST: &[KeyboardShortcut] = &[k(NONE, Key::Home)];
        const SLIDE_LAST: &[KeyboardShortcut] = &[k(NONE, Key::End)];
        const SCROLL_DOWN: &[KeyboardShortcut] = &[k(NONE, Key::ArrowDown)];
        const SCROLL_UP: &[KeyboardShortcut] = &[k(NONE, Key::ArrowUp)];
        const BLANK_BLACK: &[KeyboardShortcut] = &[k(NONE, Key::B)];
        const BLANK_WHITE: &[KeyboardShortcut] = &[k(NONE, Key::W)];
        const CLASS_NOTE: &[KeyboardShortcut] = &[k(NONE, Key::N)];
        const REVEAL_ALL: &[KeyboardShortcut] = &[k(NONE, Key::A)];
        const EXIT: &[KeyboardShortcut] = &[k(NONE, Key::Escape)];
        const REVIEW: &[KeyboardShortcut] = &[k(NONE, Key::R)];
        const REVEAL: &[KeyboardShortcut] = &[k(NONE, Key::Space), k(NONE, Key::Enter)];
        const RATE_AGAIN: &[KeyboardShortcut] = &[k(NONE, Key::Num1)];
        const RATE_HARD: &[KeyboardShortcut] = &[k(NONE, Key::Num2)];
        const RATE_GOOD: &[KeyboardShortcut] = &[k(NONE, Key::Num3)];
        const RATE_EASY: &[KeyboardShortcut] = &[k(NONE, Key::Num4)];
        const OPEN_SOURCE: &[KeyboardShortcut] = &[k(NONE, Key::E)];
        const REVIEW_NOTE: &[KeyboardShortcut] = &[k(NONE, Key::N)];
        const REVIEW_STATS: &[KeyboardShortcut] = &[k(NONE, Key::S)];
        match self {
            Command::File(FileCommand::OpenFile) => OPEN_FILE,
            Command::File(FileCommand::OpenFolder) => OPEN_FOLDER,
            Command::OpenBuiltin | Command::GitPull => &[],
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
            Command::Present => PRESENT,
            Command::Slide(SlideCommand::Next) => SLIDE_NEXT,
            Command::Slide(SlideCommand::Prev) => SLIDE_PREV,
            Command::Slide(SlideCommand::First) => SLIDE_FIRST,
            Command::Slide(SlideCommand::Last) => SLIDE_LAST,
            Command::Slide(SlideCommand::ScrollDown) => SCROLL_DOWN,
            Command::Slide(SlideCommand::ScrollUp) => SCROLL_UP,
            Command::Slide(SlideCommand::BlankBlack) => BLANK_BLACK,
            Command::Slide(SlideCommand::BlankWhite) => BLANK_WHITE,
            Command::Slide(SlideCommand::ClassNote) => CLASS_NOTE,
            Command::ToggleRevealAll => REVEAL_ALL,
            Command::ExitPresentation | Command::InReview(ReviewCommand::Exit) => EXIT,
            Command::Review => REVIEW,
            Command::InReview(ReviewCommand::Reveal) => REVEAL,
            Command::InReview(ReviewCommand::Rate(Rating::Again)) => RATE_AGAIN,
            Command::InReview(ReviewCommand::Rate(Rating::Hard)) => RATE_HARD,
            Command::InReview(ReviewCommand::Rate(Rating::Good)) => RATE_GOOD,
            Command::InReview(ReviewCommand::Rate(Rating::Easy)) => RATE_EASY,
            Command::InReview(ReviewCommand::OpenSource) => OPEN_SOURCE,
            Command::InReview(ReviewCommand::Note) => REVIEW_NOTE,
            Command::InReview(ReviewCommand::Stats) => REVIEW_STATS,
            Command::File(FileCommand::ExportSheet)
            | Command::File(FileCommand::ExportBackup)
            | Command::File(FileCommand::ExportAnki)
            | Command::File(FileCommand::ImportBackup)
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark => &[],
        }
    }

    /// "Ctrl+O", for tooltips, menus and the help overlay.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| shortcut_text(ctx, s))
    }

    /// "Open file… (Ctrl+O)" for a tooltip.
    pub fn tooltip(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.label(lang)),
            None => self.label(lang).to_owned(),
        }
    }

    /// "F1 / ?": every key of this command, for the help overlays.
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|k| shortcut_text(ctx, k))
            .collect();
        keys.join(" / ")
    }

    /// Whether one of this command's keys was pressed this frame, consuming the presses.
    pub fn consume_shortcut(self, ctx: &egui::Context) -> bool {
        ctx.input_mut(|input| {
            let presses: usize = self
                .shortcuts()
                .iter()
                .map(|s| input.count_and_consume_key(s.modifiers, s.logical_key))
                .sum();
            presses > 0
        })
    }

    /// The commands of `mode` whose shortcut was pressed this frame, consuming the key
    /// presses. Called once per frame, from the one place that applies commands.
    pub fn from_shortcuts(ctx: &egui::Context, mode: Mode) -> Vec<Command> {
        let typing = ctx.egui_wants_keyboard_input();
        // Most modifiers first: egui matches Shift loosely, so Ctrl+Shift+O must be tried
        // before Ctrl+O, or Ctrl+O would take it.
        let mut keys: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .filter(|c| c.available_in(mode))
            .flat_map(|&c| c.shortcuts().iter().map(move |&s| (c, s)))
            .filter(|(_, s)| !(typing && types_into_text(s)))
            .collect();
        keys.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
        });
        // A key pressed twice within one frame (a fast clicker, key repeat) runs twice; two
        // keys of one command in one frame (Ctrl+= that is also Ctrl++) run once.
        let mut counts: Vec<(Command, usize)> = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in keys {
                let n = input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key);
                if n == 0 {
                    continue;
                }
                match counts.iter_mut().find(|(c, _)| *c == command) {
                    Some((_, count)) => *count = (*count).max(n),
                    None => counts.push((command, n)),
                }
            }
        });
        counts
            .into_iter()
            .flat_map(|(c, n)| std::iter::repeat_n(c, n))
            .collect()
    }
}

/// Plain keys (no modifier, not F1–F12) belong to the text field the user types in: they
/// must not run a command then. F5 and F1 work everywhere.
fn types_into_text(shortcut: &KeyboardShortcut) -> bool {
    use Key::*;
    let function_key = matches!(
        shortcut.logical_key,
        F1 | F2 | F3 | F4 | F5 | F6 | F7 | F8 | F9 | F10 | F11 | F12
    );
    shortcut.modifiers.is_none() && !function_key
}

/// A shortcut as people read it: "Ctrl+O", "→", "?", "Esc" (egui would say "Right",
/// "Questionmark", "Escape").
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    shortcut_text_on(ctx.os() == egui::os::OperatingSystem::Mac, shortcut)
}

/// [`shortcut_text`] on a Mac keyboard (`mac`) or another.
pub fn shortcut_text_on(mac: bool, shortcut: &KeyboardShortcut) -> String {
    let names = egui::ModifierNames::NAMES;
    let mut text = names.format(&shortcut.modifiers, mac);
    if !text.is_empty() {
        text += names.concat;
    }
    text += match shortcut.logical_key {
        Key::ArrowRight => "→",
        Key::ArrowLeft => "←",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Questionmark => "?",
        Key::Escape => "Esc",
        Key::Plus => "+",
        Key::Minus => "−",
        Key::Equals => "=",
        key => key.name(),
    };
    text
}

/// Keys a mode handles that are not one command each, listed with that mode's commands.
const MORE_KEYS: &[MoreKeys] = &[(Mode::Presenting, "0–9, Enter", Lang::jump_keys)];

/// A mode, its keys as the tables print them, and what they do in a language.
type MoreKeys = (Mode, &'static str, fn(Lang) -> &'static str);

/// The keys of `mode` as a markdown table, in `lang`, from the command rows (and
/// [`MORE_KEYS`]): what the README's key tables are (a test compares them).
pub fn key_table(mode: Mode, lang: Lang) -> String {
    let (key, action) = lang.key_table_heading();
    let mut table = format!("| {key} | {action} |\n| --- | --- |\n");
    for command in Command::with_keys_in(mode) {
        let keys: Vec<String> = command
            .shortcuts()
            .iter()
            .map(|k| shortcut_text_on(false, k))
            .collect();
        let keys = keys.join(" / ").replace('|', "\\|");
        table += &format!("| {keys} | {} |\n", command.label(lang));
    }
    for (in_mode, keys, label) in MORE_KEYS {
        if *in_mode == mode {
            table += &format!("| {keys} | {} |\n", label(lang));
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's key tables are the command rows: edit the rows, then paste what this
    /// test prints into the README between the `<!-- keys:… -->` markers.
    #[test]
    fn the_readme_key_tables_are_the_command_rows() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md");
        for (mode, name) in [
            (Mode::Reading, "reading"),
            (Mode::Presenting, "presenting"),
            (Mode::Reviewing, "reviewing"),
        ] {
            let start = format!("<!-- keys:{name} -->\n");
            let generated = key_table(mode, Lang::En);
            let found = readme
                .split_once(&start)
                .and_then(|(_, rest)| rest.split_once("<!-- /keys -->"))
                .map(|(table, _)| table);
            assert_eq!(
                found,
                Some(generated.as_str()),
                "README.md's {name} keys differ from the command rows; they are:\n{start}{generated}<!-- /keys -->"
            );
        }
    }

    #[test]
    fn no_two_commands_of_a_mode_share_a_key() {
        for mode in [Mode::Reading, Mode::Presenting, Mode::Reviewing] {
            let mut seen = Vec::new();
            for &c in Command::ALL.iter().filter(|c| c.available_in(mode)) {
                for s in c.shortcuts() {
                    assert!(!seen.contains(s), "{c:?} reuses {s:?} in {mode:?}");
                    seen.push(*s);
                }
            }
        }
    }

    #[test]
    fn presentation_has_the_keys_presenters_use() {
        let keys_of =
            |c: Command| -> Vec<Key> { c.shortcuts().iter().map(|s| s.logical_key).collect() };
        assert_eq!(
            keys_of(Command::Slide(SlideCommand::Next)),
            [Key::ArrowRight, Key::Space, Key::Enter, Key::PageDown]
        );
        assert_eq!(
            keys_of(Command::Slide(SlideCommand::Prev)),
            [Key::ArrowLeft, Key::PageUp, Key::Backspace]
        );
        assert_eq!(keys_of(Command::ShowHelp), [Key::F1, Key::Questionmark]);
        assert!(Command::ShowHelp.available_in(Mode::Presenting));
        assert!(!Command::FocusSearch.available_in(Mode::Presenting));
        assert!(!Command::Slide(SlideCommand::Next).available_in(Mode::Reading));
    }

    #[test]
    fn every_command_has_labels_in_both_languages() {
        for &c in Command::ALL {
            assert!(!c.label(Lang::Ko).is_empty());
            assert!(!c.label(Lang::En).is_empty());
            assert_ne!(c.label(Lang::Ko), c.label(Lang::En), "{c:?}");
        }
    }
}
