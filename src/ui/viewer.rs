//! The centre: the selected topic's questions as cards, one after another.
//!
//! Only the cards inside the viewport are laid out. Card heights are measured when a card is
//! drawn and estimated before that, so scrolling a topic of 10,000 questions costs what a
//! screenful does.

use egui::text::LayoutJob;
use egui::{
    Align, CornerRadius, FontId, Frame, Margin, RichText, Sense, Stroke, TextFormat, UiBuilder,
    vec2,
};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::widgets::{answer_ui, append_marked, badge_ui, empty_state_ui, plain_text_ui};
use super::{fonts, theme};
use crate::course::{Course, Document, ImageRef, Inline, Question};
use crate::i18n::Lang;
use crate::notes::Notebook;
use crate::notes::seen::{News, NewsKind};

/// Space between cards.
const GAP: f32 = 14.0;

/// The viewer's runtime data (card heights, scroll target, the image shown full size);
/// nothing here is persisted.
pub struct Viewer {
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
    /// How far into that card the view starts (0: at its top).
    scroll_into: f32,
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
    /// The questions whose cards were on screen this frame (they count as seen).
    shown: Vec<usize>,
    /// A link that is never opened was clicked: the app says why.
    pub refused_link: Option<String>,
}

impl Default for Viewer {
    fn default() -> Self {
        Self {
            cache: CommonMarkCache::default(),
            topic: None,
            width: 0.0,
            heights: Vec::new(),
            tops: vec![0.0],
            scroll_to: None,
            scroll_into: 0.0,
            scroll_applied: false,
            scroll_adjust: 0.0,
            full_image: None,
            settling: false,
            viewport_height: 0.0,
            last_content_height: 0.0,
            last_offset: 0.0,
            shown: Vec::new(),
            refused_link: None,
        }
    }
}

/// The search result the user opened: its card shows where the query matched.
#[derive(Debug)]
pub struct Found {
    pub question: usize,
    pub query: crate::search::Query,
    pub hit: crate::search::Hit,
}

/// What the user did in the viewer this frame.
pub enum ViewerAction {
    SelectQuestion(usize),
    /// A related question (of any topic) was clicked: open its card.
    Open {
        topic: usize,
        question: usize,
    },
}

impl Viewer {
    /// Scrolls the card of question `index` into view on the next frame.
    pub fn scroll_to(&mut self, index: usize) {
        self.scroll_to_within(index, 0.0);
    }

    /// Scrolls so that the view starts `into` points into the card of question `index`.
    pub fn scroll_to_within(&mut self, index: usize, into: f32) {
        self.scroll_to = Some(index);
        self.scroll_into = into.max(0.0);
        self.scroll_applied = false;
    }

    /// The questions whose cards were on screen in the last frame. Drains them.
    pub fn take_shown(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.shown)
    }

    /// Where the reader is: the position (among the visible cards) of the card at the top
    /// of the view, and how far into it the view starts. `None` before the first frame.
    pub fn anchor(&self) -> Option<(usize, f32)> {
        let first = self
            .tops
            .partition_point(|&top| top <= self.last_offset)
            .checked_sub(1)?;
        let top = self.tops.get(first)?;
        (first < self.heights.len()).then_some((first, self.last_offset - top))
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

/// Everything the viewer shows this frame.
pub struct ViewerInput<'a> {
    pub course: &'a Course,
    pub store: &'a Notebook,
    pub lang: Lang,
    pub topic: usize,
    /// The topic's questions that pass the filter, and the generation that changes with
    /// them.
    pub visible: &'a [usize],
    pub generation: u64,
    pub selected: Option<usize>,
    /// The search result the user opened, marked on its card.
    pub found: Option<&'a Found>,
    /// What is new since the last look, badged on its card.
    pub news: &'a News,
    /// Each question's related questions (computed once per load).
    pub related: &'a crate::search::related::Related,
}

