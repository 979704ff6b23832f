//! 강의 받기 and 최신 노트 받기 without a git program: the course cloned and fast-forwarded
//! in pure Rust (gix), for the students whose laptops have no git (most of them, on
//! Windows). The same rules as the git path of [`super`]:
//! - only `https`, `http` and `file` addresses (ssh would ask for a key or a password, `ext::`
//!   runs a command); never a password prompt: a server that asks for one gets none;
//! - nothing of the user's or the system's git configuration is read, nor the environment
//!   (`gix::open::Options::isolated`), so no credential helper, askpass, proxy command or
//!   filter driver of theirs runs; a pull runs [`super::check`] on the repository first;
//! - no hook runs (gix runs none), no filter: files are written as the repository holds
//!   them;
//! - a pull is a fast-forward only, and a local change to a file the pull would touch
//!   refuses it, naming the files, with nothing written.
//!
//! A `file://` address is served by the `git-upload-pack` program (gix asks it for the
//! objects): the tests use local bare repositories, never the network.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use gix::bstr::ByteSlice as _;

use super::{PullError, Repo};

/// Progress of a clone, shared with the thread that draws it.
pub type Progress = Arc<gix::progress::tree::Root>;

/// A new progress tree for [`clone`].
pub fn new_progress() -> Progress {
    gix::progress::tree::root::Options::default()
        .create()
        .into()
}

/// What a progress tree says now: the busiest task's name, and how far it is (`done` of
/// `total`, when known).
pub fn progress_now(progress: &Progress) -> Option<(String, usize, Option<usize>)> {
    let mut tasks = Vec::new();
    progress.sorted_snapshot(&mut tasks);
    tasks
        .iter()
        .filter_map(|(_, task)| {
            let value = task.progress.as_ref()?;
            let step = value.step.load(std::sync::atomic::Ordering::Relaxed);
            Some((task.name.clone(), step, value.done_at))
        })
        .rev()
        .find(|(_, step, _)| *step > 0)
}

/// Why a clone did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CloneError {
    /// Not an address the app fetches from: only https, http and file (the text given).
    Address(String),
    /// The destination is there and not an empty folder.
    NotEmpty(PathBuf),
    /// Stopped by the user; nothing is left behind.
    Interrupted,
    /// gix's own words, on one line.
    Failed(String),
}

/// The address `text` if the app fetches from it: `https`, `http` or `file` (a local path
/// counts as `file`). ssh (`git@host:repo`, `ssh://`), `git://` and `ext::` are refused.
pub fn parse_address(text: &str) -> Result<gix::Url, CloneError> {
    let text = text.trim();
    let refused = || CloneError::Address(text.to_owned());
    if text.is_empty() || text.starts_with("ext::") || text.contains("::") {
        return Err(refused());
    }
    let url = gix::url::parse(text.as_bytes().as_bstr()).map_err(|_| refused())?;
    match url.scheme {
        gix::url::Scheme::Https | gix::url::Scheme::Http | gix::url::Scheme::File => Ok(url),
        _ => Err(refused()),
    }
}

/// The folder a clone of `address` goes into under `parent`: the repository's name
/// (`msp-t3` for `https://github.com/teacher/msp-t3.git`).
pub fn folder_for(address: &str, parent: &Path) -> PathBuf {
    let name = address
        .trim()
        .trim_end_matches('/')
        .rsplit(['/', '\\', ':'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(".git");
    let name: String = name
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '"' | '|' | '?' | '*') && !c.is_control())
        .collect();
    let name = match name.trim_matches('.') {
        "" => "course",
        name => name,
    };
    parent.join(name)
}

/// rustls's crypto (ring), installed once for the process before any https connection.
fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Err: a provider is installed already (by whoever came first): that one serves.
        if rustls::crypto::ring::default_provider()
            .install_default()
            .is_err()
        {
            log::debug!("a TLS crypto provider was installed already");
        }
    });
}

/// How every repository is opened here: nothing of the user's, the system's or the
/// environment's git configuration.
fn open_options() -> gix::open::Options {
    // The reflog of a pull names someone: the app, as the clone's fallback does.
    gix::open::Options::isolated().config_overrides([
        "user.name=Study Companion",
        "user.email=study-companion@localhost",
    ])
}

