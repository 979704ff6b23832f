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
    /// Resident memory at each mark, in MiB, where the system says (Linux).
    rss: Vec<Option<u64>>,
    reported: bool,
}

impl StartupTrace {
    /// From `start` (taken first thing in `main`).
    pub fn new(start: Instant) -> Self {
        Self {
            start,
            marks: Vec::new(),
            rss: Vec::new(),
            reported: false,
        }
    }

    /// `what` is reached now (only its first time counts).
    pub fn mark(&mut self, what: &'static str) {
        if !self.marks.iter().any(|(m, _)| *m == what) {
            self.marks.push((what, self.start.elapsed()));
            self.rss.push(resident_mib());
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
            .zip(&self.rss)
            .map(|((what, at), rss)| {
                let step = at.saturating_sub(last);
                last = *at;
                let memory = rss.map(|m| format!(", {m} MiB")).unwrap_or_default();
                format!(
                    "{what} {} ms (+{}{memory})",
                    at.as_millis(),
                    step.as_millis()
                )
            })
            .collect();
        Some(format!("start-up: {}", parts.join(" · ")))
    }
}

/// The process's resident memory now, in MiB (Linux: `/proc/self/statm`).
fn resident_mib() -> Option<u64> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // 4 KiB pages on every Linux this runs on.
    Some(pages * 4096 / (1024 * 1024))
}
