//! Search results in the sidebar: one row per hit, the snippet with the match highlighted.
//! Only visible rows are laid out.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat, vec2};

use super::widgets::{append_marked, selectable_row_ui};
use crate::course::{Course, Kind};
use crate::i18n::Lang;
use crate::search::{DocHit, Field, Hit};

/// Everything the results list shows this frame.
pub struct ResultsInput<'a> {
    pub course: &'a Course,
    pub lang: Lang,
    pub hits: &'a [Hit],
    /// Sections of the decks, labs and documents that match, grouped by kind.
    pub doc_hits: &'a [DocHit],
    /// The highlighted result (↑/↓ move it, Enter opens it).
    pub cursor: usize,
    /// Bring the highlighted result into view.
    pub scroll_to_cursor: bool,
}

/// What the user clicked in the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultPick {
    /// A question (an index into the hits).
    Question(usize),
    /// A section of a document (an index into the document hits).
    Document(usize),
}

/// Shows the hits: the questions, then the sections of the textbook, the labs and the
/// documents by kind; returns what the user clicked.
pub fn search_results_ui(ui: &mut egui::Ui, input: &ResultsInput<'_>) -> Option<ResultPick> {
    let lang = input.lang;
    let s = lang.strings();
    ui.add_space(4.0);
    ui.label(egui::RichText::new(lang.search_results(input.hits.len())).strong());
    if input.hits.is_empty() && input.doc_hits.is_empty() {
        ui.add_space(8.0);
        ui.label(egui::RichText::new(s.no_results).weak());
        return None;
    }
    let documents_height = if input.doc_hits.is_empty() {
        0.0
    } else {
        (ui.available_height() * 0.45).min(36.0 + 26.0 * input.doc_hits.len() as f32 + 20.0)
    };
    let mut picked = None;
    if !input.hits.is_empty() {
        ui.allocate_ui(
            vec2(
                ui.available_width(),
                ui.available_height() - documents_height,
            ),
            |ui| {
                picked = question_hits_ui(ui, input).map(ResultPick::Question);
            },
        );
    }
    if !input.doc_hits.is_empty() {
        ui.separator();
        picked = document_hits_ui(ui, input)
            .map(ResultPick::Document)
            .or(picked);
    }
    picked
}

/// The sections of the decks, labs and documents that match, under their kind.
fn document_hits_ui(ui: &mut egui::Ui, input: &ResultsInput<'_>) -> Option<usize> {
    let lang = input.lang;
    let mut clicked = None;
    ui.label(egui::RichText::new(lang.document_results(input.doc_hits.len())).strong());
    egui::ScrollArea::vertical()
        .id_salt("document_results")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut kind: Option<Kind> = None;
            for (i, hit) in input.doc_hits.iter().enumerate() {
                if kind != Some(hit.kind) {
                    kind = Some(hit.kind);
                    ui.label(egui::RichText::new(lang.shelf(hit.kind)).small().weak());
                }
                let title = input
                    .course
                    .library
                    .materials
                    .get(hit.material)
                    .map_or("", |m| m.title.as_str());
                let text = format!("{} · {}", hit.heading, hit.snippet);
                let hover = format!("{title}\n{}", hit.snippet);
                if super::widgets::elided_label(ui, false, &text, &hover).clicked() {
                    clicked = Some(i);
                }
            }
        });
    clicked
}

/// The questions that match, one row each (only visible rows laid out).
fn question_hits_ui(ui: &mut egui::Ui, input: &ResultsInput<'_>) -> Option<usize> {
    let ResultsInput {
        course,
        lang,
        hits,
        cursor,
        scroll_to_cursor,
        ..
    } = *input;
    let row_height = 58.0;
    let mut clicked = None;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("search_results")
        .auto_shrink([false, false]);
    if scroll_to_cursor {
        let spacing = ui.spacing().item_spacing.y;
        let view_height = ui.available_height();
        let top = cursor as f32 * (row_height + spacing);
        let content = hits.len() as f32 * (row_height + spacing) - spacing;
        let max = (content - view_height).max(0.0);
        area = area.vertical_scroll_offset((top - view_height / 2.0).clamp(0.0, max));
    }
    area.show_rows(ui, row_height, hits.len(), |ui, rows| {
        for i in rows {
            let Some(hit) = hits.get(i) else { continue };
            if hit_row_ui(ui, course, lang, hit, i == cursor, row_height) {
                clicked = Some(i);
            }
        }
    });
    clicked
}

fn hit_row_ui(
    ui: &mut egui::Ui,
    course: &Course,
    lang: Lang,
    hit: &Hit,
    selected: bool,
    height: f32,
) -> bool {
    let s = lang.strings();
    let Some(q) = course
        .topics
        .get(hit.topic)
        .and_then(|t| t.questions.get(hit.question))
    else {
        return false;
    };
    let shown = q.shown_text();
    let (rect, response) = selectable_row_ui(ui, height, selected, &shown);
    if ui.is_rect_visible(rect) {
        let field = match hit.field {
            Field::Question => s.field_question,
            Field::Answer => s.field_answer,
            Field::Note => s.my_answer,
        };
        let inner = rect.shrink2(vec2(8.0, 4.0));
        let title = egui::WidgetText::from(egui::RichText::new(shown.as_ref()).strong())
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Truncate),
                inner.width(),
                egui::TextStyle::Body,
            );
        let title_color = ui.visuals().strong_text_color();
        ui.painter().galley(inner.left_top(), title, title_color);
        let job = snippet_job(ui, field, hit);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        ui.painter().galley(
            inner.left_top() + vec2(0.0, 24.0),
            galley,
            ui.visuals().text_color(),
        );
    }
    response.on_hover_text(&hit.snippet).clicked()
}

/// "답변 · …the snippet with the **match** marked…", one line, truncated.
fn snippet_job(ui: &egui::Ui, field: &str, hit: &Hit) -> LayoutJob {
    let font = FontId::proportional(12.5);
    let weak = ui.visuals().weak_text_color();
    let normal = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width().max(100.0) - 16.0;
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    let fmt = |color: Color32, background: Color32| TextFormat {
        font_id: font.clone(),
        color,
        background,
        ..Default::default()
    };
    job.append(&format!("{field} · "), 0.0, fmt(weak, Color32::TRANSPARENT));
    append_marked(
        &mut job,
        &hit.snippet,
        hit.highlight.clone(),
        &fmt(normal, Color32::TRANSPARENT),
        ui.visuals(),
    );
    job
}
