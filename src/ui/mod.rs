//! The egui shell: one file per panel. Reads the course, never parses or writes files.

pub mod fonts;
pub mod i18n;
pub mod notes_panel;
pub mod presenter;
pub mod search_panel;
pub mod sidebar;
pub mod theme;
pub mod top_bar;
pub mod viewer;
