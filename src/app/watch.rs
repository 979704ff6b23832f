//! Watching the open course on disk, so an instructor's update or next week's session file
//! shows without a restart.
//!
//! The folder is watched, not the file: editors save by writing a temporary file and
//! renaming it over the old one, and a watch on the old file goes silent after the first
//! such save. Events are debounced (an editor's burst of writes is one change) and reach
//! the UI thread through a channel; the watcher thread asks egui for a frame. Where native
//! events do not arrive (network drives, WSL's Windows drives, FUSE mounts) the folder is
//! polled instead.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};

/// Events closer than this are one change.
const DEBOUNCE: Duration = Duration::from_millis(250);
/// How often a polled folder is looked at.
const POLL_EVERY: Duration = Duration::from_secs(2);

/// How the folder is watched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    Native,
    Polling,
}

/// Held only to keep watching: dropping it stops the watch.
#[allow(dead_code)]
enum Backend {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

/// A watch on the open file or folder; dropped (and stopped) when other content opens.
pub(super) struct Watch {
    _backend: Backend,
    mode: Mode,
    rx: mpsc::Receiver<Result<(), String>>,
}

impl Watch {
    /// Watches `content` (a course file or folder). `wake` is called from the watcher's
    /// thread when something relevant changed (the app asks for a frame there).
    pub(super) fn start(
        content: &Path,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Result<Self, String> {
        Self::start_with(content, wake, false)
    }

    /// [`Self::start`], polling when `poll` even where native events arrive.
    fn start_with(
        content: &Path,
        wake: impl Fn() + Send + Sync + 'static,
        force_poll: bool,
    ) -> Result<Self, String> {
        let (folder, only) = if content.is_dir() {
            (content.to_path_buf(), None)
        } else {
            let folder = content
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf();
            (folder, content.file_name().map(PathBuf::from))
        };
        // A folder is a course repository, read recursively: so is it watched (one
        // watcher; the debouncer makes a pull touching 30 files one reload).
        let recursive = if only.is_none() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        let (tx, rx) = mpsc::channel();
        let wake = std::sync::Arc::new(wake);
        let handler = move |result: DebounceEventResult| {
            let message = match result {
                Ok(events) => {
                    let relevant = events
                        .iter()
                        .filter(|e| changes_content(&e.event.kind))
                        .flat_map(|e| &e.event.paths)
                        .any(|p| is_relevant(p, only.as_deref()));
                    if !relevant {
                        return;
                    }
                    Ok(())
                }
                Err(errors) => Err(errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")),
            };
            // The app is gone when nobody receives: nothing left to tell.
            if tx.send(message).is_ok() {
                wake();
            }
        };
        let polled = force_poll || needs_polling(&folder);
        let (backend, mode) = if polled {
            (
                Backend::Polling(poll(&folder, recursive, handler)?),
                Mode::Polling,
            )
        } else {
            match new_debouncer(DEBOUNCE, None, handler.clone()) {
                Ok(mut d) => match d.watch(&folder, recursive) {
                    Ok(()) => (Backend::Native(d), Mode::Native),
                    Err(e) => {
                        log::warn!("native watch of {} failed ({e}); polling", folder.display());
                        (
                            Backend::Polling(poll(&folder, recursive, handler)?),
                            Mode::Polling,
                        )
                    }
                },
                Err(e) => {
                    log::warn!("no native file watcher ({e}); polling {}", folder.display());
                    (
                        Backend::Polling(poll(&folder, recursive, handler)?),
                        Mode::Polling,
                    )
                }
            }
        };
        log::info!("watching {} ({mode:?})", folder.display());
        Ok(Self {
            _backend: backend,
            mode,
            rx,
        })
    }

    pub(super) fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether the content changed since the last call, or the watcher's error. Cheap:
    /// called every frame.
    pub(super) fn changed(&self) -> Result<bool, String> {
        let mut changed = false;
        for message in self.rx.try_iter() {
            message?;
            changed = true;
        }
        Ok(changed)
    }
}

fn poll<F>(
    folder: &Path,
    recursive: RecursiveMode,
    handler: F,
) -> Result<Debouncer<PollWatcher, NoCache>, String>
where
    F: FnMut(DebounceEventResult) + Send + 'static,
{
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let mut d =
        new_debouncer_opt::<_, PollWatcher, NoCache>(DEBOUNCE, None, handler, NoCache, config)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    d.watch(folder, recursive)
        .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    Ok(d)
}

/// Whether an event can change what a file holds. Reading a file is an event too (open,
/// close, perhaps its access time): the loader's own reads must not start another reload.
/// A new write time is a change (the poller reports edits that way).
fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) => false,
    }
}