/// An error and its causes, on one line ("…: …: …"), each said once.
fn one_line<E: std::error::Error>(e: E) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut source = e.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts
        .join(": ")
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// 강의 받기: clones `address` into `into` (absent, or an empty folder), checked out.
/// Blocks: call off the UI thread; `interrupt` stops it, leaving nothing behind.
pub fn clone(
    address: &str,
    into: &Path,
    progress: &Progress,
    interrupt: &AtomicBool,
) -> Result<PathBuf, CloneError> {
    let url = parse_address(address)?;
    if std::fs::read_dir(into).is_ok_and(|mut entries| entries.next().is_some()) || into.is_file() {
        return Err(CloneError::NotEmpty(into.to_path_buf()));
    }
    install_crypto();
    let stopped = |e: gix::Error| {
        if interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            CloneError::Interrupted
        } else {
            CloneError::Failed(one_line(e))
        }
    };
    let mut prepare = gix::clone::PrepareFetch::new(
        url,
        into,
        gix::create::Kind::WithWorktree,
        gix::create::Options::default(),
        open_options(),
    )
    .map_err(stopped)?
    .configure_connection(|connection| {
        // No helper, no prompt: a server that wants a password gets none.
        connection.set_credentials(|_| Ok(None));
        Ok(())
    });
    let (mut checkout, _) = prepare
        .fetch_then_checkout(progress.add_child("fetch"), interrupt)
        .map_err(stopped)?;
    let (repo, _) = checkout
        .main_worktree(progress.add_child("checkout"), interrupt)
        .map_err(stopped)?;
    Ok(repo.workdir().unwrap_or(into).to_path_buf())
}

/// 최신 노트 받기 without git: fetches the branch's remote and fast-forwards the branch and
/// the files to it. How many files changed (0: up to date). The caller ran
/// [`super::check`]. Blocks.
pub(super) fn pull(work: &Repo) -> Result<usize, PullError> {
    install_crypto();
    let failed = |e: gix::Error| PullError::Git(one_line(e));
    let repo = gix::open_opts(&work.work_tree, open_options()).map_err(failed)?;
    let branch = repo
        .head_name()
        .map_err(failed)?
        .ok_or_else(|| PullError::Git("HEAD is detached: no branch to bring up to date".into()))?;
    let head = repo.head_id().map_err(failed)?.detach();
    let remote = repo
        .branch_remote(branch.as_ref().shorten(), gix::remote::Direction::Fetch)
        .or_else(|| repo.find_default_remote(gix::remote::Direction::Fetch))
        .ok_or_else(|| PullError::Git("the repository has no remote to fetch from".into()))?
        .map_err(failed)?;
    if let Some(url) = remote.url(gix::remote::Direction::Fetch) {
        parse_address(&url.to_bstring().to_string()).map_err(|_| {
            PullError::Git(format!(
                "not fetched from {url}: only https, http and file addresses"
            ))
        })?;
    }
    let mut connection = remote
        .connect(gix::remote::Direction::Fetch)
        .map_err(failed)?;
    connection.set_credentials(|_| Ok(None));
    let interrupt = AtomicBool::new(false);
    connection
        .prepare_fetch(gix::progress::Discard, Default::default())
        .map_err(failed)?
        .receive(gix::progress::Discard, &interrupt)
        .map_err(failed)?;
    let tracking = repo
        .branch_remote_tracking_ref_name(branch.as_ref(), gix::remote::Direction::Fetch)
        .ok_or_else(|| PullError::Git(format!("{} tracks no remote branch", branch.as_bstr())))?
        .map_err(failed)?;
    let target = repo
        .find_reference(tracking.as_ref())
        .map_err(failed)?
        .peel_to_id()
        .map_err(failed)?
        .detach();
    if target == head {
        return Ok(0);
    }
    fast_forward(&repo, &branch, head, target)
}

/// The branch `branch` and the work tree moved from `head` to `target`, its descendant.
fn fast_forward(
    repo: &gix::Repository,
    branch: &gix::refs::FullName,
    head: gix::ObjectId,
    target: gix::ObjectId,
) -> Result<usize, PullError> {
    let failed = |e: gix::Error| PullError::Git(one_line(e));
    let descends = repo
        .find_commit(target)
        .map_err(failed)?
        .id()
        .ancestors()
        .all()
        .map_err(failed)?
        .any(|info| info.is_ok_and(|info| info.id == head));
    if !descends {
        return Err(PullError::Git(
            "Not possible to fast-forward: this clone has commits of its own".into(),
        ));
    }
    let old_tree = repo
        .find_commit(head)
        .map_err(failed)?
        .tree()
        .map_err(failed)?;
    let new_tree = repo
        .find_commit(target)
        .map_err(failed)?
        .tree()
        .map_err(failed)?;
    let changes = repo
        .diff_tree_to_tree(
            Some(&old_tree),
            Some(&new_tree),
            gix::diff::Options::default(),
        )
        .map_err(failed)?;
    let work_tree = repo
        .workdir()
        .ok_or_else(|| PullError::Git("a bare repository has no files to update".into()))?;
    let plan = plan(repo, work_tree, &changes)?;
    let changed = plan.len();
    for step in plan {
        step.apply().map_err(|e| PullError::Git(one_line(e)))?;
    }
    let mut index = repo.index_from_tree(&new_tree.id).map_err(failed)?;
    index
        .write(Default::default(), gix_fs::SharedPermissions::Umask)
        .map_err(|e| PullError::Git(one_line(e)))?;
    repo.reference(
        branch.clone(),
        target,
        gix::refs::transaction::PreviousValue::MustExistAndMatch(head.into()),
        "pull: Fast-forward (Study Companion)",
    )
    .map_err(failed)?;
    Ok(changed)
}

