//! The status line: what is loaded, and every notice until it is dismissed.

use crate::i18n::Lang;
use crate::notice::{Level, Notice};

/// What the status line shows this frame.
pub struct StatusInput<'a> {
    pub lang: Lang,
    /// The file or folder shown ("기본 노트" for the built-in notes).
    pub source: &'a str,
    pub documents: usize,
    pub questions: usize,
    pub open: usize,
    pub notices: &'a [Notice],
}

/// Shows the line and the notices; returns the index of the notice the user dismissed.
pub fn status_ui(ui: &mut egui::Ui, input: &StatusInput<'_>) -> Option<usize> {
    let lang = input.lang;
    let loaded = lang.loaded(input.source, input.documents, input.questions, input.open);
    ui.horizontal(|ui| ui.label(egui::RichText::new(loaded).small()));
    let mut dismissed = None;
    for (i, notice) in input.notices.iter().enumerate() {
        ui.horizontal(|ui| {
            let (icon, color) = match notice.level() {
                Level::Info => ("✔", ui.visuals().text_color()),
                Level::Warning => ("⚠", ui.visuals().warn_fg_color),
                Level::Error => ("⚠", ui.visuals().error_fg_color),
            };
            ui.label(egui::RichText::new(format!("{icon} {}", notice.text(lang))).color(color));
            if ui
                .small_button("✖")
                .on_hover_text(lang.strings().dismiss)
                .clicked()
            {
                dismissed = Some(i);
            }
        });
    }
    dismissed
}
