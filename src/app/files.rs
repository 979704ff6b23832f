//! File dialogs, exports and the import of a backup. Every outcome is said in a notice.

use std::path::{Path, PathBuf};

use super::StudyApp;
use crate::command::FileCommand;
use crate::notes::{self, export};
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
            FileCommand::ExportSheet => {
                let name = format!("{}-study-sheet.md", self.course.title);
                if let Some(sheet) = self.study_sheet()
                    && let Some(path) = save_dialog(lang, &name, "Markdown", "md")
                {
                    self.write_export(&path, sheet.as_bytes());
                }
            }
            FileCommand::ExportBackup => {
                let name = format!("{}-notes-backup.json", self.course.title);
                if let Some(json) = self.backup_json()
                    && let Some(path) = save_dialog(lang, &name, "JSON", "json")
                {
                    self.write_export(&path, json.as_bytes());
                }
            }
            FileCommand::ExportAnki => {
                let name = format!("{}-anki.txt", self.course.title);
                if let Some(path) = save_dialog(lang, &name, "Anki (txt)", "txt") {
                    self.export_anki(&path);
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

    /// "My study sheet" in the UI language.
    pub fn study_sheet(&self) -> Option<String> {
        let labels = self.state.lang.sheet_labels();
        Some(export::study_sheet(
            &self.course,
            self.notes.store(),
            &self.news,
            &labels,
        ))
    }

    /// My notes on the open course as a JSON backup; `None` (and said) when that fails.
    fn backup_json(&mut self) -> Option<String> {
        let file = self.notes.store().to_file(&self.course.title);
        match serde_json::to_string_pretty(&file) {
            Ok(json) => Some(json),
            Err(e) => {
                self.notices.push(Notice::ExportFailed(e.to_string()));
                None
            }
        }
    }

    /// Writes an export to exactly the file the user named (no `.bak` beside it).
    fn write_export(&mut self, path: &Path, bytes: &[u8]) {
        match notes::write_atomic(path, bytes) {
            Ok(()) => self
                .notices
                .push(Notice::Exported(path.display().to_string())),
            Err(e) => self.notices.push(Notice::ExportFailed(e.to_string())),
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
    filter: &str,
    extension: &str,
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
