//! What the status line tells the user until they dismiss it (or, for a failing save, until
//! it is resolved). Structured, so the words follow a language switch. No egui.

use crate::course::Problem;
use crate::course::diff::SessionChange;
use crate::git::{PullError, Refusal};
use crate::i18n::Lang;
use crate::notes::StoreWarning;

/// One thing the user must be told.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Something in the content that did not load (a file skipped, an image missing).
    Problem(Problem),
    /// The content opened last time is gone; the built-in notes are shown instead.
    LastContentGone(String),
    /// A file or folder the user asked for could not be opened; the current notes stay.
    OpenFailed(String),
    /// Other notes were not opened because some answers are not saved yet.
    UnsavedBlocksOpen,
    /// This machine cannot show a file dialog.
    NoFileDialog,
    /// The notes could not be opened or saved; stays until a save succeeds.
    NotesError(String),
    /// Answers an app that ended without saving had typed, brought back from its journal.
    NotesRecovered(usize),
    /// This app's journal could not start: typing is saved by the notes file alone.
    JournalFailed(String),
    /// A corrupt notes file was moved aside (never overwritten).
    NotesMovedAside {
        file: String,
        moved_to: String,
        restored: Option<String>,
        reason: String,
    },
    /// Notes of the first layout (one file per course) moved into per-session files, the
    /// old files kept under these names.
    NotesMigrated {
        notes: usize,
        kept: Vec<String>,
    },
    /// The course changed on disk and was reloaded: what changed, per session.
    Reloaded(Vec<SessionChange>),
    /// The course changed on disk but could not be read again; what was shown stays.
    ReloadFailed(String),
    /// The open file or folder cannot be watched: changes show after reopening it.
    WatchFailed(String),
    /// What was seen could not be written: what is new may show again next time.
    SeenNotSaved(String),
    /// A link of the notes that is never opened (`javascript:`, `file:`, …) was clicked.
    LinkRefused(String),
    /// A relative link to a file that is not part of the open course.
    LinkNotInCourse(String),
    /// Characters of the course that no font on this computer has (drawn as boxes).
    GlyphsMissing(String),
    Exported(String),
    ExportFailed(String),
    /// The cards were written for Anki; `media`: the folder of their images.
    AnkiExported {
        path: String,
        notes: usize,
        media: Option<String>,
    },
    /// 최신 노트 받기 brought this many changed files (0: already up to date).
    GitPulled(usize),
    /// 최신 노트 받기 failed: git's words.
    GitFailed(String),
    /// 최신 노트 받기 was not done: something of the folder's repository could run a command.
    GitRefused(Refusal),
    /// 최신 노트 받기 was asked for a folder that is not in a git work tree.
    GitNotRepo(String),
    /// 최신 노트 받기 (without git) would overwrite these files changed here: not done.
    GitLocalChanges(Vec<String>),
    /// 강의 받기 cloned a course into this folder (and opened it).
    Cloned(String),
    /// Something without a path was dropped on the window.
    DroppedNothing,
    /// The review log could not be saved; stays until a save succeeds.
    ReviewNotSaved(String),
    /// A rating could not be logged: the review log of this session could not be opened.
    ReviewNotKept(String),
    Imported(usize),
    ImportFailed(String),
    /// 노트 파일에 답변 쓰기 wrote the answer: (the file, the question, and when asked
    /// for, the commit: its short hash, or git's words when it failed).
    Published(String, String, Option<Result<String, String>>),
    /// It could not: why, naming the file.
    PublishFailed(String),
    /// My questions for the next class could not be saved; stays until a save succeeds.
    AskedNotSaved(String),
}

