//! The centre: the selected topic's questions as cards, one after another.
//!
//! Only the cards inside the viewport are laid out. Card heights are measured when a card is
//! drawn and estimated before that, so scrolling a topic of 10,000 questions costs what a
//! screenful does.

use egui::text::LayoutJob;
use egui::{
    Align, Color32, CornerRadius, FontId, Frame, Margin, RichText, Sense, Stroke, TextFormat,
    UiBuilder, Vec2, vec2,
};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::i18n::Lang;
use super::{fonts, theme};
use crate::course::{
    Course, Document, ImageBase, ImageRef, ImageStatus, Inline, Question, Segment, builtin,
};
use crate::notes::NoteStore;

/// Space between cards.
const GAP: f32 = 14.0;

/// On a slide, code with long lines shrinks to this share of its size at most, then wraps.
const MIN_CODE_SCALE: f32 = 0.85;

/// Runtime state of the viewer; nothing here is persisted.
pub struct ViewerState {
    cache: CommonMarkCache,
    /// The topic and filter generation the heights below belong to, and the width they were
    /// measured at.
    topic: Option<(usize, u64)>,
    width: f32,
    /// Height of each card (measured, or estimated until drawn).
    heights: Vec<f32>,
    /// `tops[i]` is where card `i` starts; `tops[n]` the total height.
    tops: Vec<f32>,
    /// Bring this question's card to the top (a question index; mapped to its position
    /// among the visible ones), re-applied until the card heights around it settle.
    scroll_to: Option<usize>,
    scroll_applied: bool,
    /// Scroll by this much on the next frame (a card above the fold changed height).
    scroll_adjust: f32,
    /// The image shown at full size, if any.
    pub full_image: Option<ImageRef>,
    /// Whether any card changed height last frame (the layout has not settled yet).
    pub settling: bool,
    /// The viewport height of the last frame, to keep scroll targets inside the content.
    viewport_height: f32,
    /// The content height the scroll area was given last frame: its scroll limit this frame.
    last_content_height: f32,
    /// Where the viewer was scrolled to last frame.
    last_offset: f32,
}

impl Default for ViewerState {
    fn default() -> Self {
        Self {
            cache: CommonMarkCache::default(),
            topic: None,
            width: 0.0,
            heights: Vec::new(),
            tops: vec![0.0],
            scroll_to: None,
            scroll_applied: false,
            scroll_adjust: 0.0,
            full_image: None,
            settling: false,
            viewport_height: 0.0,
            last_content_height: 0.0,
            last_offset: 0.0,
        }
    }
}

/// The search result the user opened: its card shows where the query matched.
pub struct Found {
    pub question: usize,
    pub query: crate::search::Query,
    pub hit: crate::search::Hit,
}

/// What the user did in the viewer this frame.
pub enum ViewerAction {
    SelectQuestion(usize),
}

impl ViewerState {
    /// Scrolls the card of question `index` into view on the next frame.
    pub fn scroll_to(&mut self, index: usize) {
        self.scroll_to = Some(index);
        self.scroll_applied = false;
    }

    /// Forgets measured heights (new content). Called once per content load.
    pub fn reset(&mut self) {
        self.topic = None;
        self.heights.clear();
        self.tops = vec![0.0];
    }

    /// Re-estimates heights when the topic or the width changed. Cheap: no layout.
    fn prepare(
        &mut self,
        course: &Course,
        topic: usize,
        visible: &[usize],
        generation: u64,
        width: f32,
    ) {
        if self.topic == Some((topic, generation)) && (self.width - width).abs() < 1.0 {
            return;
        }
        self.topic = Some((topic, generation));
        self.width = width;
        let questions = course
            .topics
            .get(topic)
            .map_or(&[][..], |t| &t.questions[..]);
        self.heights = visible
            .iter()
            .filter_map(|&i| questions.get(i))
            .map(|q| estimate_height(q, width))
            .collect();
        self.recompute_tops();
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h + GAP;
            self.tops.push(y);
        }
    }
}

/// A rough height before a card is drawn: enough to place the scroll bar sensibly.
fn estimate_height(q: &Question, width: f32) -> f32 {
    let chars_per_line = (width / 9.0).max(20.0);
    let lines: f32 = q
        .answer
        .lines()
        .map(|l| (l.chars().count() as f32 / chars_per_line).ceil().max(1.0))
        .sum();
    let images = q
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, crate::course::BlockKind::Image(_)))
        .count() as f32;
    80.0 + lines * 22.0 + images * (width * 0.6)
}