/// Shows the selected topic's visible questions as cards. Returns what the user clicked.
pub fn viewer_ui(
    ui: &mut egui::Ui,
    viewer: &mut Viewer,
    input: &ViewerInput<'_>,
) -> Option<ViewerAction> {
    let ViewerInput {
        course,
        lang,
        topic: topic_index,
        visible,
        ..
    } = *input;
    let s = lang.strings();
    let Some(topic) = course.topics.get(topic_index) else {
        empty_state_ui(ui, s.no_topics, "");
        return None;
    };
    topic_intro_ui(ui, viewer, course, topic_index, lang);
    if topic.questions.is_empty() {
        let name = if topic.is_general() {
            s.general_topic
        } else {
            &topic.name
        };
        empty_state_ui(
            ui,
            s.empty_topic_title,
            &format!("{name} — {}", s.empty_topic_body),
        );
        return None;
    }

    if visible.is_empty() {
        empty_state_ui(ui, s.no_match_filter, "");
        return None;
    }
    let width = (ui.available_width() - 24.0).clamp(200.0, 980.0);
    viewer.prepare(course, topic_index, visible, input.generation, width);
    let mut action = None;

    let area = scroll_area(viewer, topic_index, visible);
    viewer.settling = false;
    let total = topic.questions.len();
    let shown = visible.len();
    area.show_viewport(ui, |ui, viewport| {
        viewer.viewport_height = viewport.height();
        viewer.last_offset = viewport.min.y;
        let content_height = viewer.tops.last().copied().unwrap_or(0.0);
        ui.set_min_height(content_height);
        viewer.last_content_height = content_height;
        let origin = ui.max_rect().min;
        let left = origin.x + ((ui.available_width() - width) / 2.0).max(0.0);

        // First card whose bottom is below the viewport's top.
        let first = viewer
            .tops
            .partition_point(|&top| top <= viewport.min.y)
            .saturating_sub(1);
        let mut i = first;
        let mut changed = false;
        while i < shown && viewer.tops.get(i).is_some_and(|&t| t < viewport.max.y) {
            let Some(&qi) = visible.get(i) else { break };
            let Some(q) = topic.questions.get(qi) else {
                break;
            };
            let top = viewer.tops.get(i).copied().unwrap_or(0.0);
            let rect = egui::Rect::from_min_size(
                egui::pos2(left, origin.y + top),
                vec2(width, f32::INFINITY),
            );
            let card = Card::of(input, q, qi, total);
            let response = ui.scope_builder(
                UiBuilder::new().max_rect(rect).id_salt(("card", qi)),
                |ui| card_ui(ui, viewer, &card, lang),
            );
            match response.inner {
                Some(CardClick::Heading) => action = Some(ViewerAction::SelectQuestion(qi)),
                Some(CardClick::Related(topic, question)) => {
                    action = Some(ViewerAction::Open { topic, question });
                }
                None => {}
            }
            if ui.is_rect_visible(response.response.rect) {
                viewer.shown.push(qi);
            }
            let measured = response.response.rect.height();
            if let Some(h) = viewer.heights.get_mut(i)
                && (*h - measured).abs() > 0.5
            {
                // A card cut by the top edge grows or shrinks upwards: keep what the user
                // reads where it is.
                if top < viewport.min.y {
                    viewer.scroll_adjust += measured - *h;
                }
                *h = measured;
                changed = true;
            }
            i += 1;
        }
        if changed {
            viewer.recompute_tops();
            viewer.settling = true;
            ui.ctx().request_repaint();
        }
    });

    if let Some(image) = viewer.full_image.clone() {
        full_image_ui(ui.ctx(), viewer, &image, lang);
    }
    action
}

/// The topic's intro (what comes before its first question), collapsible, above the cards.
fn topic_intro_ui(
    ui: &mut egui::Ui,
    viewer: &mut Viewer,
    course: &Course,
    topic_index: usize,
    lang: Lang,
) {
    let s = lang.strings();
    let Some(topic) = course.topics.get(topic_index) else {
        return;
    };
    if topic.intro.is_empty() {
        return;
    }
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
                .show(ui, |ui| match &topic.intro_plain {
                    Some(why) => plain_text_ui(ui, &topic.intro, why, lang),
                    None => {
                        CommonMarkViewer::new()
                            .default_implicit_uri_scheme(uri_prefix(doc))
                            .show(ui, &mut viewer.cache, &topic.intro);
                    }
                });
        });
}

