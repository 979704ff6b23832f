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
    /// The file or folder being read, while it is.
    pub loading: Option<&'a str>,
    /// The folder 최신 노트 받기 is pulling, while it is.
    pub pulling: Option<&'a str>,
    /// Whether changes on disk show by themselves: `Some(polling)` while watching.
    pub watching: Option<bool>,
    pub notices: &'a [Notice],
}

/// Shows the line and the notices; returns the index of the notice the user dismissed.
pub fn status_ui(ui: &mut egui::Ui, input: &StatusInput<'_>) -> Option<usize> {
    let lang = input.lang;
    let loaded = lang.loaded(input.source, input.documents, input.questions, input.open);
    ui.horizontal(|ui| {
        if let Some(path) = input.loading {
            ui.spinner();
            ui.label(egui::RichText::new(lang.loading(path)).small().strong());
            ui.separator();
        }
        if let Some(dir) = input.pulling {
            ui.spinner();
            ui.label(egui::RichText::new(lang.git_pulling(dir)).small().strong());
            ui.separator();
        }
        ui.label(egui::RichText::new(loaded).small());
        if let Some(polling) = input.watching {
            ui.label(egui::RichText::new("↻").small().weak())
                .on_hover_text(lang.watching(polling));
        }
    });
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
