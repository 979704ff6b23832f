//! A deck, a lab or a document of the course, read in the viewer.
//!
//! A deck shows its slides one under another like a PDF, each a page of the deck's shape;
//! only the slides on screen are drawn (their height is known), so their images decode
//! when they come into view. A lab or a document is laid out a section at a time (at each
//! heading), only the sections on screen once their height is known; a lab's steps have a
//! 완료 checkbox, and a note on a heading shows under it. Top-level code blocks are drawn
//! by the app (terminal sessions as sessions, with 명령어만 복사), the rest by
//! egui_commonmark.

use egui::RichText;
use egui_commonmark::CommonMarkCache;

use super::slide::{SlideColors, SlideLook, slide_ui};
use super::widgets::{CodeBlock, code_block_ui, markdown_ui, plain_text_ui};
use crate::course::{Kind, Material, Oversize};
use crate::i18n::Lang;
use crate::notes::Notebook;

/// What is remembered of the open document while it is open.
pub struct MaterialView {
    /// Its index in the library's materials, and its path (which finds it again after a
    /// reload).
    pub index: usize,
    pub path: String,
    /// Each section's height at `width`, once laid out.
    heights: Vec<Option<f32>>,
    /// Each section's verdict: shown as plain text when too large to render.
    plain: Vec<Option<Option<Oversize>>>,
    /// Each section cut into markdown and code blocks, once it is first shown.
    parts: Vec<Option<Vec<Part>>>,
    width: f32,
    /// The section (a deck's slide) to bring to the top at the next frame.
    pub scroll_to: Option<usize>,
    /// The heading my notes go to (picked in the outline): an index into its headings.
    pub note_heading: Option<usize>,
    /// A deck's slide most in view: where F5 starts.
    pub slide_in_view: usize,
    cache: CommonMarkCache,
}

impl MaterialView {
    pub fn new(index: usize, path: String) -> Self {
        Self {
            index,
            path,
            heights: Vec::new(),
            plain: Vec::new(),
            parts: Vec::new(),
            width: 0.0,
            scroll_to: None,
            note_heading: None,
            slide_in_view: 0,
            cache: CommonMarkCache::default(),
        }
    }
}

/// A piece of a section: markdown, or a top-level code block (ranges into the section).
#[derive(Clone, Debug)]
enum Part {
    Markdown(std::ops::Range<usize>),
    Code {
        lang: String,
        code: String,
        longest_line: usize,
    },
}

/// What the document's view is given.
pub struct MaterialInput<'a> {
    pub material: &'a Material,
    pub notes: &'a Notebook,
    pub lang: Lang,
}

/// What the user did in the document's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaterialAction {
    /// Back to the questions.
    Close,
    /// A lab step's 완료 checkbox: its heading, and the new state.
    StepDone { heading: usize, done: bool },
    /// "✎ 노트" on a heading (a slide's, a step's): my notes go there.
    NoteOn(usize),
    /// ▶ 발표: present the deck from this slide.
    Present(usize),
}

/// Sections more than this far off screen are not laid out (their height is kept).
const MARGIN: f32 = 600.0;

pub fn material_ui(
    ui: &mut egui::Ui,
    view: &mut MaterialView,
    input: &MaterialInput<'_>,
) -> Option<MaterialAction> {
    let MaterialInput { material, lang, .. } = *input;
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button(lang.back_to_questions()).clicked() {
            action = Some(MaterialAction::Close);
        }
        ui.label(RichText::new(lang.shelf(material.kind)).small().weak());
        ui.label(RichText::new(&material.path).small().weak());
        if material.deck.is_some()
            && ui
                .button(lang.present_deck())
                .on_hover_text(lang.present_deck_help())
                .clicked()
        {
            action = Some(MaterialAction::Present(view.slide_in_view));
        }
        if material.kind == Kind::Lab && material.steps > 0 {
            let done = input.notes.steps_done(material);
            ui.label(RichText::new(lang.steps_done(done, material.steps)).strong());
            ui.add(
                egui::ProgressBar::new(done as f32 / material.steps as f32)
                    .desired_width(120.0)
                    .desired_height(8.0),
            );
        }
    });
    ui.separator();
    let inner = if material.deck.is_some() {
        deck_ui(ui, view, input)
    } else {
        sections_ui(ui, view, input)
    };
    action.or(inner)
}

