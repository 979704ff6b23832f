//! My notes during a session: the store of the open course, the text being edited, when it
//! is saved, and what happens when the window closes with unsaved text. The timing
//! ([`SaveTimer`]) and the quit question ([`QuitGuard`]) are pure given `now` (seconds on
//! the app's clock), so they are tested without a window.

use std::path::PathBuf;

use crate::course::{Course, QuestionId};
use crate::notes::journal::{self, Edit, Journal};
use crate::notes::migrate::migrate_layout;
use crate::notes::{DataDir, Notebook, NotesFile, QuestionInfo, SaveStatus, StoreWarning};
use crate::notice::{Notice, Notices};
use crate::ui::dialogs::QuitChoice;

/// Seconds after the last keystroke before an autosave.
pub(super) const AUTOSAVE_DELAY: f64 = 1.0;
/// Seconds between retries of a failed save.
pub(super) const RETRY_DELAY: f64 = 5.0;

/// What [`SaveTimer::check`] decided.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum SaveDue {
    /// Nothing is unsaved.
    Nothing,
    /// Save now.
    Now,
    /// Look again in this many seconds.
    After(f64),
}

/// When to save: a second after the last edit, at once when the window loses focus, and
/// after a failure no sooner than the retry delay.
#[derive(Clone, Debug)]
pub(super) struct SaveTimer {
    status: SaveStatus,
    last_edit: f64,
    next_retry: f64,
    was_focused: bool,
}

impl Default for SaveTimer {
    fn default() -> Self {
        Self {
            status: SaveStatus::Idle,
            last_edit: 0.0,
            next_retry: 0.0,
            was_focused: true,
        }
    }
}

impl SaveTimer {
    pub(super) fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The user typed at `now`.
    pub(super) fn edited(&mut self, now: f64) {
        self.last_edit = now;
        if !matches!(self.status, SaveStatus::Failed(_)) {
            self.status = SaveStatus::Pending;
        }
    }

    /// Something changed the notes without typing (orphans re-attached): save at the next
    /// check.
    pub(super) fn due_now(&mut self) {
        self.last_edit = f64::NEG_INFINITY;
    }

    /// Called once per frame with whether anything is unsaved and whether the window has
    /// focus.
    pub(super) fn check(&mut self, now: f64, dirty: bool, focused: bool) -> SaveDue {
        let lost_focus = self.was_focused && !focused;
        self.was_focused = focused;
        if !dirty {
            return SaveDue::Nothing;
        }
        let due = self.last_edit + AUTOSAVE_DELAY;
        let at = match self.status {
            SaveStatus::Failed(_) => self.next_retry.max(due),
            _ => due,
        };
        if lost_focus || now >= at {
            SaveDue::Now
        } else {
            SaveDue::After((at - now).max(0.05))
        }
    }

    pub(super) fn saved(&mut self, now: f64, clock: String) {
        self.status = SaveStatus::Saved { at: now, clock };
    }

    pub(super) fn failed(&mut self, now: f64, error: String) {
        self.status = SaveStatus::Failed(error);
        self.next_retry = now + RETRY_DELAY;
    }
}

/// Asks before the window closes over unsaved notes.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct QuitGuard {
    asking: bool,
    allowed: bool,
}

impl QuitGuard {
    /// The window was asked to close, and `unsaved` notes remain after a last save. True
    /// when the close must be cancelled: the user is asked first.
    pub(super) fn close_requested(&mut self, unsaved: bool) -> bool {
        if self.allowed || !unsaved {
            return false;
        }
        self.asking = true;
        true
    }

    /// Whether the question is on screen.
    pub(super) fn asking(&self) -> bool {
        self.asking
    }

    /// The user answered. True when the window should close now.
    pub(super) fn answer(&mut self, choice: QuitChoice) -> bool {
        self.asking = false;
        self.allowed = choice == QuitChoice::QuitAnyway;
        self.allowed
    }
}

/// An editor's view of the session: the notes, how saving stands, the text it edits.
pub(super) struct Editing<'a> {
    pub store: &'a Notebook,
    pub status: &'a SaveStatus,
    pub buffer: &'a mut String,
}