/// The URI prefix egui_commonmark puts before relative image paths of `doc`.
pub(crate) fn implicit_scheme(doc: Option<&Document>) -> String {
    match doc.map(|d| &d.image_base) {
        Some(ImageBase::Builtin) => builtin::IMAGE_URI_PREFIX.to_owned(),
        Some(ImageBase::Dir(dir)) => format!("file://{}/", dir.display()),
        _ => String::new(),
    }
}

/// Shows the selected topic's `visible` questions (`generation` changes with them).
/// Returns what the user clicked.
#[allow(clippy::too_many_arguments)]
pub fn viewer_ui(
    ui: &mut egui::Ui,
    state: &mut ViewerState,
    course: &Course,
    notes: Option<&NoteStore>,
    lang: Lang,
    topic_index: usize,
    visible: &[usize],
    generation: u64,
    selected: Option<usize>,
    found: Option<&Found>,
) -> Option<ViewerAction> {
    let s = lang.strings();
    let Some(topic) = course.topics.get(topic_index) else {
        empty_state(ui, s.no_topics, "");
        return None;
    };
    if !topic.intro.is_empty() {
        let doc = topic
            .questions
            .first()
            .and_then(|q| course.documents.get(q.document))
            .or(course.documents.first());
        egui::CollapsingHeader::new(s.topic_intro)
            .id_salt(("intro", topic_index))
            .default_open(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(("intro_scroll", topic_index))
                    .max_height(ui.available_height() * 0.3)
                    .show(ui, |ui| {
                        CommonMarkViewer::new()
                            .default_implicit_uri_scheme(implicit_scheme(doc))
                            .show(ui, &mut state.cache, &topic.intro);
                    });
            });
    }
    if topic.questions.is_empty() {
        let name = if topic.is_general() {
            s.general_topic
        } else {
            &topic.name
        };
        empty_state(
            ui,
            s.empty_topic_title,
            &format!("{name} — {}", s.empty_topic_body),
        );
        return None;
    }

    if visible.is_empty() {
        empty_state(ui, s.no_match_filter, "");
        return None;
    }
    let width = (ui.available_width() - 24.0).clamp(200.0, 980.0);
    state.prepare(course, topic_index, visible, generation, width);
    let mut action = None;

    let mut area = egui::ScrollArea::vertical()
        .id_salt(("viewer", topic_index))
        .auto_shrink([false, false]);
    // Past the end the scroll area would spring back, animating for frames: clamp.
    // The scroll area still bounds this frame by last frame's content height.
    let content_now = state.tops.last().copied().unwrap_or(0.0);
    let max_offset = (content_now.min(state.last_content_height) - state.viewport_height).max(0.0);
    if let Some(q) = state.scroll_to {
        let position = visible.iter().position(|&v| v == q).unwrap_or(0);
        let top = state.tops.get(position).copied().unwrap_or(0.0);
        area = area.vertical_scroll_offset(top.min(max_offset));
        // Re-applied while card heights settle, so the target stays put; then released.
        if state.scroll_applied && !state.settling {
            state.scroll_to = None;
        }
        state.scroll_applied = true;
    } else if state.scroll_adjust != 0.0 {
        let offset = state.last_offset;
        area = area.vertical_scroll_offset((offset + state.scroll_adjust).clamp(0.0, max_offset));
        state.scroll_adjust = 0.0;
    }

    state.settling = false;
    let total = topic.questions.len();
    let shown = visible.len();
    area.show_viewport(ui, |ui, viewport| {
        state.viewport_height = viewport.height();
        state.last_offset = viewport.min.y;
        let content_height = state.tops.last().copied().unwrap_or(0.0);
        ui.set_min_height(content_height);
        state.last_content_height = content_height;
        let origin = ui.max_rect().min;
        let left = origin.x + ((ui.available_width() - width) / 2.0).max(0.0);

        // First card whose bottom is below the viewport's top.
        let first = state
            .tops
            .partition_point(|&top| top <= viewport.min.y)
            .saturating_sub(1);
        let mut i = first;
        let mut changed = false;
        while i < shown && state.tops.get(i).is_some_and(|&t| t < viewport.max.y) {
            let Some(&qi) = visible.get(i) else { break };
            let Some(q) = topic.questions.get(qi) else {
                break;
            };
            let top = state.tops.get(i).copied().unwrap_or(0.0);
            let rect = egui::Rect::from_min_size(
                egui::pos2(left, origin.y + top),
                vec2(width, f32::INFINITY),
            );
            let doc = course.documents.get(q.document);
            let response = ui.scope_builder(
                UiBuilder::new().max_rect(rect).id_salt(("card", qi)),
                |ui| {
                    let mine = notes.and_then(|n| n.text(&q.id));
                    let found = found.filter(|f| f.question == qi);
                    card_ui(
                        ui,
                        state,
                        q,
                        doc,
                        mine,
                        lang,
                        qi,
                        total,
                        selected == Some(qi),
                        found,
                    )
                },
            );
            if response.inner {
                action = Some(ViewerAction::SelectQuestion(qi));
            }
            let measured = response.response.rect.height();
            if let Some(h) = state.heights.get_mut(i)
                && (*h - measured).abs() > 0.5
            {
                // A card cut by the top edge grows or shrinks upwards: keep what the user
                // reads where it is.
                if top < viewport.min.y {
                    state.scroll_adjust += measured - *h;
                }
                *h = measured;
                changed = true;
            }
            i += 1;
        }
        if changed {
            state.recompute_tops();
            state.settling = true;
            ui.ctx().request_repaint();
        }
    });

    if let Some(image) = state.full_image.clone() {
        full_image_ui(ui.ctx(), state, &image, lang);
    }
    action
}

