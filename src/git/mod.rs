//! git, with nothing of the repository ever run: 최신 노트 받기 in the window and `--pull` on
//! the command line share [`pull`].
//!
//! A folder handed over by anyone may be a git clone whose own configuration names commands
//! (a filter's smudge, fsmonitor, an ssh command, a credential helper, an upload pack, config
//! included from anywhere …). Two locks, each enough alone for every door known today:
//! 1. [`check`], before any git command in the folder: its local configuration, read by
//!    git's own parser outside the folder (`git config --file … --no-includes`), may set
//!    only the keys of [`allowed`], its remotes only `https`, `http` or `file` addresses, and
//!    its `info/attributes` may name no filter, diff or merge driver. Anything else refuses
//!    the pull, naming the key and the file.
//! 2. [`Repo::git`], every git command: the doors shut in git's own command-line scope as
//!    well (hooks from the null device; no fsmonitor, pager, external diff, attributes file,
//!    credential helper or askpass; only the `https`, `http` and `file` transports; every
//!    driver the repository names emptied), neither the system's nor the user's git
//!    configuration read, no terminal to ask a password on.
//!
//! Finding the repository runs no git at all: it is the `.git` in the folder or above it.
//! Without a git program, [`fetch`] clones (강의 받기) and pulls in pure Rust, by the same
//! rules.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod check;
#[cfg(test)]
mod commit_tests;
pub mod fetch;
#[cfg(test)]
mod fetch_tests;
#[cfg(test)]
mod tests;

pub use check::{Refusal, allowed, check};

/// The null device: hooks are looked for there, and the user's git configuration read from
/// it (none).
const NULL_DEVICE: &str = if cfg!(windows) { "NUL" } else { "/dev/null" };

/// Largest configuration or attributes file read (git's own are a few hundred bytes).
const MAX_SMALL_FILE: u64 = 1 << 20;

/// Driver names emptied on the command line, at most (an attributes file may name any).
const MAX_DRIVERS: usize = 256;

/// A git work tree found on disk, without running git.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repo {
    /// The folder that holds `.git`.
    pub work_tree: PathBuf,
    /// The repository: `.git`, or where a `.git` file (`gitdir: …`) points.
    pub git_dir: PathBuf,
    /// Where the shared configuration lives (`commondir` of a linked work tree, else
    /// `git_dir`).
    pub common_dir: PathBuf,
}

/// Why a pull did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PullError {
    /// The folder is not inside a git work tree.
    NotInRepo(PathBuf),
    /// Something of the repository could run a command: nothing was run.
    Refused(Refusal),
    /// git could not be started, or failed: its own words, on one line.
    Git(String),
    /// Files changed in the clone that the pull would overwrite: nothing was written, they
    /// are as they were (the pull without git; git says it in its own words).
    LocalChanges(Vec<String>),
}

/// The `.git` of `dir` or of the nearest folder above it, if any: only the file system is
/// looked at (a `.git` folder with a `HEAD`, or a `.git` file naming one).
pub fn find(dir: &Path) -> Option<Repo> {
    dir.ancestors().find_map(|folder| {
        let dot = folder.join(".git");
        let meta = std::fs::metadata(&dot).ok()?;
        let git_dir = if meta.is_dir() {
            dot
        } else if meta.is_file() && meta.len() <= 4096 {
            let text = std::fs::read_to_string(&dot).ok()?;
            let target = text.trim().strip_prefix("gitdir:")?.trim();
            folder.join(target)
        } else {
            return None;
        };
        if !git_dir.join("HEAD").is_file() {
            return None;
        }
        let common_dir = match read_small(&git_dir.join("commondir")) {
            Some(text) => git_dir.join(text.trim()),
            None => git_dir.clone(),
        };
        Some(Repo {
            work_tree: folder.to_path_buf(),
            git_dir,
            common_dir,
        })
    })
}

/// Whether a `git` program is on the `PATH` (looked up, not run).
pub fn installed() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    let names: &[&str] = if cfg!(windows) {
        &["git.exe", "git.cmd"]
    } else {
        &["git"]
    };
    std::env::split_paths(&path).any(|dir| names.iter().any(|n| dir.join(n).is_file()))
}

