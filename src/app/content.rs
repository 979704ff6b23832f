//! Loading content: at start-up, a file or folder the user opens, the built-in notes.

use std::path::{Path, PathBuf};

use super::StudyApp;
use crate::course::{self, Course};
use crate::notice::Notice;

impl StudyApp {
    /// At start-up: the path given on the command line, else what was open last time, else
    /// the built-in notes. A path that cannot be opened is said, and the built-in notes
    /// are shown.
    pub(super) fn load_initial(&mut self, path: Option<PathBuf>) {
        let from_command_line = path.is_some();
        let Some(path) = path.or_else(|| self.state.last_content.clone()) else {
            self.set_course(course::load_builtin(), None);
            return;
        };
        match course::load_path(&path) {
            Ok(c) => self.set_course(c, Some(path)),
            Err(e) => {
                self.set_course(course::load_builtin(), None);
                self.notices.push(if from_command_line {
                    Notice::OpenFailed(e.to_string())
                } else {
                    Notice::LastContentGone(path.display().to_string())
                });
            }
        }
    }

    /// Opens a file or folder the user picked; on failure the current notes stay.
    pub fn open(&mut self, path: &Path) {
        if !self.can_leave_notes(0.0) {
            return;
        }
        match course::load_path(path) {
            Ok(c) => {
                self.notices
                    .clear(|n| matches!(n, Notice::OpenFailed(_) | Notice::LastContentGone(_)));
                self.state.question = None;
                self.state.topic = None;
                self.set_course(c, Some(path.to_path_buf()));
            }
            Err(e) => self.notices.push(Notice::OpenFailed(e.to_string())),
        }
    }

    /// Back to the notes built into the app.
    pub(super) fn open_builtin(&mut self, now: f64) {
        if !self.can_leave_notes(now) {
            return;
        }
        self.notices
            .clear(|n| matches!(n, Notice::LastContentGone(_)));
        self.set_course(course::load_builtin(), None);
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

    /// Replaces the content, opens its notes, rebuilds everything derived from it, and
    /// restores the remembered selection where it still exists. Once per content load.
    fn set_course(&mut self, course: Course, path: Option<PathBuf>) {
        self.notices.set_problems(&course.problems);
        self.course = course;
        self.state.last_content = path;
        self.viewer.reset();
        self.notes.open(&self.course, &mut self.notices);
        self.search.rebuild(&self.course);
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
        let (topic, question) = match (by_id, by_topic) {
            (Some((t, q)), _) => (t, Some(q)),
            (None, Some(t)) => (t, None),
            (None, None) => (0, None),
        };
        // Indices of the old course mean nothing in the new one.
        self.selection = super::Selection::default();
        self.refresh_overview();
        self.select(topic, question);
    }
}