fn empty_state(ui: &mut egui::Ui, title: &str, body: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.label(RichText::new("☁").size(48.0).weak());
        ui.add_space(8.0);
        ui.heading(title);
        ui.add_space(4.0);
        ui.label(RichText::new(body).weak());
    });
}

/// One question card. Returns true when the question heading was clicked.
#[allow(clippy::too_many_arguments)]
fn card_ui(
    ui: &mut egui::Ui,
    state: &mut ViewerState,
    q: &Question,
    doc: Option<&Document>,
    mine: Option<&str>,
    lang: Lang,
    index: usize,
    total: usize,
    selected: bool,
    found: Option<&Found>,
) -> bool {
    let s = lang.strings();
    let visuals = ui.visuals().clone();
    let stroke = if selected {
        Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    let mut clicked = false;
    Frame::new()
        .fill(theme::card_fill(&visuals))
        .stroke(stroke)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::symmetric(18, 14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(lang.question_number(index + 1, total))
                        .small()
                        .weak(),
                );
                if let Some(doc) = doc {
                    badge(ui, doc.short_label(), visuals.weak_text_color(), &doc.title);
                }
                if q.is_open() {
                    badge(ui, s.open_badge, theme::open_color(&visuals), s.open_badge);
                }
                if mine.is_some() {
                    badge(
                        ui,
                        s.has_my_answer,
                        theme::mine_color(&visuals),
                        s.has_my_answer,
                    );
                }
            });
            ui.add_space(2.0);
            let heading = question_job(q, &visuals, found.map(|f| &f.query));
            let response = ui.add(egui::Label::new(heading).sense(Sense::click()));
            if response.clicked() {
                clicked = true;
            }
            ui.add_space(6.0);
            if let Some(f) = found.filter(|f| f.hit.field != crate::search::Field::Question) {
                found_line(ui, f, lang);
            }
            if q.blocks.is_empty() || q.is_open() {
                ui.label(RichText::new(s.no_answer_yet).italics().weak());
            } else {
                answer_ui(ui, state, q, doc, lang);
            }
            if let Some(text) = mine {
                ui.add_space(6.0);
                egui::CollapsingHeader::new(
                    RichText::new(format!("✎ {}", s.my_answer_on_card))
                        .color(theme::mine_color(&visuals)),
                )
                .id_salt(("mine", index))
                .default_open(true)
                .show(ui, |ui| {
                    Frame::new()
                        .stroke(Stroke::new(1.0, theme::mine_color(&visuals)))
                        .corner_radius(CornerRadius::same(6))
                        .inner_margin(Margin::same(10))
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.push_id("mine_md", |ui| {
                                CommonMarkViewer::new().show(ui, &mut state.cache, text);
                            });
                        });
                });
            }
        });
    clicked
}

