//! Loading a course off the UI thread: the window stays responsive while a big course is
//! read, parsed and indexed, and a reload never interrupts typing.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use crate::course::{self, Course, LoadError};
use crate::search;

/// Why a load was started: what to do with its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Purpose {
    /// At start-up: the path from the command line (`from_command_line`) or remembered.
    Start { from_command_line: bool },
    /// The user opened other content.
    Open,
    /// The open content changed on disk.
    Reload,
}

/// A finished load.
pub(super) struct Loaded {
    pub path: PathBuf,
    pub purpose: Purpose,
    pub result: Result<(Course, search::Index), LoadError>,
    /// How long reading, parsing and indexing took (logged).
    pub took: std::time::Duration,
    /// The characters of the course none of the app's own fonts draws.
    pub missing_glyphs: Vec<char>,
}

/// Reads, parses and indexes a course. On the loader thread.
fn load(path: PathBuf, purpose: Purpose) -> Loaded {
    let started = Instant::now();
    let result = course::load_path(&path).map(|c| {
        let index = search::Index::new(&c);
        (c, index)
    });
    let missing_glyphs = match &result {
        Ok((c, _)) => crate::ui::font_fallback::missing(course::used_characters(c)),
        Err(_) => Vec::new(),
    };
    Loaded {
        path,
        purpose,
        result,
        took: started.elapsed(),
        missing_glyphs,
    }
}

/// Starts reading `path` on a thread; `wake` is called from it when done.
fn spawn(path: PathBuf, purpose: Purpose, wake: impl Fn() + Send + 'static) -> Inflight {
    let (tx, rx) = mpsc::channel();
    let job = {
        let path = path.clone();
        move || {
            let loaded = load(path, purpose);
            // A newer load replaced this one when nobody receives.
            if tx.send(loaded).is_ok() {
                wake();
            }
        }
    };
    if let Err(e) = std::thread::Builder::new()
        .name("course-loader".into())
        .spawn(job)
    {
        // No thread to be had: the result says so, like any failed load.
        log::error!("cannot start the loader thread: {e}");
    }
    Inflight {
        path,
        purpose,
        rx,
        started: Instant::now(),
    }
}

/// A load started before the window exists: the course is read while eframe opens the
/// window and the renderer (on two cores, most of that is waiting on the X server and the GL
/// driver). The app adopts it ([`Loader::adopt`]) as its load in flight.
pub struct EarlyLoad {
    inflight: Inflight,
    wake: LateWake,
}

impl EarlyLoad {
    /// Reads `path`, named on the command line or open last time.
    pub fn start(path: PathBuf, from_command_line: bool) -> Self {
        let wake = LateWake::default();
        let waker = wake.clone();
        let purpose = Purpose::Start { from_command_line };
        let inflight = spawn(path, purpose, move || waker.wake());
        Self { inflight, wake }
    }

    /// Whether this is the load the app would start itself.
    pub(super) fn is_for(&self, path: &Path, purpose: Purpose) -> bool {
        self.inflight.path == path && self.inflight.purpose == purpose
    }
}

impl std::fmt::Debug for EarlyLoad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EarlyLoad")
            .field("path", &self.inflight.path)
            .finish_non_exhaustive()
    }
}

/// An [`EarlyLoad`] on its way to the app through its options (which are cloned): taken
/// once.
#[derive(Clone, Debug, Default)]
pub struct EarlyLoadSlot(Arc<Mutex<Option<EarlyLoad>>>);

impl EarlyLoadSlot {
    pub fn new(early: EarlyLoad) -> Self {
        Self(Arc::new(Mutex::new(Some(early))))
    }

    pub(super) fn take(&self) -> Option<EarlyLoad> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }
}

/// Wakes the window when a load ends, whether the window exists yet or not: the context is
/// attached when it does, and a load that ended before is answered then.
#[derive(Clone, Default)]
struct LateWake(Arc<Mutex<(Option<egui::Context>, bool)>>);

impl LateWake {
    fn wake(&self) {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.1 = true;
        if let Some(ctx) = &slot.0 {
            ctx.request_repaint();
        }
    }

    fn attach(&self, ctx: &egui::Context) {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.0 = Some(ctx.clone());
        if slot.1 {
            ctx.request_repaint();
        }
    }
}

/// How long a load may take before the window gives up on it and says so (the thread is
/// left to finish; its result is dropped).
pub(super) const DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

struct Inflight {
    path: PathBuf,
    purpose: Purpose,
    rx: mpsc::Receiver<Loaded>,
    started: Instant,
}

/// The load in flight, if any.
#[derive(Default)]
pub(super) struct Loader {
    inflight: Option<Inflight>,
    /// A reload was asked for while another load ran: run it after.
    reload_queued: bool,
}

