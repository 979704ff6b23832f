//! Study Companion: read, annotate and present the MSP T3 class Q&A notes.
//!
//! Layers, each importing only from the ones below it:
//! - pure model, no egui: `course`, `notes`, `search`, `review`, `deck`, `i18n`, `notice`,
//!   `overview`; beside them, no egui either, `desktop` (the freedesktop entry), `console`
//!   (where a command-line run prints, on Windows too) and `git`
//!   (pulling a course's clone with nothing of the repository run);
//! - `state` (what is remembered between runs) and `command` (every user action once);
//! - `ui`: panels that take what they show and return what the user asked for;
//! - `app`: owns everything and applies every action in one place.

pub mod app;
pub mod command;
pub mod console;
pub mod course;
pub mod deck;
pub mod desktop;
pub mod export;
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
/// it, and a panel never imports another panel. Every `use` tree (grouped, renamed, glob)
/// and every path in code (`crate::…`, `super::…`, `self::…`) is read with `syn` and
/// resolved from the module it is written in.
#[cfg(test)]
mod layers {
    use std::path::Path;

    use syn::visit::Visit;

    /// Each top-level module and its layer; a module may import only from lower layers.
    const LAYERS: &[(&str, u8)] = &[
        ("testkit", 0),
        ("course", 0),
        ("desktop", 0),
        ("console", 0),
        ("git", 0),
        ("deck", 1),
        ("notes", 1),
        ("search", 2),
        ("review", 2),
        ("i18n", 3),
        ("overview", 3),
        ("notice", 4),
        ("export", 5),
        ("command", 6),
        ("state", 6),
        ("ui", 7),
        ("app", 8),
    ];
    /// What every panel may share.
    /// Widgets every panel may draw with: `slide` is a Marp slide, drawn in the deck's
    /// view and when presenting it.
    const UI_SHARED: &[&str] = &["widgets", "theme", "fonts", "ime", "slide"];

    fn layer(module: &str) -> Option<u8> {
        LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
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

    /// Every path a file names from its crate, resolved to where it points (`["ui",
    /// "ime", "track"]`), from the module the file is (`["ui", "presenter"]`).
    struct Paths {
        /// The module being read: the file's, then any inline `mod` inside it.
        module: Vec<String>,
        found: Vec<Vec<String>>,
    }

    impl Paths {
        /// `segments` as written (`super`, `self`, `crate` kept), resolved.
        fn add(&mut self, segments: Vec<String>) {
            let mut resolved: Vec<String> = match segments.first().map(String::as_str) {
                Some("crate") => Vec::new(),
                Some("super" | "self") => self.module.clone(),
                _ => return,
            };
            for segment in &segments {
                match segment.as_str() {
                    "crate" | "self" => {}
                    "super" => {
                        resolved.pop();
                    }
                    name => resolved.push(name.to_owned()),
                }
            }
            self.found.push(resolved);
        }

        fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
            match tree {
                syn::UseTree::Path(p) => {
                    prefix.push(p.ident.to_string());
                    self.use_tree(prefix, &p.tree);
                    prefix.pop();
                }
                syn::UseTree::Name(n) => {
                    let mut path = prefix.clone();
                    path.push(n.ident.to_string());
                    self.add(path);
                }
                syn::UseTree::Rename(r) => {
                    let mut path = prefix.clone();
                    path.push(r.ident.to_string());
                    self.add(path);
                }
                syn::UseTree::Glob(_) => self.add(prefix.clone()),
                syn::UseTree::Group(g) => {
                    for tree in &g.items {
                        self.use_tree(prefix, tree);
                    }
                }
            }
        }
    }

    impl<'ast> Visit<'ast> for Paths {
        fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
            self.use_tree(&mut Vec::new(), &item.tree);
        }

        fn visit_path(&mut self, path: &'ast syn::Path) {
            self.add(path.segments.iter().map(|s| s.ident.to_string()).collect());
            syn::visit::visit_path(self, path);
        }

        fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
            self.module.push(item.ident.to_string());
            syn::visit::visit_item_mod(self, item);
            self.module.pop();
        }
    }

    /// What breaks the layering in the file at `rel` (from `src/`) holding `text`.
    fn violations(rel: &Path, text: &str) -> (Vec<String>, usize) {
        let mut module: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        let Some(top) = module.first().cloned() else {
            return (Vec::new(), 0);
        };
        let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        let mut paths = Paths {
            module: module.clone(),
            found: Vec::new(),
        };
        paths.visit_file(&file);
        let mut wrong = Vec::new();
        let panel = module.get(1).cloned().unwrap_or_default();
        for path in &paths.found {
            let Some(target) = path.first() else {
                continue;
            };
            if *target != top {
                match (layer(target), layer(&top)) {
                    (Some(to), Some(from)) if to < from => {}
                    // Not a module of the crate (an item re-exported at its root).
                    (None, _) if !target.chars().next().is_some_and(char::is_lowercase) => {}
                    _ => wrong.push(format!(
                        "{}: {top} uses {}, which is not below it",
                        rel.display(),
                        path.join("::")
                    )),
                }
            } else if top == "ui" && path.len() > 1 {
                let other = &path[1];
                let shared = |m: &str| UI_SHARED.contains(&m);
                if *other != panel && !shared(other) && !shared(&panel) && !panel.is_empty() {
                    wrong.push(format!(
                        "{}: the panel {panel} uses the panel {other} ({})",
                        rel.display(),
                        path.join("::")
                    ));
                }
            }
        }
        (wrong, paths.found.len())
    }

    #[test]
    fn every_module_imports_only_from_below_and_panels_not_from_each_other() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut checked = 0;
        let mut wrong = Vec::new();
        for file in files {
            let rel = file.strip_prefix(&src).expect("inside src");
            if rel == Path::new("lib.rs") || rel == Path::new("main.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("read");
            let (found, seen) = violations(rel, &text);
            wrong.extend(found);
            checked += seen;
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(checked > 300, "only {checked} paths seen");
    }

    #[test]
    fn grouped_nested_and_relative_imports_are_all_seen() {
        let model = Path::new("course/fixture.rs");
        for text in [
            "use crate::{ui, app};",
            "use crate::{notes, ui::viewer};",
            "use crate::ui::{self};",
            "fn f() { crate::app::StudyApp::run(); }",
            "mod inner { use super::super::super::ui::widgets; }",
        ] {
            let (wrong, _) = violations(model, text);
            assert!(!wrong.is_empty(), "missed: {text}");
        }
        let (wrong, _) = violations(model, "use super::parse::Segment; use crate::course::X;");
        assert!(wrong.is_empty(), "{wrong:?}");
        // A panel using another panel, however written.
        let panel = Path::new("ui/sidebar.rs");
        for text in [
            "use super::viewer::Viewer;",
            "use crate::ui::{theme, viewer};",
        ] {
            let (wrong, _) = violations(panel, text);
            assert!(!wrong.is_empty(), "missed: {text}");
        }
        let (wrong, _) = violations(panel, "use super::{ime, theme, widgets};");
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
