//! The words of opening files from anywhere: drag and drop, recent courses, file dialogs,
//! and getting the latest notes with git. Both languages side by side.

use super::Lang;
use crate::git::Refusal;

impl Lang {
    /// The drop overlay: "여기에 놓으면 엽니다".
    pub fn drop_here(self) -> &'static str {
        self.ko_en("여기에 놓으면 엽니다", "Drop to open")
    }

    pub fn drop_what(self) -> &'static str {
        self.ko_en(
            "노트 파일(.md)이나 노트가 든 폴더",
            "A notes file (.md) or a folder of them",
        )
    }

    pub fn dropped_nothing_to_open(self) -> &'static str {
        self.ko_en(
            "놓은 항목에 열 수 있는 경로가 없습니다",
            "What was dropped has no path to open",
        )
    }

    pub fn recent_courses(self) -> &'static str {
        self.ko_en("최근 연 노트", "Recent notes")
    }

    pub fn no_recent(self) -> &'static str {
        self.ko_en("아직 없습니다", "None yet")
    }

    /// A recent course that is not there any more.
    pub fn recent_missing(self) -> &'static str {
        self.ko_en("(찾을 수 없음)", "(not found)")
    }

    pub fn forget_recent(self) -> &'static str {
        self.ko_en("목록에서 지우기", "Remove from the list")
    }

    pub fn dialog_open_file(self) -> &'static str {
        self.ko_en("노트 파일 열기", "Open a notes file")
    }

    pub fn dialog_open_folder(self) -> &'static str {
        self.ko_en("노트 폴더 열기", "Open a folder of notes")
    }

    pub fn dialog_export(self) -> &'static str {
        self.ko_en("내보내기", "Export")
    }

    pub fn dialog_import(self) -> &'static str {
        self.ko_en("백업 가져오기", "Import a backup")
    }

    pub fn git_pulling(self, dir: &str) -> String {
        match self {
            Lang::Ko => format!("최신 노트를 받는 중… ({dir})"),
            Lang::En => format!("Getting the latest notes… ({dir})"),
        }
    }

    pub fn git_updated(self, files: usize) -> String {
        match (self, files) {
            (Lang::Ko, 0) => "최신 노트 받기: 이미 최신입니다".to_owned(),
            (Lang::En, 0) => "Latest notes: already up to date".to_owned(),
            (Lang::Ko, n) => format!("최신 노트 받기: {n}개 파일 갱신"),
            (Lang::En, 1) => "Latest notes: 1 file updated".to_owned(),
            (Lang::En, n) => format!("Latest notes: {n} files updated"),
        }
    }

    /// Nothing was pulled: something of the repository could run a command.
    pub fn git_refused(self, refusal: &Refusal) -> String {
        let (what, file) = match refusal {
            Refusal::Setting { key, file } => (key.as_str(), file.as_str()),
            Refusal::Attribute { attribute, file } => (attribute.as_str(), file.as_str()),
            Refusal::Unreadable { file, reason } => {
                return match self {
                    Lang::Ko => format!(
                        "이 폴더의 git 설정을 확인할 수 없어 최신 노트 받기를 하지 않았습니다: {file} ({reason}). 노트는 지금처럼 읽기 전용으로 볼 수 있습니다"
                    ),
                    Lang::En => format!(
                        "This folder's git settings cannot be checked, so the latest notes were not pulled: {file} ({reason}). The notes stay open, read-only, as they are"
                    ),
                };
            }
        };
        match self {
            Lang::Ko => format!(
                "이 폴더의 git 설정이 명령을 실행할 수 있어 최신 노트 받기를 하지 않았습니다: {what} ({file}). 노트는 지금처럼 읽기 전용으로 볼 수 있습니다"
            ),
            Lang::En => format!(
                "This folder's git settings could run a command, so the latest notes were not pulled: {what} ({file}). The notes stay open, read-only, as they are"
            ),
        }
    }

    pub fn git_not_repo(self, dir: &str) -> String {
        match self {
            Lang::Ko => format!("git으로 받은 폴더가 아니어서 최신 노트를 받을 수 없습니다: {dir}"),
            Lang::En => format!("Not a folder kept with git, so there is nothing to pull: {dir}"),
        }
    }

    pub fn git_failed(self, error: &str) -> String {
        match self {
            Lang::Ko => {
                format!("최신 노트를 받지 못했습니다 (아무것도 바뀌지 않았습니다) — {error}")
            }
            Lang::En => format!("Could not get the latest notes (nothing changed) — {error}"),
        }
    }

    /// 최신 노트 받기 without git found files changed here that it would overwrite.
    pub fn git_local_changes(self, files: &[String]) -> String {
        let shown: Vec<&str> = files.iter().take(5).map(String::as_str).collect();
        let more = files.len().saturating_sub(shown.len());
        let list = match more {
            0 => shown.join(", "),
            n => format!("{} …(+{n})", shown.join(", ")),
        };
        match self {
            Lang::Ko => format!(
                "이 폴더에서 고친 파일이 있어 최신 노트를 받지 않았습니다 (그 파일은 그대로입니다): {list} — 내 수정을 다른 곳에 옮기거나 되돌린 뒤 다시 받으세요"
            ),
            Lang::En => format!(
                "Files changed in this folder would be overwritten, so nothing was pulled (they are as they were): {list} — move or undo your edits, then pull again"
            ),
        }
    }
}
