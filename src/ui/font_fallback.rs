//! Characters no bundled font draws (the emoticons that end the real course's session
//! titles, `٩(ˊᗜˋ*)و`, `(✿◡‿◡)`): found among the system's fonts and added as fallbacks, so
//! they are drawn instead of boxes. Only the characters the course uses are looked up, and
//! off the UI thread (eframe's whole-system fallback reads every font at start-up). What no
//! font on the machine has is said once, by the caller.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use egui::{FontData, FontDefinitions, FontFamily};

/// The characters of `chars` that none of the app's own fonts has (the bundled ones and
/// egui's), in order. Whitespace and control characters are never drawn as glyphs.
pub fn missing(chars: impl IntoIterator<Item = char>) -> Vec<char> {
    let own = own_faces();
    chars
        .into_iter()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .filter(|&c| !own.iter().any(|face| face.glyph_index(c).is_some()))
        .collect::<BTreeSet<char>>()
        .into_iter()
        .collect()
}

/// The faces of the fonts the app installs.
fn own_faces() -> &'static [ttf_parser::Face<'static>] {
    // The fonts' data is kept for the faces to borrow, as long as the app runs.
    static DATA: OnceLock<Vec<Arc<FontData>>> = OnceLock::new();
    static FACES: OnceLock<Vec<ttf_parser::Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        let data = DATA.get_or_init(|| {
            super::fonts::definitions()
                .font_data
                .into_values()
                .collect()
        });
        data.iter()
            .filter_map(|font| {
                let bytes: &'static [u8] = font.font.as_ref().as_ref();
                ttf_parser::Face::parse(bytes, font.index).ok()
            })
            .collect()
    })
}

/// Fonts found for some characters, and the characters no font had.
#[derive(Clone, Default)]
pub struct Found {
    /// Each font's name (its family and index), its data and its face index.
    pub fonts: Vec<(String, Arc<FontData>)>,
    pub unfound: Vec<char>,
}

impl std::fmt::Debug for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.fonts.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("Found")
            .field("fonts", &names)
            .field("unfound", &self.unfound)
            .finish()
    }
}

/// Looks `chars` up among the system's fonts. Blocking (reads font files): off the UI
/// thread.
pub fn find_in_system(chars: &[char]) -> Found {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    find_in(&db, chars)
}

/// Looks `chars` up among the fonts of `db`: the fewest fonts that cover them, each the one
/// covering the most of those still missing (ties: the smallest file).
pub fn find_in(db: &fontdb::Database, chars: &[char]) -> Found {
    let mut left: BTreeSet<char> = chars.iter().copied().collect();
    let mut coverage: Vec<(fontdb::ID, BTreeSet<char>, usize)> = Vec::new();
    for face in db.faces() {
        let covered = db.with_face_data(face.id, |data, index| {
            let Ok(parsed) = ttf_parser::Face::parse(data, index) else {
                return (BTreeSet::new(), 0);
            };
            let covered: BTreeSet<char> = left
                .iter()
                .copied()
                .filter(|&c| parsed.glyph_index(c).is_some())
                .collect();
            (covered, data.len())
        });
        if let Some((covered, size)) = covered
            && !covered.is_empty()
        {
            coverage.push((face.id, covered, size));
        }
    }
    let mut found = Found::default();
    while !left.is_empty() {
        let best = coverage
            .iter()
            .map(|(id, covered, size)| (*id, covered.intersection(&left).count(), *size))
            .filter(|(_, n, _)| *n > 0)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
        let Some((id, _, _)) = best else {
            break;
        };
        if let Some((_, covered, _)) = coverage.iter().find(|(i, _, _)| *i == id) {
            left.retain(|c| !covered.contains(c));
        }
        let data = db.with_face_data(id, |data, index| {
            let mut font = FontData::from_owned(data.to_vec());
            font.index = index;
            font
        });
        let name = db
            .face(id)
            .and_then(|f| f.families.first().map(|(n, _)| n.clone()))
            .unwrap_or_else(|| "fallback".to_owned());
        if let Some(font) = data {
            let index = font.index;
            found
                .fonts
                .push((format!("fallback: {name} #{index}"), Arc::new(font)));
        }
    }
    found.unfound = left.into_iter().collect();
    found
}

/// The app's fonts with `fallbacks` after them in every family.
pub fn definitions_with(fallbacks: &[(String, Arc<FontData>)]) -> FontDefinitions {
    let mut fonts = super::fonts::definitions();
    for (name, data) in fallbacks {
        fonts.font_data.insert(name.clone(), data.clone());
    }
    let families: Vec<FontFamily> = fonts.families.keys().cloned().collect();
    for family in families {
        if let Some(list) = fonts.families.get_mut(&family) {
            list.extend(fallbacks.iter().map(|(name, _)| name.clone()));
        }
    }
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font fixture (a subset of DejaVu Sans with the emoticons' characters) stands for
    /// the system's fonts.
    #[test]
    fn characters_no_bundled_font_has_are_found_in_another_font() {
        let title = "MSP T3 - 23-3차 ٩(ˊᗜˋ*)و";
        let missing = missing(title.chars());
        assert!(missing.contains(&'٩'), "{missing:?}");
        assert!(
            !missing.contains(&'차') && !missing.contains(&'M'),
            "{missing:?}"
        );
        let mut db = fontdb::Database::new();
        db.load_font_data(
            include_bytes!("../../tests/fixtures/fonts/emoticons-subset.ttf").to_vec(),
        );
        let mut wanted = missing.clone();
        wanted.push('\u{10FFFD}');
        let found = find_in(&db, &wanted);
        assert_eq!(found.fonts.len(), 1, "{found:?}");
        // ᗜ is in no DejaVu: said, with the character no font has at all.
        assert_eq!(found.unfound, ['ᗜ', '\u{10FFFD}']);
        // Drawn with it, the rest of the title has every glyph.
        let ctx = egui::Context::default();
        ctx.set_fonts(definitions_with(&found.fonts));
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let font = egui::FontId::proportional(14.0);
        assert!(ctx.fonts_mut(|f| f.has_glyphs(&font, "MSP T3 - 23-3차 ٩(ˊˋ*)و (✿◡‿◡) (❁´◡`❁)")));
        assert!(!ctx.fonts_mut(|f| f.has_glyph(&font, 'ᗜ')));
    }
}