/// A change that matters: the course file itself, or any markdown file of the folder.
fn is_relevant(path: &Path, only: Option<&Path>) -> bool {
    match only {
        Some(name) => path.file_name() == Some(name.as_os_str()),
        None => path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")),
    }
}

/// Folders on file systems that send no change events to a watcher here: network shares,
/// FUSE mounts, WSL's view of Windows drives. Read from the mount table (Linux).
/// `STUDY_COMPANION_POLL=1` forces polling (to try it, or where detection fails).
fn needs_polling(folder: &Path) -> bool {
    std::env::var_os("STUDY_COMPANION_POLL").is_some() || on_remote_fs(folder)
}

#[cfg(target_os = "linux")]
fn on_remote_fs(folder: &Path) -> bool {
    let Ok(mounts) = std::fs::read_to_string("/proc/self/mounts") else {
        return false;
    };
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    mount_type(&mounts, &folder).is_some_and(remote_type)
}

#[cfg(not(target_os = "linux"))]
fn on_remote_fs(_folder: &Path) -> bool {
    false
}

/// The type of the file system `path` is on, from `/proc/self/mounts` text: the longest
/// mount point that contains it.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn mount_type<'a>(mounts: &'a str, path: &Path) -> Option<&'a str> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _device = fields.next()?;
            let point = fields.next()?.replace("\\040", " ");
            let kind = fields.next()?;
            path.starts_with(&point).then_some((point.len(), kind))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn remote_type(kind: &str) -> bool {
    matches!(
        kind,
        "nfs" | "nfs4" | "cifs" | "smb3" | "smbfs" | "9p" | "drvfs" | "v9fs" | "afs" | "ceph"
    ) || kind.starts_with("fuse")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_and_fuse_mounts_are_polled() {
        let mounts = "/dev/sda1 / ext4 rw 0 0\n\
                      server:/export /home/me/course nfs4 rw 0 0\n\
                      C:\\134 /mnt/c 9p rw 0 0\n\
                      gdrive /home/me/drive fuse.rclone rw 0 0\n";
        let kind = |p: &str| mount_type(mounts, Path::new(p));
        assert_eq!(kind("/home/me/notes"), Some("ext4"));
        assert_eq!(kind("/home/me/course/msp"), Some("nfs4"));
        assert_eq!(kind("/mnt/c/Users/me"), Some("9p"));
        assert!(remote_type("nfs4") && remote_type("9p") && remote_type("fuse.rclone"));
        assert!(!remote_type("ext4") && !remote_type("tmpfs") && !remote_type("overlay"));
    }

    /// Waits (up to 6 s) for the watch to report a change.
    fn sees_a_change(watch: &Watch) -> bool {
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_secs(6) {
            if watch.changed() == Ok(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn both_watchers_see_a_new_session_and_an_edit_but_not_other_files() {
        for poll in [false, true] {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(dir.path().join("a.md"), "# A\n").expect("write");
            let watch = Watch::start_with(dir.path(), || {}, poll).expect("watch");
            assert_eq!(watch.mode() == Mode::Polling, poll);
            // The poller needs a first look before it can see a difference.
            std::thread::sleep(Duration::from_millis(300));
            std::fs::write(dir.path().join("b.md"), "# B\n").expect("write");
            assert!(sees_a_change(&watch), "new file, poll={poll}");
            std::fs::write(dir.path().join("a.md"), "# A, edited\n- q?\n").expect("write");
            assert!(sees_a_change(&watch), "edit, poll={poll}");
            std::fs::write(dir.path().join("notes.txt"), "x").expect("write");
            std::thread::sleep(Duration::from_millis(if poll { 2600 } else { 600 }));
            assert_eq!(watch.changed(), Ok(false), "a text file, poll={poll}");
        }
    }

    #[test]
    fn reading_a_file_is_no_change() {
        use notify::EventKind;
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, ModifyKind, RenameMode,
        };
        assert!(!changes_content(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!changes_content(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!changes_content(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Name(
            RenameMode::Both
        ))));
        assert!(changes_content(&EventKind::Create(CreateKind::File)));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::WriteTime
        ))));
    }

    #[test]
    fn only_the_course_file_or_markdown_files_matter() {
        let only = Path::new("msp-t3-23-5.md");
        assert!(is_relevant(Path::new("/c/msp-t3-23-5.md"), Some(only)));
        assert!(!is_relevant(
            Path::new("/c/.msp-t3-23-5.md.swp"),
            Some(only)
        ));
        assert!(is_relevant(Path::new("/c/msp-t3-23-6.md"), None));
        assert!(!is_relevant(Path::new("/c/notes.txt"), None));
    }
}
