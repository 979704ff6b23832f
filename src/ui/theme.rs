//! Colours and text styles of the reading window and of the projector.

use egui::{Color32, Visuals};

/// Open questions: amber, readable on both themes.
pub fn open_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xf5, 0xb0, 0x41)
    } else {
        Color32::from_rgb(0xb0, 0x5c, 0x00)
    }
}

/// Answered questions: green.
pub fn answered_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x5c, 0xc8, 0x7a)
    } else {
        Color32::from_rgb(0x1f, 0x8a, 0x44)
    }
}

/// My own answers: blue, distinct from answered (green) and open (amber).
pub fn mine_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6c, 0xb4, 0xff)
    } else {
        Color32::from_rgb(0x1a, 0x5f, 0xc8)
    }
}

/// What is new since the last look: violet, apart from open, answered and mine.
pub fn news_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xc7, 0x92, 0xea)
    } else {
        Color32::from_rgb(0x7b, 0x2c, 0xbf)
    }
}

/// The background of a search match.
pub fn search_mark(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x6b, 0x55, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0x66)
    }
}

/// The card background: a step away from the panel so cards read as cards.
pub fn card_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(32)
    } else {
        Color32::from_gray(252)
    }
}

/// Base text size in points, a little larger than egui's default for long Korean prose.
pub const BODY_SIZE: f32 = 15.0;

/// Text sizes tuned for reading: applied once at start-up to both themes.
pub fn apply_text_styles(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (TextStyle::Heading, FontId::new(22.0, super::fonts::bold())),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing.y = 6.0;
    });
}

/// The projector theme of presentation mode: a white slide, near-black text. Every text
/// colour keeps a contrast of at least [`PROJECTOR_MIN_CONTRAST`] to its background, so a
/// washed-out projector still shows it (checked by a test from these very colours).
pub mod projector {
    use egui::Color32;

    pub const BG: Color32 = Color32::WHITE;
    pub const TEXT: Color32 = Color32::from_rgb(0x14, 0x14, 0x14);
    /// The topic, the counter: quieter than the text, still ≥ 7:1.
    pub const WEAK: Color32 = Color32::from_rgb(0x3d, 0x3d, 0x3d);
    pub const LINK: Color32 = Color32::from_rgb(0x0b, 0x4a, 0x9e);
    /// "열린 질문": a dark amber.
    pub const OPEN: Color32 = Color32::from_rgb(0x7a, 0x3d, 0x00);
    /// The class's answer typed live: a dark teal, apart from links and open questions.
    pub const MINE: Color32 = Color32::from_rgb(0x00, 0x57, 0x4b);
    /// A failed save, said on the slide.
    pub const ERROR: Color32 = Color32::from_rgb(0x9b, 0x00, 0x00);
    pub const CODE_BG: Color32 = Color32::from_rgb(0xf1, 0xf3, 0xf6);
    pub const BORDER: Color32 = Color32::from_rgb(0x8a, 0x93, 0x9e);

    /// Every (text, background) pair the slides use.
    pub const PAIRS: [(&str, Color32, Color32); 9] = [
        ("error", ERROR, BG),
        ("text", TEXT, BG),
        ("weak", WEAK, BG),
        ("link", LINK, BG),
        ("open", OPEN, BG),
        ("mine", MINE, BG),
        ("code text", TEXT, CODE_BG),
        ("inline code", TEXT, CODE_BG),
        ("link on code", LINK, CODE_BG),
    ];
}

/// Body text on a slide must reach this contrast ratio (WCAG AAA).
pub const PROJECTOR_MIN_CONTRAST: f32 = 7.0;

/// egui visuals for slides: light, high contrast, thin dark borders.
pub fn projector_visuals() -> Visuals {
    use projector::*;
    let mut v = Visuals::light();
    v.override_text_color = Some(TEXT);
    v.weak_text_color = Some(WEAK);
    v.hyperlink_color = LINK;
    v.panel_fill = BG;
    v.window_fill = BG;
    v.extreme_bg_color = CODE_BG;
    v.code_bg_color = CODE_BG;
    v.text_edit_bg_color = Some(BG);
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, BORDER);
    v.widgets.noninteractive.fg_stroke.color = TEXT;
    v.widgets.active.fg_stroke.color = TEXT;
    v
}

/// WCAG relative luminance of an sRGB colour (alpha ignored).
pub fn luminance(c: Color32) -> f32 {
    let lin = |u: u8| {
        let s = f32::from(u) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio between two colours: 1 (same) to 21 (black on white).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `fg` moved towards black (on a light `bg`) or white (on a dark one) just enough to reach
/// `ratio`; its hue stays, so highlighted code stays highlighted.
pub fn ensure_contrast(fg: Color32, bg: Color32, ratio: f32) -> Color32 {
    if contrast(fg, bg) >= ratio {
        return fg;
    }
    let target = if luminance(bg) > 0.18 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    // Bisect the mix towards the target: the smallest change that reaches the ratio.
    let (mut lo, mut hi) = (0.0_f32, 1.0_f32);
    for _ in 0..16 {
        let mid = (lo + hi) / 2.0;
        if contrast(lerp(fg, target, mid), bg) >= ratio {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    lerp(fg, target, hi)
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the classic 4.54:1.
        let grey = Color32::from_gray(0x76);
        assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.02);
    }

    #[test]
    fn every_projector_colour_pair_reaches_7_to_1() {
        for (name, fg, bg) in projector::PAIRS {
            let c = contrast(fg, bg);
            assert!(c >= PROJECTOR_MIN_CONTRAST, "{name}: {c:.2}:1");
        }
        let v = projector_visuals();
        for (name, fg) in [
            ("text", v.text_color()),
            ("strong", v.strong_text_color()),
            ("weak", v.weak_text_color()),
            ("link", v.hyperlink_color),
        ] {
            let c = contrast(fg, v.panel_fill);
            assert!(c >= PROJECTOR_MIN_CONTRAST, "{name}: {c:.2}:1");
            let c = contrast(fg, v.extreme_bg_color);
            assert!(c >= PROJECTOR_MIN_CONTRAST, "{name} on code: {c:.2}:1");
        }
    }

    #[test]
    fn ensure_contrast_darkens_just_enough_and_keeps_the_hue() {
        let solarized_blue = Color32::from_rgb(0x26, 0x8b, 0xd2);
        let bg = projector::CODE_BG;
        assert!(contrast(solarized_blue, bg) < 7.0);
        let fixed = ensure_contrast(solarized_blue, bg, 7.0);
        let c = contrast(fixed, bg);
        assert!((7.0..7.6).contains(&c), "{c}");
        assert!(
            fixed.b() > fixed.r() && fixed.b() > fixed.g(),
            "still blue: {fixed:?}"
        );
        // Already fine: unchanged.
        assert_eq!(ensure_contrast(projector::TEXT, bg, 7.0), projector::TEXT);
        // On a dark background it lightens.
        let on_dark = ensure_contrast(Color32::from_gray(60), Color32::BLACK, 7.0);
        assert!(contrast(on_dark, Color32::BLACK) >= 7.0);
    }
}
