//! Finding the markdown files of a folder that may be a whole course repository: read
//! recursively, in natural order, and safely. `.git`, hidden folders, `node_modules` and
//! `target` are skipped; a symlink is followed only when it stays inside the opened folder,
//! and a folder reached twice (a loop) is read once; the walk stops at [`MAX_DEPTH`]
//! levels, [`MAX_ENTRIES`] entries looked at and [`MAX_MARKDOWN`] markdown files, and says
//! which bound it reached. Nothing is opened here but folders: files are only listed.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many folder levels below the opened one are read.
pub const MAX_DEPTH: usize = 8;
/// How many folder entries are looked at, in all.
pub const MAX_ENTRIES: usize = 20_000;
/// How many markdown files are listed.
pub const MAX_MARKDOWN: usize = 2_000;

/// Folders never read: version control, tools' caches, build output.
const SKIPPED: &[&str] = &["node_modules", "target", "__pycache__"];

/// A bound the walk reached: the files past it are not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Depth(usize),
    Entries(usize),
    Markdown(usize),
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The markdown files, in natural order of their paths inside the folder.
    pub files: Vec<PathBuf>,
    /// Folders that could not be read, and why.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Links that lead out of the folder, not followed.
    pub outside: Vec<PathBuf>,
    /// The first bound reached, if any.
    pub bound: Option<Bound>,
}

/// Lists the markdown files under `root` (see the module comment).
pub fn markdown_files(root: &Path) -> Walk {
    let mut walk = Walk::default();
    let Ok(canonical_root) = root.canonicalize() else {
        walk.unreadable
            .push((root.to_path_buf(), "cannot resolve".to_owned()));
        return walk;
    };
    let mut state = State {
        root: canonical_root.clone(),
        seen_dirs: HashSet::from([canonical_root]),
        entries: 0,
        walk,
    };
    state.read_dir(root, 0);
    let Walk { files, .. } = &mut state.walk;
    files.sort_by(|a, b| {
        natural_path_cmp(
            a.strip_prefix(root).unwrap_or(a),
            b.strip_prefix(root).unwrap_or(b),
        )
    });
    state.walk
}

struct State {
    root: PathBuf,
    seen_dirs: HashSet<PathBuf>,
    entries: usize,
    walk: Walk,
}

impl State {
    fn read_dir(&mut self, dir: &Path, depth: usize) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.walk
                    .unreadable
                    .push((dir.to_path_buf(), e.to_string()));
                return;
            }
        };
        let mut subdirs = Vec::new();
        for entry in entries {
            if self.walk.bound.is_some() {
                return;
            }
            self.entries += 1;
            if self.entries > MAX_ENTRIES {
                self.walk.bound = Some(Bound::Entries(MAX_ENTRIES));
                return;
            }
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.walk
                        .unreadable
                        .push((dir.to_path_buf(), e.to_string()));
                    continue;
                }
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || SKIPPED.contains(&name.as_ref()) {
                continue;
            }
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let is_dir = if file_type.is_symlink() {
                // Followed only inside the folder.
                match path.canonicalize() {
                    Ok(target) if target.starts_with(&self.root) => target.is_dir(),
                    Ok(_) => {
                        self.walk.outside.push(path);
                        continue;
                    }
                    // A link to nothing, or to itself: said by name when it is markdown.
                    Err(e) => {
                        if is_markdown(&path) {
                            self.walk.unreadable.push((path, e.to_string()));
                        }
                        continue;
                    }
                }
            } else {
                file_type.is_dir()
            };
            if is_dir {
                subdirs.push(path);
            } else if is_markdown(&path) {
                if self.walk.files.len() >= MAX_MARKDOWN {
                    self.walk.bound = Some(Bound::Markdown(MAX_MARKDOWN));
                    return;
                }
                // A FIFO or a device named `.md` is listed: reading it refuses it by name.
                self.walk.files.push(path);
            }
        }
        subdirs.sort_by(|a, b| natural_path_cmp(a, b));
        for sub in subdirs {
            if depth + 1 > MAX_DEPTH {
                self.walk.bound.get_or_insert(Bound::Depth(MAX_DEPTH));
                return;
            }
            // A folder reached twice (a symlink loop, two links to one place) is read once.
            match sub.canonicalize() {
                Ok(canonical) => {
                    if self.seen_dirs.insert(canonical) {
                        self.read_dir(&sub, depth + 1);
                    }
                }
                Err(e) => self.walk.unreadable.push((sub, e.to_string())),
            }
        }
    }
}

