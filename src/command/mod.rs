//! Every user action once. The actions are enums (matched exhaustively where they are
//! applied); what each one is called, where its keys work and which keys they are is one
//! row of [`ROWS`], the table the buttons, the menus, the help overlays, the README's key
//! tables and the key dispatch all read, so none of them can drift from the real keys.
//!
//! Keys follow helix's model: the window is in one [`Keymap`] at a time (a text field, an
//! overlay or a typed number narrow it), and a key pressed there runs the first command
//! bound to it in that keymap or its parents. The frame's key presses are taken in the
//! order they came, each against the keymap of that moment, so a digit and the Enter after
//! it in one frame still go to the typed slide ([`next_key_command`]).

mod rows;
#[cfg(test)]
mod tests;

use egui::{Event, Key, KeyboardShortcut, Modifiers};

use crate::export::Format;
use crate::i18n::{Lang, Text};
use crate::review::Rating;

pub use rows::ROWS;

/// What the app knows of one command.
pub struct Row {
    pub command: Command,
    /// Where its keys work (and whose help lists it). A command without keys lists where
    /// its button or menu entry is.
    pub keymaps: &'static [Keymap],
    /// The keys that run it; the first is the one shown on tooltips.
    pub keys: &'static [KeyboardShortcut],
    /// Its name on a button, in a menu and in the key tables.
    pub label: Text,
    /// One sentence on what it does: the tooltip's second line, a screen reader's
    /// description.
    pub help: Text,
}

/// Every user action. The actions of one place (files, slides, review, search) are nested
/// enums, so the place that applies them matches them exhaustively: a command added there
/// and forgotten in its handler does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Open, export and import through a file dialog.
    File(FileCommand),
    OpenBuiltin,
    /// `git pull --ff-only` in the course's folder (offered in a git clone).
    GitPull,
    /// 강의 받기: a course repository cloned by its address (no git needed), then opened.
    CloneCourse,
    PrevQuestion,
    NextQuestion,
    PrevTopic,
    NextTopic,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleLanguage,
    ShowHelp,
    /// Esc over a list of keys.
    CloseHelp,
    ToggleBookmark,
    /// "노트 파일에 답변 쓰기": my answer to the question (the live class answer when
    /// presenting) written into the session's markdown file under it.
    PublishAnswer,
    /// Focus the search box and select its text (Ctrl+F, Ctrl+K).
    FocusSearch,
    /// The keys of the focused search box.
    Search(SearchCommand),
    /// Esc over an image opened full size.
    CloseImage,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    /// Enter presentation mode (F5).
    Present,
    /// Start a review session (R).
    Review,
    /// Presentation mode only: move, scroll, blank, jump, the class answer.
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
    /// Write one of the export formats (the study sheet, the cards for Anki, a backup).
    Export(Format),
    ImportBackup,
}

/// A key of the search box: it moves through the results while the box has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchCommand {
    Up,
    Down,
    /// Open the highlighted result.
    Open,
    /// Clear the query and give the keyboard back.
    Clear,
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
    /// Esc in the class-note editor (or its close button).
    CloseNote,
    /// A digit of a question number to jump to (0–9).
    Digit(u8),
    /// Enter after a number: go to that question.
    GoToNumber,
    /// Backspace after a number: erase its last digit.
    EraseDigit,
    /// Esc after a number: forget it.
    CancelNumber,
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
    /// Undo the last rating of this session: its log entry removed, the card shown again.
    Undo,
    /// Keep the card on screen out of review until tomorrow.
    Bury,
    /// Keep the card on screen out of review until it is released.
    Suspend,
    /// Put the suspended cards of the scope back in review.
    ReleaseSuspended,
}

/// Where keys are looked up: a mode of the window, or a narrower state inside one that
/// binds keys of its own and hands the rest to its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keymap {
    /// The reading window.
    Reading,
    /// The list of keys over the reading window.
    ReadingHelp,
    /// An image opened full size over the reading window.
    Image,
    /// The search box has the keyboard (its keys are taken before the box reads the
    /// frame, and applied once the box holds the frame's letters).
    SearchBox,
    /// Presentation mode.
    Presenting,
    /// The list of keys over the slides.
    SlideHelp,
    /// A question number is being typed.
    SlideNumber,
    /// The class-note editor over a slide.
    ClassNote,
    /// Review mode.
    Reviewing,
    /// The list of keys over the review card.
    ReviewHelp,
}

impl Keymap {
    /// The three modes, whose tables the help overlays and the README print.
    pub const MODES: [Keymap; 3] = [Keymap::Reading, Keymap::Presenting, Keymap::Reviewing];

    /// Where a key this keymap does not bind is looked up next.
    pub fn parent(self) -> Option<Keymap> {
        match self {
            Keymap::Reading | Keymap::Presenting | Keymap::Reviewing | Keymap::SearchBox => None,
            Keymap::ReadingHelp | Keymap::Image => Some(Keymap::Reading),
            Keymap::SlideHelp | Keymap::SlideNumber | Keymap::ClassNote => Some(Keymap::Presenting),
            Keymap::ReviewHelp => Some(Keymap::Reviewing),
        }
    }

    /// The mode this keymap belongs to: whose key table lists its keys.
    pub fn mode(self) -> Keymap {
        match self {
            Keymap::SearchBox => Keymap::Reading,
            other => other.parent().map_or(other, Keymap::mode),
        }
    }

    /// A text field has the keyboard here: plain keys are typed, and only this keymap's
    /// own rows act on them.
    fn types_text(self) -> bool {
        matches!(self, Keymap::SearchBox | Keymap::ClassNote)
    }

