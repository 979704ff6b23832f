//! Loading a course off the UI thread: the window stays responsive while a big course is
//! read, parsed and indexed, and a reload never interrupts typing.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use crate::course::{self, Course, LoadError};
use crate::search;

/// Why a load was started: what to do with its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// At start-up: the path from the command line (`from_command_line`) or remembered.
    Start { from_command_line: bool },
    /// The user opened other content.
    Open,
    /// The open content changed on disk.
    Reload,
}

/// A finished load.
pub struct Loaded {
    pub path: PathBuf,
    pub purpose: Purpose,
    pub result: Result<(Course, search::Index), LoadError>,
    /// How long reading, parsing and indexing took (logged).
    pub took: std::time::Duration,
}

/// Reads, parses and indexes a course. On the loader thread.
fn load(path: PathBuf, purpose: Purpose) -> Loaded {
    let started = Instant::now();
    let result = course::load_path(&path).map(|c| {
        let index = search::Index::new(&c);
        (c, index)
    });
    Loaded {
        path,
        purpose,
        result,
        took: started.elapsed(),
    }
}

/// How long a load may take before the window gives up on it and says so (the thread is
/// left to finish; its result is dropped).
pub const DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

struct Inflight {
    path: PathBuf,
    purpose: Purpose,
    rx: mpsc::Receiver<Loaded>,
    started: Instant,
}

/// The load in flight, if any.
#[derive(Default)]
pub struct Loader {
    inflight: Option<Inflight>,
    /// A reload was asked for while another load ran: run it after.
    reload_queued: bool,
}

impl Loader {
    /// Starts reading `path` on a thread; `wake` is called from it when done. A load in
    /// flight is forgotten (its result dropped when it arrives).
    pub fn start(&mut self, path: PathBuf, purpose: Purpose, wake: impl Fn() + Send + 'static) {
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
        self.inflight = Some(Inflight {
            path,
            purpose,
            rx,
            started: Instant::now(),
        });
    }

    /// The path being loaded and why, while a load runs.
    pub fn busy(&self) -> Option<(&PathBuf, Purpose)> {
        self.inflight.as_ref().map(|i| (&i.path, i.purpose))
    }

    /// A reload to run when the load in flight is done.
    pub fn queue_reload(&mut self) {
        self.reload_queued = true;
    }

    /// Takes the reload queued while busy, once idle.
    pub fn take_queued_reload(&mut self) -> bool {
        self.inflight.is_none() && std::mem::take(&mut self.reload_queued)
    }

    /// The finished load, if it finished. Cheap: called every frame.
    pub fn poll(&mut self) -> Option<Loaded> {
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
        })
    }
}
