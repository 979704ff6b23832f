//! File dialogs, exports and the import of a backup. Every outcome is said in a notice.

use std::path::{Path, PathBuf};

use super::StudyApp;
use crate::command::FileCommand;
use crate::export::{self, Sources};
use crate::notes;
use crate::notice::Notice;

impl StudyApp {
    /// A command that needs a file dialog: open, export, import.
    pub(super) fn file_command(&mut self, command: FileCommand, now: f64) {
        if !file_dialog_available() {
            // rfd would return "cancelled" without showing anything: say why instead.
            self.notices.push(Notice::NoFileDialog);
            return;
        }
        let lang = self.state.lang;
        match command {
            FileCommand::OpenFile => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(lang.dialog_open_file())
                    .add_filter("Markdown", &["md", "markdown"])
                    .pick_file()
                {
                    self.open(&path);
                }
            }
            FileCommand::OpenFolder => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(lang.dialog_open_folder())
                    .pick_folder()
                {
                    self.open(&path);
                }
            }
            FileCommand::Export(format) => {
                let exporter = format.exporter();
                let name = exporter.file_name(&self.course.title);
                if let Some(path) = save_dialog(lang, &name, exporter.filter()) {
                    let asked: Vec<_> = self.asked.book.questions().cloned().collect();
                    let from = Sources {
                        course: &self.course,
                        notes: self.notes.store(),
                        news: &self.news,
                        lang,
                        asked: &asked,
                    };
                    self.notices.push(export::write(format, &from, &path));
                }
            }
            FileCommand::ImportBackup => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(lang.dialog_import())
                    .add_filter("JSON", &["json"])
                    .pick_file()
                {
                    self.import_backup(&path, now);
                }
            }
        }
    }

    /// Merges a JSON backup into the notes, never replacing a newer note, and refreshes
    /// everything on screen that counts or finds notes.
    pub fn import_backup(&mut self, path: &Path, now: f64) {
        // Only a regular file of a bounded size is read: a pipe handed over as a backup
        // must not hang the window.
        let parsed = match notes::read_file(path) {
            Ok(Some(file)) => Ok(file),
            Ok(None) => Err(format!(
                "{}: {}",
                path.display(),
                std::io::Error::from(std::io::ErrorKind::NotFound)
            )),
            Err(e) => Err(e.to_string()),
        };
        match parsed {
            Ok(file) => {
                let n = self
                    .notes
                    .import(file, &self.course, now, &mut self.notices);
                self.notices.push(Notice::Imported(n));
                self.notes_changed(true);
            }
            Err(e) => self.notices.push(Notice::ImportFailed(e)),
        }
    }
}

/// Asks where to save an export; `None` when the user cancels.
fn save_dialog(
    lang: crate::i18n::Lang,
    file_name: &str,
    (filter, extension): (&str, &str),
) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title(lang.dialog_export())
        .set_file_name(file_name)
        .add_filter(filter, &[extension])
        .save_file()
}

/// Whether a file dialog can be shown: on Linux rfd needs the desktop portal (on the D-Bus
/// session bus) or zenity; without both it silently returns nothing.
fn file_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        return true;
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}
