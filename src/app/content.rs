//! The content on screen: loading at start-up, opening other notes, the built-in notes, and
//! reloading when the open file or folder changes on disk. Files are read, parsed and
//! indexed off the UI thread (`loader.rs`); a reload is swapped in without a jolt.

use std::path::{Path, PathBuf};

use super::StudyApp;
use super::loader::{EarlyLoad, Loaded, Purpose};
use super::watch::Watch;
use crate::course::{self, Course, diff};
use crate::notice::Notice;
use crate::search;

impl StudyApp {
    /// At start-up: the path given on the command line, else what was open last time, else
    /// the built-in notes. A path is read in the background; the window shows at once.
    /// `early`: a load started before the window opened, taken over if it reads the same.
    pub(super) fn load_initial(&mut self, path: Option<PathBuf>, early: Option<EarlyLoad>) {
        let purpose = Purpose::Start {
            from_command_line: path.is_some(),
        };
        match (path.or_else(|| self.state.last_content.clone()), early) {
            (Some(path), Some(early)) if early.is_for(&path, purpose) => {
                self.loader.adopt(early, &self.ctx);
            }
            (Some(path), _) => self.start_load(path, purpose),
            (None, _) => self.show_builtin(),
        }
    }

    /// Opens a file or folder the user picked (in the background); until it is read the
    /// current notes stay, and stay on failure.
    pub fn open(&mut self, path: &Path) {
        if !self.can_leave_notes(0.0) {
            return;
        }
        self.start_load(path.to_path_buf(), Purpose::Open);
    }

    /// Whether a course is being read.
    pub fn loading(&self) -> bool {
        self.loader.busy().is_some()
    }

    /// What is being read and why, for the status line.
    pub(super) fn loading_path(&self) -> Option<&Path> {
        self.loader.busy().map(|(p, _)| p.as_path())
    }

    /// Back to the notes built into the app.
    pub(super) fn open_builtin(&mut self, now: f64) {
        if !self.can_leave_notes(now) {
            return;
        }
        self.notices
            .clear(|n| matches!(n, Notice::LastContentGone(_)));
        self.show_builtin();
    }

    fn show_builtin(&mut self) {
        let course = course::load_builtin();
        let index = search::Index::new(&course);
        self.set_course(course, index, None);
    }

    fn start_load(&mut self, path: PathBuf, purpose: Purpose) {
        let ctx = self.ctx.clone();
        self.loader
            .start(path, purpose, move || ctx.request_repaint());
    }

