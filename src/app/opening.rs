//! Opening notes from anywhere: files and folders dropped on the window, the recent list
//! of the 열기 menu, and 최신 노트 받기 (git pull) for a course kept in a git clone.

use std::path::PathBuf;

use super::StudyApp;
use crate::notice::Notice;
use crate::ui::dialogs::drop_overlay_ui;

impl StudyApp {
    /// Files dragged over the window show an overlay; dropped, the first one with a path
    /// opens (a file or a folder, like the command line). Once per frame, before any mode
    /// draws; cheap when nothing is dragged.
    pub(super) fn drag_and_drop(&mut self, ctx: &egui::Context) {
        let (hovered, dropped) = ctx.input(|i| {
            let hovered: Vec<String> = i
                .raw
                .hovered_files
                .iter()
                .map(|f| match &f.path {
                    Some(p) => p
                        .file_name()
                        .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into()),
                    None => f.mime.clone(),
                })
                .collect();
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect();
            (hovered, dropped)
        });
        if !hovered.is_empty() {
            drop_overlay_ui(ctx, self.state.lang, &hovered);
        }
        if dropped.is_empty() {
            return;
        }
        match dropped.into_iter().find(|p| !p.as_os_str().is_empty()) {
            Some(path) => {
                // The notes open in the reading window.
                self.exit_review(ctx);
                self.exit_presentation(ctx);
                self.open(&path);
            }
            None => self.notices.push(Notice::DroppedNothing),
        }
    }

    /// Whether each recent course is still there: looked at when the list changes (and at
    /// start), off the UI thread (a network drive may not answer); until then each is shown
    /// as there.
    pub(super) fn refresh_recent(&mut self) {
        let paths = self.state.recent.clone();
        self.recent_shown = paths
            .iter()
            .map(|p| (p.display().to_string(), true))
            .collect();
        let (tx, rx) = std::sync::mpsc::channel();
        self.recent_check = Some(rx);
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let shown = paths
                .iter()
                .map(|p| (p.display().to_string(), p.exists()))
                .collect();
            if tx.send(shown).is_ok() {
                ctx.request_repaint();
            }
        });
    }

    /// Takes in what the check of the recent list found. Per frame; cheap.
    pub(super) fn poll_recent(&mut self) {
        if let Some(rx) = &self.recent_check
            && let Ok(shown) = rx.try_recv()
        {
            self.recent_shown = shown;
            self.recent_check = None;
        }
    }

    pub(super) fn open_recent(&mut self, index: usize) {
        if let Some(path) = self.state.recent.get(index).cloned() {
            self.open(&path);
        }
    }

    pub(super) fn forget_recent(&mut self, index: usize) {
        if index < self.state.recent.len() {
            self.state.recent.remove(index);
            self.refresh_recent();
        }
    }

    /// 최신 노트 받기.
    pub(super) fn git_pull(&mut self) {
        let ctx = self.ctx.clone();
        self.git.start_pull(move || ctx.request_repaint());
    }

    /// A pull that finished: said, and the course read again (live reload would too; this
    /// does not wait for it).
    pub(super) fn poll_git(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.git.poll_pull() {
            let reload = matches!(outcome, Ok(files) if files > 0);
            self.notices.clear(Notice::is_pull_outcome);
            self.notices.push(Notice::from(outcome));
            if reload {
                self.reload();
            }
        }
        if self.git.pulling().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Whether 최신 노트 받기 is offered (tests wait for it; the frame looks first).
    pub fn git_offered(&self) -> bool {
        self.git.offered()
    }

    /// Whether a pull runs.
    pub fn git_pulling(&self) -> bool {
        self.git.pulling().is_some()
    }
}