/// `.md` or `.markdown`, any case.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"))
}

/// Paths compared component by component in [`natural_cmp`] order, a folder's files
/// before its sub-folders.
pub fn natural_path_cmp(a: &Path, b: &Path) -> Ordering {
    let parts = |p: &Path| -> Vec<String> {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (a, b) = (parts(a), parts(b));
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        if x == y {
            continue;
        }
        // A folder's own files come before its sub-folders.
        let (x_file, y_file) = (i + 1 == a.len(), i + 1 == b.len());
        if x_file != y_file {
            return if x_file {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        match natural_cmp(x, y) {
            Ordering::Equal => continue,
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

/// Text with its numbers compared as numbers: `6차` < `10차`, `23-3` < `23-10` < `24-1`.
/// Case-insensitive; ties broken by the plain text.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                        digits.push(c);
                        it.next();
                    }
                    digits
                };
                let (m, n) = (number(&mut x), number(&mut y));
                let (m, n) = (m.trim_start_matches('0'), n.trim_start_matches('0'));
                match m.len().cmp(&n.len()).then_with(|| m.cmp(n)) {
                    Ordering::Equal => {}
                    other => return other,
                }
            }
            (Some(c), Some(d)) => {
                let (c, d) = (
                    c.to_lowercase().next().unwrap_or(c),
                    d.to_lowercase().next().unwrap_or(d),
                );
                match c.cmp(&d) {
                    Ordering::Equal => {
                        x.next();
                        y.next();
                    }
                    other => return other,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_as_numbers() {
        let mut titles = vec![
            "mspt2_10차",
            "mspt2_6차",
            "mspt3_23-10차",
            "mspt3_24-1차",
            "mspt3_23-3차",
            "README",
        ];
        titles.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            titles,
            [
                "mspt2_6차",
                "mspt2_10차",
                "mspt3_23-3차",
                "mspt3_23-10차",
                "mspt3_24-1차",
                "README"
            ]
        );
        assert_eq!(natural_cmp("a01", "a1"), "a01".cmp("a1"));
    }

    #[test]
    fn a_repository_is_read_recursively_skipping_what_is_not_the_course() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for f in [
            "README.md",
            "doc/b.md",
            "doc/a.md",
            "qna/mspt2/x.md",
            ".git/HEAD.md",
            "node_modules/m.md",
            ".hidden/h.md",
            "doc/img/p.png",
        ] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "# t").expect("write");
        }
        let walk = markdown_files(root);
        let rel: Vec<String> = walk
            .files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(rel, ["README.md", "doc/a.md", "doc/b.md", "qna/mspt2/x.md"]);
        assert_eq!(walk.bound, None);
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_and_loops_are_not_followed() {
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("secret.md"), "# s").expect("write");
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir(root.join("a")).expect("mkdir");
        std::fs::write(root.join("a/x.md"), "# x").expect("write");
        std::os::unix::fs::symlink(root, root.join("a/loop")).expect("link");
        std::os::unix::fs::symlink(outside.path(), root.join("out")).expect("link");
        std::os::unix::fs::symlink(outside.path().join("secret.md"), root.join("s.md"))
            .expect("link");
        let walk = markdown_files(root);
        assert_eq!(walk.files, [root.join("a/x.md")]);
        assert_eq!(walk.outside.len(), 2, "{:?}", walk.outside);
    }

    #[test]
    fn the_bounds_are_said() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut deep = dir.path().to_path_buf();
        for i in 0..12 {
            deep = deep.join(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).expect("mkdir");
        std::fs::write(deep.join("deep.md"), "# d").expect("write");
        let walk = markdown_files(dir.path());
        assert!(walk.files.is_empty());
        assert_eq!(walk.bound, Some(Bound::Depth(MAX_DEPTH)));
    }
}
