//! A slide's blocks drawn at the page's scale: headings, paragraphs, lists, quotes, code
//! (sessions as sessions, with the copy buttons off the projector), tables and images.

use egui::text::LayoutJob;
use egui::{Align, Color32, CornerRadius, FontFamily, FontId, Stroke, TextFormat, pos2, vec2};

use super::{BODY, SlideColors, SlideLook};
use crate::course::marp::{Block, HAlign, SlideImage, Span};
use crate::course::{ImageStatus, shell};
use crate::i18n::Lang;
use crate::ui::fonts;

pub(super) fn blocks_ui(
    ui: &mut egui::Ui,
    blocks: &[Block],
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
    depth: usize,
) {
    ui.spacing_mut().item_spacing = vec2(8.0 * scale, 0.5 * BODY * scale);
    for block in blocks {
        block_ui(ui, block, look, colors, scale, depth);
    }
}

fn block_ui(
    ui: &mut egui::Ui,
    block: &Block,
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
    depth: usize,
) {
    let width = ui.available_width();
    match block {
        Block::Heading { level, spans } => {
            let size = BODY
                * match level {
                    1 => 1.8,
                    2 => 1.5,
                    3 => 1.3,
                    4 => 1.1,
                    5 => 1.0,
                    _ => 0.9,
                };
            let color = if *level == 1 {
                colors.heading
            } else {
                colors.text
            };
            let job = spans_job(spans, size * scale, color, true, colors, width);
            ui.add(egui::Label::new(job).selectable(!look.projector));
        }
        Block::Paragraph(spans) => {
            let job = spans_job(spans, BODY * scale, colors.text, false, colors, width);
            ui.add(egui::Label::new(job).selectable(!look.projector));
        }
        Block::Images(images) => images_ui(ui, images, look.lang, scale),
        Block::List { start, items } => list_ui(ui, *start, items, look, colors, scale, depth),
        Block::Quote(blocks) => {
            let quoted = SlideColors {
                text: colors.quote,
                ..*colors
            };
            let response = egui::Frame::NONE
                .inner_margin(egui::Margin {
                    left: (16.0 * scale) as i8,
                    ..Default::default()
                })
                .show(ui, |ui| blocks_ui(ui, blocks, look, &quoted, scale, depth));
            let r = response.response.rect;
            ui.painter().line_segment(
                [r.left_top(), r.left_bottom()],
                Stroke::new((4.0 * scale).max(1.0), colors.border),
            );
        }
        Block::Code { lang, code } => code_ui(ui, lang, code, look, colors, scale),
        Block::Table { head, rows, .. } => table_ui(ui, head, rows, look, colors, scale),
        Block::Rule => {
            ui.separator();
        }
    }
}

fn list_ui(
    ui: &mut egui::Ui,
    start: Option<u64>,
    items: &[Vec<Block>],
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
    depth: usize,
) {
    let size = BODY * scale;
    for (i, item) in items.iter().enumerate() {
        // Marp's markers: a disc, a circle, a square; numbers for an ordered list.
        let (marker, marker_size) = match start {
            Some(n) => (format!("{}.", n + i as u64), size),
            None => (["●", "○", "■"][depth.min(2)].to_owned(), size * 0.4),
        };
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let (rect, _) =
                ui.allocate_exact_size(vec2(1.2 * size, size * 1.2), egui::Sense::hover());
            ui.painter().text(
                pos2(rect.right() - 0.35 * size, rect.top() + 0.7 * size),
                egui::Align2::RIGHT_CENTER,
                marker,
                FontId::proportional(marker_size),
                colors.text,
            );
            ui.vertical(|ui| blocks_ui(ui, item, look, colors, scale, depth + 1));
        });
    }
}

fn code_ui(
    ui: &mut egui::Ui,
    lang: &str,
    code: &str,
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
) {
    let size = BODY * scale;
    let shell = shell::is_shell(lang, code);
    let mut job = if shell {
        crate::ui::widgets::session_job(lang, code, size, colors.text, colors.weak)
    } else {
        let mut j = crate::ui::widgets::code_job(ui, lang, code, look.projector);
        for s in &mut j.sections {
            s.format.font_id.size = size;
        }
        j
    };
    egui::Frame::new()
        .fill(colors.code_bg)
        .stroke(Stroke::new(1.0, colors.border))
        .corner_radius(CornerRadius::same((6.0 * scale) as u8))
        .inner_margin(egui::Margin::same((16.0 * scale) as i8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Long lines shrink (to 60 %), then wrap: nobody scrolls a slide sideways.
            let room = ui.available_width();
            let longest = code.lines().map(|l| l.chars().count()).max().unwrap_or(0) as f32;
            let needed = longest * size * 0.5;
            if needed > room {
                let s = (room / needed).max(0.6);
                for section in &mut job.sections {
                    section.format.font_id.size *= s;
                }
            }
            job.wrap.max_width = room;
            if !look.projector && shell {
                ui.with_layout(egui::Layout::right_to_left(Align::Min), |ui| {
                    copy_buttons_ui(ui, lang, code, look.lang);
                });
            }
            ui.add(egui::Label::new(job).selectable(!look.projector));
        });
}

