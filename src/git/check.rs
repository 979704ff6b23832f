//! The first lock: what the repository's own files ask git to do, read before git runs in
//! the folder. Only a short allow-list of settings passes; a remote must be reached over
//! `https`, `http` or `file`; the repository's private attributes may name no driver.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use super::{CLEARED_ENV, MAX_SMALL_FILE, NULL_DEVICE, PullError, Repo, error_text, read_small};

/// Something of the repository that could run a command: the pull is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A setting outside [`allowed`] (or a remote reached through a program): its key as
    /// git names it, and the file that sets it.
    Setting { key: String, file: String },
    /// A filter, diff or merge driver named in the repository's own attributes file.
    Attribute { attribute: String, file: String },
    /// A configuration or attributes file that is not a small regular file, or that git
    /// cannot read: nothing can be said of it, so nothing is run.
    Unreadable { file: String, reason: String },
}

/// Whether a local setting may be there: the repository's format and the settings `git
/// clone` writes on Linux, Windows and macOS, remotes and branches, who commits.
/// `section` and `name` in lower case, as git lists them.
pub fn allowed(section: &str, subsection: Option<&str>, name: &str) -> bool {
    matches!(
        (section, subsection, name),
        (
            "core",
            None,
            "repositoryformatversion"
                | "bare"
                | "filemode"
                | "logallrefupdates"
                | "ignorecase"
                | "precomposeunicode"
                | "symlinks",
        ) | ("remote", Some(_), "url" | "fetch")
            | ("branch", Some(_), "remote" | "merge")
            | ("user", None, _)
    )
}

/// What the repository's files hold, before anything is judged.
#[derive(Debug, Default)]
pub(super) struct Survey {
    /// Every local setting: the file it is in, its key, its value.
    settings: Vec<(String, String, Option<String>)>,
    /// Drivers named in the repository's private attributes: the file, the attribute.
    private_attributes: Vec<(String, String)>,
    /// Every filter and diff driver named anywhere looked at (emptied on the command line).
    pub(super) drivers: BTreeSet<String>,
}

/// The first lock. Reads the repository's local configuration files (`config`,
/// `config.worktree`, of the repository and of its common folder) with git's own parser,
/// includes not followed, and its `info/attributes`. `Ok`: the driver names to empty on the
/// command line as well. Blocks on git: call off the UI thread.
pub fn check(repo: &Repo) -> Result<BTreeSet<String>, PullError> {
    let survey = survey(repo)?;
    for (file, key, value) in &survey.settings {
        let (section, subsection, name) = split_key(key);
        let remote_url = section == "remote" && name == "url";
        let url_runs_a_program = remote_url && value.as_deref().is_none_or(runs_a_program);
        if !allowed(section, subsection, name) || url_runs_a_program {
            return Err(PullError::Refused(Refusal::Setting {
                key: key.clone(),
                file: file.clone(),
            }));
        }
    }
    if let Some((file, attribute)) = survey.private_attributes.first() {
        return Err(PullError::Refused(Refusal::Attribute {
            attribute: attribute.clone(),
            file: file.clone(),
        }));
    }
    Ok(survey.drivers)
}

/// Reads, without judging, what [`check`] judges.
pub(super) fn survey(repo: &Repo) -> Result<Survey, PullError> {
    let mut survey = Survey::default();
    let mut folders = vec![repo.git_dir.clone()];
    if repo.common_dir != repo.git_dir {
        folders.push(repo.common_dir.clone());
    }
    for folder in &folders {
        for name in ["config", "config.worktree"] {
            let path = folder.join(name);
            if std::fs::symlink_metadata(&path).is_err() {
                continue;
            }
            let shown = display_path(repo, &path);
            for (key, value) in settings_in(&path, &shown)? {
                if let ("filter" | "diff" | "merge", Some(driver), _) = split_key(&key) {
                    survey.drivers.insert(driver.to_owned());
                }
                survey.settings.push((shown.clone(), key, value));
            }
        }
        let attributes = folder.join("info").join("attributes");
        if std::fs::symlink_metadata(&attributes).is_ok() {
            let shown = display_path(repo, &attributes);
            let text = small_file(&attributes, &shown)?;
            for (attribute, driver) in drivers_in(&text) {
                survey.drivers.insert(driver);
                survey.private_attributes.push((shown.clone(), attribute));
            }
        }
    }
    // The course's own attributes come with the course: a driver they name runs only if
    // some configuration defines it, which the check above refuses. Emptied all the same.
    if let Some(text) = read_small(&repo.work_tree.join(".gitattributes")) {
        survey
            .drivers
            .extend(drivers_in(&text).into_iter().map(|(_, d)| d));
    }
    Ok(survey)
}

/// `path` as the user knows it: from the work tree when inside it (`.git/config`).
fn display_path(repo: &Repo, path: &Path) -> String {
    path.strip_prefix(&repo.work_tree)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// A small regular file's text, or why it is not one.
fn small_file(path: &Path, shown: &str) -> Result<String, PullError> {
    let unreadable = |reason: String| {
        PullError::Refused(Refusal::Unreadable {
            file: shown.to_owned(),
            reason,
        })
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable("not a regular file".to_owned()));
    }
    if meta.len() > MAX_SMALL_FILE {
        return Err(unreadable(format!("{} bytes", meta.len())));
    }
    std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))
}