/// The cards' scroll area, placed where the viewer wants it this frame: on the question to
/// bring into view, or kept still while a card above the fold changes height.
fn scroll_area(viewer: &mut Viewer, topic_index: usize, visible: &[usize]) -> egui::ScrollArea {
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("viewer", topic_index))
        .auto_shrink([false, false]);
    // Past the end the scroll area would spring back, animating for frames: clamp.
    // The scroll area still bounds this frame by last frame's content height.
    let content_now = viewer.tops.last().copied().unwrap_or(0.0);
    let max_offset =
        (content_now.min(viewer.last_content_height) - viewer.viewport_height).max(0.0);
    if let Some(q) = viewer.scroll_to {
        let position = visible.iter().position(|&v| v == q).unwrap_or(0);
        let top = viewer.tops.get(position).copied().unwrap_or(0.0);
        let height = viewer.heights.get(position).copied().unwrap_or(0.0);
        let into = viewer.scroll_into.min(height);
        area = area.vertical_scroll_offset((top + into).min(max_offset));
        // Re-applied while card heights settle, so the target stays put; then released.
        if viewer.scroll_applied && !viewer.settling {
            viewer.scroll_to = None;
        }
        viewer.scroll_applied = true;
    } else if viewer.scroll_adjust != 0.0 {
        let offset = viewer.last_offset;
        area = area.vertical_scroll_offset((offset + viewer.scroll_adjust).clamp(0.0, max_offset));
        viewer.scroll_adjust = 0.0;
    }
    area
}

/// The prefix relative images of `doc` resolve under.
fn uri_prefix(doc: Option<&Document>) -> String {
    doc.map(|d| d.image_base.uri_prefix()).unwrap_or_default()
}

/// One card: a question and what goes with it.
struct Card<'a> {
    question: &'a Question,
    doc: Option<&'a Document>,
    /// My note on it, if any.
    mine: Option<&'a str>,
    /// Its index in the topic, and the topic's size ("질문 7 / 21").
    index: usize,
    total: usize,
    selected: bool,
    found: Option<&'a Found>,
    news: Option<NewsKind>,
    /// Questions about the same thing: (topic, question, it, its session).
    related: Vec<(usize, usize, &'a Question, Option<&'a Document>)>,
}

impl<'a> Card<'a> {
    /// The card of question `qi` (`q`) of the input's topic of `total` questions.
    fn of(input: &ViewerInput<'a>, q: &'a Question, qi: usize, total: usize) -> Self {
        let course = input.course;
        Card {
            question: q,
            doc: course.documents.get(q.document),
            mine: input.store.text(&q.id),
            index: qi,
            total,
            selected: input.selected == Some(qi),
            found: input.found.filter(|f| f.question == qi),
            news: input.news.get(&q.id).copied(),
            related: input
                .related
                .of((input.topic, qi))
                .iter()
                .filter_map(|&(t, rq)| {
                    let q = course.topics.get(t)?.questions.get(rq)?;
                    Some((t, rq, q, course.documents.get(q.document)))
                })
                .collect(),
        }
    }
}

/// What was clicked on a card.
enum CardClick {
    /// The question's heading.
    Heading,
    /// A related question: (topic, question).
    Related(usize, usize),
}