impl Loader {
    /// Starts reading `path` on a thread; `wake` is called from it when done. A load in
    /// flight is forgotten (its result dropped when it arrives).
    pub(super) fn start(
        &mut self,
        path: PathBuf,
        purpose: Purpose,
        wake: impl Fn() + Send + 'static,
    ) {
        self.inflight = Some(spawn(path, purpose, wake));
    }

    /// Takes over a load started before the window existed; `ctx` is woken when it is done
    /// (at once, if it already is).
    pub(super) fn adopt(&mut self, early: EarlyLoad, ctx: &egui::Context) {
        log::debug!(
            "{} is being read since before the window opened",
            early.inflight.path.display()
        );
        early.wake.attach(ctx);
        self.inflight = Some(early.inflight);
    }

    /// The path being loaded and why, while a load runs.
    pub(super) fn busy(&self) -> Option<(&PathBuf, Purpose)> {
        self.inflight.as_ref().map(|i| (&i.path, i.purpose))
    }

    /// A reload to run when the load in flight is done.
    pub(super) fn queue_reload(&mut self) {
        self.reload_queued = true;
    }

    /// Takes the reload queued while busy, once idle.
    pub(super) fn take_queued_reload(&mut self) -> bool {
        self.inflight.is_none() && std::mem::take(&mut self.reload_queued)
    }

    /// The finished load, if it finished. Cheap: called every frame.
    pub(super) fn poll(&mut self) -> Option<Loaded> {
        let inflight = self.inflight.as_ref()?;
        let failure = match inflight.rx.try_recv() {
            Ok(loaded) => {
                self.inflight = None;
                return Some(loaded);
            }
            Err(mpsc::TryRecvError::Empty) if inflight.started.elapsed() > DEADLINE => format!(
                "not read within {} s (a file that never ends?)",
                DEADLINE.as_secs()
            ),
            Err(mpsc::TryRecvError::Empty) => return None,
            // The thread died (a panic in the parser) or never started: say so rather than
            // wait forever.
            Err(mpsc::TryRecvError::Disconnected) => "the loader stopped unexpectedly".into(),
        };
        let Inflight {
            path,
            purpose,
            started,
            ..
        } = self.inflight.take()?;
        Some(Loaded {
            result: Err(LoadError::Unreadable {
                path: path.display().to_string(),
                message: failure,
            }),
            path,
            purpose,
            took: started.elapsed(),
            missing_glyphs: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const SEED: &str = include_str!("../../content/msp-t3-23-5.md");

    fn notes_file() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("23-5.md");
        std::fs::write(&path, SEED).expect("write notes");
        (dir, path)
    }

    fn wait_for(what: &str, done: impl Fn() -> bool) {
        let until = Instant::now() + Duration::from_secs(20);
        while !done() {
            assert!(Instant::now() < until, "{what} did not happen in 20 s");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// A context that counts the repaints asked of it.
    fn counting_context() -> (egui::Context, Arc<std::sync::atomic::AtomicUsize>) {
        let ctx = egui::Context::default();
        let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = count.clone();
        ctx.set_request_repaint_callback(move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        (ctx, count)
    }

    fn repaints(count: &std::sync::atomic::AtomicUsize) -> usize {
        count.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn ended(early: &EarlyLoad) -> bool {
        early.wake.0.lock().map(|slot| slot.1).unwrap_or(false)
    }

    #[test]
    fn a_load_that_ended_before_the_window_wakes_it_when_adopted() {
        let (_dir, path) = notes_file();
        let early = EarlyLoad::start(path.clone(), true);
        wait_for("the early load", || ended(&early));
        let (ctx, count) = counting_context();
        let mut loader = Loader::default();
        loader.adopt(early, &ctx);
        assert_eq!(repaints(&count), 1, "nothing would show the course");
        let loaded = loader.poll().expect("the load is done");
        assert_eq!(loaded.path, path);
        assert_eq!(
            loaded.purpose,
            Purpose::Start {
                from_command_line: true
            }
        );
        let (course, _index) = loaded.result.expect("the notes are read");
        assert_eq!(course.question_count(), 21);
    }

    #[test]
    fn the_window_is_woken_whichever_comes_first_the_window_or_the_end_of_the_load() {
        // The window first, then the load ends.
        let wake = LateWake::default();
        let (ctx, count) = counting_context();
        wake.attach(&ctx);
        assert_eq!(repaints(&count), 0);
        wake.wake();
        assert_eq!(repaints(&count), 1);
        // The load ends first, then the window comes.
        let wake = LateWake::default();
        wake.wake();
        let (ctx, count) = counting_context();
        wake.attach(&ctx);
        assert_eq!(repaints(&count), 1);
    }
}