/// Every setting of the configuration file `path`, as git's own parser reads it (includes
/// listed as the settings they are, not followed). git runs outside the repository, with no
/// other configuration read.
fn settings_in(path: &Path, shown: &str) -> Result<Vec<(String, Option<String>)>, PullError> {
    // Checked first: git would wait forever on a pipe, or read a device without end.
    let text = small_file(path, shown)?;
    if !super::installed() {
        // The pull without git (gix): read as gix, which fetches, reads it.
        return settings_read_by_gix(&text, shown);
    }
    let mut command = Command::new("git");
    for name in CLEARED_ENV {
        command.env_remove(name);
    }
    let out = command
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", NULL_DEVICE)
        .env_remove("GIT_CONFIG_COUNT")
        .current_dir(std::env::temp_dir())
        .arg("config")
        .arg("--file")
        .arg(path)
        .args(["--no-includes", "--null", "--list"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| PullError::Git(format!("git: {e}")))?;
    if !out.status.success() {
        return Err(PullError::Refused(Refusal::Unreadable {
            file: shown.to_owned(),
            reason: error_text(&out),
        }));
    }
    Ok(out
        .stdout
        .split(|b| *b == 0)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let entry = String::from_utf8_lossy(entry);
            match entry.split_once('\n') {
                Some((key, value)) => (key.to_owned(), Some(value.to_owned())),
                None => (entry.into_owned(), None),
            }
        })
        .collect())
}

/// [`settings_in`] where no git is installed: the same list (`section.sub.name`, section
/// and name in lower case as git lists them; `None` for a name without `=`), read by
/// gix's parser, includes listed as the settings they are, not followed.
fn settings_read_by_gix(
    text: &str,
    shown: &str,
) -> Result<Vec<(String, Option<String>)>, PullError> {
    let meta = gix::config::file::Metadata::from(gix::config::Source::Local);
    let file = gix::config::File::from_bytes_no_includes(text.as_bytes(), meta, Default::default())
        .map_err(|e| {
            PullError::Refused(Refusal::Unreadable {
                file: shown.to_owned(),
                reason: e.to_string(),
            })
        })?;
    let mut settings = Vec::new();
    for section in file.sections() {
        let header = section.header();
        let prefix = match header.subsection_name() {
            Some(sub) => format!("{}.{sub}", header.name().to_string().to_lowercase()),
            None => header.name().to_string().to_lowercase(),
        };
        let mut names: Vec<String> = section.value_names().collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            let key = format!("{prefix}.{}", name.to_lowercase());
            let values = section.values(&name);
            // `[core] bare` alone: git lists no value, gix an empty one.
            let implicit = section.value_implicit(&name) == Some(None);
            if values.is_empty() || (implicit && values.len() == 1 && values[0].is_empty()) {
                settings.push((key.clone(), None));
                continue;
            }
            for value in values {
                settings.push((key.clone(), Some(value.to_string())));
            }
        }
    }
    Ok(settings)
}

/// `section.sub.section.name` → (`section`, `Some("sub.section")`, `name`).
fn split_key(key: &str) -> (&str, Option<&str>, &str) {
    let (section, rest) = key.split_once('.').unwrap_or((key, ""));
    match rest.rsplit_once('.') {
        Some((subsection, name)) => (section, Some(subsection), name),
        None => (section, None, rest),
    }
}

/// Whether a remote address is reached through a program git starts (ssh, `git://` with a
/// proxy, a remote helper `name::…`) rather than over `https`, `http` or a local path.
pub(super) fn runs_a_program(url: &str) -> bool {
    if let Some((scheme, _)) = url.split_once("://") {
        return !["https", "http", "file"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme));
    }
    if url.contains("::") {
        return true;
    }
    // `host:path` is ssh, as git reads it, when the colon comes before any slash; a
    // Windows drive (`C:\…`, `C:/…`) is a local path.
    let drive = match url.as_bytes() {
        [letter, b':'] => letter.is_ascii_alphabetic(),
        [letter, b':', b'\\' | b'/', ..] => letter.is_ascii_alphabetic(),
        _ => false,
    };
    match url.find(':') {
        Some(colon) => !drive && url.find('/').is_none_or(|slash| colon < slash),
        None => false,
    }
}

/// The drivers an attributes file names: (`filter=x`, `x`) for each `filter=`, `diff=` or
/// `merge=` attribute with a value (macros included).
fn drivers_in(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter_map(|token| {
            let (attribute, driver) = token.split_once('=')?;
            ["filter", "diff", "merge"]
                .contains(&attribute)
                .then(|| (token.to_owned(), driver.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod gix_reading {
    use super::*;

    /// Without git, the check reads a configuration as git lists it: the same keys and
    /// values, so the same settings are refused.
    #[test]
    fn gix_lists_a_configuration_as_git_does() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = "[core]\n\trepositoryformatversion = 0\n\tbare\n\tFileMode = true\n\
            [remote \"origin\"]\n\turl = https://github.com/t/c.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n\
            \tfetch = +refs/tags/*:refs/tags/*\n[Remote \"Up.Stream\"]\n\tURL = file:///srv/c.git\n\
            [include]\n\tpath = elsewhere\n[filter \"lfs\"]\n\tsmudge = git-lfs smudge %f\n\
            [branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/main\n";
        let path = dir.path().join("config");
        std::fs::write(&path, config).expect("write");
        let mut by_gix = settings_read_by_gix(config, "config").expect("gix reads it");
        let mut by_git = match std::process::Command::new("git").arg("--version").output() {
            Ok(_) => settings_in(&path, "config").expect("git reads it"),
            Err(_) => return,
        };
        by_gix.sort();
        by_git.sort();
        assert_eq!(by_gix, by_git);
        assert!(by_gix.contains(&("filter.lfs.smudge".into(), Some("git-lfs smudge %f".into()))));
        assert!(by_gix.contains(&("include.path".into(), Some("elsewhere".into()))));
    }
}
