//! Bundled fonts: Korean must render on a machine with no Korean font at all (a projector
//! laptop), so the app never relies on system fonts.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Pretendard: Latin and all 11,172 Hangul syllables, for the UI and prose.
const PRETENDARD: &[u8] = include_bytes!("../../assets/fonts/Pretendard-Regular.ttf");
const PRETENDARD_BOLD: &[u8] = include_bytes!("../../assets/fonts/Pretendard-Bold.ttf");
/// D2Coding: a monospace font with Hangul, for code blocks and terminal sessions.
const D2CODING: &[u8] = include_bytes!("../../assets/fonts/D2Coding.ttf");
/// D2Coding Bold, its Latin part only (37 KB): the commands typed in a terminal session.
/// Hangul in a command falls back to the regular face.
const D2CODING_BOLD_LATIN: &[u8] = include_bytes!("../../assets/fonts/D2Coding-Bold-Latin.ttf");
/// Noto Sans Symbols 2: icons the others lack (the code block copy button's 🗐, ✔, ★).
const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf");

/// The family for question headings and titles.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// The family for what is typed in a terminal session: bold monospace.
pub fn mono_bold() -> FontFamily {
    FontFamily::Name("mono-bold".into())
}

/// Font definitions with the bundled fonts first and egui's defaults (emoji, icons) after.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        ("Pretendard", PRETENDARD),
        ("Pretendard-Bold", PRETENDARD_BOLD),
        ("D2Coding", D2CODING),
        ("D2Coding-Bold-Latin", D2CODING_BOLD_LATIN),
        ("NotoSansSymbols2", SYMBOLS),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let defaults_prop = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let defaults_mono = fonts
        .families
        .get(&FontFamily::Monospace)
        .cloned()
        .unwrap_or_default();

    let chain = |first: &[&str], rest: &[String]| -> Vec<String> {
        let mut v: Vec<String> = first.iter().map(|s| (*s).to_owned()).collect();
        for f in rest {
            if !v.contains(f) {
                v.push(f.clone());
            }
        }
        v.push("NotoSansSymbols2".to_owned());
        v
    };
    fonts.families.insert(
        FontFamily::Proportional,
        chain(&["Pretendard"], &defaults_prop),
    );
    fonts.families.insert(
        FontFamily::Monospace,
        chain(
            &["D2Coding"],
            &[defaults_mono.clone(), vec!["Pretendard".to_owned()]].concat(),
        ),
    );
    fonts.families.insert(
        mono_bold(),
        chain(
            &["D2Coding-Bold-Latin", "D2Coding"],
            &[defaults_mono.clone(), vec!["Pretendard".to_owned()]].concat(),
        ),
    );
    fonts.families.insert(
        bold(),
        chain(&["Pretendard-Bold", "Pretendard"], &defaults_prop),
    );
    fonts
}

/// Installs the fonts. Called once at start-up.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
