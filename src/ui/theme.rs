//! Colours and theme choice.

use egui::{Color32, Visuals};
use serde::{Deserialize, Serialize};

/// The user's theme choice, persisted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Open questions: amber, readable on both themes.
pub fn open_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xf5, 0xb0, 0x41)
    } else {
        Color32::from_rgb(0xb0, 0x5c, 0x00)
    }
}

/// Answered questions: green.
pub fn answered_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x5c, 0xc8, 0x7a)
    } else {
        Color32::from_rgb(0x1f, 0x8a, 0x44)
    }
}

/// My own answers: blue, distinct from answered (green) and open (amber).
pub fn mine_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6c, 0xb4, 0xff)
    } else {
        Color32::from_rgb(0x1a, 0x5f, 0xc8)
    }
}

/// The background of a search match.
pub fn search_mark(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0x66)
    }
}

/// The card background: a step away from the panel so cards read as cards.
pub fn card_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(32)
    } else {
        Color32::from_gray(252)
    }
}

/// Base text size in points, a little larger than egui's default for long Korean prose.
pub const BODY_SIZE: f32 = 15.0;

/// Text sizes tuned for reading: applied once at start-up to both themes.
pub fn apply_text_styles(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (TextStyle::Heading, FontId::new(22.0, super::fonts::bold())),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing.y = 6.0;
    });
}

/// Appends `text` to `job` with the chars in `mark` shown as a search match.
pub fn append_marked(
    job: &mut egui::text::LayoutJob,
    text: &str,
    mark: std::ops::Range<usize>,
    format: &egui::TextFormat,
    visuals: &Visuals,
) {
    let (before, matched, after) = crate::search::split_marked(text, mark);
    let mut marked = format.clone();
    marked.background = search_mark(visuals);
    marked.color = visuals.strong_text_color();
    job.append(&before, 0.0, format.clone());
    job.append(&matched, 0.0, marked);
    job.append(&after, 0.0, format.clone());
}
