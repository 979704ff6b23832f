//! Everything the app writes for the student to carry elsewhere, behind one trait: the
//! study sheet (Markdown), the backup of my answers (JSON), the cards for Anki and the
//! commands of the terminal sessions (a shell script). Each
//! format is one file here implementing [`Export`], one [`Format`] variant, and one row of
//! the command table (`Command::File(FileCommand::Export(format))`); the menu, the save
//! dialog, the notices and the command line (`--export-sheet`, `--export-anki`) all go
//! through it. What a format renders lives beside its model (`notes/export.rs`,
//! `review/anki.rs`); here is only how it reaches a file.

mod anki;
mod asked;
mod backup;
mod commands;
mod sheet;

use std::path::Path;

use crate::course::Course;
use crate::i18n::Lang;
use crate::notes::Notebook;
use crate::notes::seen::News;
use crate::notice::Notice;

/// The formats, as the menu lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    StudySheet,
    Anki,
    Backup,
    /// The commands of the terminal sessions, as a shell script.
    Commands,
    /// My questions for the next class, as bullets in the session format.
    MyQuestions,
}

impl Format {
    /// The format's writer.
    pub fn exporter(self) -> &'static dyn Export {
        match self {
            Format::StudySheet => &sheet::StudySheet,
            Format::Anki => &anki::Anki,
            Format::Backup => &backup::Backup,
            Format::Commands => &commands::Commands,
            Format::MyQuestions => &asked::MyQuestions,
        }
    }
}

/// What an export reads: the course, my notes on it, what is new, the language its
/// headings are written in.
pub struct Sources<'a> {
    pub course: &'a Course,
    pub notes: &'a Notebook,
    pub news: &'a News,
    pub lang: Lang,
    /// My questions for the next class.
    pub asked: &'a [crate::notes::asked::Asked],
}

/// One export format.
pub trait Export {
    /// The file the save dialog proposes for a course of that title.
    fn file_name(&self, course_title: &str) -> String;
    /// The save dialog's filter: its name and the file extension.
    fn filter(&self) -> (&'static str, &'static str);
    /// Writes exactly `out` (and what the format keeps beside it, such as images), never
    /// a `.bak`; the notice that says what was written, or why nothing was.
    fn write(&self, from: &Sources<'_>, out: &Path) -> Result<Notice, String>;
}

/// Writes `format` to `out` and says how it went: what the app and the command line do.
pub fn write(format: Format, from: &Sources<'_>, out: &Path) -> Notice {
    match format.exporter().write(from, out) {
        Ok(notice) => notice,
        Err(e) => Notice::ExportFailed(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::DataDir;

    /// Every format writes the built-in course to a file of its own extension, and says
    /// where.
    #[test]
    fn every_format_writes_the_file_it_names() {
        let course = crate::course::load_builtin();
        let data = tempfile::tempdir().expect("tempdir");
        let notes = Notebook::new(DataDir::at(data.path()));
        let news = News::new();
        let from = Sources {
            course: &course,
            notes: &notes,
            news: &news,
            lang: Lang::Ko,
            asked: &[],
        };
        let out = tempfile::tempdir().expect("tempdir");
        for format in [
            Format::StudySheet,
            Format::Anki,
            Format::Backup,
            Format::Commands,
        ] {
            let exporter = format.exporter();
            let name = exporter.file_name(&course.title);
            let (_, extension) = exporter.filter();
            assert!(name.ends_with(&format!(".{extension}")), "{name}");
            let path = out.path().join(&name);
            let notice = write(format, &from, &path);
            assert!(
                !matches!(notice, Notice::ExportFailed(_)),
                "{format:?}: {notice:?}"
            );
            let text = std::fs::read_to_string(&path).expect("written");
            // Each names the course (the sheet's title, the cards' deck, the backup's field).
            assert!(text.contains(&course.title), "{format:?}");
            assert!(
                !crate::notes::backup_path(&path).exists(),
                "no .bak beside an export"
            );
        }
        // A folder that cannot be written is said, naming the file.
        let blocked = out.path().join("no-such-folder").join("x.md");
        match write(Format::StudySheet, &from, &blocked) {
            Notice::ExportFailed(e) => assert!(e.contains("x.md"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
