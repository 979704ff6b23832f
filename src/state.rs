//! The state we persist between runs (eframe storage): where the user was and how they like
//! it. Runtime-only state lives in `app`; user data (answers) lives in the notes store.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::course::QuestionId;
use crate::i18n::Lang;
use crate::review::{DEFAULT_RETENTION, Limits, MAX_RETENTION, MIN_RETENTION};
use crate::search::Filter;

/// Which cards a review session takes (resolved when it starts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewScope {
    /// The topic selected in the reading window.
    #[default]
    Topic,
    /// The session the reading window is narrowed to (else the selected question's).
    Session,
    Course,
    /// Bookmarked (★) questions.
    Bookmarked,
}

impl ReviewScope {
    pub const ALL: [ReviewScope; 4] = [
        ReviewScope::Topic,
        ReviewScope::Session,
        ReviewScope::Course,
        ReviewScope::Bookmarked,
    ];
}

/// The user's theme choice.
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

pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 3.0;
pub const MIN_PRESENT_ZOOM: f32 = 0.5;
pub const MAX_PRESENT_ZOOM: f32 = 2.5;

/// What is remembered between runs. Unknown or missing fields take their defaults, so an
/// older or newer app's state still loads.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// The selected topic, by name, and question, by id: both survive content updates.
    pub topic: Option<String>,
    pub question: Option<QuestionId>,
    pub theme: ThemeChoice,
    pub zoom: f32,
    pub lang: Lang,
    /// The file or folder last opened; `None` for the built-in notes.
    pub last_content: Option<PathBuf>,
    /// Which questions the sidebar and viewer show.
    pub filter: Filter,
    /// The class session the reading window is narrowed to, by title; `None`: all.
    pub session: Option<String>,
    /// The course of a repository the reading window is narrowed to (`None`: all).
    pub group: Option<String>,
    /// Presentation mode: reveal each answer at once instead of block by block.
    pub reveal_all: bool,
    /// Presentation mode's own text zoom (Ctrl +/− on the slides).
    pub present_zoom: f32,
    /// 복습: which cards, how many a day, and the retention FSRS aims at.
    pub review_scope: ReviewScope,
    pub review_limits: Limits,
    pub retention: f32,
    /// Files and folders opened, newest first, at most [`MAX_RECENT`].
    pub recent: Vec<PathBuf>,
    /// 노트 파일에 답변 쓰기 also commits the file, in a git work tree (never pushes).
    pub publish_commit: bool,
}

/// How many recent courses are remembered.
pub const MAX_RECENT: usize = 10;

impl UiState {
    /// `path` was opened: first in the recent list (once), the oldest beyond the limit
    /// dropped.
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            topic: None,
            question: None,
            theme: ThemeChoice::System,
            zoom: 1.0,
            lang: Lang::Ko,
            last_content: None,
            filter: Filter::All,
            session: None,
            group: None,
            reveal_all: false,
            present_zoom: 1.0,
            review_scope: ReviewScope::Topic,
            review_limits: Limits::default(),
            retention: DEFAULT_RETENTION,
            recent: Vec::new(),
            publish_commit: false,
        }
    }
}

impl UiState {
    /// Brings remembered numbers back into range (a hand-edited or older state file).
    /// Called once at start-up.
    pub fn clamped(mut self) -> Self {
        self.zoom = clamp_zoom(self.zoom, MIN_ZOOM, MAX_ZOOM);
        self.present_zoom = clamp_zoom(self.present_zoom, MIN_PRESENT_ZOOM, MAX_PRESENT_ZOOM);
        self.review_limits = self.review_limits.clamped();
        self.recent.truncate(MAX_RECENT);
        self.retention = if self.retention.is_finite() {
            self.retention.clamp(MIN_RETENTION, MAX_RETENTION)
        } else {
            DEFAULT_RETENTION
        };
        self
    }
}

/// A zoom step rounded to 10 % and kept in `min..=max`; a non-number becomes 100 %.
pub fn clamp_zoom(zoom: f32, min: f32, max: f32) -> f32 {
    if zoom.is_finite() {
        ((zoom * 10.0).round() / 10.0).clamp(min, max)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_zoom_comes_back_in_range() {
        let state = UiState {
            zoom: f32::NAN,
            present_zoom: 9.0,
            ..Default::default()
        }
        .clamped();
        assert_eq!(state.zoom, 1.0);
        assert_eq!(state.present_zoom, MAX_PRESENT_ZOOM);
        assert_eq!(clamp_zoom(1.04, MIN_ZOOM, MAX_ZOOM), 1.0);
        assert_eq!(clamp_zoom(0.1, MIN_ZOOM, MAX_ZOOM), MIN_ZOOM);
    }

    #[test]
    fn the_recent_list_is_newest_first_without_repeats_and_at_most_ten() {
        let mut state = UiState::default();
        for n in 0..12 {
            state.remember_recent(std::path::Path::new(&format!("/notes/{n}")));
        }
        state.remember_recent(std::path::Path::new("/notes/5"));
        let names: Vec<String> = state
            .recent
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(names.len(), MAX_RECENT);
        assert_eq!(names[0], "/notes/5");
        assert_eq!(names[1], "/notes/11");
        assert_eq!(names.iter().filter(|n| *n == "/notes/5").count(), 1);
        assert!(!names.contains(&"/notes/0".to_owned()), "the oldest went");
    }

    #[test]
    fn an_older_state_without_new_fields_still_loads() {
        let state: UiState =
            serde_json::from_str(r#"{"zoom": 1.2, "lang": "En"}"#).expect("old state loads");
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.zoom, 1.2);
        assert_eq!(state.filter, Filter::All);
    }
}
