//! 최신 노트 받기, off the UI thread: whether the course's folder is in a git work tree (the
//! file system alone is looked at, no git run), and [`crate::git::pull`] when asked. The
//! window and `--pull` share that one function, with its two locks.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::git::{self, PullError};

/// The folder of the course when it can be pulled, found off the UI thread at each load.
#[derive(Debug, Default)]
pub(super) struct Git {
    /// The course's folder, once found to be in a work tree.
    dir: Option<PathBuf>,
    detecting: Option<Receiver<Option<PathBuf>>>,
    pulling: Option<(PathBuf, Receiver<Result<usize, PullError>>)>,
    /// 강의 받기's dialog and clone.
    pub(super) cloning: super::clone::Cloning,
}

impl Git {
    /// A course was opened from `path` (a file or a folder; `None`: the built-in notes):
    /// looks, in the background, whether its folder can be pulled.
    pub(super) fn detect(&mut self, path: Option<&Path>, wake: impl Fn() + Send + 'static) {
        self.dir = None;
        self.detecting = None;
        let Some(path) = path.map(Path::to_path_buf) else {
            return;
        };
        let (tx, rx) = channel();
        self.detecting = Some(rx);
        // Even looking at the path is left to the thread: a network drive may not answer.
        std::thread::spawn(move || {
            let dir = if path.is_dir() {
                path
            } else {
                path.parent().map(Path::to_path_buf).unwrap_or_default()
            };
            // With or without a git program: without one the pull is done in-process.
            let found = git::find(&dir).is_some().then_some(dir);
            if tx.send(found).is_ok() {
                wake();
            }
        });
    }

    /// Whether 최신 노트 받기 is offered (the course's folder is in a work tree).
    pub(super) fn available(&mut self) -> bool {
        if let Some(rx) = &self.detecting
            && let Ok(found) = rx.try_recv()
        {
            self.dir = found;
            self.detecting = None;
        }
        self.dir.is_some()
    }

    /// Whether the last [`Self::available`] found a work tree.
    pub(super) fn offered(&self) -> bool {
        self.dir.is_some()
    }

    /// The folder being pulled, while it is.
    pub(super) fn pulling(&self) -> Option<&Path> {
        self.pulling.as_ref().map(|(dir, _)| dir.as_path())
    }

    /// Starts the check and `git pull --ff-only` in the course's folder.
    pub(super) fn start_pull(&mut self, wake: impl Fn() + Send + 'static) {
        let Some(dir) = self.dir.clone() else {
            return;
        };
        if self.pulling.is_some() {
            return;
        }
        let (tx, rx) = channel();
        self.pulling = Some((dir.clone(), rx));
        std::thread::spawn(move || {
            if tx.send(git::pull(&dir)).is_ok() {
                wake();
            }
        });
    }

    /// The pull's outcome once it is done: how many files it changed, or why nothing was
    /// pulled.
    pub(super) fn poll_pull(&mut self) -> Option<Result<usize, PullError>> {
        let (_, rx) = self.pulling.as_ref()?;
        let outcome = rx.try_recv().ok()?;
        self.pulling = None;
        Some(outcome)
    }
}