/// The instructor's answer: markdown runs and stand-alone images.
fn answer_ui(
    ui: &mut egui::Ui,
    state: &mut ViewerState,
    q: &Question,
    doc: Option<&Document>,
    lang: Lang,
) {
    let scheme = implicit_scheme(doc);
    let max_width = ui.available_width();
    for (n, segment) in q.segments().into_iter().enumerate() {
        match segment {
            Segment::Markdown(md) => {
                ui.push_id(n, |ui| {
                    CommonMarkViewer::new()
                        .default_implicit_uri_scheme(scheme.clone())
                        .max_image_width(Some(max_width as usize))
                        .show(ui, &mut state.cache, &md);
                });
            }
            Segment::Image(image) => {
                if image_ui(ui, image, lang, vec2(max_width, f32::INFINITY)) {
                    state.full_image = Some(image.clone());
                }
            }
            Segment::Code {
                lang: code_lang,
                code,
                longest_line,
            } => {
                ui.push_id(n, |ui| {
                    code_block_ui(
                        ui,
                        code_lang,
                        code,
                        longest_line,
                        max_width,
                        lang.strings(),
                        false,
                    );
                });
            }
        }
    }
}

/// A code block's text, highlighted (memoized by egui_extras, so calling this every frame
/// costs no re-highlighting), never wrapped. For the projector (`projector`) every colour is
/// pushed to the projector contrast against the code background, hue kept.
pub fn code_job(ui: &egui::Ui, lang: &str, code: &str, projector: bool) -> LayoutJob {
    use egui_extras::syntax_highlighting::{CodeTheme, highlight};
    let theme = CodeTheme::from_style(ui.style());
    let language = if lang.is_empty() { "txt" } else { lang };
    let mut job = highlight(ui.ctx(), ui.style(), &theme, code, language);
    job.wrap.max_width = f32::INFINITY;
    if projector {
        // A handful of distinct colours over many sections: fix each colour once.
        let bg = ui.visuals().extreme_bg_color;
        let mut fixed: Vec<(Color32, Color32)> = Vec::new();
        for section in &mut job.sections {
            let colour = section.format.color;
            section.format.color = match fixed.iter().find(|(from, _)| *from == colour) {
                Some(&(_, to)) => to,
                None => {
                    let to = theme::ensure_contrast(colour, bg, theme::PROJECTOR_MIN_CONTRAST);
                    fixed.push((colour, to));
                    to
                }
            };
        }
    }
    job
}

/// A code block: highlighted, never wrapped, scrolling sideways when wider than the card,
/// with a copy button (not on slides: `projector`).
pub fn code_block_ui(
    ui: &mut egui::Ui,
    lang: &str,
    code: &str,
    longest_line: usize,
    max_width: f32,
    s: &super::i18n::Strings,
    projector: bool,
) {
    let job = code_job(ui, lang, code, projector);
    let visuals = ui.visuals().clone();
    Frame::new()
        .fill(visuals.extreme_bg_color)
        .stroke(visuals.widgets.noninteractive.bg_stroke)
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.set_width((max_width - 16.0).max(100.0));
            // On a slide there is no copy button: without a language, no header row at all.
            if !(projector && lang.is_empty()) {
                ui.horizontal(|ui| {
                    if !lang.is_empty() {
                        ui.label(RichText::new(lang).small().weak());
                    }
                    if projector {
                        return;
                    }
                    ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                        let copy = ui
                            .add(
                                egui::Button::new(RichText::new(format!("🗐 {}", s.copy)).small())
                                    .frame(false),
                            )
                            .on_hover_text(s.copy_code);
                        if copy.clicked() {
                            ui.copy_text(code.to_owned());
                        }
                    });
                });
            }
            let char_width = ui
                .fonts_mut(|f| f.glyph_width(&egui::TextStyle::Monospace.resolve(ui.style()), '0'));
            let needed = longest_line as f32 * char_width + 8.0;
            if projector {
                // Nobody can scroll a projected slide sideways: a long line shrinks the code
                // (to 85 % at most), and what still does not fit wraps.
                let room = ui.available_width();
                let mut job = job;
                if needed > room {
                    let scale = (room / needed).max(MIN_CODE_SCALE);
                    for section in &mut job.sections {
                        section.format.font_id.size *= scale;
                    }
                    if needed * scale > room {
                        job.wrap.max_width = room;
                    }
                }
                ui.add(egui::Label::new(job).selectable(true));
                return;
            }
            egui::ScrollArea::horizontal()
                .id_salt("code")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    ui.set_min_width(needed);
                    ui.add(egui::Label::new(job).selectable(true).extend());
                });
        });
}

/// A small rounded tag ("23-5차", "열린 질문").
fn badge(ui: &mut egui::Ui, text: &str, color: Color32, hover: &str) {
    Frame::new()
        .stroke(Stroke::new(1.0, color))
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(color));
        })
        .response
        .on_hover_text(hover);
}

