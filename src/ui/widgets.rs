//! Pieces shared by panels: a selectable row, a badge, a warning box, the empty state, code
//! blocks, images and search-match highlighting. Stateless; the panels own their state.

use egui::text::LayoutJob;
use egui::{
    Align, Color32, CornerRadius, Frame, Margin, Rect, RichText, Role, Sense, Stroke, Vec2,
    WidgetInfo, vec2,
};

use super::theme;
use crate::course::{Document, ImageRef, ImageStatus, Oversize, Question, Segment};
use crate::i18n::{Lang, Strings};

/// On a slide, code with long lines shrinks to this share of its size at most, then wraps.
const MIN_CODE_SCALE: f32 = 0.85;

/// A full-width clickable row named `label` for AccessKit, with the selected/hovered
/// background painted. Returns its rect (draw the content inside) and response.
pub fn selectable_row_ui(
    ui: &mut egui::Ui,
    height: f32,
    selected: bool,
    label: &str,
) -> (Rect, egui::Response) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, label));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
        }
    }
    (rect, response)
}

/// A button that shows only glyphs ("?", "+", "▾", "100%") is named for screen readers by
/// `name`, its command's label; one that shows words keeps them as its name.
pub fn name_glyph_button(response: &egui::Response, shown: &str, name: &str) {
    if !shown.chars().any(char::is_alphabetic) {
        let enabled = response.enabled();
        response.widget_info(|| WidgetInfo::labeled(Role::Button, enabled, name));
    }
}

/// A small rounded tag ("23-5차", "열린 질문"); a long one cut with "…" (in full on hover).
pub fn badge_ui(ui: &mut egui::Ui, text: &str, color: Color32, hover: &str) {
    let text = crate::course::shorten(text, 32);
    let text = text.as_ref();
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

/// A framed line in the warning colour (a missing image, a refused link).
pub fn warning_box_ui(ui: &mut egui::Ui, text: &str) {
    let color = ui.visuals().warn_fg_color;
    Frame::new()
        .stroke(Stroke::new(1.0, color))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color));
        });
}

/// A calm, centred message where content would be ("no questions yet").
pub fn empty_state_ui(ui: &mut egui::Ui, title: &str, body: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.label(RichText::new("☁").size(48.0).weak());
        ui.add_space(8.0);
        ui.heading(title);
        ui.add_space(4.0);
        ui.label(RichText::new(body).weak());
    });
}

/// Markdown of the notes. Links in `blocked_links` (`javascript:`, `file:`, …) are drawn as
/// links that open nothing: egui_commonmark's link hooks take their clicks, and a line under
/// the block names them, its tooltip saying which links open. Returns the blocked link that
/// was clicked, for the app to say why nothing opened.
pub fn markdown_ui(
    ui: &mut egui::Ui,
    cache: &mut egui_commonmark::CommonMarkCache,
    text: &str,
    blocked_links: &[&str],
    image_prefix: &str,
    max_image_width: Option<f32>,
    lang: Lang,
) -> Option<String> {
    for link in blocked_links {
        cache.add_link_hook(*link);
    }
    egui_commonmark::CommonMarkViewer::new()
        .default_implicit_uri_scheme(image_prefix)
        .max_image_width(max_image_width.map(|w| w as usize))
        .show(ui, cache, text);
    if !blocked_links.is_empty() {
        let shown: Vec<String> = blocked_links
            .iter()
            .map(|link| {
                crate::course::shorten(&crate::course::visible_controls(link), 80).into_owned()
            })
            .collect();
        ui.label(
            RichText::new(lang.links_not_opened(&shown.join(", ")))
                .weak()
                .small(),
        )
        .on_hover_text(lang.strings().links_allowed);
    }
    blocked_links
        .iter()
        .find(|link| cache.get_link_hook(link) == Some(true))
        .map(|link| (*link).to_owned())
}

/// Characters of a plain-text block shown at first, and added by each "더 보기".
const PLAIN_STEP: usize = 4_000;
/// Lines of plain text or code are cut at this many characters.
const SHOWN_LINE: usize = 1_000;
/// Lines of code shown at first, and added by each "더 보기".
const CODE_STEP: usize = 400;

