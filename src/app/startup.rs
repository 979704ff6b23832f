//! `--trace-startup`: where start-up goes, from `main` to the first complete frame. Each
//! step is marked once as it is reached; the breakdown is logged at the first complete frame
//! (and kept for tests and benches).
//!
//! - `window + renderer`: eframe opened the window and the renderer (wgpu: the adapter,
//!   the device, the surface) and calls the app;
//! - `fonts`: the bundled fonts given to egui (parsed when first drawn);
//! - `app state`: the rest of the app built (what was seen, the built-in course if that is
//!   what opens: parsed right here);
//! - `course`: a course file read, parsed and indexed (on the loader thread);
//! - `first frame`: the first frame laid out and handed to the renderer;
//! - `complete`: the first frame with fonts, images and card heights settled.

use std::time::{Duration, Instant};

/// The marks of one start-up.
#[derive(Clone, Debug)]
pub struct StartupTrace {
    start: Instant,
    marks: Vec<(&'static str, Duration)>,
    reported: bool,
}

impl StartupTrace {
    /// From `start` (taken first thing in `main`).
    pub fn new(start: Instant) -> Self {
        Self {
            start,
            marks: Vec::new(),
            reported: false,
        }
    }

    /// `what` is reached now (only its first time counts).
    pub fn mark(&mut self, what: &'static str) {
        if !self.marks.iter().any(|(m, _)| *m == what) {
            self.marks.push((what, self.start.elapsed()));
        }
    }

    /// Whether `what` was reached.
    pub fn reached(&self, what: &str) -> bool {
        self.marks.iter().any(|(m, _)| *m == what)
    }

    /// Each mark and when it was reached (since `main`).
    pub fn marks(&self) -> &[(&'static str, Duration)] {
        &self.marks
    }

    /// "window + renderer 412 ms (+412) · fonts 415 ms (+3) · …", once, at the first
    /// complete frame.
    pub fn report_once(&mut self) -> Option<String> {
        if std::mem::replace(&mut self.reported, true) {
            return None;
        }
        let mut last = Duration::ZERO;
        let parts: Vec<String> = self
            .marks
            .iter()
            .map(|(what, at)| {
                let step = at.saturating_sub(last);
                last = *at;
                format!("{what} {} ms (+{})", at.as_millis(), step.as_millis())
            })
            .collect();
        Some(format!("start-up: {}", parts.join(" · ")))
    }
}
