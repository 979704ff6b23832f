//! Study Companion: read, annotate and present the MSP T3 class Q&A notes.
//!
//! `course`, `notes`, `search` and `deck` are the pure model (no egui); `ui`, `command` and
//! `app` are the egui shell.

pub mod app;
pub mod command;
pub mod course;
pub mod deck;
pub mod notes;
pub mod search;
pub mod ui;

pub use app::{AppOptions, StudyApp, UiState};
