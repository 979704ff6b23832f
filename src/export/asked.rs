//! My questions for the next class, as markdown bullets in the session format
//! (`notes::asked::as_markdown`).

use std::path::Path;

use super::{Export, Sources};
use crate::notes;
use crate::notice::Notice;

pub(super) struct MyQuestions;

impl Export for MyQuestions {
    fn file_name(&self, course_title: &str) -> String {
        format!("{course_title}-my-questions.md")
    }

    fn filter(&self) -> (&'static str, &'static str) {
        ("Markdown", "md")
    }

    fn write(&self, from: &Sources<'_>, out: &Path) -> Result<Notice, String> {
        let text = notes::asked::as_markdown(from.asked.iter().filter(|q| !q.removed));
        notes::write_atomic(out, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(Notice::Exported(out.display().to_string()))
    }
}
