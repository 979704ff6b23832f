//! 강의 받기, off the UI thread: the dialog's form, the clone's thread, its progress drawn
//! while it runs (a repaint every 100 ms then, none otherwise), the course opened when it
//! is there.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use super::StudyApp;
use crate::git::fetch::{self, CloneError};
use crate::notice::Notice;
use crate::ui::clone_dialog::{CloneAction, CloneForm, CloneInput, clone_dialog_ui};

/// The dialog and the clone under way.
#[derive(Debug, Default)]
pub(super) struct Cloning {
    open: bool,
    form: CloneForm,
    /// The folder a course goes under (Documents, or the one picked): looked up once when
    /// the dialog opens, not at every keystroke.
    parent: PathBuf,
    error: Option<String>,
    job: Option<Job>,
}

struct Job {
    progress: fetch::Progress,
    interrupt: Arc<AtomicBool>,
    done: Receiver<Result<PathBuf, CloneError>>,
}

/// Where courses go by default: the Documents folder (the home folder without one).
pub fn default_parent() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| {
            d.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("interrupt", &self.interrupt)
            .finish_non_exhaustive()
    }
}

impl Cloning {
    /// The folder: the address's repository name under the parent folder.
    fn follow_address(&mut self) {
        self.form.folder = fetch::folder_for(&self.form.address, &self.parent)
            .display()
            .to_string();
    }

    /// Whether a clone runs (tests wait for it).
    pub(super) fn running(&self) -> bool {
        self.job.is_some()
    }
}

impl StudyApp {
    /// 강의 받기 (열기 ▾): the dialog.
    pub(super) fn open_clone_dialog(&mut self) {
        let cloning = &mut self.git.cloning;
        cloning.open = true;
        if !cloning.form.folder_edited && cloning.form.folder.is_empty() {
            cloning.parent = default_parent();
            cloning.form.folder = cloning.parent.display().to_string();
        }
    }

    /// The dialog, when open, and the clone's outcome once it is done.
    pub(super) fn clone_dialog(&mut self, ctx: &egui::Context) {
        self.poll_clone();
        let cloning = &mut self.git.cloning;
        if !cloning.open {
            return;
        }
        let now = cloning.job.as_ref().map(|job| {
            fetch::progress_now(&job.progress).unwrap_or_else(|| (String::new(), 0, None))
        });
        let input = CloneInput {
            lang: self.state.lang,
            running: now
                .as_ref()
                .map(|(task, done, total)| (task.as_str(), *done, *total)),
            error: cloning.error.as_deref(),
        };
        let action = clone_dialog_ui(ctx, &mut cloning.form, &input);
        if cloning.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        match action {
            Some(CloneAction::AddressEdited) if !cloning.form.folder_edited => {
                cloning.follow_address();
            }
            Some(CloneAction::AddressEdited) => {}
            Some(CloneAction::Browse) => {
                if let Some(parent) = rfd::FileDialog::new()
                    .set_title(self.state.lang.clone_folder())
                    .pick_folder()
                {
                    cloning.parent = parent;
                    cloning.follow_address();
                    cloning.form.folder_edited = true;
                }
            }
            Some(CloneAction::Start) => self.start_clone(),
            Some(CloneAction::Stop) => {
                if let Some(job) = &cloning.job {
                    job.interrupt.store(true, Ordering::Relaxed);
                }
            }
            Some(CloneAction::Close) => cloning.open = false,
            None => {}
        }
    }

    /// Starts the clone of the form's address into its folder.
    fn start_clone(&mut self) {
        let cloning = &mut self.git.cloning;
        if cloning.job.is_some() {
            return;
        }
        cloning.error = None;
        let address = cloning.form.address.trim().to_owned();
        let into = PathBuf::from(cloning.form.folder.trim());
        let progress = fetch::new_progress();
        let interrupt = Arc::new(AtomicBool::new(false));
        let (tx, done) = channel();
        let (thread_progress, thread_interrupt) = (progress.clone(), interrupt.clone());
        let ctx = self.ctx.clone();
        log::info!("강의 받기: {address} into {}", into.display());
        let spawned = std::thread::Builder::new()
            .name("clone".into())
            .spawn(move || {
                let outcome = fetch::clone(&address, &into, &thread_progress, &thread_interrupt);
                if tx.send(outcome).is_ok() {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                cloning.job = Some(Job {
                    progress,
                    interrupt,
                    done,
                })
            }
            Err(e) => {
                let error = CloneError::Failed(e.to_string());
                cloning.error = Some(self.state.lang.clone_error(&error));
            }
        }
    }

    /// A clone that finished: the course opened, or why not said in the dialog.
    fn poll_clone(&mut self) {
        let cloning = &mut self.git.cloning;
        let Some(outcome) = cloning
            .job
            .as_ref()
            .and_then(|job| job.done.try_recv().ok())
        else {
            return;
        };
        cloning.job = None;
        match outcome {
            Ok(folder) => {
                cloning.open = false;
                cloning.form = CloneForm::default();
                self.notices
                    .push(Notice::Cloned(folder.display().to_string()));
                self.open(&folder);
            }
            Err(e) => {
                let text = self.state.lang.clone_error(&e);
                log::warn!("{text}");
                cloning.error = Some(text);
            }
        }
    }

    /// Whether 강의 받기 is downloading (tests wait for it).
    pub fn cloning(&self) -> bool {
        self.git.cloning.running()
    }
}