    /// Once per frame, before anything is drawn: a finished load is shown, a change on disk
    /// starts a reload. Cheap when nothing happened.
    pub(super) fn poll_content(&mut self, ctx: &egui::Context) {
        if let Some(watch) = &self.watch {
            match watch.changed() {
                Ok(true) => self.reload(),
                Ok(false) => {}
                Err(e) => self.notices.push(Notice::WatchFailed(e)),
            }
        }
        if let Some(loaded) = self.loader.poll() {
            self.finish_load(loaded);
        }
        if self.loader.take_queued_reload() {
            self.reload();
        }
        if self.loader.busy().is_some() {
            // The loader wakes the window when done; until then the spinner turns.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// The open content changed on disk: read it again (after the load in flight).
    pub(super) fn reload(&mut self) {
        let Some(path) = self.state.last_content.clone() else {
            return;
        };
        if self.loader.busy().is_some() {
            self.loader.queue_reload();
        } else {
            self.start_load(path, Purpose::Reload);
        }
    }

    fn finish_load(&mut self, loaded: Loaded) {
        let Loaded {
            path,
            purpose,
            result,
            took,
            missing_glyphs,
        } = loaded;
        self.glyphs.look_up(missing_glyphs, &self.ctx);
        log::info!("read {} in {} ms", path.display(), took.as_millis());
        self.startup_mark("course");
        match (result, purpose) {
            (Ok((course, index)), Purpose::Reload) => self.apply_reload(course, index),
            (Ok((course, index)), Purpose::Start { .. } | Purpose::Open) => {
                if purpose == Purpose::Open {
                    if !self.can_leave_notes(0.0) {
                        return;
                    }
                    self.notices
                        .clear(|n| matches!(n, Notice::OpenFailed(_) | Notice::LastContentGone(_)));
                    self.state.question = None;
                    self.state.topic = None;
                }
                self.set_course(course, index, Some(path));
            }
            (Err(e), Purpose::Start { from_command_line }) => {
                self.show_builtin();
                self.notices.push(if from_command_line {
                    Notice::OpenFailed(e.to_string())
                } else {
                    Notice::LastContentGone(path.display().to_string())
                });
            }
            (Err(e), Purpose::Open) => self.notices.push(Notice::OpenFailed(e.to_string())),
            (Err(e), Purpose::Reload) => self.notices.push(Notice::ReloadFailed(e.to_string())),
        }
    }

    /// Saves before other notes replace these; false (and said) when that failed, so the
    /// unsaved answers stay in memory instead of being dropped with the old store.
    fn can_leave_notes(&mut self, now: f64) -> bool {
        if self.notes.save(now, &mut self.notices) {
            return true;
        }
        self.notices.push(Notice::UnsavedBlocksOpen);
        false
    }

    /// Replaces the content, opens its notes, rebuilds everything derived from it, restores
    /// the remembered selection where it still exists, and watches the file or folder.
    /// Once per content load.
    fn set_course(&mut self, course: Course, index: search::Index, path: Option<PathBuf>) {
        self.notices.set_problems(&course.problems);
        self.course = course;
        self.set_window_title();
        self.set_image_roots();
        if let Some(path) = &path {
            self.state.remember_recent(path);
            self.refresh_recent();
        }
        let ctx = self.ctx.clone();
        self.git
            .detect(path.as_deref(), move || ctx.request_repaint());
        self.state.last_content = path;
        self.viewer.reset();
        self.notes.open(&self.course, &mut self.notices);
        self.mode.take_review();
        self.open_review_logs(true);
        self.search.set_index(index);
        self.find_publish_repos();
        self.refresh_asked();
        let (topic, question) = self.remembered_selection();
        self.update_news(false);
        self.keep_session_if_present();
        // Indices of the old course mean nothing in the new one.
        self.selection = super::Selection::default();
        self.refresh_overview();
        self.select(topic, question);
        self.watch_content();
    }

    /// The window (and the task bar) is named after the course.
    fn set_window_title(&mut self) {
        let title = match self.course.title.trim() {
            "" => "Study Companion".to_owned(),
            course => format!("{course} — Study Companion"),
        };
        self.window_title.clone_from(&title);
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Title(title));
    }

    /// The images the notes may show are those of their own folders.
    fn set_image_roots(&self) {
        let bases = self
            .course
            .documents
            .iter()
            .map(|d| &d.image_base)
            .chain(self.course.library.materials.iter().map(|m| &m.image_base));
        let folders = bases.filter_map(|base| match base {
            course::ImageBase::Dir(dir) => Some(dir.as_path()),
            _ => None,
        });
        self.image_roots.set(folders);
    }

    /// A remembered session or course narrowing that the course no longer has is dropped;
    /// an open document stays open where it still is (found by its path), else closes.
    fn keep_session_if_present(&mut self) {
        let groups = &self.course.library.groups;
        if let Some(group) = self.state.group.as_deref()
            && !groups.iter().any(|g| g.name == group)
        {
            self.state.group = None;
        }
        // A file that is not a session (a lab opened alone): it is what there is to read.
        if self.material.is_none()
            && self.course.documents.is_empty()
            && let Some(first) = self.course.library.materials.first()
        {
            self.material = Some(crate::ui::material::MaterialView::new(
                0,
                first.path.clone(),
            ));
        }
        if let Some(view) = self.material.as_mut() {
            let materials = &self.course.library.materials;
            match materials.iter().position(|m| m.path == view.path) {
                Some(index) => view.index = index,
                None => self.material = None,
            }
        }
        let present = self
            .state
            .session
            .as_deref()
            .is_none_or(|s| self.course.documents.iter().any(|d| d.title == s));
        if !present {
            self.state.session = None;
        }
    }

    /// Where the remembered selection (by topic name and question id) is in the course.
    fn remembered_selection(&self) -> (usize, Option<usize>) {
        let by_id = self
            .state
            .question
            .as_ref()
            .and_then(|id| self.course.find(id));
        let by_topic = self
            .state
            .topic
            .as_deref()
            .and_then(|name| self.course.topic_index(name));
        match (by_id, by_topic) {
            (Some((t, q)), _) => (t, Some(q)),
            (None, Some(t)) => (t, None),
            (None, None) => (0, None),
        }
    }

    /// Watches the open file or folder (none for the built-in notes).
    fn watch_content(&mut self) {
        self.watch = None;
        self.notices.clear(|n| matches!(n, Notice::WatchFailed(_)));
        let Some(path) = self.state.last_content.clone() else {
            return;
        };
        let ctx = self.ctx.clone();
        match Watch::start(&path, move || ctx.request_repaint()) {
            Ok(watch) => self.watch = Some(watch),
            Err(e) => self.notices.push(Notice::WatchFailed(e)),
        }
    }

    /// Swaps in a course that changed on disk without a jolt: the selected question, the
    /// card at the top of the view (and how far into it), the slide and its builds, and
    /// the text being typed all stay; a notice says what changed.
    fn apply_reload(&mut self, course: Course, index: search::Index) {
        let changes = diff::changes(&self.course, &course);
        let anchor = self.viewer.anchor().and_then(|(position, into)| {
            let qi = *self.overview.visible.get(position)?;
            let q = self
                .course
                .topics
                .get(self.selection.topic)?
                .questions
                .get(qi)?;
            Some((q.id.clone(), into))
        });
        let slide = self.mode.presenter().and_then(|p| {
            let (t, q) = p.deck.question()?;
            let q = self.course.topics.get(t)?.questions.get(q)?;
            Some((q.id.clone(), p.deck.revealed()))
        });

        self.notices.set_problems(&course.problems);
        self.course = course;
        self.set_window_title();
        self.set_image_roots();
        // Images may have changed with the notes: load them again when shown.
        self.ctx.forget_all_images();
        self.search.set_index(index);
        self.find_publish_repos();
        self.refresh_asked();
        self.notes.add_sessions(&self.course, &mut self.notices);
        self.open_review_logs(false);
        self.update_news(true);
        self.keep_session_if_present();
        self.viewer.reset();
        let (topic, question) = self.remembered_selection();
        let found = self.selection.found.take();
        self.selection = super::Selection::default();
        self.refresh_overview();
        self.select_and_reveal(topic, question, false);
        // The search mark stays on its question if that is still where it was.
        self.selection.found = found
            .filter(|f| f.hit.topic == topic && Some(f.question) == question && question.is_some());
        if let Some((id, into)) = anchor
            && let Some((t, q)) = self.course.find(&id)
            && t == self.selection.topic
        {
            self.viewer.scroll_to_within(q, into);
        }
        if let Some(p) = self.mode.presenter_mut() {
            // The slide's question where it is now; gone, the title of its topic.
            let at = slide.and_then(|(id, revealed)| Some((self.course.find(&id)?, revealed)));
            let (t, q, revealed) = match at {
                Some(((t, q), revealed)) => (t, Some(q), revealed),
                None => (p.deck.slide().map_or(0, |s| s.topic()), None, 0),
            };
            p.rebuild(&self.course, t, q, self.state.reveal_all, revealed);
            // A deck being presented: found again by its path, its slide kept if it still
            // has it.
            if let Some(show) = p.marp.as_mut() {
                let materials = &self.course.library.materials;
                match materials.iter().position(|m| m.path == show.path) {
                    Some(index) => {
                        show.material = index;
                        show.count = materials[index].slides;
                        show.slide = show.slide.min(show.count.saturating_sub(1));
                    }
                    None => show.count = 0,
                }
            }
        }
        if changes.is_empty() {
            log::info!("reloaded: nothing to show changed");
        } else {
            self.notices.clear(|n| matches!(n, Notice::Reloaded(_)));
            // Logged (with its time) as it is pushed.
            self.notices.push(Notice::Reloaded(changes));
        }
        self.notices.clear(|n| matches!(n, Notice::ReloadFailed(_)));
    }
}
