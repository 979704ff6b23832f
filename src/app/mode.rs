//! What the window is doing, exactly one thing at a time (rerun keeps its screen as one
//! enum the same way): reading (with or without the key list over it), presenting, or
//! reviewing; before the course is in, what the command line asked to start in. The
//! frame is one `match` on it; the modes to come (a deck, a lab) are variants here.

use crate::command::Keymap;
use crate::ui::presenter::Presenter;

use super::ReviewRun;

/// What the start-up flags asked for, entered once the course is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Start {
    /// `--present`.
    Presenting,
    /// `--review`; `stats`: `--review-stats`.
    Reviewing { stats: bool },
}

pub(super) enum Mode {
    /// The reading window; `help`: the list of keys (F1) over it.
    Reading { help: bool },
    /// The reading window while the course is read, then `Start`.
    Starting(Start),
    /// Presentation mode: fullscreen slides.
    Presenting(Box<Presenter>),
    /// A review session.
    Reviewing(Box<ReviewRun>),
}

impl Default for Mode {
    fn default() -> Self {
        Mode::Reading { help: false }
    }
}

impl Mode {
    /// The mode the command line asked for (`--present`, `--review`, `--review-stats`).
    pub(super) fn initial(present: bool, review: bool, review_stats: bool) -> Self {
        if present {
            Mode::Starting(Start::Presenting)
        } else if review || review_stats {
            Mode::Starting(Start::Reviewing {
                stats: review_stats,
            })
        } else {
            Mode::default()
        }
    }

    /// Where the keys are looked up in the command table now: the mode, or the overlay
    /// or typed number inside it. `image_open`: an image is shown full size over the
    /// reading window.
    pub(super) fn keymap(&self, image_open: bool) -> Keymap {
        match self {
            Mode::Reading { help: true } => Keymap::ReadingHelp,
            Mode::Reading { help: false } | Mode::Starting(_) if image_open => Keymap::Image,
            Mode::Reading { help: false } | Mode::Starting(_) => Keymap::Reading,
            Mode::Presenting(p) if p.note_open => Keymap::ClassNote,
            Mode::Presenting(p) if p.help => Keymap::SlideHelp,
            Mode::Presenting(p) if !p.number.is_empty() => Keymap::SlideNumber,
            Mode::Presenting(_) => Keymap::Presenting,
            Mode::Reviewing(run) if run.help => Keymap::ReviewHelp,
            Mode::Reviewing(_) => Keymap::Reviewing,
        }
    }

    pub(super) fn presenter(&self) -> Option<&Presenter> {
        match self {
            Mode::Presenting(p) => Some(p),
            _ => None,
        }
    }

    pub(super) fn presenter_mut(&mut self) -> Option<&mut Presenter> {
        match self {
            Mode::Presenting(p) => Some(p),
            _ => None,
        }
    }

    pub(super) fn review(&self) -> Option<&ReviewRun> {
        match self {
            Mode::Reviewing(run) => Some(run),
            _ => None,
        }
    }

    pub(super) fn review_mut(&mut self) -> Option<&mut ReviewRun> {
        match self {
            Mode::Reviewing(run) => Some(run),
            _ => None,
        }
    }

    /// Leaves presentation mode for the reading window; the presenter it was.
    pub(super) fn take_presenter(&mut self) -> Option<Presenter> {
        match std::mem::take(self) {
            Mode::Presenting(p) => Some(*p),
            other => {
                *self = other;
                None
            }
        }
    }

    /// Leaves review mode for the reading window; the run it was.
    pub(super) fn take_review(&mut self) -> Option<ReviewRun> {
        match std::mem::take(self) {
            Mode::Reviewing(run) => Some(*run),
            other => {
                *self = other;
                None
            }
        }
    }

    /// Whether the list of keys is over the reading window, the slides or the review
    /// card.
    pub(super) fn help(&self) -> bool {
        match self {
            Mode::Reading { help } => *help,
            Mode::Presenting(p) => p.help,
            Mode::Reviewing(run) => run.help,
            Mode::Starting(_) => false,
        }
    }

    /// Shows or hides that list.
    pub(super) fn set_help(&mut self, on: bool) {
        match self {
            Mode::Reading { help } => *help = on,
            Mode::Presenting(p) => p.help = on,
            Mode::Reviewing(run) => run.help = on,
            Mode::Starting(_) => {}
        }
    }

    /// What the command line asked to start in, once: the reading window from then on.
    pub(super) fn take_start(&mut self) -> Option<Start> {
        match self {
            Mode::Starting(start) => {
                let start = *start;
                *self = Mode::default();
                Some(start)
            }
            _ => None,
        }
    }
}