    /// This keymap, then its parents.
    fn chain(self) -> impl Iterator<Item = Keymap> {
        std::iter::successors(Some(self), |k| k.parent())
    }

    /// The command `key` with `modifiers` runs here, if any. `typing`: a text field has the
    /// keyboard, so plain keys are left to it unless this keymap types text itself.
    pub fn command_for(self, key: Key, modifiers: Modifiers, typing: bool) -> Option<Command> {
        for keymap in self.chain() {
            let own = keymap == self && self.types_text();
            let plain_keys_typed = (typing || self.types_text()) && !own;
            // Most modifiers first: egui matches Shift loosely, so Ctrl+Shift+O must be
            // tried before Ctrl+O, or Ctrl+O would take it.
            let found = ROWS
                .iter()
                .filter(|row| row.keymaps.contains(&keymap))
                .flat_map(|row| row.keys.iter().map(move |s| (row.command, s)))
                .filter(|(_, s)| s.logical_key == key && modifiers.matches_logically(s.modifiers))
                .filter(|(_, s)| !(plain_keys_typed && types_into_text(s)))
                .max_by_key(|(_, s)| modifier_count(s.modifiers));
            if let Some((command, _)) = found {
                return Some(command);
            }
        }
        None
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl)
}

/// Takes the first key press from `events[*from..]` that runs a command in `keymap` out of
/// the events, and returns that command; presses of no command stay for the widgets, and
/// `from` moves past them. Called again after the command is applied, with the keymap it
/// left, until it returns `None`: each key meets the state the keys before it made.
pub fn next_key_command(
    events: &mut Vec<Event>,
    from: &mut usize,
    keymap: Keymap,
    typing: bool,
) -> Option<Command> {
    while *from < events.len() {
        if let Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = events[*from]
            && let Some(command) = keymap.command_for(key, modifiers, typing)
        {
            events.remove(*from);
            return Some(command);
        }
        *from += 1;
    }
    None
}

impl Command {
    /// Every command, in the order of the table (and of the help).
    pub fn all() -> impl Iterator<Item = Command> {
        ROWS.iter().map(|row| row.command)
    }

    /// This command's row of the table.
    pub fn row(self) -> &'static Row {
        ROWS.iter()
            .find(|row| row.command == self)
            .unwrap_or_else(|| panic!("{self:?} has no row in command::ROWS"))
    }

    /// Whether this command's keys work in `keymap` (in it, or in a parent it hands keys
    /// to).
    pub fn acts_in(self, keymap: Keymap) -> bool {
        let keymaps = self.row().keymaps;
        keymap.chain().any(|k| keymaps.contains(&k))
    }

    /// Its name on a button or in a menu, and in the key tables.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(self.row().label)
    }

    /// One sentence on what it does, for its tooltip and a screen reader.
    pub fn help(self, lang: Lang) -> &'static str {
        lang.text(self.row().help)
    }

    /// The keys that run this command; the first is the one shown.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        self.row().keys
    }

    /// "Ctrl+O", for tooltips, menus and the help overlay.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| shortcut_text(ctx, s))
    }

    /// "Open file… (Ctrl+O)" and what it does, for a tooltip.
    pub fn tooltip(self, ctx: &egui::Context, lang: Lang) -> String {
        let name = match self.shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.label(lang)),
            None => self.label(lang).to_owned(),
        };
        format!("{name}\n{}", self.help(lang))
    }
}

/// One line of a key table: the keys, and what they do. Rows of one label next to each
/// other (the ten digits) share a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyLine {
    pub keys: String,
    pub label: &'static str,
}

/// The keys of `mode` (one of [`Keymap::MODES`]) and of the keymaps inside it, in table
/// order: what that mode's help lists and the README prints. `mac`: name the keys as a
/// Mac keyboard does.
pub fn key_lines(mode: Keymap, lang: Lang, mac: bool) -> Vec<KeyLine> {
    // The keys of each line, how many rows share it, its label.
    let mut lines: Vec<(Vec<String>, usize, &'static str)> = Vec::new();
    let rows = ROWS
        .iter()
        .filter(|row| !row.keys.is_empty() && row.keymaps.iter().any(|k| k.mode() == mode));
    for row in rows {
        let keys = row.keys.iter().map(|k| shortcut_text_on(mac, k));
        let label = lang.text(row.label);
        match lines.last_mut() {
            Some((shared, rows, last)) if *last == label => {
                shared.extend(keys);
                *rows += 1;
            }
            _ => lines.push((keys.collect(), 1, label)),
        }
    }
    lines
        .into_iter()
        .map(|(keys, rows, label)| KeyLine {
            keys: match keys.as_slice() {
                // A run of rows, one key each (the digits): "0–9".
                [first, .., last] if rows > 3 && rows == keys.len() => format!("{first}–{last}"),
                _ => keys.join(" / "),
            },
            label,
        })
        .collect()
}

/// The keys of `mode` as a markdown table, in `lang`: what the README's key tables are (a
/// test compares them).
pub fn key_table(mode: Keymap, lang: Lang) -> String {
    let (key, action) = lang.key_table_heading();
    let mut table = format!("| {key} | {action} |\n| --- | --- |\n");
    for line in key_lines(mode, lang, false) {
        let keys = line.keys.replace('|', "\\|");
        table += &format!("| {keys} | {} |\n", line.label);
    }
    table
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
        Key::Exclamationmark => "!",
        Key::Escape => "Esc",
        Key::Plus => "+",
        Key::Minus => "−",
        Key::Equals => "=",
        key => key.name(),
    };
    text
}

/// A string of the table in both languages.
const fn text(ko: &'static str, en: &'static str) -> Text {
    Text { ko, en }
}