/// How a notice is shown (and logged).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Notice {
    pub fn level(&self) -> Level {
        match self {
            Notice::Problem(p) if matches!(p.kind, crate::course::ProblemKind::Decoded(_)) => {
                Level::Info
            }
            Notice::Exported(_)
            | Notice::AnkiExported { .. }
            | Notice::GitPulled(_)
            | Notice::Cloned(_)
            | Notice::Imported(_)
            | Notice::Published(..)
            | Notice::NotesMigrated { .. }
            | Notice::NotesRecovered(_)
            | Notice::Reloaded(_) => Level::Info,
            Notice::Problem(_)
            | Notice::LastContentGone(_)
            | Notice::NotesMovedAside { .. }
            | Notice::ReloadFailed(_)
            | Notice::WatchFailed(_)
            | Notice::SeenNotSaved(_)
            | Notice::LinkRefused(_)
            | Notice::LinkNotInCourse(_)
            | Notice::GlyphsMissing(_)
            | Notice::GitRefused(_)
            | Notice::GitLocalChanges(_)
            | Notice::JournalFailed(_)
            | Notice::DroppedNothing => Level::Warning,
            Notice::OpenFailed(_)
            | Notice::UnsavedBlocksOpen
            | Notice::NoFileDialog
            | Notice::NotesError(_)
            | Notice::ReviewNotSaved(_)
            | Notice::ReviewNotKept(_)
            | Notice::GitFailed(_)
            | Notice::GitNotRepo(_)
            | Notice::ExportFailed(_)
            | Notice::PublishFailed(_)
            | Notice::AskedNotSaved(_)
            | Notice::ImportFailed(_) => Level::Error,
        }
    }

    /// The notice in the user's language, one line that names the file concerned.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Problem(p) => lang.problem(p),
            Notice::LastContentGone(path) => lang.last_content_gone(path),
            Notice::OpenFailed(e) => lang.open_failed(e),
            Notice::UnsavedBlocksOpen => lang.unsaved_blocks_open().to_owned(),
            Notice::NoFileDialog => lang.no_file_dialog().to_owned(),
            Notice::NotesError(e) => lang.notes_problem(e),
            Notice::NotesRecovered(n) => lang.notes_recovered(*n),
            Notice::JournalFailed(e) => lang.journal_failed(e),
            Notice::NotesMovedAside {
                file,
                moved_to,
                restored,
                reason,
            } => lang.notes_moved_aside(file, moved_to, restored.as_deref(), reason),
            Notice::NotesMigrated { notes, kept } => lang.notes_migrated(*notes, &kept.join(", ")),
            Notice::Reloaded(changes) => lang.reloaded(changes),
            Notice::ReloadFailed(e) => lang.reload_failed(e),
            Notice::WatchFailed(e) => lang.watch_failed(e),
            Notice::SeenNotSaved(e) => lang.seen_not_saved(e),
            Notice::LinkRefused(url) => lang.link_refused(url),
            Notice::LinkNotInCourse(url) => lang.link_not_in_course(url),
            Notice::GlyphsMissing(chars) => lang.glyphs_missing(chars),
            Notice::Exported(path) => lang.exported(path),
            Notice::ExportFailed(e) => lang.export_failed(e),
            Notice::AnkiExported { path, notes, media } => {
                lang.anki_exported(path, *notes, media.as_deref())
            }
            Notice::ReviewNotSaved(e) => lang.review_not_saved(e),
            Notice::ReviewNotKept(session) => lang.review_not_kept(session),
            Notice::GitPulled(files) => lang.git_updated(*files),
            Notice::Cloned(folder) => lang.cloned(folder),
            Notice::GitFailed(e) => lang.git_failed(e),
            Notice::GitLocalChanges(files) => lang.git_local_changes(files),
            Notice::GitRefused(refusal) => lang.git_refused(refusal),
            Notice::GitNotRepo(dir) => lang.git_not_repo(dir),
            Notice::DroppedNothing => lang.dropped_nothing_to_open().to_owned(),
            Notice::Imported(n) => lang.imported(*n),
            Notice::ImportFailed(e) => lang.import_failed(e),
            Notice::Published(file, question, commit) => {
                lang.published(file, question, commit.as_ref())
            }
            Notice::PublishFailed(e) => lang.publish_failed(e),
            Notice::AskedNotSaved(e) => lang.asked_not_kept(e),
        }
    }
}

