//! "My study sheet": the course as Markdown with my answers under their questions.

use std::path::Path;

use super::{Export, Sources};
use crate::notes::{self, export};
use crate::notice::Notice;

pub(super) struct StudySheet;

impl Export for StudySheet {
    fn file_name(&self, course_title: &str) -> String {
        format!("{course_title}-study-sheet.md")
    }

    fn filter(&self) -> (&'static str, &'static str) {
        ("Markdown", "md")
    }

    fn write(&self, from: &Sources<'_>, out: &Path) -> Result<Notice, String> {
        let labels = from.lang.sheet_labels();
        let sheet = export::study_sheet(from.course, from.notes, from.news, &labels);
        notes::write_atomic(out, sheet.as_bytes()).map_err(|e| e.to_string())?;
        Ok(Notice::Exported(out.display().to_string()))
    }
}
