//! 복습: one card at a time, large. The question; Space shows the answer rendered as the
//! cards render it; then the four ratings with the interval each would give. A header says
//! the scope, what is left today and what this session did. It shows what it is given and
//! returns what the user asked for.

use egui::{Align, CornerRadius, Frame, Layout, Margin, RichText, Stroke, vec2};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::theme;
use super::widgets::{answer_ui, badge_ui, empty_state_ui};
use crate::command::{Command, ReviewCommand};
use crate::course::{Document, Question};
use crate::i18n::Lang;
use crate::review::{Limits, MAX_RETENTION, MIN_RETENTION, Rating};
use crate::state::ReviewScope;

/// The review panel's runtime data (nothing persisted).
#[derive(Default)]
pub struct Reviewer {
    cache: CommonMarkCache,
    /// A link that is never opened was clicked: the app says why.
    pub refused_link: Option<String>,
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    Command(Command),
    SetScope(ReviewScope),
    SetLimits(Limits),
    SetRetention(f32),
}

/// The card on screen.
pub struct CardView<'a> {
    pub question: &'a Question,
    pub doc: Option<&'a Document>,
    pub topic: &'a str,
    pub revealed: bool,
    /// The back is my answer (the question is open): its text.
    pub mine: Option<&'a str>,
    /// My note on an answered question, shown under the answer when asked for.
    pub note: Option<&'a str>,
    pub answer_changed: bool,
    /// What each rating would give ("10분", "3일").
    pub intervals: [String; 4],
    /// A leech: how many times it was forgotten.
    pub lapses: Option<u32>,
}

/// The header and settings.
pub struct ReviewInput<'a> {
    pub lang: Lang,
    /// "주제: Docker", "전체 과정", …
    pub scope_label: String,
    pub scope: ReviewScope,
    pub limits: Limits,
    pub retention: f32,
    /// New, learning, review left today.
    pub left: [usize; 3],
    pub done: u32,
    pub card: Option<CardView<'a>>,
    /// Open questions of the scope without an answer (they are not cards yet).
    pub unanswered: usize,
    /// Minutes until a learning card comes back, when none is due now.
    pub next_in_minutes: Option<i64>,
    /// Nothing at all to review in the scope (no cards).
    pub empty: bool,
    pub note_open: bool,
    pub stats_open: bool,
    /// A rating of this session can be undone.
    pub can_undo: bool,
}

/// The header strip: scope, counts, settings, the mode's buttons.
pub fn review_header_ui(ui: &mut egui::Ui, input: &ReviewInput<'_>) -> Option<ReviewAction> {
    let lang = input.lang;
    let mut action = None;
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(lang.review_button()).heading().strong());
        ui.separator();
        ui.menu_button(format!("{} ▾", input.scope_label), |ui| {
            ui.label(RichText::new(lang.review_scope()).small().weak());
            for scope in ReviewScope::ALL {
                if ui
                    .selectable_label(input.scope == scope, scope_choice(lang, scope))
                    .clicked()
                {
                    action = Some(ReviewAction::SetScope(scope));
                    ui.close();
                }
            }
            ui.separator();
            ui.label(RichText::new(lang.review_settings()).small().weak());
            let mut limits = input.limits;
            let mut changed = false;
            ui.horizontal(|ui| {
                ui.label(lang.new_per_day());
                changed |= ui
                    .add(egui::DragValue::new(&mut limits.new_per_day).range(0..=Limits::MAX))
                    .changed();
            });
            ui.horizontal(|ui| {
                ui.label(lang.reviews_per_day());
                changed |= ui
                    .add(egui::DragValue::new(&mut limits.reviews_per_day).range(0..=Limits::MAX))
                    .changed();
            });
            if changed {
                action = Some(ReviewAction::SetLimits(limits));
            }
            let mut retention = input.retention;
            ui.horizontal(|ui| {
                ui.label(lang.desired_retention());
                if ui
                    .add(
                        egui::Slider::new(&mut retention, MIN_RETENTION..=MAX_RETENTION)
                            .step_by(0.01)
                            .custom_formatter(|v, _| format!("{:.0}%", v * 100.0)),
                    )
                    .changed()
                {
                    action = Some(ReviewAction::SetRetention(retention));
                }
            });
        });
        ui.separator();
        let [new, learning, review] = input.left;
        ui.label(lang.review_left(new + learning + review, new, learning, review));
        ui.separator();
        ui.label(RichText::new(lang.review_done_count(input.done)).weak());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let buttons = [
                (
                    Command::InReview(ReviewCommand::Exit),
                    lang.leave_review(),
                    false,
                ),
                (
                    Command::InReview(ReviewCommand::Stats),
                    lang.statistics(),
                    input.stats_open,
                ),
                (
                    Command::InReview(ReviewCommand::Note),
                    lang.show_my_note(),
                    input.note_open,
                ),
                (
                    Command::InReview(ReviewCommand::OpenSource),
                    lang.open_in_notes(),
                    false,
                ),
            ];
            let undo = Command::InReview(ReviewCommand::Undo);
            if ui
                .add_enabled(input.can_undo, egui::Button::new(lang.undo_rating()))
                .on_hover_text(undo.tooltip(ui.ctx(), lang))
                .clicked()
            {
                action = Some(ReviewAction::Command(undo));
            }
            for (command, text, selected) in buttons {
                let tooltip = command.tooltip(ui.ctx(), lang);
                if ui
                    .selectable_label(selected, text)
                    .on_hover_text(tooltip)
                    .clicked()
                {
                    action = Some(ReviewAction::Command(command));
                }
            }
        });
    });
    ui.label(RichText::new(lang.review_keys_hint()).small().weak());
    ui.add_space(2.0);
    action
}