/// A small regular file's text (`None`: absent, not a regular file, too large, unreadable).
fn read_small(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_SMALL_FILE {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

/// Environment variables of the user's that would point git at another repository,
/// configuration or program than the ones checked here.
const CLEARED_ENV: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_SYSTEM",
    "GIT_SSH",
    "GIT_SSH_COMMAND",
    "GIT_SSH_VARIANT",
    "GIT_PROXY_COMMAND",
    "GIT_EXTERNAL_DIFF",
    "GIT_PAGER",
    "GIT_EDITOR",
    "GIT_SEQUENCE_EDITOR",
    "GIT_TEMPLATE_DIR",
];

/// The settings every git command runs with, in git's command-line scope (read after the
/// repository's own, so these win): each shuts a door the check also guards.
const SHUT: &[(&str, &str)] = &[
    ("core.hooksPath", NULL_DEVICE),
    ("core.fsmonitor", "false"),
    ("core.sshCommand", "false"),
    ("core.askPass", ""),
    ("core.pager", "cat"),
    ("core.attributesFile", NULL_DEVICE),
    ("core.alternateRefsCommand", ""),
    ("diff.external", ""),
    // An empty helper empties the list of helpers read before it.
    ("credential.helper", ""),
    ("protocol.allow", "never"),
    ("protocol.https.allow", "always"),
    ("protocol.http.allow", "always"),
    ("protocol.file.allow", "always"),
    ("protocol.ext.allow", "never"),
    ("protocol.ssh.allow", "never"),
    ("protocol.git.allow", "never"),
    ("submodule.recurse", "false"),
    ("fetch.recurseSubmodules", "false"),
];

impl Repo {
    /// `git` on this repository (and no other) with every door shut: see the module's doc.
    /// `drivers`: the filter and diff driver names to empty.
    fn git(&self, drivers: &BTreeSet<String>) -> Command {
        let mut command = Command::new("git");
        for name in CLEARED_ENV {
            command.env_remove(name);
        }
        let mut settings: Vec<(String, &str)> = SHUT
            .iter()
            .map(|(key, value)| ((*key).to_owned(), *value))
            .collect();
        for name in drivers.iter().take(MAX_DRIVERS) {
            for key in ["smudge", "clean", "process"] {
                settings.push((format!("filter.{name}.{key}"), ""));
            }
            settings.push((format!("filter.{name}.required"), "false"));
            for key in ["command", "textconv"] {
                settings.push((format!("diff.{name}.{key}"), ""));
            }
        }
        // Through the environment rather than `-c`: a key may hold any character.
        command.env("GIT_CONFIG_COUNT", settings.len().to_string());
        for (i, (key, value)) in settings.iter().enumerate() {
            command.env(format!("GIT_CONFIG_KEY_{i}"), key);
            command.env(format!("GIT_CONFIG_VALUE_{i}"), value);
        }
        command
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", NULL_DEVICE)
            .env("GIT_ATTR_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_ASKPASS", "")
            .env("SSH_ASKPASS", "")
            .arg("--no-pager")
            .arg(flag("--git-dir=", &self.git_dir))
            .arg(flag("--work-tree=", &self.work_tree))
            .current_dir(&self.work_tree)
            .stdin(Stdio::null());
        command
    }

    /// The commit checked out.
    fn head(&self, drivers: &BTreeSet<String>) -> Result<String, PullError> {
        let out = run(self.git(drivers).args(["rev-parse", "HEAD"]))?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

/// `--name=PATH` as one argument, whatever the path holds.
fn flag(name: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(name);
    arg.push(path.as_os_str());
    arg
}

/// Runs `command`: its output when it succeeds, git's own words when not.
fn run(command: &mut Command) -> Result<std::process::Output, PullError> {
    let out = command
        .output()
        .map_err(|e| PullError::Git(format!("git: {e}")))?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(PullError::Git(error_text(&out)))
    }
}

/// 최신 노트 받기: `git pull --ff-only` in the work tree holding `dir` (a course's folder),
/// once [`check`] found nothing of the repository that could run. How many files changed
/// (0: already up to date), or why nothing was pulled. Blocks: call off the UI thread.
///
/// Where no git program is installed (most students' Windows laptops), the same pull in
/// pure Rust ([`fetch`]), after the same check.
pub fn pull(dir: &Path) -> Result<usize, PullError> {
    if installed() {
        let repo = find(dir).ok_or_else(|| PullError::NotInRepo(dir.to_path_buf()))?;
        let drivers = check(&repo)?;
        pull_checked(&repo, &drivers)
    } else {
        pull_without_git(dir)
    }
}

/// [`pull`] without the git program, whether or not one is installed.
pub fn pull_without_git(dir: &Path) -> Result<usize, PullError> {
    let repo = find(dir).ok_or_else(|| PullError::NotInRepo(dir.to_path_buf()))?;
    check(&repo)?;
    fetch::pull(&repo)
}

/// The pull itself, after the check (tests call it without one, to prove the second lock).
fn pull_checked(repo: &Repo, drivers: &BTreeSet<String>) -> Result<usize, PullError> {
    let before = repo.head(drivers)?;
    run(repo.git(drivers).args([
        "pull",
        "--ff-only",
        "--no-rebase",
        "--no-stat",
        "--no-recurse-submodules",
        "--upload-pack=git-upload-pack",
    ]))?;
    let after = repo.head(drivers)?;
    if after == before {
        return Ok(0);
    }
    let diff = run(repo.git(drivers).args([
        "diff",
        "--name-only",
        "--no-ext-diff",
        "--no-textconv",
        &before,
        &after,
    ]))?;
    Ok(String::from_utf8_lossy(&diff.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count())
}

/// 노트 파일에 답변 쓰기's commit: `file` alone committed in its work tree (`--only`: what
/// else is staged or changed stays as it is) with `message`, after the same [`check`] as a
/// pull and with the same doors shut (no hook runs: `--no-verify`, hooks from the null
/// device). The author is the user's own `user.name`/`user.email` from their global git
/// configuration (read alone, without includes), else the repository's. Never pushes.
/// Returns the new commit's short hash. Blocks: call off the UI thread.
pub fn commit_file(file: &Path, message: &str) -> Result<String, PullError> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let repo = find(dir).ok_or_else(|| PullError::NotInRepo(dir.to_path_buf()))?;
    let drivers = check(&repo)?;
    let relative = file
        .strip_prefix(&repo.work_tree)
        .map_err(|_| PullError::NotInRepo(file.to_path_buf()))?;
    let mut command = repo.git(&drivers);
    for (key, vars) in [
        ("user.name", ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"]),
        ("user.email", ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"]),
    ] {
        // The repository's own identity wins, as in git; else the user's.
        if setting_in(&repo.common_dir.join("config"), key).is_some() {
            continue;
        }
        if let Some(value) = global_setting(key) {
            for var in vars {
                command.env(var, &value);
            }
        }
    }
    command
        .args([
            "commit",
            "--no-verify",
            "--no-gpg-sign",
            "--only",
            "-m",
            message,
            "--",
        ])
        .arg(relative);
    run(&mut command)?;
    let out = run(repo.git(&drivers).args(["rev-parse", "--short", "HEAD"]))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// One value of the user's global git configuration, read by git's parser from that file
/// alone (no includes, no system configuration), outside any repository.
fn global_setting(key: &str) -> Option<String> {
    config_value(OsString::from("--global"), key)
}

/// One value of the configuration file `file` alone.
fn setting_in(file: &Path, key: &str) -> Option<String> {
    config_value(flag("--file=", file), key)
}

fn config_value(scope: OsString, key: &str) -> Option<String> {
    let mut command = Command::new("git");
    for name in CLEARED_ENV {
        command.env_remove(name);
    }
    let out = command
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("config")
        .arg(scope)
        .args(["--no-includes", "--get", key])
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !value.is_empty()).then_some(value)
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
