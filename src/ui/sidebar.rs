//! The topic sidebar: topics with their counts, and the selected topic's questions, one
//! line each. Only visible rows are laid out, so a topic of 10,000 questions costs what 20 do.

use egui::{Align2, FontId, Rect, Role, Stroke, TextWrapMode, WidgetInfo, vec2};

use super::theme;
use super::widgets::selectable_row_ui;
use crate::course::{Course, Question};
use crate::i18n::Lang;
use crate::notes::Notebook;
use crate::notes::seen::{News, NewsKind};
use crate::overview::{Overview, TopicCount};
use crate::search::Filter;

/// What the user did in the sidebar this frame.
pub enum SidebarAction {
    SelectTopic(usize),
    SelectQuestion(usize, usize),
}

/// A row of the sidebar: a topic header, or a question of the selected topic.
#[derive(Clone, Copy)]
enum Row {
    Topic(usize),
    Question(usize, usize),
}

/// Maps a row index to what it shows, without building a list of rows. `visible` are the
/// selected topic's questions that pass the filter.
fn row_at(course: &Course, selected_topic: usize, visible: &[usize], row: usize) -> Option<Row> {
    if row <= selected_topic {
        return (row < course.topics.len()).then_some(Row::Topic(row));
    }
    let q = row - selected_topic - 1;
    if let Some(&qi) = visible.get(q) {
        return Some(Row::Question(selected_topic, qi));
    }
    let t = row - visible.len();
    (t < course.topics.len()).then_some(Row::Topic(t))
}

/// Everything the sidebar shows this frame.
pub struct SidebarInput<'a> {
    pub course: &'a Course,
    pub store: &'a Notebook,
    pub lang: Lang,
    pub topic: usize,
    /// The selected topic's questions that pass the filter.
    pub visible: &'a [usize],
    /// Per topic: its numbers in the session the view is narrowed to.
    pub topics: &'a [TopicCount],
    pub question: Option<usize>,
    /// Bring this question's row into view (after a keyboard move).
    pub scroll_to: Option<usize>,
    /// What is new since the last look, marked on its row.
    pub news: &'a News,
    /// Cards to review today, per topic ("복습 5").
    pub due: &'a [usize],
}

/// "열린 질문 4개 중 1개 답변함" and the filter chips (전체 21 · 열린 질문 4 · …). Returns the
/// filter the user picked.
pub fn progress_and_filters_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    overview: &Overview,
    filter: Filter,
) -> Option<Filter> {
    ui.add_space(4.0);
    ui.label(
        egui::RichText::new(lang.progress(overview.open, overview.answered))
            .small()
            .color(theme::mine_color(ui.visuals())),
    );
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (f, count) in Filter::ALL.into_iter().zip(overview.filter_counts) {
            let (label, hover) = lang.filter_label(f);
            let shown = format!("{label} {count}");
            let response = ui.selectable_label(filter == f, &shown);
            // "★ 0" says "북마크한 질문 0" to a screen reader.
            if !label.chars().any(char::is_alphabetic) {
                let name = format!("{hover} {count}");
                response
                    .widget_info(|| WidgetInfo::selected(Role::Button, true, filter == f, &name));
            }
            if response.on_hover_text(hover).clicked() && filter != f {
                picked = Some(f);
            }
        }
    });
    picked
}