/// The slides one under another, each as wide as the room allows (at most 1000 points),
/// my notes on a slide's headings beside it when there is room, else under it.
fn deck_ui(
    ui: &mut egui::Ui,
    view: &mut MaterialView,
    input: &MaterialInput<'_>,
) -> Option<MaterialAction> {
    let MaterialInput {
        material,
        notes,
        lang,
    } = *input;
    let deck = material.deck.as_ref()?;
    let mut action = None;
    let room = ui.available_width();
    let has_notes = material
        .headings
        .iter()
        .any(|h| notes.text(&h.id).is_some());
    let beside = has_notes && room > 900.0;
    let slide_w = if beside { room - 300.0 } else { room - 16.0 }.clamp(160.0, 1000.0);
    let slide_h = slide_w * deck.size.height / deck.size.width;
    let caption_h = 30.0;
    let row_h = slide_h + caption_h + 18.0;
    let colors = if ui.visuals().dark_mode {
        SlideColors::DARK
    } else {
        SlideColors::LIGHT
    };
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("deck", view.path.as_str()))
        .auto_shrink([false, false]);
    if let Some(target) = view.scroll_to.take() {
        scroll = scroll.vertical_scroll_offset(target as f32 * row_h);
    }
    let output = scroll.show_rows(ui, row_h, deck.slides.len(), |ui, rows| {
        for i in rows {
            ui.push_id(i, |ui| {
                ui.spacing_mut().item_spacing.y = 0.0;
                ui.horizontal_top(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(slide_w, slide_h), egui::Sense::hover());
                    let look = SlideLook {
                        deck,
                        index: i,
                        colors,
                        projector: false,
                        lang,
                    };
                    slide_ui(ui, rect, &look);
                    ui.painter().rect_stroke(
                        rect,
                        egui::CornerRadius::same(2),
                        ui.visuals().widgets.noninteractive.bg_stroke,
                        egui::StrokeKind::Outside,
                    );
                    if beside {
                        ui.add_space(12.0);
                        ui.vertical(|ui| {
                            ui.set_width(room - slide_w - 24.0);
                            slide_notes_ui(ui, material, notes, i, lang);
                        });
                    }
                });
                ui.horizontal(|ui| {
                    ui.set_height(caption_h);
                    ui.label(
                        RichText::new(lang.slide_of(i + 1, deck.slides.len()))
                            .small()
                            .weak(),
                    );
                    if let Some(h) = material.headings.iter().position(|h| h.section == i)
                        && ui
                            .small_button(lang.write_note_here())
                            .on_hover_text(lang.write_note_here_help())
                            .clicked()
                    {
                        action = Some(MaterialAction::NoteOn(h));
                    }
                    if !beside {
                        slide_notes_ui(ui, material, notes, i, lang);
                    }
                });
                ui.add_space(18.0);
            });
        }
    });
    let offset = output.state.clamped_offset().y;
    view.slide_in_view = ((offset + row_h * 0.4) / row_h).floor().max(0.0) as usize;
    view.slide_in_view = view.slide_in_view.min(deck.slides.len().saturating_sub(1));
    action
}

/// My notes on the headings of slide `slide`.
fn slide_notes_ui(
    ui: &mut egui::Ui,
    material: &Material,
    notes: &Notebook,
    slide: usize,
    lang: Lang,
) {
    for h in material.headings.iter().filter(|h| h.section == slide) {
        if let Some(text) = notes.text(&h.id) {
            note_box_ui(ui, text, lang);
        }
    }
}

/// A note of mine, shown where it belongs.
fn note_box_ui(ui: &mut egui::Ui, text: &str, lang: Lang) {
    egui::Frame::new()
        .fill(super::theme::card_fill(ui.visuals()))
        .stroke(egui::Stroke::new(
            1.0,
            super::theme::mine_color(ui.visuals()),
        ))
        .corner_radius(egui::CornerRadius::same(6))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.label(
                RichText::new(lang.my_note())
                    .small()
                    .color(super::theme::mine_color(ui.visuals())),
            );
            ui.add(egui::Label::new(text).wrap());
        });
}

/// A lab's or a document's sections, laid out only near the screen.
fn sections_ui(
    ui: &mut egui::Ui,
    view: &mut MaterialView,
    input: &MaterialInput<'_>,
) -> Option<MaterialAction> {
    let material = input.material;
    let sections = material.sections.len();
    if view.heights.len() != sections {
        view.heights = vec![None; sections];
        view.plain = vec![None; sections];
        view.parts = vec![None; sections];
    }
    let width = ui.available_width();
    if (width - view.width).abs() > 0.5 {
        view.width = width;
        view.heights.iter_mut().for_each(|h| *h = None);
    }
    let mut action = None;
    let target = view.scroll_to.take();
    egui::ScrollArea::vertical()
        .id_salt(("material", view.path.as_str()))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.cursor().top();
            for i in 0..sections {
                let y = ui.cursor().top() - origin;
                let off_screen =
                    |h: f32| y + h < viewport.min.y - MARGIN || y > viewport.max.y + MARGIN;
                if let Some(h) = view.heights[i]
                    && off_screen(h)
                    && target != Some(i)
                {
                    ui.allocate_space(egui::vec2(width, h));
                    continue;
                }
                let start = ui.cursor().top();
                let a = ui
                    .push_id(i, |ui| section_ui(ui, view, input, i, width))
                    .inner;
                action = action.or(a);
                let end = ui.cursor().top();
                view.heights[i] = Some(end - start);
                if target == Some(i) {
                    let rect = egui::Rect::from_min_size(
                        egui::pos2(ui.min_rect().left(), start),
                        egui::vec2(width, end - start),
                    );
                    ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                }
            }
        });
    action
}

