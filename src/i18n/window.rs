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