/// The notes of the open course and the text being edited.
pub(super) struct NotesSession {
    /// Where notes files live.
    dir: DataDir,
    book: Notebook,
    /// The old layout (one file per course) was looked for: once per run.
    migration_checked: bool,
    /// My text for the question `buffer_for`, as edited; the notebook gets every change.
    buffer: String,
    /// The question the buffer belongs to, and its context when it was loaded (so text
    /// typed while a reload removes the question is still kept, as an orphan).
    buffer_for: Option<(QuestionId, Option<QuestionInfo>)>,
    timer: SaveTimer,
    quit: QuitGuard,
    /// Every edit, on disk within a few hundred milliseconds (for `kill -9`, a crash).
    journal: Journal,
    /// What the start found and did, told at the first open: notes recovered from the
    /// journal of an app that could not save, and whether this app's journal could start.
    start_notices: Vec<Notice>,
}

impl NotesSession {
    /// The notes in `dir`. Replays first what an app that could not save left in its
    /// journal (into the notes files), then starts this app's journal. Once per run.
    pub(super) fn new(dir: DataDir) -> Self {
        let recovered = journal::recover(&dir);
        let mut start_notices: Vec<Notice> = recovered
            .errors
            .iter()
            .map(|e| Notice::NotesError(e.to_string()))
            .collect();
        if recovered.notes > 0 {
            start_notices.push(Notice::NotesRecovered(recovered.notes));
        }
        let journal = Journal::start(&dir).unwrap_or_else(|e| {
            start_notices.push(Notice::JournalFailed(e.to_string()));
            Journal::none()
        });
        Self {
            book: Notebook::new(dir.clone()),
            dir,
            migration_checked: false,
            buffer: String::new(),
            buffer_for: None,
            timer: SaveTimer::default(),
            quit: QuitGuard::default(),
            journal,
            start_notices,
        }
    }

    /// Makes the journal reach the disk from another thread (a second quit signal).
    pub(super) fn journal_flusher(&self) -> Option<journal::Flusher> {
        self.journal.flusher()
    }

    /// Opens the notes of `course` in place of the previous ones (which the caller saved
    /// first): one file per session. The first time, notes of the old layout are moved into
    /// their sessions' files. Once per content load.
    pub(super) fn open(&mut self, course: &Course, notices: &mut Notices) {
        self.book = Notebook::new(self.dir.clone());
        self.buffer_for = None;
        self.timer = SaveTimer::default();
        notices.clear(|n| matches!(n, Notice::NotesError(_) | Notice::NotesMovedAside { .. }));
        for notice in std::mem::take(&mut self.start_notices) {
            notices.push(notice);
        }
        if !std::mem::replace(&mut self.migration_checked, true) {
            let migration = migrate_layout(&self.dir, course);
            if !migration.is_empty() {
                report(migration.warnings.clone(), notices);
                for e in &migration.errors {
                    notices.push(Notice::NotesError(e.clone()));
                }
                if !migration.kept.is_empty() {
                    notices.push(Notice::NotesMigrated {
                        notes: migration.notes,
                        kept: migration
                            .kept
                            .iter()
                            .map(|(_, kept)| kept.display().to_string())
                            .collect(),
                    });
                }
            }
        }
        self.add_sessions(course, notices);
    }

    /// Opens the notes of sessions new to the course (a reload), keeping what is open and
    /// unsaved, and re-attaches notes whose question came back.
    pub(super) fn add_sessions(&mut self, course: &Course, notices: &mut Notices) {
        let opened = self.book.open_sessions(course, jiff::Timestamp::now());
        report(opened.warnings, notices);
        for e in opened.errors {
            notices.push(Notice::NotesError(e.to_string()));
        }
        if let Some(why) = self.book.blocked() {
            // Said now, not at the first failing save.
            notices.push(Notice::NotesError(why.to_owned()));
        }
        if self.book.is_dirty() {
            // Orphans re-attached or backups restored: saved at the next check.
            self.timer.due_now();
        }
    }