/// "수업: 전체 ▾" when the course has several sessions: narrows the reading window to one.
/// Returns the session picked (`Some(None)`: all).
pub fn session_picker_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    course: &Course,
    current: Option<&str>,
) -> Option<Option<String>> {
    if course.documents.len() < 2 {
        return None;
    }
    let s = lang.strings();
    let label_of = |title: Option<&str>| match title {
        None => s.all_sessions.to_owned(),
        Some(t) => course
            .documents
            .iter()
            .find(|d| d.title == t)
            .map_or(t, |d| d.short_label())
            .to_owned(),
    };
    let mut picked = None;
    ui.horizontal(|ui| {
        let label = ui.label(egui::RichText::new(s.session).small());
        egui::ComboBox::from_id_salt("session_picker")
            .selected_text(label_of(current))
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None)
                    .chain(course.documents.iter().map(|d| Some(d.title.as_str())));
                for choice in choices {
                    let text = match choice {
                        Some(t) => format!("{} — {t}", label_of(Some(t))),
                        None => label_of(None),
                    };
                    if ui.selectable_label(choice == current, text).clicked() && choice != current {
                        picked = Some(choice.map(str::to_owned));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    picked
}

/// Shows the topics and the selected topic's questions.
pub fn sidebar_ui(ui: &mut egui::Ui, input: &SidebarInput<'_>) -> Option<SidebarAction> {
    let SidebarInput {
        course,
        lang,
        topic: selected_topic,
        visible,
        ..
    } = *input;
    let s = lang.strings();
    ui.add_space(4.0);
    ui.label(egui::RichText::new(s.topics).strong());
    ui.add_space(2.0);
    if course.topics.is_empty() {
        ui.weak(s.no_topics);
        return None;
    }
    let row_height = ui.spacing().interact_size.y + 6.0;
    let total_rows = course.topics.len() + visible.len();
    let mut action = None;

    let mut area = egui::ScrollArea::vertical()
        .id_salt("sidebar")
        .auto_shrink([false, false]);
    if let Some(q) = input.scroll_to {
        // Bring the row into view only when it is out of view, a little below the top edge,
        // and never past the end (the scroll area would spring back for several frames).
        let id = ui.make_persistent_id("sidebar");
        let spacing = ui.spacing().item_spacing.y;
        let position = visible.iter().position(|&v| v == q).unwrap_or(0);
        let row_top = (selected_topic + 1 + position) as f32 * (row_height + spacing);
        let content = total_rows as f32 * (row_height + spacing) - spacing;
        let view_height = ui.available_height();
        let offset =
            egui::scroll_area::State::load(ui.ctx(), id).map_or(0.0, |s| s.clamped_offset().y);
        let out_of_view = row_top < offset || row_top + row_height > offset + view_height;
        if out_of_view {
            let max = (content - view_height).max(0.0);
            area = area.vertical_scroll_offset((row_top - 3.0 * row_height).clamp(0.0, max));
        }
    }
    area.show_rows(ui, row_height, total_rows, |ui, rows| {
        for row in rows {
            let Some(kind) = row_at(course, selected_topic, visible, row) else {
                continue;
            };
            match kind {
                Row::Topic(ti) => {
                    let row = TopicRow {
                        index: ti,
                        count: input.topics.get(ti).copied().unwrap_or_default(),
                        due: input.due.get(ti).copied().unwrap_or(0),
                        selected: ti == selected_topic,
                    };
                    if topic_row_ui(ui, course, lang, &row, row_height) {
                        action = Some(SidebarAction::SelectTopic(ti));
                    }
                }
                Row::Question(ti, qi) => {
                    let Some(q) = course.topics.get(ti).and_then(|t| t.questions.get(qi)) else {
                        continue;
                    };
                    let selected = input.question == Some(qi);
                    let news = input.news.get(&q.id).copied();
                    if question_row_ui(ui, q, input.store, news, lang, selected, row_height) {
                        action = Some(SidebarAction::SelectQuestion(ti, qi));
                    }
                }
            }
        }
    });
    action
}

/// One topic's row: its counts and whether it is selected.
struct TopicRow {
    index: usize,
    count: TopicCount,
    /// Cards to review today.
    due: usize,
    selected: bool,
}

fn topic_row_ui(
    ui: &mut egui::Ui,
    course: &Course,
    lang: Lang,
    row: &TopicRow,
    height: f32,
) -> bool {
    let TopicRow {
        index: ti,
        count,
        due,
        selected,
    } = *row;
    let TopicCount {
        total,
        open,
        answered,
    } = count;
    let Some(topic) = course.topics.get(ti) else {
        return false;
    };
    let name = if topic.is_general() {
        lang.strings().general_topic
    } else {
        topic.name.as_str()
    };
    let label = format!("{name} ({total})");
    let open_text = lang.open_short(open);
    let due_text = (due > 0).then(|| lang.due_badge(due));
    let accessible = match &due_text {
        Some(d) => format!("{label} · {open_text} · {d}"),
        None => format!("{label} · {open_text}"),
    };
    let (rect, response) = selectable_row_ui(ui, height, selected, &accessible);
    if ui.is_rect_visible(rect) {
        let arrow = if selected { "▾" } else { "▸" };
        let font = FontId::new(15.0, super::fonts::bold());
        let text_color = ui.visuals().strong_text_color();
        ui.painter().text(
            rect.left_center() + vec2(6.0, 0.0),
            Align2::LEFT_CENTER,
            format!("{arrow} {label}"),
            font,
            text_color,
        );
        let mut right = rect.right() - 8.0;
        if open > 0 {
            // "열린 질문 4 · 내 답 1": this topic's progress.
            let badge = if answered > 0 {
                format!("{open_text} · {}", lang.answered_short(answered))
            } else {
                open_text.clone()
            };
            let drawn = ui.painter().text(
                egui::pos2(right, rect.center().y),
                Align2::RIGHT_CENTER,
                badge,
                FontId::proportional(12.0),
                theme::open_color(ui.visuals()),
            );
            right = drawn.left() - 8.0;
        }
        if let Some(due_text) = &due_text {
            // "복습 5": cards of this topic to review today.
            ui.painter().text(
                egui::pos2(right, rect.center().y),
                Align2::RIGHT_CENTER,
                due_text,
                FontId::new(12.0, super::fonts::bold()),
                theme::mine_color(ui.visuals()),
            );
        }
    }
    response
        .on_hover_text(format!(
            "{}\n{}",
            lang.topic_counts(total, open),
            lang.progress(open, answered)
        ))
        .clicked()
}

fn question_row_ui(
    ui: &mut egui::Ui,
    q: &Question,
    notes: &Notebook,
    news: Option<NewsKind>,
    lang: Lang,
    selected: bool,
    height: f32,
) -> bool {
    let mine = notes.text(&q.id).is_some();
    let bookmarked = notes.is_bookmarked(&q.id);
    let shown = q.shown_text();
    let (rect, response) = selectable_row_ui(ui, height, selected, &shown);
    if ui.is_rect_visible(rect) {
        // The mark: a filled dot for answered, a ring for open.
        let center = rect.left_center() + vec2(22.0, 0.0);
        if q.is_open() {
            ui.painter().circle_stroke(
                center,
                4.0,
                Stroke::new(1.8, theme::open_color(ui.visuals())),
            );
        } else {
            ui.painter()
                .circle_filled(center, 4.0, theme::answered_color(ui.visuals()));
        }
        // Marks at the right edge: ★ bookmarked, ✎ my answer, 새 what is new.
        let mut right = rect.right() - 6.0;
        let new_mark = lang.new_mark();
        for (on, glyph, color) in [
            (bookmarked, "★", theme::open_color(ui.visuals())),
            (mine, "✎", theme::mine_color(ui.visuals())),
            (news.is_some(), new_mark, theme::news_color(ui.visuals())),
        ] {
            if on {
                let r = ui.painter().text(
                    egui::pos2(right, rect.center().y),
                    Align2::RIGHT_CENTER,
                    glyph,
                    FontId::proportional(14.0),
                    color,
                );
                right = r.left() - 4.0;
            }
        }
        let text_rect = Rect::from_min_max(
            rect.left_top() + vec2(34.0, 0.0),
            egui::pos2(right - 2.0, rect.bottom()),
        );
        let color = if selected {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().text_color()
        };
        let galley = egui::WidgetText::from(shown.as_ref()).into_galley(
            ui,
            Some(TextWrapMode::Truncate),
            text_rect.width(),
            egui::TextStyle::Body,
        );
        let pos = egui::pos2(text_rect.left(), rect.center().y - galley.size().y / 2.0);
        ui.painter().galley(pos, galley, color);
    }
    let s = lang.strings();
    let mut status = if q.is_open() {
        s.open_mark
    } else {
        s.answered_mark
    }
    .to_owned();
    if mine {
        status = format!("{status} · {}", s.has_my_answer);
    }
    if bookmarked {
        status = format!("{status} · {}", s.bookmark_short);
    }
    if let Some(kind) = news {
        status = format!("{status} · {}", lang.news_badge(kind).0);
    }
    // What the ring, the dot, ★, ✎ and 새 show, said too: "digest는 뭔가요? · 열린 질문 · 내
    // 답변 있음".
    let name = format!("{shown} · {status}");
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &name));
    response
        .on_hover_text(format!("{shown}\n\n{status}"))
        .clicked()
}
