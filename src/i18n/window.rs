//! The words of the window on a small screen (the notes panel folded) and of fetching a
//! course without git (강의 받기). Both languages side by side.

use super::Lang;

impl Lang {
    /// The folded notes panel's button, and its screen-reader name.
    pub fn unfold_notes(self) -> &'static str {
        self.ko_en("노트 펼치기", "Show notes")
    }

    /// The button that folds the notes panel again (a narrow window).
    pub fn fold_notes(self) -> &'static str {
        self.ko_en("노트 접기", "Hide notes")
    }

    /// The folded panel's hover text.
    pub fn folded_notes_help(self) -> &'static str {
        self.ko_en(
            "창이 좁아 내 답변 패널을 접어 두었습니다. 누르면 펼칩니다.",
            "The window is narrow, so the My answer panel is folded. Click to show it.",
        )
    }
}

/// 강의 받기.
impl Lang {
    pub fn clone_intro(self) -> &'static str {
        self.ko_en(
            "강사가 알려 준 강의 저장소 주소를 붙여 넣으세요. git이 설치되어 있지 않아도 됩니다. 받은 뒤에는 열기 ▾ › 최신 노트 받기로 새 노트를 받습니다.",
            "Paste the course repository's address your instructor gave you; git need not be installed. Afterwards, Open ▾ › Get the latest notes brings new notes.",
        )
    }

    pub fn clone_address(self) -> &'static str {
        self.ko_en("저장소 주소", "Repository address")
    }

    pub fn clone_folder(self) -> &'static str {
        self.ko_en("받을 폴더", "Into folder")
    }

    pub fn clone_browse(self) -> &'static str {
        self.ko_en("찾아보기…", "Browse…")
    }

    pub fn clone_start(self) -> &'static str {
        self.ko_en("받기", "Download")
    }

    pub fn clone_stop(self) -> &'static str {
        self.ko_en("멈추기", "Stop")
    }

    pub fn clone_close(self) -> &'static str {
        self.ko_en("닫기", "Close")
    }

    pub fn clone_running(self) -> &'static str {
        self.ko_en("받는 중…", "Downloading…")
    }

    /// Why the clone did not happen.
    pub fn clone_error(self, error: &crate::git::fetch::CloneError) -> String {
        use crate::git::fetch::CloneError;
        match (self, error) {
            (Lang::Ko, CloneError::Address(a)) => format!(
                "https:// 로 시작하는 주소만 받을 수 있습니다 (ssh나 git@ 주소는 암호를 묻기 때문에 받지 않습니다): {a}"
            ),
            (Lang::En, CloneError::Address(a)) => format!(
                "Only https:// addresses can be downloaded (ssh and git@ addresses would ask for a password): {a}"
            ),
            (Lang::Ko, CloneError::NotEmpty(p)) => format!(
                "이 폴더는 비어 있지 않습니다: {} — 다른 폴더를 고르세요",
                p.display()
            ),
            (Lang::En, CloneError::NotEmpty(p)) => {
                format!("This folder is not empty: {} — pick another", p.display())
            }
            (Lang::Ko, CloneError::Interrupted) => {
                "멈췄습니다: 받던 것은 남기지 않았습니다".to_owned()
            }
            (Lang::En, CloneError::Interrupted) => "Stopped: nothing of it was kept".to_owned(),
            (Lang::Ko, CloneError::Failed(e)) => format!("강의를 받지 못했습니다 — {e}"),
            (Lang::En, CloneError::Failed(e)) => format!("Could not download the course — {e}"),
        }
    }

    pub fn cloned(self, folder: &str) -> String {
        match self {
            Lang::Ko => format!("강의를 받아 열었습니다: {folder}"),
            Lang::En => format!("Downloaded and opened the course: {folder}"),
        }
    }
}
