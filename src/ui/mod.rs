//! The egui panels: each takes what it shows and returns what the user asked for (a
//! `Command` or its own action); none writes the app's state, parses or touches files.

pub mod asked;
pub mod clone_dialog;
pub mod dialogs;
pub mod font_fallback;
pub mod fonts;
pub mod images;
pub mod ime;
pub mod library;
pub mod material;
pub mod notes_panel;
pub mod presenter;
pub mod review;
pub mod review_stats;
pub mod search_panel;
pub mod sidebar;
pub mod slide;
pub mod status;
pub mod theme;
pub mod top_bar;
pub mod viewer;
pub mod widgets;