    pub(super) fn store(&self) -> &Notebook {
        &self.book
    }

    /// The data folder the notes (and the review logs) live in.
    pub(super) fn dir(&self) -> &DataDir {
        &self.dir
    }

    /// Where the notes files are.
    pub(super) fn location(&self) -> PathBuf {
        self.book.location()
    }

    /// The notes file of a session.
    pub(super) fn file_of(&self, session: &str) -> PathBuf {
        self.dir.session_notes(session)
    }

    pub(super) fn status(&self) -> &SaveStatus {
        self.timer.status()
    }

    /// What an editor shows, and the buffer it edits, borrowed together.
    /// My notes, to read.
    pub(super) fn book(&self) -> &Notebook {
        &self.book
    }

    pub(super) fn editing(&mut self) -> Editing<'_> {
        Editing {
            store: &self.book,
            status: self.timer.status(),
            buffer: &mut self.buffer,
        }
    }

    pub(super) fn is_dirty(&self) -> bool {
        self.book.is_dirty()
    }

    pub(super) fn quit(&mut self) -> &mut QuitGuard {
        &mut self.quit
    }

    /// Saves now if anything is unsaved. A failure keeps everything in memory, is shown
    /// until a save succeeds, and schedules a retry. True when nothing is left unsaved.
    pub(super) fn save(&mut self, now: f64, notices: &mut Notices) -> bool {
        if !self.book.is_dirty() {
            return true;
        }
        // Every edit journaled so far is in the notebook, so in this save.
        let journaled = self.journal.last();
        let result = self.book.save();
        report(self.book.take_warnings(), notices);
        notices.clear(|n| matches!(n, Notice::NotesError(_)));
        match result {
            Ok(()) => {
                self.journal.saved(journaled);
                let clock = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
                self.timer.saved(now, clock);
                true
            }
            Err(e) => {
                let text = e.to_string();
                notices.push(Notice::NotesError(text.clone()));
                self.timer.failed(now, text);
                false
            }
        }
    }

    /// Loads the buffer for `target`, the question my typing goes to; when it changes,
    /// what was typed for the previous one is saved first.
    pub(super) fn sync_buffer(
        &mut self,
        course: &Course,
        target: Option<&QuestionId>,
        now: f64,
        notices: &mut Notices,
    ) {
        if target == self.buffer_for.as_ref().map(|(id, _)| id) {
            return;
        }
        self.save(now, notices);
        self.buffer = target
            .and_then(|id| self.book.get(id))
            .map(|n| n.text.clone())
            .unwrap_or_default();
        self.buffer_for = target.map(|id| (id.clone(), QuestionInfo::find(course, id)));
    }

    /// The buffer was edited: hand it to the store, for the question the buffer belongs to
    /// (whatever was selected since). True when a note appeared or disappeared.
    pub(super) fn edited(&mut self, course: &Course, now: f64) -> bool {
        let Some((id, loaded_info)) = self.buffer_for.clone() else {
            return false;
        };
        let Some(info) = QuestionInfo::find(course, &id).or(loaded_info) else {
            return false;
        };
        let had_note = self.book.text(&id).is_some();
        let at = jiff::Timestamp::now();
        if !self.book.set_text(&id, &info, &self.buffer, at) {
            return false;
        }
        self.journal.record(Edit::new(&id, &info, &self.buffer, at));
        self.timer.edited(now);
        had_note != self.book.text(&id).is_some()
    }

    /// Turns the bookmark of `id` on or off, and saves. False when there is no store.
    pub(super) fn toggle_bookmark(
        &mut self,
        course: &Course,
        id: &QuestionId,
        now: f64,
        notices: &mut Notices,
    ) -> bool {
        let Some(info) = QuestionInfo::find(course, id) else {
            return false;
        };
        let on = !self.book.is_bookmarked(id);
        if !self
            .book
            .set_bookmarked(id, &info, on, jiff::Timestamp::now())
        {
            return false;
        }
        self.save(now, notices);
        true
    }

    /// Marks the lab step with heading `id` 완료 (`on`) or not, and saves at once, as a
    /// bookmark is. False when there is no store.
    pub(super) fn set_done(
        &mut self,
        course: &Course,
        id: &QuestionId,
        on: bool,
        now: f64,
        notices: &mut Notices,
    ) -> bool {
        let Some(info) = QuestionInfo::find(course, id) else {
            return false;
        };
        if !self.book.set_done(id, &info, on, jiff::Timestamp::now()) {
            return false;
        }
        self.save(now, notices);
        true
    }

    /// Merges a backup (never replacing a newer note), re-attaches and saves. Returns how
    /// many notes changed.
    pub(super) fn import(
        &mut self,
        file: NotesFile,
        course: &Course,
        now: f64,
        notices: &mut Notices,
    ) -> usize {
        let (changed, errors) = self.book.import(file);
        for e in errors {
            notices.push(Notice::ImportFailed(e.to_string()));
        }
        self.book.reattach(course, jiff::Timestamp::now());
        // The buffer may hold an older text of an imported note: reload it.
        self.buffer_for = None;
        self.save(now, notices);
        changed
    }

    /// Per frame: autosave, focus-loss save and retry. Returns when to look again.
    pub(super) fn autosave(
        &mut self,
        now: f64,
        focused: bool,
        notices: &mut Notices,
    ) -> Option<std::time::Duration> {
        if let Some(why) = self.journal.take_failure() {
            notices.push(Notice::JournalFailed(why));
        }
        match self.timer.check(now, self.is_dirty(), focused) {
            SaveDue::Nothing => None,
            SaveDue::Now => {
                self.save(now, notices);
                None
            }
            SaveDue::After(seconds) => Some(std::time::Duration::from_secs_f64(seconds)),
        }
    }

    /// The last chance to save, as the app exits. When that fails the unsaved notes are
    /// written as a backup file in the data folder (or the temp folder) and where is logged:
    /// the window is gone, the log is all that is left to tell.
    pub(super) fn save_on_exit(&mut self) {
        let mut notices = Notices::default();
        if self.save(f64::INFINITY, &mut notices) {
            return;
        }
        let json = match serde_json::to_string_pretty(&self.book.to_file("unsaved")) {
            Ok(json) => json,
            Err(e) => {
                log::error!("unsaved notes lost at exit: cannot serialize them: {e}");
                return;
            }
        };
        for place in self.dir.rescue() {
            match crate::notes::write_atomic(&place, json.as_bytes()) {
                Ok(()) => {
                    log::error!(
                        "the notes could not be saved at exit; they were written to {} \
                         (import it with 노트 → 답변 백업 가져오기)",
                        place.display()
                    );
                    return;
                }
                Err(e) => log::error!("could not rescue the unsaved notes: {e}"),
            }
        }
    }
}

