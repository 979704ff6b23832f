//! Every user action once: its label, its shortcut. Buttons, menus, keys and the help
//! overlay all read this table, so none of them can drift from the real keys.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Lang;

/// Declares [`Command`] and [`Command::ALL`] from one list, so a new command cannot be
/// missing from the table that keys, help and tests read.
macro_rules! commands {
    ($($(#[$meta:meta])* $name:ident,)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Command {
            $($(#[$meta])* $name,)+
        }

        impl Command {
            /// Every command, in declaration order (the order the help lists them in).
            pub const ALL: &'static [Command] = &[$(Command::$name,)+];
        }
    };
}

commands! {
    OpenFile,
    OpenFolder,
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
    ExportSheet,
    ExportBackup,
    ImportBackup,
    /// Focus the search box and select its text (Ctrl+F, Ctrl+K).
    FocusSearch,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    /// Enter presentation mode (F5).
    Present,
    /// Start a review session (R).
    Review,
    /// Write the cards in Anki's text-import format.
    ExportAnki,
    // Presentation mode only.
    SlideNext,
    SlidePrev,
    SlideFirst,
    SlideLast,
    ScrollDown,
    ScrollUp,
    BlankBlack,
    BlankWhite,
    ClassNote,
    ToggleRevealAll,
    ExitPresentation,
    // Review mode only.
    /// Show the answer; once shown, rate Good (as Anki's Space does).
    RevealAnswer,
    RateAgain,
    RateHard,
    RateGood,
    RateEasy,
    /// Open the card's question in the reading window.
    ReviewOpenSource,
    /// Show or hide my note on the card's question.
    ReviewNote,
    ReviewStats,
    ExitReview,
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
        use Command::*;
        match self {
            ZoomIn | ZoomOut | ZoomReset | ToggleLanguage | ShowHelp | ThemeSystem | ThemeLight
            | ThemeDark => true,
            SlideNext | SlidePrev | SlideFirst | SlideLast | ScrollDown | ScrollUp | BlankBlack
            | BlankWhite | ClassNote | ToggleRevealAll | ExitPresentation => {
                mode == Mode::Presenting
            }
            RevealAnswer | RateAgain | RateHard | RateGood | RateEasy | ReviewOpenSource
            | ReviewNote | ReviewStats | ExitReview => mode == Mode::Reviewing,
            OpenFile | OpenFolder | OpenBuiltin | GitPull | PrevQuestion | NextQuestion
            | PrevTopic | NextTopic | ToggleBookmark | ExportSheet | ExportBackup
            | ImportBackup | FocusSearch | Present | Review | ExportAnki => mode == Mode::Reading,
        }
    }

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
            Command::ThemeSystem => s.theme_system,
            Command::ThemeLight => s.theme_light,
            Command::ThemeDark => s.theme_dark,
            Command::Present => s.present,
            Command::SlideNext => s.slide_next,
            Command::SlidePrev => s.slide_prev,
            Command::SlideFirst => s.slide_first,
            Command::SlideLast => s.slide_last,
            Command::ScrollDown => s.scroll_down,
            Command::ScrollUp => s.scroll_up,
            Command::BlankBlack => s.blank_black,
            Command::BlankWhite => s.blank_white,
            Command::ClassNote => s.class_note,
            Command::ToggleRevealAll => s.reveal_all,
            Command::ExitPresentation => s.exit_presentation,
            Command::Review => lang.ko_en("복습 시작", "Start a review"),
            Command::GitPull => lang.git_pull(),
            Command::ExportAnki => lang.ko_en("Anki로 내보내기…", "Export for Anki…"),
            Command::RevealAnswer => {
                lang.ko_en("답 보기 (보인 뒤: 알맞음)", "Show the answer (then: Good)")
            }
            Command::RateAgain => lang.ko_en("다시 (잊었어요)", "Again (forgot)"),
            Command::RateHard => lang.ko_en("어려움", "Hard"),
            Command::RateGood => lang.ko_en("알맞음", "Good"),
            Command::RateEasy => lang.ko_en("쉬움", "Easy"),
            Command::ReviewOpenSource => {
                lang.ko_en("노트에서 이 질문 보기", "Open this question in the notes")
            }
            Command::ReviewNote => lang.ko_en("내 노트 보이기/숨기기", "Show or hide my note"),
            Command::ReviewStats => lang.ko_en("복습 통계", "Review statistics"),
            Command::ExitReview => lang.ko_en("복습 끝내기", "Leave the review"),
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
            Command::OpenFile => OPEN_FILE,
            Command::OpenFolder => OPEN_FOLDER,
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
            Command::SlideNext => SLIDE_NEXT,
            Command::SlidePrev => SLIDE_PREV,
            Command::SlideFirst => SLIDE_FIRST,
            Command::SlideLast => SLIDE_LAST,
            Command::ScrollDown => SCROLL_DOWN,
            Command::ScrollUp => SCROLL_UP,
            Command::BlankBlack => BLANK_BLACK,
            Command::BlankWhite => BLANK_WHITE,
            Command::ClassNote => CLASS_NOTE,
            Command::ToggleRevealAll => REVEAL_ALL,
            Command::ExitPresentation | Command::ExitReview => EXIT,
            Command::Review => REVIEW,
            Command::RevealAnswer => REVEAL,
            Command::RateAgain => RATE_AGAIN,
            Command::RateHard => RATE_HARD,
            Command::RateGood => RATE_GOOD,
            Command::RateEasy => RATE_EASY,
            Command::ReviewOpenSource => OPEN_SOURCE,
            Command::ReviewNote => REVIEW_NOTE,
            Command::ReviewStats => REVIEW_STATS,
            Command::ExportSheet
            | Command::ExportBackup
            | Command::ExportAnki
            | Command::ImportBackup
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
    let names = egui::ModifierNames::NAMES;
    let mut text = names.format(
        &shortcut.modifiers,
        ctx.os() == egui::os::OperatingSystem::Mac,
    );
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

#[cfg(test)]
mod tests {
    use super::*;

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
            keys_of(Command::SlideNext),
            [Key::ArrowRight, Key::Space, Key::Enter, Key::PageDown]
        );
        assert_eq!(
            keys_of(Command::SlidePrev),
            [Key::ArrowLeft, Key::PageUp, Key::Backspace]
        );
        assert_eq!(keys_of(Command::ShowHelp), [Key::F1, Key::Questionmark]);
        assert!(Command::ShowHelp.available_in(Mode::Presenting));
        assert!(!Command::FocusSearch.available_in(Mode::Presenting));
        assert!(!Command::SlideNext.available_in(Mode::Reading));
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
