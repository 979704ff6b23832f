//! A deck, a lab or a document of the course, read in the viewer: its markdown laid out a
//! section at a time (a heading, a slide), and only the sections on screen once their
//! height is known, so a long document costs what is visible.

use egui::RichText;
use egui_commonmark::CommonMarkCache;

use super::widgets::{markdown_ui, plain_text_ui};
use crate::course::{Kind, Material, Oversize};
use crate::i18n::Lang;

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
    width: f32,
    /// The section to bring to the top at the next frame (a heading of the outline).
    pub scroll_to: Option<usize>,
    /// The heading my notes go to (picked in the outline): an index into its headings.
    pub note_heading: Option<usize>,
    cache: CommonMarkCache,
}

impl MaterialView {
    pub fn new(index: usize, path: String) -> Self {
        Self {
            index,
            path,
            heights: Vec::new(),
            plain: Vec::new(),
            width: 0.0,
            scroll_to: None,
            note_heading: None,
            cache: CommonMarkCache::default(),
        }
    }
}

/// What the user did in the document's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaterialAction {
    /// Back to the questions.
    Close,
}

/// Sections more than this far off screen are not laid out (their height is kept).
const MARGIN: f32 = 600.0;

pub fn material_ui(
    ui: &mut egui::Ui,
    view: &mut MaterialView,
    material: &Material,
    lang: Lang,
) -> Option<MaterialAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button(lang.back_to_questions()).clicked() {
            action = Some(MaterialAction::Close);
        }
        ui.label(RichText::new(lang.shelf(material.kind)).small().weak());
        ui.label(RichText::new(&material.path).small().weak());
    });
    ui.separator();
    let sections = material.sections.len();
    if view.heights.len() != sections {
        view.heights = vec![None; sections];
        view.plain = vec![None; sections];
    }
    let width = ui.available_width();
    if (width - view.width).abs() > 0.5 {
        view.width = width;
        view.heights.iter_mut().for_each(|h| *h = None);
    }
    let prefix = material.image_base.uri_prefix();
    let target = view.scroll_to.take();
    egui::ScrollArea::vertical()
        .id_salt(("material", view.path.as_str()))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.cursor().top();
            for (i, range) in material.sections.iter().enumerate() {
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
                let text = material.body.get(range.clone()).unwrap_or("");
                let plain = *view.plain[i].get_or_insert_with(|| oversize(text));
                let start = ui.cursor().top();
                ui.push_id(i, |ui| match plain {
                    Some(why) => plain_text_ui(ui, text, &why, lang),
                    None => {
                        markdown_ui(ui, &mut view.cache, text, &[], &prefix, Some(width), lang);
                    }
                });
                if material.kind == Kind::Deck {
                    ui.add_space(12.0);
                }
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
