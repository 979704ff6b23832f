//! Presentation mode: one question per slide, large and high-contrast, for a projector the
//! back row reads from 10 m away. The answer appears block by block (slide builds); open
//! questions get their own slide and a large note overlay for the class's answer.
//!
//! Only the current slide is laid out. Blocks not yet revealed are laid out invisibly, so the
//! slide never re-flows as they appear, and the size that fits the whole answer is chosen
//! once per slide.

use egui::text::LayoutJob;
use egui::{
    Align, Align2, Color32, CornerRadius, FontFamily, FontId, Frame, Margin, RichText, Stroke,
    TextFormat, TextStyle, UiBuilder, Vec2, vec2,
};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

mod marp_show;
mod overlays;

pub use marp_show::MarpShow;
use overlays::{help_overlay_ui, note_overlay_ui};

use super::fonts;
use super::theme::{self, projector};
use super::widgets::{CodeBlock, code_block_ui, image_ui, markdown_ui, plain_text_ui};
use crate::command::{Command, SlideCommand};
use crate::course::{BlockKind, Course, Inline, Question};
use crate::deck::{Deck, Slide};
use crate::i18n::Lang;
use crate::notes::Notebook;

/// Text sizes of a slide, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideSizes {
    /// The topic and the counter at the top.
    pub meta: f32,
    /// A topic's name on its title slide.
    pub title: f32,
    pub question: f32,
    pub body: f32,
    pub code: f32,
}

impl SlideSizes {
    /// The sizes in pixels on a 1920×1080 screen, at 100 %.
    pub const REFERENCE: SlideSizes = SlideSizes {
        meta: 26.0,
        title: 88.0,
        question: 48.0,
        body: 32.0,
        code: 28.0,
    };

    /// The sizes for a screen of `screen_px` pixels: slides scale with the screen, as a slide
    /// tool's do, times the presenter's own zoom (Ctrl +/−). In points, so the reading zoom
    /// (egui's pixels per point) does not change them.
    pub fn for_screen(screen_px: Vec2, pixels_per_point: f32, zoom: f32) -> Self {
        let screen = (screen_px.x / 1920.0)
            .min(screen_px.y / 1080.0)
            .clamp(0.4, 4.0);
        Self::REFERENCE.scaled(screen * zoom / pixels_per_point.max(0.1))
    }

    /// Everything but the top line shrunk by `fit` (a long answer).
    fn fitted(self, fit: f32) -> Self {
        Self {
            meta: self.meta,
            ..self.scaled(fit)
        }
    }

    fn scaled(self, f: f32) -> Self {
        Self {
            meta: self.meta * f,
            title: self.title * f,
            question: self.question * f,
            body: self.body * f,
            code: self.code * f,
        }
    }
}

/// Long answers shrink to this share of the normal size at most; beyond that they scroll.
pub const MIN_FIT: f32 = 0.85;

/// What the slides blank to (B, W); any key returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// The runtime state of presentation mode; it exists only while presenting.
pub struct Presenter {
    pub deck: Deck,
    pub blank: Option<Blank>,
    /// The large note overlay (N) is open.
    pub note_open: bool,
    /// Focus the note editor on the next frame.
    pub focus_note: bool,
    pub help: bool,
    /// Digits typed so far: Enter jumps to that question.
    pub number: String,
    /// A short message (a jump that failed); cleared by the next move.
    pub message: Option<String>,
    /// The window was already fullscreen: leaving must not undo that.
    pub was_fullscreen: bool,
    /// Scroll the slide by this many points on the next frame (↑/↓).
    pub scroll_by: f32,
    /// A link that is never opened was clicked: the app says why.
    pub refused_link: Option<String>,
    /// Presenting a deck of the textbook (its slides), not the questions.
    pub marp: Option<MarpShow>,
    cache: CommonMarkCache,
    /// The share of the normal size the current slide needs to fit, and what it was
    /// computed for (slide, screen, zoom).
    fit: f32,
    fit_for: Option<(usize, [i32; 2], i32)>,
    fit_passes: u8,
    /// The (slide, revealed) drawn last frame: a new build scrolls into view.
    shown: (usize, usize),
    settling: bool,
}

impl Presenter {
    /// Starts at the deck's current slide.
    pub fn new(deck: Deck, was_fullscreen: bool) -> Self {
        let shown = (deck.position(), deck.revealed());
        Self {
            deck,
            blank: None,
            note_open: false,
            focus_note: false,
            help: false,
            number: String::new(),
            message: None,
            was_fullscreen,
            scroll_by: 0.0,
            refused_link: None,
            marp: None,
            cache: CommonMarkCache::default(),
            fit: 1.0,
            fit_for: None,
            fit_passes: 0,
            shown,
            settling: true,
        }
    }

