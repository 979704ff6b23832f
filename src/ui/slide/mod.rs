//! One Marp slide drawn into a rectangle: a 16:9 (or 4:3) page in the look of Marp's
//! default theme (white, dark text, blue `#` headings, header and footer in grey at the
//! edges, the page number at the bottom right), dark in dark mode, with the projector's
//! contrast rules when presenting; `bg` images behind it or beside it, and its blocks
//! scaled to the page. Only what is on screen is drawn, so an image off screen is never
//! decoded.

use egui::{Align, Color32, CornerRadius, FontId, Rect, Stroke, Vec2, pos2, vec2};

mod blocks;

use super::theme;
use crate::course::marp::{Background, Deck, Fit, Side, Slide};
use crate::course::{ImageRef, ImageStatus};
use crate::i18n::Lang;
use blocks::blocks_ui;
pub use blocks::copy_buttons_ui;

/// The colours of a slide.
#[derive(Clone, Copy, Debug)]
pub struct SlideColors {
    pub bg: Color32,
    pub text: Color32,
    pub heading: Color32,
    /// Header, footer, page number.
    pub weak: Color32,
    pub quote: Color32,
    pub code_bg: Color32,
    /// Behind `inline code`: a shade darker than a code block's, as Marp's.
    pub inline_code_bg: Color32,
    pub border: Color32,
    pub link: Color32,
}

impl SlideColors {
    /// Marp's default theme, light.
    pub const LIGHT: Self = Self {
        bg: Color32::WHITE,
        text: Color32::from_rgb(0x24, 0x29, 0x2f),
        heading: Color32::from_rgb(0x22, 0x44, 0x66),
        weak: Color32::from_rgb(0x6e, 0x6e, 0x6e),
        quote: Color32::from_rgb(0x57, 0x60, 0x6a),
        code_bg: Color32::from_rgb(0xf6, 0xf8, 0xfa),
        inline_code_bg: Color32::from_rgb(0xea, 0xee, 0xf2),
        border: Color32::from_rgb(0xd0, 0xd7, 0xde),
        link: Color32::from_rgb(0x09, 0x69, 0xda),
    };
    /// Marp's default theme, dark (its `invert` class), for dark mode.
    pub const DARK: Self = Self {
        bg: Color32::from_rgb(0x0d, 0x11, 0x17),
        text: Color32::from_rgb(0xe6, 0xed, 0xf3),
        heading: Color32::from_rgb(0xaa, 0xcc, 0xee),
        weak: Color32::from_rgb(0x9d, 0xa5, 0xae),
        quote: Color32::from_rgb(0xae, 0xb6, 0xbf),
        code_bg: Color32::from_rgb(0x16, 0x1b, 0x22),
        inline_code_bg: Color32::from_rgb(0x2d, 0x33, 0x3b),
        border: Color32::from_rgb(0x30, 0x36, 0x3d),
        link: Color32::from_rgb(0x58, 0xa6, 0xff),
    };

    /// For the projector: the light look with every text colour pushed to
    /// [`theme::PROJECTOR_MIN_CONTRAST`] against the slide (a washed-out projector still
    /// shows the header and the page number).
    pub fn projector() -> Self {
        let l = Self::LIGHT;
        let fix = |c| theme::ensure_contrast(c, l.bg, theme::PROJECTOR_MIN_CONTRAST);
        let on_code =
            |c| theme::ensure_contrast(c, l.inline_code_bg, theme::PROJECTOR_MIN_CONTRAST);
        Self {
            text: on_code(fix(l.text)),
            heading: fix(l.heading),
            weak: fix(l.weak),
            quote: fix(l.quote),
            link: on_code(fix(l.link)),
            border: theme::projector::BORDER,
            ..l
        }
    }

    /// The text colours and the backgrounds they are drawn on, for the contrast test.
    pub fn pairs(&self) -> [(Color32, Color32); 7] {
        [
            (self.text, self.inline_code_bg),
            (self.text, self.bg),
            (self.heading, self.bg),
            (self.weak, self.bg),
            (self.quote, self.bg),
            (self.link, self.bg),
            (self.text, self.code_bg),
        ]
    }
}