/// One file of a fast-forward.
enum Step {
    Write {
        path: PathBuf,
        data: Vec<u8>,
        executable: bool,
    },
    Remove(PathBuf),
}

impl Step {
    fn apply(self) -> std::io::Result<()> {
        match self {
            Step::Write {
                path,
                data,
                executable,
            } => {
                let dir = path.parent().unwrap_or(Path::new("."));
                std::fs::create_dir_all(dir)?;
                let mut file = tempfile::NamedTempFile::new_in(dir)?;
                std::io::Write::write_all(&mut file, &data)?;
                #[cfg(unix)]
                if executable {
                    use std::os::unix::fs::PermissionsExt as _;
                    file.as_file()
                        .set_permissions(std::fs::Permissions::from_mode(0o755))?;
                }
                #[cfg(not(unix))]
                let _ = executable;
                file.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
            Step::Remove(path) => {
                match std::fs::remove_file(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                    _ => {}
                }
                // The folders it leaves empty go too, as git does.
                let mut dir = path.parent();
                while let Some(d) = dir {
                    if std::fs::remove_dir(d).is_err() {
                        break;
                    }
                    dir = d.parent();
                }
                Ok(())
            }
        }
    }
}

/// A repository path as a path under `work_tree`, if it is an ordinary one: no `..`, no
/// `.git`, nothing absolute (a hostile tree may name any of them).
fn under(work_tree: &Path, location: &[u8]) -> Option<PathBuf> {
    let text = std::str::from_utf8(location).ok()?;
    let relative = Path::new(text);
    let ordinary = relative.components().all(|c| match c {
        Component::Normal(name) => {
            let name = name.to_string_lossy();
            let reserved = cfg!(windows) && name.contains([':', '\\']);
            !(name.eq_ignore_ascii_case(".git") || reserved)
        }
        _ => false,
    });
    (ordinary && !text.is_empty()).then(|| work_tree.join(relative))
}

/// The git object id of `path`'s bytes as they are, if it is a file.
fn blob_id_of(repo: &gix::Repository, path: &Path) -> Option<gix::ObjectId> {
    let data = std::fs::read(path).ok()?;
    gix::objs::compute_hash(repo.object_hash(), gix::objs::Kind::Blob, &data).ok()
}

/// What the fast-forward writes and removes, once every file it touches was found as the
/// old commit has it: a file changed here refuses the pull, naming the files.
fn plan(
    repo: &gix::Repository,
    work_tree: &Path,
    changes: &[gix::object::tree::diff::ChangeDetached],
) -> Result<Vec<Step>, PullError> {
    use gix::object::tree::diff::ChangeDetached as Change;
    let mut steps = Vec::new();
    let mut changed_here = Vec::new();
    for change in changes {
        let (location, before, after) = match change {
            Change::Addition {
                location,
                entry_mode,
                id,
                ..
            } => (location, None, Some((*entry_mode, *id))),
            Change::Deletion {
                location,
                entry_mode,
                id,
                ..
            } => (location, Some((*entry_mode, *id)), None),
            Change::Modification {
                location,
                previous_entry_mode,
                previous_id,
                entry_mode,
                id,
            } => (
                location,
                Some((*previous_entry_mode, *previous_id)),
                Some((*entry_mode, *id)),
            ),
            Change::Rewrite { location, .. } => {
                return Err(PullError::Git(format!(
                    "unexpected rename at {location} (rename tracking is off)"
                )));
            }
        };
        let is_file = |m: &gix::object::tree::EntryMode| m.is_blob() || m.is_link();
        let before = before.filter(|(m, _)| is_file(m));
        let after = after.filter(|(m, _)| is_file(m));
        if before.is_none() && after.is_none() {
            // A folder or a submodule: its files come one by one.
            continue;
        }
        let path = under(work_tree, location).ok_or_else(|| {
            PullError::Git(format!(
                "the new notes name a path outside the course: {location}"
            ))
        })?;
        let here = blob_id_of(repo, &path);
        let as_before = match before {
            Some((_, id)) => here.is_none() || here == Some(id),
            None => here.is_none() || here == after.map(|(_, id)| id),
        };
        if !as_before {
            changed_here.push(location.to_string());
            continue;
        }
        steps.push(match after {
            Some((mode, id)) => Step::Write {
                data: repo
                    .find_object(id)
                    .map_err(|e| PullError::Git(one_line(e)))?
                    .detach()
                    .data,
                executable: mode.is_executable(),
                path,
            },
            None => Step::Remove(path),
        });
    }
    if changed_here.is_empty() {
        Ok(steps)
    } else {
        Err(PullError::LocalChanges(changed_here))
    }
}
