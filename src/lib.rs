//! Study Companion: read, annotate and present the MSP T3 class Q&A notes.
//!
//! Layers, each importing only from the ones below it:
//! - pure model, no egui: `course`, `notes`, `search`, `deck`, `i18n`, `notice`, `overview`;
//! - `state` (what is remembered between runs) and `command` (every user action once);
//! - `ui`: panels that take what they show and return what the user asked for;
//! - `app`: owns everything and applies every action in one place.

pub mod app;
pub mod command;
pub mod course;
pub mod deck;
pub mod i18n;
pub mod notes;
pub mod notice;
pub mod overview;
pub mod search;
pub mod state;
pub mod ui;

pub use app::{AppOptions, StudyApp};
pub use state::UiState;