/// How a slide is drawn.
#[derive(Clone, Copy)]
pub struct SlideLook<'a> {
    pub deck: &'a Deck,
    pub index: usize,
    pub colors: SlideColors,
    /// Presenting: no copy buttons.
    pub projector: bool,
    pub lang: Lang,
}

/// Marp's default theme in slide pixels.
const PADDING: f32 = 78.5;
const BODY: f32 = 29.0;
const EDGE: f32 = 21.0;
const EDGE_TEXT: f32 = 18.0;
const PAGE_NUMBER: f32 = 24.0;

/// Draws the slide into `rect` (16:9 or 4:3 as the deck says: the caller gives that shape).
pub fn slide_ui(ui: &mut egui::Ui, rect: Rect, look: &SlideLook<'_>) {
    let Some(slide) = look.deck.slides.get(look.index) else {
        return;
    };
    // Its own place: what is put on the page moves nothing around it.
    let mut page = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .id_salt(("page", look.index)),
    );
    page.set_clip_rect(rect.intersect(ui.clip_rect()));
    let ui = &mut page;
    let scale = rect.width() / look.deck.size.width;
    let mut colors = look.colors;
    if let Some(bg) = parse_color(&slide.background_color) {
        colors.bg = bg;
    }
    if let Some(fg) = parse_color(&slide.color) {
        colors.text = fg;
        colors.heading = fg;
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::ZERO, colors.bg);
    // The backgrounds' part: all of it, or the split side.
    let (bg_rect, content_rect) = match slide.split {
        Some(split) => {
            let w = rect.width() * split.percent / 100.0;
            match split.side {
                Side::Left => (
                    Rect::from_min_size(rect.min, vec2(w, rect.height())),
                    Rect::from_min_max(pos2(rect.left() + w, rect.top()), rect.max),
                ),
                Side::Right => (
                    Rect::from_min_max(pos2(rect.right() - w, rect.top()), rect.max),
                    Rect::from_min_max(rect.min, pos2(rect.right() - w, rect.bottom())),
                ),
            }
        }
        None => (rect, rect),
    };
    backgrounds_ui(ui, bg_rect, &slide.backgrounds, look.lang);
    edges_ui(ui, content_rect, rect, slide, look, &colors, scale);
    let inner = content_rect.shrink(PADDING * scale);
    if !slide.blocks.is_empty() && inner.width() > 1.0 && inner.height() > 1.0 {
        content_ui(ui, inner, slide, look, &colors, scale);
    }
}

/// The header (top left), the footer (bottom left) and the page number (bottom right), as
/// Marp places them.
fn edges_ui(
    ui: &mut egui::Ui,
    content: Rect,
    page: Rect,
    slide: &Slide,
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
) {
    // Labels (not painted text): a screen reader reads them too.
    let mut at = |text: &str, size: f32, anchor: egui::Align2, pos: egui::Pos2| {
        let galley =
            ui.painter()
                .layout_no_wrap(text.to_owned(), FontId::proportional(size), colors.weak);
        let rect = anchor.anchor_size(pos, galley.size());
        ui.put(
            rect,
            egui::Label::new(egui::RichText::new(text).size(size).color(colors.weak))
                .selectable(false)
                .wrap_mode(egui::TextWrapMode::Extend),
        );
    };
    let x = content.left() + 30.0 * scale;
    if !slide.header.is_empty() {
        let pos = pos2(x, page.top() + EDGE * scale);
        at(
            &slide.header,
            EDGE_TEXT * scale,
            egui::Align2::LEFT_TOP,
            pos,
        );
    }
    if !slide.footer.is_empty() {
        let pos = pos2(x, page.bottom() - EDGE * scale);
        at(
            &slide.footer,
            EDGE_TEXT * scale,
            egui::Align2::LEFT_BOTTOM,
            pos,
        );
    }
    if slide.paginate {
        let pos = pos2(page.right() - 30.0 * scale, page.bottom() - EDGE * scale);
        let number = (look.index + 1).to_string();
        at(
            &number,
            PAGE_NUMBER * scale,
            egui::Align2::RIGHT_BOTTOM,
            pos,
        );
    }
}

