//! The overlays of a slide: the large editor for the class's answer (N) and the keys (F1, ?).

use egui::{Align, Align2, Color32, CornerRadius, FontId, Frame, Margin, RichText, Stroke, vec2};

use super::{
    Presenter, PresenterAction, SlideInput, SlideSizes, apply_slide_style, note_editor_id,
};
use crate::command::{Keymap, key_lines};
use crate::i18n::Lang;
use crate::ui::fonts;
use crate::ui::theme::projector;

/// The large editor for the class's answer (N): the instructor types it live.
pub(super) fn note_overlay_ui(
    ctx: &egui::Context,
    p: &mut Presenter,
    input: &SlideInput<'_>,
    sizes: &SlideSizes,
    note: &mut String,
) -> Option<PresenterAction> {
    let s = input.lang.strings();
    let question = p
        .deck
        .question()
        .and_then(|(t, q)| input.course.topics.get(t)?.questions.get(q));
    let Some(question) = question else {
        p.note_open = false;
        return None;
    };
    let screen = ctx.content_rect();
    let mut action = None;
    overlay_ui(ctx, "class_note_overlay", sizes, projector::MINE, |ui| {
        ui.set_width(screen.width() * 0.8);
        let label = ui.label(
            RichText::new(format!("✎ {}", s.class_answer))
                .font(FontId::new(sizes.body, fonts::bold()))
                .color(projector::MINE),
        );
        ui.label(
            RichText::new(&question.text)
                .size(sizes.meta)
                .color(projector::WEAK),
        );
        ui.add_space(8.0);
        egui::ScrollArea::vertical()
            .max_height(screen.height() * 0.5)
            .show(ui, |ui| {
                let response = ui
                    .add(
                        egui::TextEdit::multiline(note)
                            .id(note_editor_id(&question.id))
                            .font(FontId::proportional(sizes.body))
                            .desired_rows(5)
                            .desired_width(f32::INFINITY)
                            .lock_focus(true),
                    )
                    .labelled_by(label.id);
                crate::ui::ime::track(ui.ctx(), &response);
                if p.focus_note {
                    response.request_focus();
                    p.focus_note = false;
                }
                if response.changed() {
                    action = Some(PresenterAction::NoteEdited);
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} · {}", input.save_text, s.note_overlay_hint))
                    .size(sizes.meta * 0.8)
                    .color(projector::WEAK),
            );
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                if ui.button(RichText::new(s.done).size(sizes.meta)).clicked() {
                    action = Some(PresenterAction::CloseNote);
                }
                let publish = crate::command::Command::PublishAnswer;
                if input.can_publish
                    && ui
                        .button(RichText::new(publish.label(input.lang)).size(sizes.meta))
                        .on_hover_text(publish.tooltip(ui.ctx(), input.lang))
                        .clicked()
                {
                    action = Some(PresenterAction::Publish);
                }
            });
        });
    });
    action
}

/// The keys of presentation mode, from the command table (F1, ?). True when the "reveal
/// all at once" box was clicked.
pub(super) fn help_overlay_ui(
    ctx: &egui::Context,
    p: &Presenter,
    lang: Lang,
    sizes: &SlideSizes,
) -> bool {
    let s = lang.strings();
    let small = SlideSizes {
        body: sizes.meta,
        ..*sizes
    };
    overlay_ui(ctx, "slide_help", &small, projector::TEXT, |ui| {
        ui.label(
            RichText::new(s.presenter_keys).font(FontId::new(sizes.meta * 1.3, fonts::bold())),
        );
        ui.add_space(8.0);
        egui::Grid::new("slide_help_grid")
            .striped(true)
            .spacing(vec2(sizes.meta, sizes.meta * 0.3))
            .show(ui, |ui| {
                let mac = ctx.os() == egui::os::OperatingSystem::Mac;
                for line in key_lines(Keymap::Presenting, lang, mac) {
                    ui.label(RichText::new(line.keys).monospace());
                    ui.label(line.label);
                    ui.end_row();
                }
                ui.label(RichText::new(s.any_key).monospace());
                ui.label(s.any_key_action);
                ui.end_row();
            });
        ui.add_space(8.0);
        let mut all = p.deck.reveal_all();
        ui.checkbox(&mut all, s.reveal_all).changed()
    })
}

/// A framed box over the middle of the slide, in the slide's style (the note editor, the
/// keys).
fn overlay_ui<R>(
    ctx: &egui::Context,
    id: &str,
    sizes: &SlideSizes,
    stroke: Color32,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::Area::new(egui::Id::unique(id))
        .order(egui::Order::Foreground)
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .show(ctx, |ui| {
            apply_slide_style(ui.style_mut(), sizes);
            Frame::new()
                .fill(projector::BG)
                .stroke(Stroke::new(3.0, stroke))
                .corner_radius(CornerRadius::same(14))
                .inner_margin(Margin::same(24))
                .show(ui, add_contents)
                .inner
        })
        .inner
}
