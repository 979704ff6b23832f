//! The commands of the course's terminal sessions as a shell script (`course::script`).

use std::path::Path;

use super::{Export, Sources};
use crate::notes;
use crate::notice::Notice;

pub(super) struct Commands;

impl Export for Commands {
    fn file_name(&self, course_title: &str) -> String {
        format!("{course_title}-commands.sh")
    }

    fn filter(&self) -> (&'static str, &'static str) {
        ("Shell script", "sh")
    }

    fn write(&self, from: &Sources<'_>, out: &Path) -> Result<Notice, String> {
        let header = from.lang.script_header(&from.course.title);
        let script = crate::course::script::commands_script(from.course, &header);
        notes::write_atomic(out, script.as_bytes()).map_err(|e| e.to_string())?;
        Ok(Notice::Exported(out.display().to_string()))
    }
}
