//! 최신 노트 받기: when the course folder is inside a git work tree and `git` is installed,
//! `git pull --ff-only` there, off the UI thread. Nothing is committed or pushed; a pull
//! that cannot fast-forward (local changes, diverged history, no network) changes nothing
//! and its error is shown. Hooks of the folder's repository are not run (a folder handed
//! over by someone may carry any `.git/hooks`), and git never asks for a password (there is
//! no terminal to answer it).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};

/// The folder of the course when it can be pulled, found off the UI thread at each load.
#[derive(Debug, Default)]
pub struct Git {
    /// The course's folder, once found to be in a work tree.
    dir: Option<PathBuf>,
    detecting: Option<Receiver<Option<PathBuf>>>,
    pulling: Option<(PathBuf, Receiver<Result<usize, String>>)>,
}

impl Git {
    /// A course was opened from `path` (a file or a folder; `None`: the built-in notes):
    /// looks, in the background, whether its folder can be pulled.
    pub fn detect(&mut self, path: Option<&Path>, wake: impl Fn() + Send + 'static) {
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
            let found = in_work_tree(&dir).then_some(dir);
            if tx.send(found).is_ok() {
                wake();
            }
        });
    }

    /// Whether 최신 노트 받기 is offered (the course's folder is in a work tree).
    pub fn available(&mut self) -> bool {
        if let Some(rx) = &self.detecting
            && let Ok(found) = rx.try_recv()
        {
            self.dir = found;
            self.detecting = None;
        }
        self.dir.is_some()
    }

    /// Whether the last [`Self::available`] found a work tree.
    pub fn offered(&self) -> bool {
        self.dir.is_some()
    }

    /// The folder being pulled, while it is.
    pub fn pulling(&self) -> Option<&Path> {
        self.pulling.as_ref().map(|(dir, _)| dir.as_path())
    }

    /// Starts `git pull --ff-only` in the course's folder.
    pub fn start_pull(&mut self, wake: impl Fn() + Send + 'static) {
        let Some(dir) = self.dir.clone() else {
            return;
        };
        if self.pulling.is_some() {
            return;
        }
        let (tx, rx) = channel();
        self.pulling = Some((dir.clone(), rx));
        std::thread::spawn(move || {
            if tx.send(pull(&dir)).is_ok() {
                wake();
            }
        });
    }

    /// The pull's outcome once it is done: how many files it changed, or git's error.
    pub fn poll_pull(&mut self) -> Option<Result<usize, String>> {
        let (_, rx) = self.pulling.as_ref()?;
        let outcome = rx.try_recv().ok()?;
        self.pulling = None;
        Some(outcome)
    }
}

/// Hooks are looked for in the null device: none is ever run.
const NO_HOOKS: &str = if cfg!(windows) {
    "core.hooksPath=NUL"
} else {
    "core.hooksPath=/dev/null"
};

/// `git` with settings that keep it from running anything of the repository's or waiting
/// for a password.
fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .args(["-c", NO_HOOKS, "-c", "core.fsmonitor=false"])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ASKPASS", "")
        .env("SSH_ASKPASS", "")
        .stdin(Stdio::null());
    command
}

/// Whether `dir` is inside a git work tree (false when git is not installed).
pub fn in_work_tree(dir: &Path) -> bool {
    git(dir)
        .args(["rev-parse", "--is-inside-work-tree"])
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() && out.stdout.trim_ascii() == b"true")
}

fn head(dir: &Path) -> Result<String, String> {
    let out = git(dir)
        .args(["rev-parse", "HEAD"])
        .output()
        .map_err(|e| format!("git: {e}"))?;
    if !out.status.success() {
        return Err(error_text(&out));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `git pull --ff-only` in `dir`: how many files changed, or git's own words for why not.
pub fn pull(dir: &Path) -> Result<usize, String> {
    let before = head(dir)?;
    let out = git(dir)
        .args(["pull", "--ff-only", "--no-rebase"])
        .output()
        .map_err(|e| format!("git: {e}"))?;
    if !out.status.success() {
        return Err(error_text(&out));
    }
    let after = head(dir)?;
    if after == before {
        return Ok(0);
    }
    let diff = git(dir)
        .args(["diff", "--name-only", &before, &after])
        .output()
        .map_err(|e| format!("git: {e}"))?;
    Ok(String::from_utf8_lossy(&diff.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count())
}

/// What git said on failure, on one line (its `fatal:`/`error:` lines first).
fn error_text(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let important: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("fatal:") || l.starts_with("error:"))
        .collect();
    let shown = if important.is_empty() {
        lines
    } else {
        important
    };
    match shown.join(" ") {
        s if s.is_empty() => format!("git exited with {}", out.status),
        s => s,
    }
}