fn scope_choice(lang: Lang, scope: ReviewScope) -> String {
    match scope {
        ReviewScope::Topic => lang.scope_selected_topic().to_owned(),
        ReviewScope::Session => lang.scope_selected_session().to_owned(),
        ReviewScope::Course => lang.scope_course().to_owned(),
        ReviewScope::Bookmarked => lang.scope_bookmarked().to_owned(),
    }
}

/// The card, or the end of the session.
pub fn review_card_ui(
    ui: &mut egui::Ui,
    reviewer: &mut Reviewer,
    input: &ReviewInput<'_>,
) -> Option<ReviewAction> {
    let lang = input.lang;
    let Some(card) = &input.card else {
        finished_ui(ui, input);
        return None;
    };
    let mut action = None;
    let visuals = ui.visuals().clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(900.0);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.add_space(16.0);
                    if let Some(a) = card_badges_ui(ui, card, lang) {
                        action = Some(a);
                    }
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(card.question.shown_text())
                            .size(24.0)
                            .strong(),
                    );
                    ui.add_space(16.0);
                    if !card.revealed {
                        let button =
                            egui::Button::new(RichText::new(lang.show_answer()).size(18.0))
                                .min_size(vec2(200.0, 44.0));
                        if ui
                            .add(button)
                            .on_hover_text(
                                Command::InReview(ReviewCommand::Reveal).tooltip(ui.ctx(), lang),
                            )
                            .clicked()
                        {
                            action = Some(ReviewAction::Command(Command::InReview(
                                ReviewCommand::Reveal,
                            )));
                        }
                        return;
                    }
                    if card.answer_changed {
                        Frame::new()
                            .fill(theme::news_color(&visuals).gamma_multiply(0.18))
                            .corner_radius(CornerRadius::same(6))
                            .inner_margin(Margin::same(8))
                            .show(ui, |ui| {
                                ui.label(
                                    RichText::new(format!("✱ {}", lang.answer_changed()))
                                        .color(theme::news_color(&visuals)),
                                );
                            });
                        ui.add_space(6.0);
                    }
                    ui.separator();
                    match card.mine {
                        Some(text) => {
                            ui.label(
                                RichText::new(lang.my_answer_back())
                                    .color(theme::mine_color(&visuals)),
                            );
                            mine_box_ui(ui, &mut reviewer.cache, text, "mine_back");
                        }
                        None => {
                            let click = ui
                                .push_id("answer", |ui| {
                                    answer_ui(
                                        ui,
                                        &mut reviewer.cache,
                                        card.question,
                                        card.doc,
                                        lang,
                                    )
                                })
                                .inner;
                            if click.refused_link.is_some() {
                                reviewer.refused_link = click.refused_link;
                            }
                        }
                    }
                    if let Some(note) = card.note {
                        ui.add_space(8.0);
                        ui.label(
                            RichText::new(lang.my_note_on_card())
                                .color(theme::mine_color(&visuals)),
                        );
                        mine_box_ui(ui, &mut reviewer.cache, note, "note_back");
                    }
                    ui.add_space(16.0);
                    if let Some(rating) = ratings_ui(ui, lang, &card.intervals) {
                        action = Some(ReviewAction::Command(rate_command(rating)));
                    }
                    ui.add_space(24.0);
                });
            });
        });
    action
}

