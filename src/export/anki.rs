//! The cards for Anki: its text-import format, images in a folder beside it.

use std::path::Path;

use super::{Export, Sources};
use crate::notice::Notice;
use crate::review::anki;

pub(super) struct Anki;

impl Export for Anki {
    fn file_name(&self, course_title: &str) -> String {
        format!("{course_title}-anki.txt")
    }

    fn filter(&self) -> (&'static str, &'static str) {
        ("Anki (txt)", "txt")
    }

    fn write(&self, from: &Sources<'_>, out: &Path) -> Result<Notice, String> {
        let export = anki::render(from.course, from.notes, from.lang.export_anki_labels());
        let media = anki::write(&export, out).map_err(|e| e.to_string())?;
        Ok(Notice::AnkiExported {
            path: out.display().to_string(),
            notes: export.notes,
            media: media.map(|m| m.display().to_string()),
        })
    }
}