/// One question card; what was clicked on it.
fn card_ui(
    ui: &mut egui::Ui,
    viewer: &mut Viewer,
    card: &Card<'_>,
    lang: Lang,
) -> Option<CardClick> {
    let s = lang.strings();
    let q = card.question;
    let visuals = ui.visuals().clone();
    let stroke = if card.selected {
        Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    let mut clicked = None;
    Frame::new()
        .fill(theme::card_fill(&visuals))
        .stroke(stroke)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::symmetric(18, 14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(lang.question_number(card.index + 1, card.total))
                        .small()
                        .weak(),
                );
                if let Some(doc) = card.doc {
                    badge_ui(ui, doc.short_label(), visuals.weak_text_color(), &doc.title);
                }
                if q.is_open() {
                    badge_ui(ui, s.open_badge, theme::open_color(&visuals), s.open_badge);
                }
                if card.mine.is_some() {
                    badge_ui(
                        ui,
                        s.has_my_answer,
                        theme::mine_color(&visuals),
                        s.has_my_answer,
                    );
                }
                if let Some(kind) = card.news {
                    let (text, hover) = lang.news_badge(kind);
                    badge_ui(ui, text, theme::news_color(&visuals), hover);
                }
            });
            ui.add_space(2.0);
            let heading = question_job(q, &visuals, card.found.map(|f| &f.query));
            let response = ui.add(egui::Label::new(heading).sense(Sense::click()));
            if response.clicked() {
                clicked = Some(CardClick::Heading);
            }
            ui.add_space(6.0);
            if let Some(f) = card
                .found
                .filter(|f| f.hit.field != crate::search::Field::Question)
            {
                found_line_ui(ui, f, lang);
            }
            if q.blocks.is_empty() || q.is_open() {
                ui.label(RichText::new(s.no_answer_yet).italics().weak());
            } else {
                let clicked = answer_ui(ui, &mut viewer.cache, q, card.doc, lang);
                if clicked.refused_link.is_some() {
                    viewer.refused_link = clicked.refused_link;
                }
                if clicked.full_image.is_some() {
                    viewer.full_image = clicked.full_image;
                }
            }
            if let Some(text) = card.mine {
                ui.add_space(6.0);
                egui::CollapsingHeader::new(
                    RichText::new(format!("✎ {}", s.my_answer_on_card))
                        .color(theme::mine_color(&visuals)),
                )
                .id_salt(("mine", card.index))
                .default_open(true)
                .show(ui, |ui| {
                    Frame::new()
                        .stroke(Stroke::new(1.0, theme::mine_color(&visuals)))
                        .corner_radius(CornerRadius::same(6))
                        .inner_margin(Margin::same(10))
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.push_id("mine_md", |ui| {
                                CommonMarkViewer::new().show(ui, &mut viewer.cache, text);
                            });
                        });
                });
            }
            if let Some(c) = related_ui(ui, &card.related, lang) {
                clicked = Some(c);
            }
        });
    clicked
}

/// "관련 질문": up to three questions about the same thing, from any session, each a link
/// to its card.
fn related_ui(
    ui: &mut egui::Ui,
    related: &[(usize, usize, &Question, Option<&Document>)],
    lang: Lang,
) -> Option<CardClick> {
    if related.is_empty() {
        return None;
    }
    let mut clicked = None;
    ui.add_space(8.0);
    ui.label(RichText::new(lang.related_questions()).small().weak());
    for &(topic, question, q, doc) in related {
        ui.horizontal_wrapped(|ui| {
            if let Some(doc) = doc {
                ui.label(RichText::new(doc.short_label()).small().weak());
            }
            if ui
                .link(format!("↪ {}", q.shown_text()))
                .on_hover_text(lang.open_related())
                .clicked()
            {
                clicked = Some(CardClick::Related(topic, question));
            }
        });
    }
    clicked
}

/// "🔍 답변 · …the match…": where a search matched inside this card's answer or my note.
fn found_line_ui(ui: &mut egui::Ui, found: &Found, lang: Lang) {
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
    append_marked(
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
    for inline in q.shown_inlines().iter() {
        let (text, format) = match inline {
            Inline::Text(t) => (t, &text_format),
            Inline::Code(c) => (c, &code_format),
        };
        match query.and_then(|query| crate::search::find_in(text, query)) {
            Some(range) => append_marked(&mut job, text, range, format, visuals),
            None => job.append(text, 0.0, format.clone()),
        }
    }
    job.halign = Align::LEFT;
    job
}

/// The image at its original size, in a window that scrolls.
fn full_image_ui(ctx: &egui::Context, viewer: &mut Viewer, image: &ImageRef, lang: Lang) {
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
    // Esc is the command table's (Command::CloseImage).
    if !open {
        viewer.full_image = None;
    }
}