/// The card's badges (topic, session, my answer, leech) and its bury and suspend buttons;
/// a leech's hint under them.
fn card_badges_ui(ui: &mut egui::Ui, card: &CardView<'_>, lang: Lang) -> Option<ReviewAction> {
    let visuals = ui.visuals().clone();
    let mut action = None;
    ui.horizontal(|ui| {
        badge_ui(ui, card.topic, visuals.weak_text_color(), card.topic);
        if let Some(doc) = card.doc {
            badge_ui(ui, doc.short_label(), visuals.weak_text_color(), &doc.title);
        }
        if card.mine.is_some() {
            let s = lang.strings();
            badge_ui(
                ui,
                s.has_my_answer,
                theme::mine_color(&visuals),
                s.has_my_answer,
            );
        }
        if let Some(lapses) = card.lapses {
            let hint = lang.leech_hint(lapses);
            badge_ui(ui, lang.leech(), theme::open_color(&visuals), &hint);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            for (command, text) in [
                (
                    Command::InReview(ReviewCommand::Suspend),
                    lang.suspend_card(),
                ),
                (Command::InReview(ReviewCommand::Bury), lang.bury_card()),
            ] {
                if ui
                    .small_button(text)
                    .on_hover_text(command.tooltip(ui.ctx(), lang))
                    .clicked()
                {
                    action = Some(ReviewAction::Command(command));
                }
            }
        });
    });
    if let Some(lapses) = card.lapses {
        ui.label(
            RichText::new(lang.leech_hint(lapses))
                .small()
                .color(theme::open_color(&visuals)),
        );
    }
    action
}

/// The command of a rating.
pub fn rate_command(rating: Rating) -> Command {
    Command::InReview(ReviewCommand::Rate(rating))
}

/// The four buttons, each with its key and the interval it gives.
fn ratings_ui(ui: &mut egui::Ui, lang: Lang, intervals: &[String; 4]) -> Option<Rating> {
    let mut picked = None;
    ui.horizontal(|ui| {
        for (n, (rating, interval)) in Rating::ALL.iter().zip(intervals).enumerate() {
            let color = match rating {
                Rating::Again => theme::open_color(ui.visuals()),
                Rating::Good | Rating::Easy => theme::answered_color(ui.visuals()),
                Rating::Hard => ui.visuals().text_color(),
            };
            let text = format!(
                "{}  {}\n{interval}",
                n + 1,
                rate_command(*rating).label(lang)
            );
            let button = egui::Button::new(RichText::new(text).size(16.0).color(color))
                .min_size(vec2(140.0, 52.0));
            if ui
                .add(button)
                .on_hover_text(rate_command(*rating).tooltip(ui.ctx(), lang))
                .clicked()
            {
                picked = Some(*rating);
            }
        }
    });
    picked
}

fn mine_box_ui(ui: &mut egui::Ui, cache: &mut CommonMarkCache, text: &str, salt: &str) {
    let color = theme::mine_color(ui.visuals());
    Frame::new()
        .stroke(Stroke::new(1.0, color))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(salt, |ui| {
                CommonMarkViewer::new().show(ui, cache, text);
            });
        });
}

/// No card now: done for today (or nothing to review), and what is left to do.
fn finished_ui(ui: &mut egui::Ui, input: &ReviewInput<'_>) {
    let lang = input.lang;
    ui.add_space(24.0);
    let title = if input.empty {
        lang.review_nothing()
    } else {
        lang.review_finished()
    };
    let mut body = Vec::new();
    if input.empty {
        body.push(lang.pick_another_scope().to_owned());
    }
    if let Some(minutes) = input.next_in_minutes {
        body.push(lang.next_card_in(minutes.max(1)));
    }
    if input.unanswered > 0 {
        body.push(lang.unanswered_become_cards(input.unanswered));
    }
    empty_state_ui(ui, title, &body.join("\n"));
}