/// "전체 복사" and "명령어만 복사" for a shell block; the button clicked says "✔" for a
/// moment after.
pub fn copy_buttons_ui(ui: &mut egui::Ui, lang: &str, code: &str, words: Lang) {
    let id = ui.scope_id().with("copied");
    let now = ui.input(|i| i.time);
    let copied = ui
        .data(|d| d.get_temp::<(bool, f64)>(id))
        .filter(|(_, at)| now - at < 1.5);
    if copied.is_some() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(1600));
    }
    let mark = |commands: bool| match copied {
        Some((c, _)) if c == commands => "✔",
        _ if commands => "$",
        _ => "🗐",
    };
    let all = ui
        .add(
            egui::Button::new(
                egui::RichText::new(format!("{} {}", mark(false), words.copy_all())).small(),
            )
            .frame(false),
        )
        .on_hover_text(words.copy_all_help());
    if all.clicked() {
        ui.copy_text(code.to_owned());
        ui.data_mut(|d| d.insert_temp(id, (false, now)));
        ui.ctx().request_repaint();
    }
    let commands = ui
        .add(
            egui::Button::new(
                egui::RichText::new(format!("{} {}", mark(true), words.copy_commands())).small(),
            )
            .frame(false),
        )
        .on_hover_text(words.copy_commands_help());
    if commands.clicked() {
        ui.copy_text(shell::commands_text(lang, code));
        ui.data_mut(|d| d.insert_temp(id, (true, now)));
        ui.ctx().request_repaint();
    }
}

fn table_ui(
    ui: &mut egui::Ui,
    head: &[Vec<Span>],
    rows: &[Vec<Vec<Span>>],
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
) {
    let size = BODY * scale;
    let id = ui
        .scope_id()
        .with(("table", look.index, head.len(), rows.len()));
    egui::Frame::new()
        .stroke(Stroke::new(1.0, colors.border))
        .inner_margin(egui::Margin::symmetric(
            (12.0 * scale) as i8,
            (8.0 * scale) as i8,
        ))
        .show(ui, |ui| {
            egui::Grid::new(id)
                .striped(true)
                .spacing(vec2(24.0 * scale, 10.0 * scale))
                .show(ui, |ui| {
                    for cell in head {
                        let job = spans_job(cell, size, colors.text, true, colors, f32::INFINITY);
                        ui.add(egui::Label::new(job).selectable(!look.projector));
                    }
                    ui.end_row();
                    for row in rows {
                        for cell in row {
                            let job =
                                spans_job(cell, size, colors.text, false, colors, 400.0 * scale);
                            ui.add(egui::Label::new(job).selectable(!look.projector));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// A row of images, each at its `w:`/`h:` size (else its own size), all scaled to the page
/// and to the room there is.
fn images_ui(ui: &mut egui::Ui, images: &[SlideImage], lang: Lang, scale: f32) {
    let align = images.first().map_or(HAlign::Auto, |i| i.align);
    let layout = match align {
        HAlign::Center => egui::Layout::left_to_right(Align::Min).with_main_align(Align::Center),
        HAlign::Right => egui::Layout::right_to_left(Align::Min),
        HAlign::Left | HAlign::Auto => egui::Layout::left_to_right(Align::Min),
    };
    let room = ui.available_width();
    let per = (room / images.len() as f32).max(1.0);
    // One image centred stands in the middle of its line (a row wraps from the left).
    let layout = if align == HAlign::Center && images.len() == 1 {
        egui::Layout::top_down(Align::Center)
    } else {
        layout.with_main_wrap(true)
    };
    ui.allocate_ui_with_layout(vec2(room, 0.0), layout, |ui| {
        for image in images {
            if image.image.status != ImageStatus::Ok {
                ui.label(
                    egui::RichText::new(format!(
                        "🖼 {}: {}",
                        lang.strings().image_not_loaded,
                        image.image.url
                    ))
                    .small()
                    .color(ui.visuals().warn_fg_color),
                );
                continue;
            }
            let widget = egui::Image::new(image.image.uri.as_str()).alt_text(
                if image.image.alt.is_empty() {
                    image.image.url.as_str()
                } else {
                    image.image.alt.as_str()
                },
            );
            let widget = match (image.width, image.height) {
                (Some(w), Some(h)) => widget
                    .fit_to_exact_size(vec2(w, h) * scale)
                    .maintain_aspect_ratio(false),
                (Some(w), None) => widget.fit_to_exact_size(vec2(w * scale, 10_000.0)),
                (None, Some(h)) => widget.fit_to_exact_size(vec2(10_000.0, h * scale)),
                (None, None) => widget.fit_to_original_size(scale),
            };
            ui.add(widget.max_width(per));
        }
    });
}

/// Spans as one wrapped text: bold in the bold face, code in the code face on its
/// background, links in the link colour.
fn spans_job(
    spans: &[Span],
    size: f32,
    color: Color32,
    bold: bool,
    colors: &SlideColors,
    width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    for span in spans {
        let family = if span.code {
            FontFamily::Monospace
        } else if span.strong || bold {
            fonts::bold()
        } else {
            FontFamily::Proportional
        };
        let size = if span.code { size * 0.9 } else { size };
        let mut format = TextFormat {
            font_id: FontId::new(size, family),
            color: if span.link { colors.link } else { color },
            italics: span.emphasis,
            line_height: Some(size * 1.4),
            ..Default::default()
        };
        if span.code {
            format.background = colors.inline_code_bg;
        }
        if span.strike {
            format.strikethrough = Stroke::new(1.0, format.color);
        }
        if span.link {
            format.underline = Stroke::new(1.0, colors.link);
        }
        job.append(&span.text, 0.0, format);
    }
    job
}
