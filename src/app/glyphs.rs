//! The glyph fallback in the app: the characters a loaded course uses that no bundled font
//! draws are looked up among the system's fonts on a thread; the fonts found are added
//! after the bundled ones, and what no font has is said once.

use std::collections::BTreeSet;
use std::sync::{Arc, mpsc};

use egui::FontData;

use crate::notice::{Notice, Notices};
use crate::ui::font_fallback::{self, Found};

#[derive(Default)]
pub(super) struct Glyphs {
    /// Whether to look in the system's fonts at all (off in tests: they keep to the
    /// bundled fonts, whatever the machine has).
    enabled: bool,
    /// Characters already looked up (found or not): never twice.
    asked: BTreeSet<char>,
    /// Fallback fonts added so far.
    installed: Vec<(String, Arc<FontData>)>,
    pending: Option<mpsc::Receiver<Found>>,
    /// Characters of a load that came while a lookup ran: looked up after it.
    waiting: Vec<char>,
}

impl Glyphs {
    pub(super) fn new(enabled: bool) -> Self {
        Self {
            enabled,
            ..Default::default()
        }
    }

    /// Starts looking up the characters of `missing` not asked before.
    pub(super) fn look_up(&mut self, missing: Vec<char>, ctx: &egui::Context) {
        let new: Vec<char> = missing
            .into_iter()
            .filter(|c| !self.asked.contains(c))
            .collect();
        if !self.enabled || new.is_empty() {
            return;
        }
        if self.pending.is_some() {
            self.waiting.extend(new);
            return;
        }
        self.asked.extend(new.iter().copied());
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("font-fallback".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let found = font_fallback::find_in_system(&new);
                log::info!(
                    "glyph fallback for {} characters in {} ms: {found:?}",
                    new.len(),
                    started.elapsed().as_millis()
                );
                if tx.send(found).is_ok() {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.pending = Some(rx),
            Err(e) => log::warn!("cannot look up system fonts: {e}"),
        }
    }

    /// Installs what the lookup found, once it is done; says what no font has.
    pub(super) fn poll(&mut self, ctx: &egui::Context, notices: &mut Notices) {
        let Some(rx) = &self.pending else {
            return;
        };
        let Ok(found) = rx.try_recv() else {
            return;
        };
        self.pending = None;
        if !found.fonts.is_empty() {
            self.installed.extend(found.fonts);
            ctx.set_fonts(font_fallback::definitions_with(&self.installed));
        }
        if !found.unfound.is_empty() {
            notices.push(Notice::GlyphsMissing(found.unfound.iter().collect()));
        }
        let waiting = std::mem::take(&mut self.waiting);
        self.look_up(waiting, ctx);
    }
}