/// Store warnings become notices (with the reason a file was moved aside).
fn report(warnings: Vec<StoreWarning>, notices: &mut Notices) {
    for w in warnings {
        notices.push(Notice::from(w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_is_saved_a_second_after_the_last_keystroke() {
        let mut timer = SaveTimer::default();
        assert_eq!(timer.check(0.0, false, true), SaveDue::Nothing);
        timer.edited(10.0);
        assert_eq!(timer.status(), &SaveStatus::Pending);
        assert_eq!(timer.check(10.25, true, true), SaveDue::After(0.75));
        // Another keystroke pushes the save back.
        timer.edited(10.5);
        assert_eq!(timer.check(10.75, true, true), SaveDue::After(0.75));
        assert_eq!(timer.check(11.5, true, true), SaveDue::Now);
        timer.saved(11.5, "14:03:12".into());
        assert_eq!(timer.check(11.6, false, true), SaveDue::Nothing);
    }

    #[test]
    fn losing_focus_saves_at_once() {
        let mut timer = SaveTimer::default();
        timer.edited(1.0);
        assert_eq!(timer.check(1.1, true, false), SaveDue::Now);
        // Still unfocused a frame later: no second "lost focus".
        assert!(matches!(timer.check(1.2, true, false), SaveDue::After(_)));
    }

    #[test]
    fn a_failed_save_is_retried_after_the_retry_delay_and_stays_failed_while_typing() {
        let mut timer = SaveTimer::default();
        timer.edited(1.0);
        timer.failed(2.0, "disk full".into());
        timer.edited(2.5);
        assert_eq!(timer.status(), &SaveStatus::Failed("disk full".into()));
        // Due by the autosave delay (3.5), held back until the retry (7.0).
        assert_eq!(timer.check(4.0, true, true), SaveDue::After(3.0));
        assert_eq!(timer.check(7.0, true, true), SaveDue::Now);
    }

    #[test]
    fn re_attached_notes_are_saved_at_the_next_check() {
        let mut timer = SaveTimer::default();
        timer.due_now();
        assert_eq!(timer.check(0.0, true, true), SaveDue::Now);
    }

    #[test]
    fn quitting_over_unsaved_notes_asks_once_and_obeys_the_answer() {
        let mut quit = QuitGuard::default();
        assert!(!quit.close_requested(false), "nothing unsaved: close");
        assert!(quit.close_requested(true), "unsaved: cancel and ask");
        assert!(quit.asking());
        assert!(!quit.answer(QuitChoice::KeepOpen));
        assert!(!quit.asking());
        assert!(quit.close_requested(true));
        assert!(quit.answer(QuitChoice::QuitAnyway));
        assert!(
            !quit.close_requested(true),
            "allowed: the close goes through"
        );
    }

    #[test]
    fn a_save_that_fails_keeps_the_text_and_says_why_until_it_succeeds() {
        let dir = tempfile::tempdir().expect("tempdir");
        let course = crate::course::load_builtin();
        let mut notices = Notices::default();
        let mut session = NotesSession::new(crate::notes::DataDir::at(dir.path().to_path_buf()));
        session.open(&course, &mut notices);
        assert!(notices.as_slice().is_empty(), "{:?}", notices.as_slice());
        let digest = course.topics[0].questions[8].id.clone();
        session.sync_buffer(&course, Some(&digest), 0.0, &mut notices);
        session.editing().buffer.push_str("해시");
        assert!(session.edited(&course, 0.0), "a note appeared");
        // Block the store: a folder where its lock file goes.
        let lock = session
            .file_of("MSP T3 - 23-5차")
            .with_extension("json.lock");
        std::fs::create_dir(&lock).expect("block");
        assert!(!session.save(1.0, &mut notices));
        assert!(matches!(session.status(), SaveStatus::Failed(_)));
        assert!(matches!(notices.as_slice(), [Notice::NotesError(_)]));
        assert_eq!(session.store().text(&digest), Some("해시"));
        std::fs::remove_dir(&lock).expect("unblock");
        assert!(session.save(7.0, &mut notices));
        assert!(notices.as_slice().is_empty());
        assert!(matches!(session.status(), SaveStatus::Saved { .. }));
    }

    #[test]
    fn typing_goes_to_the_question_the_buffer_was_loaded_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let course = crate::course::load_builtin();
        let mut notices = Notices::default();
        let mut session = NotesSession::new(crate::notes::DataDir::at(dir.path().to_path_buf()));
        session.open(&course, &mut notices);
        let first = course.topics[0].questions[0].id.clone();
        let second = course.topics[0].questions[1].id.clone();
        session.sync_buffer(&course, Some(&first), 0.0, &mut notices);
        session.editing().buffer.push_str("첫 질문의 메모");
        // The selection moved on in the same frame; the edit still belongs to the first.
        session.edited(&course, 0.0);
        session.sync_buffer(&course, Some(&second), 0.1, &mut notices);
        let store = session.store();
        assert_eq!(store.text(&first), Some("첫 질문의 메모"));
        assert_eq!(store.text(&second), None);
        assert_eq!(session.editing().buffer.as_str(), "");
        assert!(!session.is_dirty(), "switching question saved");
    }
}