/// One section: a step's heading with its checkbox and my note, then its markdown and code.
fn section_ui(
    ui: &mut egui::Ui,
    view: &mut MaterialView,
    input: &MaterialInput<'_>,
    i: usize,
    width: f32,
) -> Option<MaterialAction> {
    let MaterialInput {
        material,
        notes,
        lang,
    } = *input;
    let range = material.sections[i].clone();
    let mut text = material.body.get(range).unwrap_or("");
    let mut action = None;
    let heading = material
        .headings
        .iter()
        .position(|h| h.section == i)
        .filter(|_| text.starts_with('#'));
    if let Some(hi) = heading {
        let h = &material.headings[hi];
        let step = material.kind == Kind::Lab && material.step_headings().any(|(idx, _)| idx == hi);
        // The heading line is drawn here, with what belongs to it.
        text = text.split_once('\n').map_or("", |(_, rest)| rest);
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let size = match h.level {
                1 => 26.0,
                2 => 21.0,
                3 => 18.0,
                _ => 16.0,
            };
            let strong = ui.visuals().strong_text_color();
            ui.label(
                RichText::new(&h.text)
                    .size(size)
                    .family(super::fonts::bold())
                    .color(strong),
            );
            if step {
                let mut done = notes.is_done(&h.id);
                let label = format!("{} — {}", lang.step_done(), h.text);
                let response = ui
                    .checkbox(&mut done, lang.step_done())
                    .on_hover_text(lang.step_done_help());
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::CheckBox, true, done, &label)
                });
                if response.changed() {
                    action = Some(MaterialAction::StepDone { heading: hi, done });
                }
            }
            if ui
                .small_button(lang.write_note_here())
                .on_hover_text(lang.write_note_here_help())
                .clicked()
            {
                action = Some(MaterialAction::NoteOn(hi));
            }
        });
        if let Some(note) = notes.text(&h.id) {
            note_box_ui(ui, note, lang);
        }
    }
    let plain = *view.plain[i].get_or_insert_with(|| oversize(text));
    if let Some(why) = plain {
        plain_text_ui(ui, text, &why, lang);
        return action;
    }
    let prefix = material.image_base.uri_prefix();
    let parts = view.parts[i].get_or_insert_with(|| parts_of(text)).clone();
    for (n, part) in parts.iter().enumerate() {
        ui.push_id(n, |ui| match part {
            Part::Markdown(r) => {
                let md = text.get(r.clone()).unwrap_or("");
                markdown_ui(ui, &mut view.cache, md, &[], &prefix, Some(width), lang);
            }
            Part::Code {
                lang: code_lang,
                code,
                longest_line,
            } => {
                let block = CodeBlock {
                    lang: code_lang,
                    code,
                    longest_line: *longest_line,
                    max_width: width,
                    projector: false,
                    words: lang,
                };
                code_block_ui(ui, &block, lang.strings());
                ui.add_space(6.0);
            }
        });
    }
    action
}

/// A section cut at its top-level fenced code blocks.
fn parts_of(text: &str) -> Vec<Part> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut parts = Vec::new();
    let mut from = 0;
    let mut depth = 0usize;
    let mut code: Option<(String, String, usize)> = None;
    for (event, range) in Parser::new_ext(text, crate::course::PARSER_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if depth == 0 => {
                if range.start > from {
                    parts.push(Part::Markdown(from..range.start));
                }
                let lang = info.split_whitespace().next().unwrap_or("").to_owned();
                code = Some((lang, String::new(), range.end));
                depth += 1;
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, c, _)) = code.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) if depth == 1 && code.is_some() => {
                depth = 0;
                if let Some((lang, mut c, _)) = code.take() {
                    if c.ends_with('\n') {
                        c.pop();
                    }
                    let longest_line = c.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    parts.push(Part::Code {
                        lang,
                        code: c,
                        longest_line,
                    });
                }
                from = range.end;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if from < text.len() && !text[from..].trim().is_empty() {
        parts.push(Part::Markdown(from..text.len()));
    }
    parts
}

/// Whether a section is too large to render as markdown: its size, its longest line, how
/// deep its lists and quotes nest, how many inline spans it holds.
fn oversize(text: &str) -> Option<Oversize> {
    use pulldown_cmark::{Event, Parser};
    if text.len() > crate::course::MAX_RENDERED_BYTES {
        return Oversize::of(text, 0, 0);
    }
    let (mut depth, mut deepest, mut spans) = (0usize, 0usize, 0usize);
    for event in Parser::new_ext(text, crate::course::PARSER_OPTIONS) {
        match event {
            Event::Start(_) => {
                depth += 1;
                deepest = deepest.max(depth);
                spans += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Code(_) => spans += 1,
            _ => {}
        }
    }
    Oversize::of(text, deepest, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_cut_at_its_top_level_code_blocks_only() {
        let text = "intro\n\n```\n$ ls\na\n```\n\n> 💻 명령어\n> ```bash\n> ls\n> ```\n\nend\n";
        let parts = parts_of(text);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert!(matches!(&parts[1], Part::Code { code, .. } if code == "$ ls\na"));
        let Part::Markdown(r) = &parts[2] else {
            panic!("{parts:?}")
        };
        assert!(text[r.clone()].contains("💻 명령어") && text[r.clone()].contains("end"));
    }
}