/// The first `chars` characters of `text`, each line cut at [`SHOWN_LINE`] characters, and
/// control characters (a NUL byte in a hostile file) shown as "�". Returns the shown text
/// and whether anything was left out.
fn shown_part(text: &str, chars: usize) -> (String, bool) {
    let mut out = String::with_capacity(chars.min(text.len()) + 16);
    let mut taken = 0;
    let mut cut = false;
    for line in text.split_inclusive('\n') {
        if taken >= chars {
            cut = true;
            break;
        }
        for (in_line, c) in line.chars().enumerate() {
            if taken >= chars {
                cut = true;
                break;
            }
            if in_line == SHOWN_LINE {
                out.push('…');
                cut = true;
                if line.ends_with('\n') {
                    out.push('\n');
                }
                break;
            }
            out.push(crate::course::visible_control(c));
            taken += 1;
        }
    }
    (out, cut)
}

/// How much of a long block is shown, kept in egui's memory under `id`.
fn shown_amount(ui: &egui::Ui, id: egui::Id, step: usize) -> usize {
    ui.data(|d| d.get_temp::<usize>(id)).unwrap_or(step)
}

/// A block of markdown too large to render (`why`): its text as it is, in part, with a
/// button that shows more. Never lays out more than what is shown.
pub fn plain_text_ui(ui: &mut egui::Ui, text: &str, why: &Oversize, lang: Lang) {
    let id = ui.scope_id().with("plain_text");
    let chars = shown_amount(ui, id, PLAIN_STEP);
    ui.label(
        RichText::new(format!("⚠ {}", lang.oversize(why)))
            .small()
            .color(ui.visuals().warn_fg_color),
    );
    let (shown, cut) = shown_part(text, chars);
    ui.add(egui::Label::new(RichText::new(shown).monospace()).wrap());
    if cut && ui.button(lang.strings().show_more).clicked() {
        ui.data_mut(|d| d.insert_temp(id, chars.saturating_add(PLAIN_STEP)));
    }
}

/// Appends `text` to `job` with the chars in `mark` shown as a search match.
pub fn append_marked(
    job: &mut LayoutJob,
    text: &str,
    mark: std::ops::Range<usize>,
    format: &egui::TextFormat,
    visuals: &egui::Visuals,
) {
    let (before, matched, after) = crate::search::split_marked(text, mark);
    let mut marked = format.clone();
    marked.background = theme::search_mark(visuals);
    marked.color = visuals.strong_text_color();
    job.append(&before, 0.0, format.clone());
    job.append(&matched, 0.0, marked);
    job.append(&after, 0.0, format.clone());
}

/// A code block's text, highlighted (memoized by egui_extras, so calling this every frame
/// costs no re-highlighting), never wrapped. For the projector (`projector`) every colour is
/// pushed to the projector contrast against the code background, hue kept.
pub fn code_job(ui: &egui::Ui, lang: &str, code: &str, projector: bool) -> LayoutJob {
    use egui_extras::syntax_highlighting::{CodeTheme, highlight};
    let code_theme = CodeTheme::from_style(ui.style());
    let language = if lang.is_empty() { "txt" } else { lang };
    let mut job = highlight(ui.ctx(), ui.style(), &code_theme, code, language);
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

/// A terminal session's text: each prompt dimmed, what was typed bold, the output plain
/// (`size`: the font size; `text`, `weak`: the colours). For a shell block.
pub fn session_job(lang: &str, code: &str, size: f32, text: Color32, weak: Color32) -> LayoutJob {
    let kinds = crate::course::shell::line_kinds(lang, code);
    session_job_of(&kinds, code, size, text, weak)
}

/// [`session_job`] with the lines' kinds already known.
fn session_job_of(
    kinds: &[crate::course::shell::LineKind],
    code: &str,
    size: f32,
    text: Color32,
    weak: Color32,
) -> LayoutJob {
    use crate::course::shell::LineKind;
    let mono = egui::FontId::monospace(size);
    let bold = egui::FontId::new(size, super::fonts::mono_bold());
    let format = |font: &egui::FontId, color| egui::TextFormat::simple(font.clone(), color);
    let mut job = LayoutJob::default();
    job.wrap.max_width = f32::INFINITY;
    for (i, (line, kind)) in code.lines().zip(kinds).enumerate() {
        if i > 0 {
            job.append("\n", 0.0, format(&mono, text));
        }
        match kind {
            LineKind::Prompt(n) => {
                job.append(&line[..*n], 0.0, format(&mono, weak));
                job.append(&line[*n..], 0.0, format(&bold, text));
            }
            LineKind::More | LineKind::Command => job.append(line, 0.0, format(&bold, text)),
            LineKind::Output => job.append(line, 0.0, format(&mono, text)),
        }
    }
    job
}

/// A code block as [`code_block_ui`] draws it.
pub struct CodeBlock<'a> {
    /// The fence's language (`bash`), empty when none.
    pub lang: &'a str,
    pub code: &'a str,
    /// Its longest line in chars.
    pub longest_line: usize,
    pub max_width: f32,
    /// On a slide: no copy button, long lines shrink then wrap (nobody scrolls a
    /// projected slide sideways).
    pub projector: bool,
    /// The language of the copy buttons.
    pub words: Lang,
}

