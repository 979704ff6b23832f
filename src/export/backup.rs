//! The backup of my answers: the notes of the open course as one JSON file, which
//! 답변 백업 가져오기 merges back (on this computer or another).

use std::path::Path;

use super::{Export, Sources};
use crate::notes;
use crate::notice::Notice;

pub(super) struct Backup;

impl Export for Backup {
    fn file_name(&self, course_title: &str) -> String {
        format!("{course_title}-notes-backup.json")
    }

    fn filter(&self) -> (&'static str, &'static str) {
        ("JSON", "json")
    }

    fn write(&self, from: &Sources<'_>, out: &Path) -> Result<Notice, String> {
        let file = from.notes.to_file(&from.course.title);
        let json =
            serde_json::to_string_pretty(&file).map_err(|e| format!("{}: {e}", out.display()))?;
        notes::write_atomic(out, json.as_bytes()).map_err(|e| e.to_string())?;
        Ok(Notice::Exported(out.display().to_string()))
    }
}