    /// The course changed on disk: the deck is built anew at `question` of `topic` (its
    /// title slide when `None`) with `revealed` blocks shown, as the presenter left it.
    pub fn rebuild(
        &mut self,
        course: &Course,
        topic: usize,
        question: Option<usize>,
        reveal_all: bool,
        revealed: usize,
    ) {
        self.deck = Deck::new(course, topic, question, reveal_all);
        self.deck.set_revealed(revealed);
        self.shown = (self.deck.position(), self.deck.revealed());
        self.fit_for = None;
    }

    /// Whether the slide is still finding its size (screenshots wait for it).
    pub fn settling(&self) -> bool {
        self.settling
    }
}

/// The id of the note overlay's editor.
pub fn note_editor_id(question: &crate::course::QuestionId) -> egui::Id {
    egui::Id::unique(("class_note_editor", question))
}

/// What the user did on the slides this frame.
pub enum PresenterAction {
    /// The class's answer was edited: the buffer goes to the notes store.
    NoteEdited,
    /// The note overlay was closed with its button.
    CloseNote,
    /// The help's "reveal all at once" box was clicked.
    ToggleRevealAll,
    /// The slide was clicked: as → .
    Next,
    /// The slide was right-clicked: as ← .
    Back,
    /// 노트 파일에 답변 쓰기 (from the note overlay).
    Publish,
}

/// Everything a slide reads.
pub struct SlideInput<'a> {
    pub course: &'a Course,
    pub store: &'a Notebook,
    pub lang: Lang,
    pub zoom: f32,
    /// "저장됨 · 14:03:12": the save state of the notes.
    pub save_text: &'a str,
    /// A save failed: said on the slide until a save succeeds.
    pub save_failed: bool,
    /// The class answer can be written into the session's file.
    pub can_publish: bool,
}

/// Draws the slide (or the blank screen) over the whole window, and its overlays.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    p: &mut Presenter,
    input: &SlideInput<'_>,
    note: &mut String,
) -> Option<PresenterAction> {
    let ctx = ui.ctx().clone();
    let screen = ctx.content_rect();
    let ppp = ctx.pixels_per_point();
    let base = SlideSizes::for_screen(screen.size() * ppp, ppp, input.zoom);

    if let Some(blank) = p.blank {
        let fill = match blank {
            Blank::Black => Color32::BLACK,
            Blank::White => Color32::WHITE,
        };
        egui::CentralPanel::default()
            .frame(Frame::new().fill(fill))
            .show(ui, |_| {});
        p.settling = false;
        return None;
    }

    if p.marp.is_some() {
        let action = marp_show::marp_slide_ui(ui, p, input);
        if p.help && help_overlay_ui(&ctx, p, input.lang, &base) {
            return Some(PresenterAction::ToggleRevealAll);
        }
        corner_messages_ui(&ctx, p, input, &base, 24.0);
        return action;
    }
    let key = (
        p.deck.position(),
        [screen.width() as i32, screen.height() as i32],
        (input.zoom * 100.0).round() as i32,
    );
    if p.fit_for != Some(key) {
        p.fit_for = Some(key);
        p.fit = 1.0;
        p.fit_passes = 0;
    }
    let sizes = base.fitted(p.fit);
    let margin = (screen.width() * 0.05).clamp(16.0, 120.0);
    let mut action = None;
    egui::CentralPanel::default()
        .frame(
            Frame::new()
                .fill(projector::BG)
                .inner_margin(Margin::symmetric(margin as i8, (margin * 0.5) as i8)),
        )
        .show(ui, |ui| {
            // Not while an overlay is open: a click beside it must not change the slide.
            action = background_click(ui, input.lang, !p.note_open && !p.help);
            apply_slide_style(ui.style_mut(), &sizes);
            meta_ui(ui, p, input, &sizes);
            ui.add_space(sizes.meta * 0.6);
            let position = p.deck.position();
            let newest =
                (p.shown.0 == position && p.deck.revealed() > p.shown.1).then(|| p.deck.revealed());
            p.shown = (position, p.deck.revealed());
            let scroll_by = std::mem::take(&mut p.scroll_by);
            let output = egui::ScrollArea::vertical()
                .id_salt(("slide", position))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if scroll_by != 0.0 {
                        ui.scroll_with_delta_animation(
                            vec2(0.0, -scroll_by),
                            egui::style::ScrollAnimation::none(),
                        );
                    }
                    slide_ui(ui, p, input, &sizes, newest);
                });
            // A long answer: shrink (a few passes, once per slide), then scroll.
            let needed = output.content_size.y;
            let room = output.inner_rect.height();
            p.settling = false;
            if needed > room + 1.0 && p.fit > MIN_FIT && p.fit_passes < 3 {
                p.fit = (p.fit * room / needed * 0.98).max(MIN_FIT);
                p.fit_passes += 1;
                p.settling = true;
                ui.ctx().request_repaint();
            }
        });

    if p.note_open {
        // The overlay covers the slide: clicks belong to it.
        action = note_overlay_ui(&ctx, p, input, &base, note);
    }
    if p.help && help_overlay_ui(&ctx, p, input.lang, &base) {
        action = Some(PresenterAction::ToggleRevealAll);
    }
    corner_messages_ui(&ctx, p, input, &base, margin);
    action
}

