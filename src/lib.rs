//! Study Companion: read, annotate and present the MSP T3 class Q&A notes.
//!
//! Layers, each importing only from the ones below it:
//! - pure model, no egui: `course`, `notes`, `search`, `review`, `deck`, `i18n`, `notice`,
//!   `overview`; beside them, no egui either, `desktop` (the freedesktop entry) and `git`
//!   (pulling a course's clone with nothing of the repository run);
//! - `state` (what is remembered between runs) and `command` (every user action once);
//! - `ui`: panels that take what they show and return what the user asked for;
//! - `app`: owns everything and applies every action in one place.

pub mod app;
pub mod command;
pub mod course;
pub mod deck;
pub mod desktop;
pub mod git;
pub mod i18n;
pub mod notes;
pub mod notice;
pub mod overview;
pub mod review;
pub mod search;
pub mod state;
#[cfg(test)]
mod testkit;
pub mod ui;

pub use app::{AppOptions, StudyApp};
pub use state::UiState;

/// The layering above, checked on the sources: a module imports only from modules below
/// it, and a panel never imports another panel.
#[cfg(test)]
mod layers {
    use std::path::Path;

    /// Each top-level module and its layer; a module may import only from lower layers.
    const LAYERS: &[(&str, u8)] = &[
        ("testkit", 0),
        ("course", 0),
        ("desktop", 0),
        ("git", 0),
        ("deck", 1),
        ("notes", 1),
        ("search", 2),
        ("review", 2),
        ("i18n", 3),
        ("overview", 3),
        ("notice", 4),
        ("command", 5),
        ("state", 5),
        ("ui", 6),
        ("app", 7),
    ];
    /// What every panel may share.
    const UI_SHARED: &[&str] = &["widgets", "theme", "fonts", "ime"];

    fn layer(module: &str) -> u8 {
        LAYERS
            .iter()
            .find(|(m, _)| *m == module)
            .map(|(_, l)| *l)
            .unwrap_or_else(|| panic!("module {module} has no layer"))
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The modules named after `prefix` in `text` (`crate::notes::…` gives `notes`).
    fn imports<'a>(text: &'a str, prefix: &'a str) -> impl Iterator<Item = &'a str> {
        text.match_indices(prefix).filter_map(move |(at, _)| {
            let rest = text.get(at + prefix.len()..)?;
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            rest.get(..end).filter(|m| !m.is_empty())
        })
    }

    #[test]
    fn every_module_imports_only_from_below_and_panels_not_from_each_other() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut checked = 0;
        for file in files {
            let rel = file.strip_prefix(&src).expect("inside src");
            let mut parts = rel.iter().map(|p| p.to_string_lossy().replace(".rs", ""));
            let top = parts.next().unwrap_or_default();
            if top == "lib" || top == "main" {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("read");
            for module in imports(&text, "crate::") {
                if module != top {
                    assert!(
                        layer(module) < layer(&top),
                        "{}: {top} imports {module}, which is not below it",
                        rel.display()
                    );
                }
                checked += 1;
            }
            if top == "ui" {
                let panel = parts.next().unwrap_or_default();
                let others = imports(&text, "super::").chain(imports(&text, "crate::ui::"));
                for other in others {
                    assert!(
                        other == panel
                            || UI_SHARED.contains(&other)
                            || UI_SHARED.contains(&panel.as_str())
                            || panel == "mod",
                        "{}: the panel {panel} imports the panel {other}",
                        rel.display()
                    );
                }
            }
        }
        assert!(checked > 50, "only {checked} imports seen");
    }
}