/// A code block: highlighted, never wrapped, scrolling sideways when wider than the card,
/// with a copy button (not on slides).
pub fn code_block_ui(ui: &mut egui::Ui, block: &CodeBlock<'_>, s: &Strings) {
    let CodeBlock {
        lang,
        code,
        longest_line,
        max_width,
        projector,
        words: _,
    } = *block;
    // A huge block (a hostile file, a log pasted whole) shows its first lines, long lines
    // cut, and more on request; the copy button still copies all of it.
    let more_id = ui.scope_id().with("code_lines");
    let lines = shown_amount(ui, more_id, CODE_STEP);
    let line_count = code.lines().count();
    let capped = line_count > lines || longest_line > SHOWN_LINE;
    let shown_code = if capped {
        let head: String = code
            .lines()
            .take(lines)
            .map(|l| shown_part(l, SHOWN_LINE + 1).0)
            .collect::<Vec<_>>()
            .join("\n");
        std::borrow::Cow::Owned(head)
    } else {
        std::borrow::Cow::Borrowed(code)
    };
    let longest_line = longest_line.min(SHOWN_LINE + 1);
    let shell = crate::course::shell::is_shell(lang, code);
    // A shell block with a prompt is a session: its lines' kinds are read once a frame.
    let kinds = if shell {
        crate::course::shell::line_kinds(lang, &shown_code)
    } else {
        Vec::new()
    };
    let session = kinds
        .iter()
        .any(|k| matches!(k, crate::course::shell::LineKind::Prompt(_)));
    let job = if session {
        let size = egui::TextStyle::Monospace.resolve(ui.style()).size;
        let visuals = ui.visuals();
        let (text, weak) = (visuals.text_color(), visuals.weak_text_color());
        session_job_of(&kinds, &shown_code, size, text, weak)
    } else {
        code_job(ui, lang, &shown_code, projector)
    };
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
                        if shell {
                            super::slide::copy_buttons_ui(ui, lang, code, block.words);
                            return;
                        }
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
                // A long line shrinks the code (to 85 % at most), and what still does not
                // fit wraps.
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
            if capped {
                let hidden = line_count.saturating_sub(lines);
                ui.label(RichText::new(s.code_cut).small().weak());
                if hidden > 0
                    && ui
                        .button(format!("{} (+{})", s.show_more, hidden.min(CODE_STEP)))
                        .clicked()
                {
                    ui.data_mut(|d| d.insert_temp(more_id, lines.saturating_add(CODE_STEP)));
                }
            }
        });
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