/// A click on the slide (not on a link or code) moves on, a right click back, as in slide
/// tools; `free`: no overlay is open. Called before the slide is drawn, so whatever is drawn
/// on top takes its own clicks.
fn background_click(ui: &mut egui::Ui, lang: Lang, free: bool) -> Option<PresenterAction> {
    let next_label = Command::Slide(SlideCommand::Next).label(lang);
    let background = ui.interact(
        ui.max_rect(),
        ui.scope_id().with("slide_background"),
        egui::Sense::click(),
    );
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, next_label));
    if free && background.clicked() {
        Some(PresenterAction::Next)
    } else if free && background.secondary_clicked() {
        Some(PresenterAction::Back)
    } else {
        None
    }
}

/// What shows in the corners over the slide: a failed save (bottom left), the number being
/// typed to jump, or why a jump failed (bottom right).
fn corner_messages_ui(
    ctx: &egui::Context,
    p: &Presenter,
    input: &SlideInput<'_>,
    base: &SlideSizes,
    margin: f32,
) {
    if input.save_failed && !p.note_open {
        egui::Area::new(egui::Id::unique("slide_save_failed"))
            .order(egui::Order::Foreground)
            .anchor(Align2::LEFT_BOTTOM, vec2(margin, -margin * 0.5))
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(input.save_text)
                        .size(base.meta * 0.8)
                        .color(projector::ERROR),
                );
            });
    }
    if !p.number.is_empty() || p.message.is_some() {
        let text = match &p.message {
            Some(m) if p.number.is_empty() => m.clone(),
            _ => input.lang.jump_to(&p.number),
        };
        egui::Area::new(egui::Id::unique("slide_jump"))
            .order(egui::Order::Foreground)
            .anchor(Align2::RIGHT_BOTTOM, vec2(-margin, -margin * 0.5))
            .show(ctx, |ui| {
                Frame::new()
                    .fill(projector::TEXT)
                    .corner_radius(CornerRadius::same(8))
                    .inner_margin(Margin::symmetric(16, 8))
                    .show(ui, |ui| {
                        ui.label(RichText::new(text).size(base.meta).color(projector::BG));
                    });
            });
    }
}

/// The projector look and the slide's text sizes.
fn apply_slide_style(style: &mut egui::Style, sizes: &SlideSizes) {
    style.visuals = theme::projector_visuals();
    style.text_styles = [
        (TextStyle::Small, FontId::proportional(sizes.meta)),
        (TextStyle::Body, FontId::proportional(sizes.body)),
        (TextStyle::Button, FontId::proportional(sizes.meta)),
        (
            TextStyle::Heading,
            FontId::new(sizes.question, fonts::bold()),
        ),
        (TextStyle::Monospace, FontId::monospace(sizes.code)),
    ]
    .into();
    style.spacing.item_spacing = vec2(sizes.body * 0.4, sizes.body * 0.35);
    style.spacing.interact_size.y = sizes.body;
    style.spacing.indent = sizes.body * 1.2;
    // Text on a slide is for reading from afar; a click on it moves the slide on.
    style.interaction.selectable_labels = false;
    style.spacing.icon_width = sizes.body * 0.7;
    style.spacing.icon_width_inner = sizes.body * 0.4;
}