/// The `bg` images side by side in `rect`, each as its keyword fits it.
fn backgrounds_ui(ui: &egui::Ui, rect: Rect, backgrounds: &[Background], lang: Lang) {
    if backgrounds.is_empty() {
        return;
    }
    let w = rect.width() / backgrounds.len() as f32;
    for (i, bg) in backgrounds.iter().enumerate() {
        let part = Rect::from_min_size(
            pos2(rect.left() + w * i as f32, rect.top()),
            vec2(w, rect.height()),
        );
        if bg.image.status != ImageStatus::Ok {
            not_shown(ui, part, &bg.image, lang);
            continue;
        }
        let image = egui::Image::new(bg.image.uri.as_str());
        let Ok(egui::load::TexturePoll::Ready { texture }) =
            image.load_for_size(ui.ctx(), part.size())
        else {
            continue;
        };
        let size = texture.size;
        if size.x <= 0.0 || size.y <= 0.0 {
            continue;
        }
        let (shown, uv) = fitted(part, size, bg.fit);
        ui.painter_at(part)
            .image(texture.id, shown, uv, Color32::WHITE);
    }
}

/// Where an image of `size` goes in `part`, and which part of it shows, for `fit`.
fn fitted(part: Rect, size: Vec2, fit: Fit) -> (Rect, Rect) {
    let full_uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
    match fit {
        Fit::Cover => {
            // Fills the part; what overflows is cut evenly on both sides.
            let s = (part.width() / size.x).max(part.height() / size.y);
            let shown = size * s;
            let cut = vec2(
                (1.0 - part.width() / shown.x) / 2.0,
                (1.0 - part.height() / shown.y) / 2.0,
            );
            (
                part,
                Rect::from_min_max(pos2(cut.x, cut.y), pos2(1.0 - cut.x, 1.0 - cut.y)),
            )
        }
        Fit::Contain => {
            let s = (part.width() / size.x).min(part.height() / size.y);
            (Rect::from_center_size(part.center(), size * s), full_uv)
        }
        Fit::Auto => (Rect::from_center_size(part.center(), size), full_uv),
        Fit::Percent(p) => {
            let s = (part.width() / size.x).max(part.height() / size.y) * p / 100.0;
            (Rect::from_center_size(part.center(), size * s), full_uv)
        }
    }
}

/// An image that is not shown, said in its place.
fn not_shown(ui: &egui::Ui, part: Rect, image: &ImageRef, lang: Lang) {
    let s = lang.strings();
    let why = match &image.status {
        ImageStatus::Missing => s.missing_image,
        ImageStatus::Remote => s.remote_image,
        ImageStatus::TooLarge(_) => s.huge_image,
        ImageStatus::Refused(_) | ImageStatus::Ok => s.image_not_loaded,
    };
    let painter = ui.painter_at(part);
    painter.rect_stroke(
        part.shrink(4.0),
        CornerRadius::same(4),
        Stroke::new(1.0, ui.visuals().warn_fg_color),
        egui::StrokeKind::Inside,
    );
    painter.text(
        part.center(),
        egui::Align2::CENTER_CENTER,
        format!("🖼 {why}: {}", image.url),
        FontId::proportional(13.0),
        ui.visuals().warn_fg_color,
    );
}