/// A stand-alone image, scaled to fit `max_size`, or a box that says why it is not shown.
/// Returns true when clicked.
pub fn image_ui(ui: &mut egui::Ui, image: &ImageRef, lang: Lang, max_size: Vec2) -> bool {
    let s = lang.strings();
    // A placeholder says what the picture was, when the notes say it.
    let alt = if image.alt.trim().is_empty() {
        String::new()
    } else {
        format!(" — “{}”", image.alt.trim())
    };
    match &image.status {
        ImageStatus::Ok => {
            // A file that turned out not to be an image, or too large to decode (a bomb):
            // say so in words, not with egui's small error mark.
            if let Err(egui::load::LoadError::Loading(reason)) = ui
                .ctx()
                .try_load_image(&image.uri, egui::SizeHint::default())
            {
                warning_box_ui(
                    ui,
                    &format!("🖼 {} — {} ({reason}){alt}", s.image_not_shown, image.url),
                );
                return false;
            }
            let response = ui
                .add(
                    image_widget(image, max_size)
                        .corner_radius(4)
                        .alt_text(if image.alt.is_empty() {
                            &image.url
                        } else {
                            &image.alt
                        })
                        .sense(Sense::click()),
                )
                .on_hover_text(s.click_full_size)
                .on_hover_cursor(egui::CursorIcon::ZoomIn);
            response.clicked()
        }
        ImageStatus::Missing => {
            warning_box_ui(ui, &format!("🖼 {}: {}{alt}", s.missing_image, image.url));
            false
        }
        ImageStatus::TooLarge(bytes) => {
            warning_box_ui(
                ui,
                &format!(
                    "🖼 {} ({} MB): {}{alt}",
                    s.huge_image,
                    bytes / (1024 * 1024),
                    image.url
                ),
            );
            false
        }
        ImageStatus::Remote => {
            // Never fetched: the notes' images come from the notes' folder only.
            Frame::new()
                .stroke(Stroke::new(1.0, ui.visuals().weak_text_color()))
                .corner_radius(CornerRadius::same(6))
                .inner_margin(Margin::same(8))
                .show(ui, |ui| {
                    ui.label(format!("🖼 {}: {}{alt}", s.remote_image, image.url));
                    ui.hyperlink_to(s.open_in_browser, &image.url);
                });
            false
        }
        ImageStatus::Refused(reason) => {
            let text = format!(
                "🖼 {} — {} ({}){alt}",
                s.image_not_loaded,
                image.url,
                lang.refusal(reason)
            );
            warning_box_ui(ui, &text);
            false
        }
    }
}

/// What a click in an answer asked for.
#[derive(Default)]
pub struct AnswerClick {
    /// A link that is never opened was clicked: the app says why.
    pub refused_link: Option<String>,
    /// An image was clicked: show it at full size.
    pub full_image: Option<ImageRef>,
}

/// The instructor's answer: markdown runs, code blocks and stand-alone images, as the
/// cards and the review cards show it.
pub fn answer_ui(
    ui: &mut egui::Ui,
    cache: &mut egui_commonmark::CommonMarkCache,
    q: &Question,
    doc: Option<&Document>,
    lang: Lang,
) -> AnswerClick {
    let scheme = doc.map(|d| d.image_base.uri_prefix()).unwrap_or_default();
    let max_width = ui.available_width();
    let mut click = AnswerClick::default();
    for (n, segment) in q.segments().into_iter().enumerate() {
        match segment {
            Segment::Markdown {
                text,
                blocked_links,
            } => {
                let clicked = ui
                    .push_id(n, |ui| {
                        markdown_ui(
                            ui,
                            cache,
                            &text,
                            &blocked_links,
                            &scheme,
                            Some(max_width),
                            lang,
                        )
                    })
                    .inner;
                if clicked.is_some() {
                    click.refused_link = clicked;
                }
            }
            Segment::Plain { text, why } => {
                ui.push_id(n, |ui| plain_text_ui(ui, text, &why, lang));
            }
            Segment::Image(image) => {
                if image_ui(ui, image, lang, vec2(max_width, f32::INFINITY)) {
                    click.full_image = Some(image.clone());
                }
            }
            Segment::Code {
                lang: code_lang,
                code,
                longest_line,
            } => {
                ui.push_id(n, |ui| {
                    let block = CodeBlock {
                        lang: code_lang,
                        code,
                        longest_line,
                        max_width,
                        projector: false,
                        words: lang,
                    };
                    code_block_ui(ui, &block, lang.strings());
                });
            }
        }
    }
    click
}

/// A selectable row of the library: its text cut with "…" where the panel is narrow, in
/// full (with `hover`) in its tooltip.
pub fn elided_label(ui: &mut egui::Ui, selected: bool, text: &str, hover: &str) -> egui::Response {
    let response = ui.add(
        egui::Button::selectable(selected, text)
            .truncate()
            .min_size(egui::vec2(ui.available_width(), 0.0)),
    );
    if hover == text {
        response.on_hover_text(text)
    } else {
        response.on_hover_text(format!("{text}\n{hover}"))
    }
}

/// Whether the window is narrow (below 1,100 points: a 1366×768 laptop's window beside
/// another, or a small screen zoomed in): the top bar is compact and the notes panel folds
/// into a button instead of squeezing the cards.
pub fn is_narrow(ctx: &egui::Context) -> bool {
    ctx.content_rect().width() < 1100.0
}