/// "🔍 답변 · …the match…": where a search matched inside this card's answer or my note.
fn found_line(ui: &mut egui::Ui, found: &Found, lang: Lang) {
    let s = lang.strings();
    let field = match found.hit.field {
        crate::search::Field::Note => s.my_answer,
        _ => s.field_answer,
    };
    let plain = TextFormat {
        font_id: FontId::proportional(13.0),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.append(&format!("🔍 {field} · "), 0.0, plain.clone());
    theme::append_marked(
        &mut job,
        &found.hit.snippet,
        found.hit.highlight.clone(),
        &plain,
        ui.visuals(),
    );
    ui.label(job);
}

/// The question as a heading: bold text, inline code in the code font; the search match,
/// if a search opened this card, highlighted.
fn question_job(
    q: &Question,
    visuals: &egui::Visuals,
    query: Option<&crate::search::Query>,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let text_format = TextFormat {
        font_id: FontId::new(18.0, fonts::bold()),
        color: visuals.strong_text_color(),
        ..Default::default()
    };
    let code_format = TextFormat {
        font_id: FontId::monospace(16.0),
        color: visuals.strong_text_color(),
        background: visuals.code_bg_color,
        ..Default::default()
    };
    for inline in &q.inlines {
        let (text, format) = match inline {
            Inline::Text(t) => (t, &text_format),
            Inline::Code(c) => (c, &code_format),
        };
        match query.and_then(|query| crate::search::find_in(text, query)) {
            Some(range) => theme::append_marked(&mut job, text, range, format, visuals),
            None => job.append(text, 0.0, format.clone()),
        }
    }
    job.halign = Align::LEFT;
    job
}

/// The image scaled to fit `max_size`: to the card's width when the height is unbounded
/// (a card), else its own size scaled down, never up, to fit the box (a slide).
fn image_widget(image: &ImageRef, max_size: Vec2) -> egui::Image<'_> {
    let widget = egui::Image::new(image.uri.as_str()).max_size(max_size);
    if max_size.y.is_finite() {
        widget.fit_to_original_size(1.0)
    } else {
        widget
    }
}

/// A stand-alone image, scaled to fit `max_size`. Returns true when clicked.
pub(crate) fn image_ui(ui: &mut egui::Ui, image: &ImageRef, lang: Lang, max_size: Vec2) -> bool {
    let s = lang.strings();
    match &image.status {
        ImageStatus::Ok => {
            let alt = if image.alt.is_empty() {
                &image.url
            } else {
                &image.alt
            };
            let response = ui
                .add(
                    image_widget(image, max_size)
                        .corner_radius(4)
                        .alt_text(alt)
                        .sense(Sense::click()),
                )
                .on_hover_text(s.click_full_size)
                .on_hover_cursor(egui::CursorIcon::ZoomIn);
            response.clicked()
        }
        ImageStatus::Missing => {
            warning_box(ui, &format!("🖼 {}: {}", s.missing_image, image.url));
            false
        }
        ImageStatus::TooLarge(bytes) => {
            warning_box(
                ui,
                &format!(
                    "🖼 {} ({} MB): {}",
                    s.huge_image,
                    bytes / (1024 * 1024),
                    image.url
                ),
            );
            false
        }
        ImageStatus::Remote => {
            ui.hyperlink_to(format!("🖼 {}: {}", s.remote_image, image.url), &image.url);
            false
        }
    }
}

fn warning_box(ui: &mut egui::Ui, text: &str) {
    let color = ui.visuals().warn_fg_color;
    Frame::new()
        .stroke(Stroke::new(1.0, color))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color));
        });
}

/// The image at its original size, in a window that scrolls.
fn full_image_ui(ctx: &egui::Context, state: &mut ViewerState, image: &ImageRef, lang: Lang) {
    let s = lang.strings();
    let mut open = true;
    let screen = ctx.content_rect();
    egui::Window::new(format!("{}: {}", s.image_window, image.url))
        .id(egui::Id::unique("full_image"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size(screen.size() * 0.85)
        .max_size(screen.size() * 0.95)
        .anchor(egui::Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .show(ctx, |ui| {
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let alt = if image.alt.is_empty() {
                        &image.url
                    } else {
                        &image.alt
                    };
                    ui.add(
                        egui::Image::new(image.uri.as_str())
                            .fit_to_original_size(1.0)
                            .alt_text(alt),
                    );
                });
        });
    let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    if !open || escape {
        state.full_image = None;
    }
}