impl Notice {
    /// Whether this notice tells the outcome of 최신 노트 받기 (a new pull replaces it).
    pub fn is_pull_outcome(&self) -> bool {
        matches!(
            self,
            Notice::GitPulled(_)
                | Notice::GitFailed(_)
                | Notice::GitRefused(_)
                | Notice::GitNotRepo(_)
                | Notice::GitLocalChanges(_)
        )
    }
}

/// The outcome of 최신 노트 받기, in the window and on the command line alike.
impl From<Result<usize, PullError>> for Notice {
    fn from(outcome: Result<usize, PullError>) -> Self {
        match outcome {
            Ok(files) => Notice::GitPulled(files),
            Err(PullError::Refused(refusal)) => Notice::GitRefused(refusal),
            Err(PullError::NotInRepo(dir)) => Notice::GitNotRepo(dir.display().to_string()),
            Err(PullError::Git(words)) => Notice::GitFailed(words),
            Err(PullError::LocalChanges(files)) => Notice::GitLocalChanges(files),
        }
    }
}

impl From<StoreWarning> for Notice {
    fn from(warning: StoreWarning) -> Self {
        let StoreWarning::MovedAside {
            file,
            moved_to,
            restored_from,
            reason,
        } = warning;
        Notice::NotesMovedAside {
            file: file.display().to_string(),
            moved_to: moved_to.display().to_string(),
            restored: restored_from.map(|p| p.display().to_string()),
            reason,
        }
    }
}

/// The notices on screen, oldest first.
#[derive(Debug, Default)]
pub struct Notices {
    items: Vec<Notice>,
}

impl Notices {
    /// Shows a notice and logs it (in English): the one place a notice is handled. The same
    /// notice twice is shown once.
    pub fn push(&mut self, notice: Notice) {
        let text = notice.text(Lang::En);
        match notice.level() {
            Level::Info => log::info!("{text}"),
            Level::Warning => log::warn!("{text}"),
            Level::Error => log::error!("{text}"),
        }
        if !self.items.contains(&notice) {
            self.items.push(notice);
        }
    }

    /// Replaces the load problems with those of a new load.
    pub fn set_problems(&mut self, problems: &[Problem]) {
        self.items.retain(|n| !matches!(n, Notice::Problem(_)));
        for p in problems {
            self.push(Notice::Problem(p.clone()));
        }
    }

    /// Drops the notices `stale` selects (they no longer hold).
    pub fn clear(&mut self, stale: impl Fn(&Notice) -> bool) {
        self.items.retain(|n| !stale(n));
    }

    /// The user dismissed the notice at `index`.
    pub fn dismiss(&mut self, index: usize) {
        if index < self.items.len() {
            self.items.remove(index);
        }
    }

    pub fn as_slice(&self) -> &[Notice] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_shown_once_and_follows_the_language() {
        let mut notices = Notices::default();
        notices.push(Notice::Imported(2));
        notices.push(Notice::Imported(2));
        assert_eq!(notices.as_slice().len(), 1);
        let n = &notices.as_slice()[0];
        assert_ne!(n.text(Lang::Ko), n.text(Lang::En));
        assert!(n.text(Lang::Ko).contains('2'));
        notices.dismiss(5);
        notices.dismiss(0);
        assert!(notices.as_slice().is_empty());
    }

    #[test]
    fn the_reason_a_notes_file_was_moved_aside_is_said() {
        let n = Notice::NotesMovedAside {
            file: "a.notes.json".into(),
            moved_to: "a.notes.json.corrupt-1".into(),
            restored: None,
            reason: "expected value at line 1 column 3".into(),
        };
        for lang in [Lang::Ko, Lang::En] {
            let text = n.text(lang);
            assert!(text.contains("a.notes.json.corrupt-1"), "{text}");
            assert!(text.contains("expected value at line 1 column 3"), "{text}");
        }
        assert_eq!(n.level(), Level::Warning);
    }
}