/// The slide's blocks in `inner`, centred vertically as Marp's default theme does; a slide
/// fuller than its page is shrunk to fit (down to 60 %) rather than cut.
fn content_ui(
    ui: &mut egui::Ui,
    inner: Rect,
    slide: &Slide,
    look: &SlideLook<'_>,
    colors: &SlideColors,
    scale: f32,
) {
    // Its height at this scale is measured once: the first time it is drawn from the top,
    // and that frame is discarded (never shown), so it is drawn centred from the next.
    let id = ui
        .scope_id()
        .with(("slide-height", look.index, (scale * 1000.0) as i32));
    let Some(height) = ui.data(|d| d.get_temp::<f32>(id)) else {
        let mut measure = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(inner)
                .id_salt(("slide", look.index))
                .layout(egui::Layout::top_down(Align::Min)),
        );
        measure.set_clip_rect(inner.intersect(ui.clip_rect()));
        blocks_ui(&mut measure, &slide.blocks, look, colors, scale, 0);
        let h = measure.min_rect().height();
        ui.data_mut(|d| d.insert_temp(id, h));
        ui.ctx().request_discard("a slide measured its height");
        return;
    };
    let shrink = if height > inner.height() {
        (inner.height() / height).max(0.6)
    } else {
        1.0
    };
    let top = ((inner.height() - height * shrink) / 2.0).max(0.0);
    let area = Rect::from_min_max(pos2(inner.left(), inner.top() + top), inner.max);
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .id_salt(("slide", look.index))
            .layout(egui::Layout::top_down(Align::Min)),
    );
    child.set_clip_rect(inner.intersect(ui.clip_rect()));
    blocks_ui(&mut child, &slide.blocks, look, colors, scale * shrink, 0);
}

/// `#fff`, `#ffffff` and a few names, as a `color`/`backgroundColor` directive writes them.
fn parse_color(text: &str) -> Option<Color32> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        let v = u32::from_str_radix(hex, 16).ok()?;
        return match hex.len() {
            3 => {
                let d = |s: u32| ((v >> s) & 0xf) as u8 * 17;
                Some(Color32::from_rgb(d(8), d(4), d(0)))
            }
            6 => Some(Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)),
            _ => None,
        };
    }
    match t.to_ascii_lowercase().as_str() {
        "white" => Some(Color32::WHITE),
        "black" => Some(Color32::BLACK),
        _ => None,
    }
}

/// The largest rectangle of the deck's shape that fits in `room`, centred in it.
pub fn page_rect(room: Rect, deck: &Deck) -> Rect {
    let ratio = deck.size.width / deck.size.height;
    let w = room.width().min(room.height() * ratio);
    Rect::from_center_size(room.center(), vec2(w, w / ratio))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projector_colours_keep_the_contrast() {
        for (fg, bg) in SlideColors::projector().pairs() {
            let c = theme::contrast(fg, bg);
            assert!(c >= theme::PROJECTOR_MIN_CONTRAST, "{fg:?} on {bg:?}: {c}");
        }
        // The light and dark looks are at least readable (WCAG AA).
        for colors in [SlideColors::LIGHT, SlideColors::DARK] {
            for (fg, bg) in colors.pairs() {
                assert!(theme::contrast(fg, bg) >= 4.5, "{fg:?} on {bg:?}");
            }
        }
    }

    #[test]
    fn cover_cuts_evenly_and_contain_letterboxes() {
        let part = Rect::from_min_size(pos2(0.0, 0.0), vec2(400.0, 720.0));
        let (shown, uv) = fitted(part, vec2(800.0, 900.0), Fit::Cover);
        assert_eq!(shown, part);
        assert!((uv.left() - (1.0 - uv.right())).abs() < 1e-5);
        assert!(uv.top().abs() < 1e-5 && uv.bottom() > 0.999);
        let (shown, _) = fitted(part, vec2(800.0, 900.0), Fit::Contain);
        assert!((shown.width() - 400.0).abs() < 0.01 && shown.height() < 720.0);
        assert_eq!(parse_color("#fff"), Some(Color32::WHITE));
        assert_eq!(
            parse_color("#224466"),
            Some(Color32::from_rgb(0x22, 0x44, 0x66))
        );
    }
}