/// The top line: topic (and session) on the left, "7 / 21" on the right.
fn meta_ui(ui: &mut egui::Ui, p: &Presenter, input: &SlideInput<'_>, sizes: &SlideSizes) {
    let course = input.course;
    let lang = input.lang;
    let s = lang.strings();
    let (topic, counter) = match p.deck.slide() {
        Some(Slide::Question { topic, question }) => {
            let t = course.topics.get(topic);
            let total = t.map_or(0, |t| t.questions.len());
            let session = t
                .and_then(|t| t.questions.get(question))
                .and_then(|q| course.documents.get(q.document))
                .map(|d| d.short_label().to_owned());
            (
                topic_label(course, topic, lang, session.as_deref()),
                Some(format!("{} / {total}", question + 1)),
            )
        }
        Some(Slide::Title { topic }) => (topic_label(course, topic, lang, None), None),
        None => (s.no_topics.to_owned(), None),
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(topic).size(sizes.meta).color(projector::WEAK));
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            if let Some(counter) = counter {
                ui.label(
                    RichText::new(counter)
                        .size(sizes.meta)
                        .strong()
                        .color(projector::TEXT),
                );
            }
            if p.deck.builds() > 0 && !p.deck.reveal_all() {
                ui.add_space(sizes.meta);
                ui.label(
                    RichText::new(lang.builds(p.deck.revealed(), p.deck.builds()))
                        .size(sizes.meta * 0.85)
                        .color(projector::WEAK),
                );
            }
        });
    });
}

fn topic_label(course: &Course, topic: usize, lang: Lang, session: Option<&str>) -> String {
    let name = match course.topics.get(topic) {
        Some(t) if t.is_general() => lang.strings().general_topic,
        Some(t) => t.name.as_str(),
        None => "",
    };
    match session {
        Some(session) => format!("{name} · {session}"),
        None => name.to_owned(),
    }
}

/// The slide itself, inside the scroll area.
fn slide_ui(
    ui: &mut egui::Ui,
    p: &mut Presenter,
    input: &SlideInput<'_>,
    sizes: &SlideSizes,
    newest: Option<usize>,
) {
    match p.deck.slide() {
        Some(Slide::Title { topic }) => title_slide_ui(ui, input, topic, sizes),
        Some(Slide::Question { topic, question }) => {
            let Some(q) = input
                .course
                .topics
                .get(topic)
                .and_then(|t| t.questions.get(question))
            else {
                return;
            };
            question_slide_ui(ui, p, input, q, sizes, newest);
        }
        None => {
            ui.label(input.lang.strings().no_topics);
        }
    }
}

/// A topic's title slide: its name and counts; a topic without questions says so calmly.
fn title_slide_ui(ui: &mut egui::Ui, input: &SlideInput<'_>, topic: usize, sizes: &SlideSizes) {
    let lang = input.lang;
    let s = lang.strings();
    let Some(t) = input.course.topics.get(topic) else {
        return;
    };
    let name = if t.is_general() {
        s.general_topic
    } else {
        &t.name
    };
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.22);
        let course_title = input
            .course
            .documents
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>()
            .join(" · ");
        if !course_title.is_empty() {
            ui.label(
                RichText::new(course_title)
                    .size(sizes.body)
                    .color(projector::WEAK),
            );
            ui.add_space(sizes.body * 0.5);
        }
        ui.label(
            RichText::new(name)
                .font(FontId::new(sizes.title, fonts::bold()))
                .color(projector::TEXT),
        );
        ui.add_space(sizes.body * 0.5);
        if t.questions.is_empty() {
            ui.label(
                RichText::new(s.empty_topic_slide)
                    .size(sizes.body)
                    .color(projector::WEAK),
            );
        } else {
            ui.label(
                RichText::new(lang.topic_counts(t.questions.len(), t.open_count()))
                    .size(sizes.body)
                    .color(projector::TEXT),
            );
        }
        ui.add_space(sizes.title);
        let key = |c: Command| c.shortcut_text(ui.ctx()).unwrap_or_default();
        ui.label(
            RichText::new(lang.slide_hint(
                &key(Command::Slide(SlideCommand::Next)),
                &key(Command::ShowHelp),
                &key(Command::ExitPresentation),
            ))
            .size(sizes.meta)
            .color(projector::WEAK),
        );
    });
}

