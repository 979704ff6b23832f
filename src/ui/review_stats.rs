//! 복습 통계: reviews per day as a 12-week calendar heatmap, due cards for the next 30
//! days, true retention, and per-topic counts. Drawn with the painter (no plot library);
//! every cell and bar has an accessible label and a tooltip.

use egui::{Color32, CornerRadius, Rect, RichText, Role, Sense, Stroke, WidgetInfo, pos2, vec2};

use super::theme;
use crate::command::{Command, ReviewCommand};
use crate::i18n::Lang;
use crate::review::stats::{FORECAST_DAYS, HEATMAP_DAYS, Stats};

/// What the view shows.
pub struct StatsInput<'a> {
    pub lang: Lang,
    pub stats: &'a Stats,
    /// Topic names, in course order (the stats' per-topic rows).
    pub topics: &'a [String],
}

/// The view; the command a button of it asked for (releasing the suspended cards).
pub fn review_stats_ui(ui: &mut egui::Ui, input: &StatsInput<'_>) -> Option<Command> {
    let lang = input.lang;
    let stats = input.stats;
    let mut asked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(12.0);
            ui.heading(lang.statistics());
            ui.label(lang.stats_today(stats.reviews_today));
            ui.label(lang.true_retention(
                stats.retention_percent(),
                stats.retention.0,
                stats.retention.1,
            ));
            ui.horizontal(|ui| {
                ui.label(lang.held_counts(stats.buried, stats.suspended, stats.leeches));
                let release = Command::InReview(ReviewCommand::ReleaseSuspended);
                if stats.suspended > 0
                    && ui
                        .button(release.label(lang))
                        .on_hover_text(release.tooltip(ui.ctx(), lang))
                        .clicked()
                {
                    asked = Some(release);
                }
            });
            ui.add_space(12.0);
            let total: u32 = stats.heatmap.iter().sum();
            ui.strong(lang.heatmap_title(total));
            heatmap_ui(ui, lang, stats);
            ui.add_space(16.0);
            let due: u32 = stats.forecast.iter().sum();
            ui.strong(lang.forecast_title(due));
            forecast_ui(ui, lang, &stats.forecast);
            ui.add_space(16.0);
            topics_ui(ui, input);
            ui.add_space(16.0);
        });
    asked
}

/// The colour of a day with `n` reviews, on a scale up to `max`.
fn heat(visuals: &egui::Visuals, n: u32, max: u32) -> Color32 {
    let empty = if visuals.dark_mode {
        Color32::from_gray(48)
    } else {
        Color32::from_gray(228)
    };
    if n == 0 {
        return empty;
    }
    let full = theme::answered_color(visuals);
    let t = 0.3 + 0.7 * (n as f32 / max.max(1) as f32).min(1.0);
    egui::ecolor::tint_color_towards(full, empty).lerp_to_gamma(full, t)
}

/// 12 columns (weeks) of 7 days, Monday on top, today at the bottom right.
fn heatmap_ui(ui: &mut egui::Ui, lang: Lang, stats: &Stats) {
    const CELL: f32 = 14.0;
    const GAP: f32 = 3.0;
    const LABELS: f32 = 28.0;
    let weeks = HEATMAP_DAYS.div_ceil(7) + 1;
    let size = vec2(LABELS + weeks as f32 * (CELL + GAP), 7.0 * (CELL + GAP));
    let (outer, _) = ui.allocate_exact_size(size, Sense::hover());
    let weak = ui.visuals().weak_text_color();
    // Monday, Wednesday and Friday name their rows.
    for (row, day) in lang.heatmap_days() {
        ui.painter().text(
            pos2(
                outer.left(),
                outer.top() + row as f32 * (CELL + GAP) + CELL / 2.0,
            ),
            egui::Align2::LEFT_CENTER,
            day,
            egui::FontId::proportional(11.0),
            weak,
        );
    }
    let rect = Rect::from_min_max(outer.min + vec2(LABELS, 0.0), outer.max);
    let max = stats.heatmap.iter().copied().max().unwrap_or(0);
    let visuals = ui.visuals().clone();
    let first = usize::from(stats.first_weekday);
    for (i, &n) in stats.heatmap.iter().enumerate() {
        let slot = first + i;
        let (col, row) = (slot / 7, slot % 7);
        let cell = Rect::from_min_size(
            rect.min + vec2(col as f32 * (CELL + GAP), row as f32 * (CELL + GAP)),
            vec2(CELL, CELL),
        );
        let days_ago = HEATMAP_DAYS - 1 - i;
        let text = lang.heatmap_day(days_ago, n);
        let id = ui.scope_id().with(("heat", i));
        let response = ui.interact(cell, id, Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
        response.on_hover_text(&text);
        ui.painter()
            .rect_filled(cell, CornerRadius::same(3), heat(&visuals, n, max));
        if days_ago == 0 {
            ui.painter().rect_stroke(
                cell,
                CornerRadius::same(3),
                Stroke::new(1.5, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// One bar per day for the next 30 days.
fn forecast_ui(ui: &mut egui::Ui, lang: Lang, forecast: &[u32]) {
    const BAR: f32 = 14.0;
    const GAP: f32 = 4.0;
    const HEIGHT: f32 = 80.0;
    let size = vec2(FORECAST_DAYS as f32 * (BAR + GAP), HEIGHT + 16.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let max = forecast.iter().copied().max().unwrap_or(0).max(1);
    let color = theme::mine_color(ui.visuals());
    let axis = ui.visuals().weak_text_color();
    ui.painter().line_segment(
        [
            pos2(rect.left(), rect.top() + HEIGHT),
            pos2(rect.right(), rect.top() + HEIGHT),
        ],
        Stroke::new(1.0, axis),
    );
    for (day, &n) in forecast.iter().enumerate() {
        let h = HEIGHT * n as f32 / max as f32;
        let x = rect.left() + day as f32 * (BAR + GAP);
        let column = Rect::from_min_max(pos2(x, rect.top()), pos2(x + BAR, rect.top() + HEIGHT));
        let bar = Rect::from_min_max(
            pos2(x, rect.top() + HEIGHT - h),
            pos2(x + BAR, rect.top() + HEIGHT),
        );
        let text = lang.forecast_day(day, n);
        let response = ui.interact(
            column,
            ui.scope_id().with(("forecast", day)),
            Sense::hover(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
        response.on_hover_text(&text);
        if n > 0 {
            ui.painter().rect_filled(bar, CornerRadius::same(2), color);
        }
        if day % 7 == 0 {
            ui.painter().text(
                pos2(x, rect.top() + HEIGHT + 2.0),
                egui::Align2::LEFT_TOP,
                format!("+{day}"),
                egui::FontId::proportional(11.0),
                axis,
            );
        }
    }
}

/// Per topic: new / learning / due / young / mature.
fn topics_ui(ui: &mut egui::Ui, input: &StatsInput<'_>) {
    let lang = input.lang;
    let general = lang.strings().general_topic;
    egui::Grid::new("review_topics")
        .striped(true)
        .spacing(vec2(18.0, 6.0))
        .show(ui, |ui| {
            for head in lang.topic_table_heads() {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for (name, t) in input.topics.iter().zip(&input.stats.topics) {
                ui.label(if name.is_empty() { general } else { name });
                for n in [t.new, t.learning, t.due, t.young, t.mature] {
                    ui.label(n.to_string());
                }
                ui.end_row();
            }
        });
}