fn question_slide_ui(
    ui: &mut egui::Ui,
    p: &mut Presenter,
    input: &SlideInput<'_>,
    q: &Question,
    sizes: &SlideSizes,
    newest: Option<usize>,
) {
    let s = input.lang.strings();
    let top = ui.min_rect().top();
    let room = ui.clip_rect().height();
    if q.is_open() {
        Frame::new()
            .stroke(Stroke::new(2.0, projector::OPEN))
            .corner_radius(CornerRadius::same(8))
            .inner_margin(Margin::symmetric(12, 4))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(s.open_slide)
                        .font(FontId::new(sizes.meta, fonts::bold()))
                        .color(projector::OPEN),
                );
            });
        ui.add_space(sizes.body * 0.3);
    }
    ui.add(egui::Label::new(question_job(q, sizes)).wrap());
    ui.add_space(sizes.body * 0.8);

    let doc = input.course.documents.get(q.document);
    let mine = input.store.text(&q.id);
    if q.is_open() {
        if mine.is_none() {
            hint_box_ui(ui, s.open_slide_hint, sizes);
        }
    } else {
        let scheme = doc.map(|d| d.image_base.uri_prefix()).unwrap_or_default();
        let width = ui.available_width();
        let revealed = p.deck.revealed();
        for (i, block) in q.blocks.iter().enumerate() {
            let mut builder = UiBuilder::new().id_salt(("block", i));
            if i >= revealed {
                // Laid out, not shown: the slide does not move when it appears.
                builder = builder.invisible();
            }
            let response = ui.scope_builder(builder, |ui| match &block.kind {
                BlockKind::Markdown if block.plain.is_some() => {
                    if let Some(why) = &block.plain {
                        plain_text_ui(ui, q.source(block), why, input.lang);
                    }
                }
                BlockKind::Markdown => {
                    let blocked: Vec<&str> =
                        block.blocked_links.iter().map(String::as_str).collect();
                    let clicked = markdown_ui(
                        ui,
                        &mut p.cache,
                        q.source(block),
                        &blocked,
                        &scheme,
                        Some(width),
                        input.lang,
                    );
                    if clicked.is_some() {
                        p.refused_link = clicked;
                    }
                }
                BlockKind::Code {
                    lang,
                    code,
                    longest_line,
                } => {
                    let block = CodeBlock {
                        lang,
                        code,
                        longest_line: *longest_line,
                        max_width: width,
                        projector: true,
                        words: input.lang,
                    };
                    code_block_ui(ui, &block, s);
                }
                BlockKind::Image(image) => {
                    // The space left on the screen below it; when little is left, most
                    // of a screen (its build scrolls it into view), never a thumbnail.
                    let used = ui.cursor().top() - top;
                    let left = room - used - sizes.body;
                    let height = if left >= room * 0.45 {
                        left
                    } else {
                        room * 0.8
                    };
                    image_ui(ui, image, input.lang, vec2(width, height));
                }
            });
            if newest == Some(i + 1) {
                ui.scroll_to_rect_animation(
                    response.response.rect,
                    None,
                    egui::style::ScrollAnimation::none(),
                );
            }
        }
    }
    // The class's answer (typed with N) after the whole answer, or on the open slide.
    if let Some(text) = mine
        && (q.is_open() || p.deck.revealed() == p.deck.builds())
    {
        class_answer_ui(ui, p, text, sizes, s.class_answer);
    }
}

/// The class's answer (typed with N), framed in its colour, under the slide.
fn class_answer_ui(
    ui: &mut egui::Ui,
    p: &mut Presenter,
    text: &str,
    sizes: &SlideSizes,
    title: &str,
) {
    ui.add_space(sizes.body * 0.5);
    Frame::new()
        .stroke(Stroke::new(2.0, projector::MINE))
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("✎ {title}"))
                    .font(FontId::new(sizes.meta, fonts::bold()))
                    .color(projector::MINE),
            );
            ui.push_id("class_answer", |ui| {
                CommonMarkViewer::new().show(ui, &mut p.cache, text);
            });
        });
}

fn hint_box_ui(ui: &mut egui::Ui, text: &str, sizes: &SlideSizes) {
    Frame::new()
        .fill(projector::CODE_BG)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::same(20))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).size(sizes.body).color(projector::TEXT));
        });
}

/// The question in bold, inline code in the code font.
fn question_job(q: &Question, sizes: &SlideSizes) -> LayoutJob {
    let mut job = LayoutJob::default();
    let text = TextFormat {
        font_id: FontId::new(sizes.question, fonts::bold()),
        color: projector::TEXT,
        ..Default::default()
    };
    let code = TextFormat {
        font_id: FontId::new(sizes.question * 0.9, FontFamily::Monospace),
        color: projector::TEXT,
        background: projector::CODE_BG,
        ..Default::default()
    };
    for inline in q.shown_inlines().iter() {
        match inline {
            Inline::Text(t) => job.append(t, 0.0, text.clone()),
            Inline::Code(c) => job.append(c, 0.0, code.clone()),
        }
    }
    job
}
