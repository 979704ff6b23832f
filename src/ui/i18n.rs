//! Every user-visible string, in Korean (the default) and English, in one place.

use serde::{Deserialize, Serialize};

use crate::course::{Problem, ProblemKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

/// The fixed strings of one language.
pub struct Strings {
    pub open: &'static str,
    pub open_file: &'static str,
    pub open_folder: &'static str,
    pub open_builtin: &'static str,
    pub theme: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_system: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub language: &'static str,
    pub topics: &'static str,
    pub general_topic: &'static str,
    pub open_badge: &'static str,
    pub answered_mark: &'static str,
    pub open_mark: &'static str,
    pub no_answer_yet: &'static str,
    pub empty_topic_title: &'static str,
    pub empty_topic_body: &'static str,
    pub no_topics: &'static str,
    pub missing_image: &'static str,
    pub huge_image: &'static str,
    pub remote_image: &'static str,
    pub click_full_size: &'static str,
    pub close: &'static str,
    pub help: &'static str,
    pub prev_question: &'static str,
    pub next_question: &'static str,
    pub prev_topic: &'static str,
    pub next_topic: &'static str,
    pub toggle_language: &'static str,
    pub shortcut: &'static str,
    pub action: &'static str,
    pub warnings: &'static str,
    pub dismiss: &'static str,
    pub image_window: &'static str,
    pub topic_intro: &'static str,
    pub no_match_filter: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub no_results: &'static str,
    pub field_question: &'static str,
    pub field_answer: &'static str,
    pub copy: &'static str,
    pub copy_code: &'static str,
    pub my_answer: &'static str,
    pub pick_a_question: &'static str,
    pub invite_answer: &'static str,
    pub edit: &'static str,
    pub preview: &'static str,
    pub bookmark: &'static str,
    pub unbookmark: &'static str,
    pub bookmark_short: &'static str,
    pub nothing_yet: &'static str,
    pub answer_hint: &'static str,
    pub saved_in: &'static str,
    pub not_edited: &'static str,
    pub saving: &'static str,
    pub save_failed: &'static str,
    pub has_my_answer: &'static str,
    pub my_answer_on_card: &'static str,
    pub orphaned: &'static str,
    pub orphaned_hint: &'static str,
    pub export_sheet: &'static str,
    pub export_backup: &'static str,
    pub import_backup: &'static str,
    pub notes_menu: &'static str,
    pub still_open: &'static str,
    pub unsaved_title: &'static str,
    pub unsaved_body: &'static str,
    pub quit_anyway: &'static str,
    pub keep_open: &'static str,
    pub present: &'static str,
    pub slide_next: &'static str,
    pub slide_prev: &'static str,
    pub slide_first: &'static str,
    pub slide_last: &'static str,
    pub scroll_down: &'static str,
    pub scroll_up: &'static str,
    pub blank_black: &'static str,
    pub blank_white: &'static str,
    pub class_note: &'static str,
    pub reveal_all: &'static str,
    pub exit_presentation: &'static str,
    pub present_button: &'static str,
    pub present_settings: &'static str,
    pub open_slide: &'static str,
    pub open_slide_hint: &'static str,
    pub class_answer: &'static str,
    pub note_overlay_hint: &'static str,
    pub done: &'static str,
    pub jump_keys: &'static str,
    pub jump_action: &'static str,
    pub any_key: &'static str,
    pub any_key_action: &'static str,
    pub presenter_keys: &'static str,
    pub empty_topic_slide: &'static str,
}

pub const KO: Strings = Strings {
    open: "열기",
    open_file: "파일 열기…",
    open_folder: "폴더 열기…",
    open_builtin: "기본 노트 열기",
    theme: "테마",
    theme_light: "밝게",
    theme_dark: "어둡게",
    theme_system: "시스템 설정",
    zoom_in: "확대",
    zoom_out: "축소",
    zoom_reset: "원래 크기",
    language: "언어",
    topics: "주제",
    general_topic: "일반",
    open_badge: "열린 질문",
    answered_mark: "답변됨",
    open_mark: "열린 질문",
    no_answer_yet: "아직 답변이 없습니다.",
    empty_topic_title: "아직 질문이 없습니다",
    empty_topic_body: "이 주제에는 아직 질문이 없습니다. 수업이 진행되면 새 노트에서 채워집니다.",
    no_topics: "이 노트에는 주제가 없습니다.",
    missing_image: "이미지를 찾을 수 없습니다",
    huge_image: "이미지가 너무 커서 표시하지 않습니다",
    remote_image: "외부 이미지",
    click_full_size: "클릭하면 원본 크기로 봅니다",
    close: "닫기",
    help: "단축키",
    prev_question: "이전 질문",
    next_question: "다음 질문",
    prev_topic: "이전 주제",
    next_topic: "다음 주제",
    toggle_language: "English로 전환",
    shortcut: "키",
    action: "동작",
    warnings: "경고",
    dismiss: "닫기",
    image_window: "이미지",
    topic_intro: "주제 소개",
    no_match_filter: "이 필터에 맞는 질문이 이 주제에 없습니다",
    search: "검색",
    search_hint: "검색 (Ctrl+F) — 예: digest, ㅋㅌㅇㄴ",
    no_results: "찾는 내용이 없습니다.",
    field_question: "질문",
    field_answer: "답변",
    copy: "복사",
    copy_code: "코드를 클립보드에 복사",
    my_answer: "내 답변",
    pick_a_question: "질문을 고르면 여기에 내 답을 적을 수 있습니다.",
    invite_answer: "아직 답이 없는 질문입니다 — 답을 적어 보세요",
    edit: "편집",
    preview: "미리보기",
    bookmark: "북마크에 추가",
    unbookmark: "북마크 해제",
    bookmark_short: "북마크",
    nothing_yet: "아직 적은 내용이 없습니다.",
    answer_hint: "내 답변이나 메모를 마크다운으로 적으세요",
    saved_in: "저장 위치:",
    not_edited: "변경 없음",
    saving: "저장 중…",
    save_failed: "저장하지 못했습니다 (다시 시도 중)",
    has_my_answer: "내 답변 있음",
    my_answer_on_card: "내 답변",
    orphaned: "연결이 끊긴 노트",
    orphaned_hint: "질문이 바뀌거나 사라진 노트입니다. 같은 질문이 돌아오면 다시 연결됩니다.",
    export_sheet: "내 학습 노트 내보내기 (Markdown)…",
    export_backup: "답변 백업 내보내기 (JSON)…",
    import_backup: "답변 백업 가져오기 (JSON)…",
    notes_menu: "노트",
    still_open: "아직 열린 질문",
    unsaved_title: "저장하지 못한 답변",
    unsaved_body: "저장하지 못한 답변이 있습니다. 그래도 종료하면 저장되지 않은 내용은 사라집니다.",
    quit_anyway: "그래도 종료",
    keep_open: "취소 (계속 사용)",
    present: "발표 모드",
    slide_next: "다음 (답변 한 단계 → 다음 질문)",
    slide_prev: "이전",
    slide_first: "처음 슬라이드",
    slide_last: "마지막 슬라이드",
    scroll_down: "슬라이드 아래로 스크롤",
    scroll_up: "슬라이드 위로 스크롤",
    blank_black: "검은 화면 (아무 키나 누르면 돌아옴)",
    blank_white: "흰 화면 (아무 키나 누르면 돌아옴)",
    class_note: "수업 답변 적기",
    reveal_all: "답변을 한 번에 모두 보이기",
    exit_presentation: "발표 모드 끝내기",
    present_button: "▶ 발표",
    present_settings: "발표 설정",
    open_slide: "열린 질문",
    open_slide_hint: "아직 답이 없는 질문입니다. 함께 생각해 보고, N 키로 수업에서 나온 답을 적으세요.",
    class_answer: "수업 답변",
    note_overlay_hint: "자동으로 저장됩니다 · Esc로 닫기",
    done: "닫기 (Esc)",
    jump_keys: "숫자 + Enter",
    jump_action: "그 번호의 질문으로 이동",
    any_key: "아무 키",
    any_key_action: "빈 화면에서 돌아오기",
    presenter_keys: "발표 모드 키",
    empty_topic_slide: "이 주제에는 아직 질문이 없습니다.",
};

pub const EN: Strings = Strings {
    open: "Open",
    open_file: "Open file…",
    open_folder: "Open folder…",
    open_builtin: "Open built-in notes",
    theme: "Theme",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_system: "System",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Actual size",
    language: "Language",
    topics: "Topics",
    general_topic: "General",
    open_badge: "Open question",
    answered_mark: "Answered",
    open_mark: "Open question",
    no_answer_yet: "No answer yet.",
    empty_topic_title: "No questions yet",
    empty_topic_body: "This topic has no questions yet. They will arrive with the notes of a later class.",
    no_topics: "These notes have no topics.",
    missing_image: "Image not found",
    huge_image: "Image too large to show",
    remote_image: "External image",
    click_full_size: "Click for full size",
    close: "Close",
    help: "Keyboard shortcuts",
    prev_question: "Previous question",
    next_question: "Next question",
    prev_topic: "Previous topic",
    next_topic: "Next topic",
    toggle_language: "한국어로 전환",
    shortcut: "Key",
    action: "Action",
    warnings: "Warnings",
    dismiss: "Dismiss",
    image_window: "Image",
    topic_intro: "About this topic",
    no_match_filter: "No question of this topic passes the filter",
    search: "Search",
    search_hint: "Search (Ctrl+F) — e.g. digest, ㅋㅌㅇㄴ",
    no_results: "Nothing found.",
    field_question: "Question",
    field_answer: "Answer",
    copy: "Copy",
    copy_code: "Copy the code to the clipboard",
    my_answer: "My answer",
    pick_a_question: "Pick a question to write your answer here.",
    invite_answer: "This question has no answer yet — write yours",
    edit: "Edit",
    preview: "Preview",
    bookmark: "Bookmark this question",
    unbookmark: "Remove the bookmark",
    bookmark_short: "Bookmark",
    nothing_yet: "Nothing written yet.",
    answer_hint: "Write your answer or notes (markdown)",
    saved_in: "Saved in:",
    not_edited: "No changes",
    saving: "Saving…",
    save_failed: "Not saved (retrying)",
    has_my_answer: "Has my answer",
    my_answer_on_card: "My answer",
    orphaned: "Orphaned notes",
    orphaned_hint: "Notes whose question changed or disappeared. They re-attach when the same question is back.",
    export_sheet: "Export my study sheet (Markdown)…",
    export_backup: "Export a backup of my answers (JSON)…",
    import_backup: "Import a backup of my answers (JSON)…",
    notes_menu: "Notes",
    still_open: "Still open",
    unsaved_title: "Unsaved answers",
    unsaved_body: "Some answers could not be saved. If you quit now, the unsaved text is lost.",
    quit_anyway: "Quit anyway",
    keep_open: "Cancel (keep the app open)",
    present: "Presentation mode",
    slide_next: "Next (one more answer block, then the next question)",
    slide_prev: "Back",
    slide_first: "First slide",
    slide_last: "Last slide",
    scroll_down: "Scroll the slide down",
    scroll_up: "Scroll the slide up",
    blank_black: "Black screen (any key returns)",
    blank_white: "White screen (any key returns)",
    class_note: "Type the class's answer",
    reveal_all: "Reveal answers all at once",
    exit_presentation: "Leave presentation mode",
    present_button: "▶ Present",
    present_settings: "Presentation settings",
    open_slide: "Open question",
    open_slide_hint: "No answer yet. Think it through together, then press N to type the class's answer.",
    class_answer: "Class answer",
    note_overlay_hint: "Saved automatically · Esc closes",
    done: "Close (Esc)",
    jump_keys: "Number + Enter",
    jump_action: "Go to that question",
    any_key: "Any key",
    any_key_action: "Return from a blank screen",
    presenter_keys: "Presentation keys",
    empty_topic_slide: "No questions in this topic yet.",
};

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ko => &KO,
            Lang::En => &EN,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }
    }

    /// The language's own name, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ko => "한국어",
            Lang::En => "English",
        }
    }

    /// "질문 21개 · 열린 질문 4개" for a topic's hover text.
    pub fn topic_counts(self, total: usize, open: usize) -> String {
        match self {
            Lang::Ko => format!("질문 {total}개 · 열린 질문 {open}개"),
            Lang::En => format!("{total} questions · {open} open"),
        }
    }

    /// "열린 질문 4" / "4 open", beside a topic.
    pub fn open_short(self, open: usize) -> String {
        match self {
            Lang::Ko => format!("열린 질문 {open}"),
            Lang::En => format!("{open} open"),
        }
    }

    /// "저장됨 · 3초 전".
    pub fn saved_ago(self, seconds: u64) -> String {
        match self {
            Lang::Ko => format!("저장됨 · {seconds}초 전"),
            Lang::En => format!("Saved · {seconds} s ago"),
        }
    }

    /// "저장됨 · 14:03:12".
    pub fn saved_at(self, clock: &str) -> String {
        match self {
            Lang::Ko => format!("저장됨 · {clock}"),
            Lang::En => format!("Saved · {clock}"),
        }
    }

    pub fn notes_problem(self, e: &str) -> String {
        match self {
            Lang::Ko => format!("노트를 저장하지 못했습니다 — {e}"),
            Lang::En => format!("Notes not saved — {e}"),
        }
    }

    pub fn notes_moved_aside(self, file: &str, moved_to: &str, restored: Option<&str>) -> String {
        match (self, restored) {
            (Lang::Ko, Some(b)) => format!(
                "노트 파일이 손상되어 옮겨 두었습니다: {file} → {moved_to}. 백업에서 복구했습니다: {b}"
            ),
            (Lang::Ko, None) => format!(
                "노트 파일이 손상되어 옮겨 두었습니다: {file} → {moved_to}. 쓸 수 있는 백업이 없습니다."
            ),
            (Lang::En, Some(b)) => format!(
                "The notes file was corrupt and was moved aside: {file} → {moved_to}. Restored from the backup {b}"
            ),
            (Lang::En, None) => format!(
                "The notes file was corrupt and was moved aside: {file} → {moved_to}. No usable backup."
            ),
        }
    }

    pub fn imported(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("답변 {n}개를 가져왔습니다 (더 최근 것은 그대로 둠)"),
            Lang::En => format!("Imported {n} answer(s) (newer ones kept)"),
        }
    }

    pub fn exported(self, path: &str) -> String {
        match self {
            Lang::Ko => format!("내보냈습니다: {path}"),
            Lang::En => format!("Exported: {path}"),
        }
    }

    pub fn search_results(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("검색 결과 {n}개"),
            Lang::En => format!("{n} result(s)"),
        }
    }

    /// "내 답 1" beside a topic's open count.
    pub fn answered_short(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("내 답 {n}"),
            Lang::En => format!("{n} answered"),
        }
    }

    /// "열린 질문 4개 중 1개 답변함".
    pub fn progress(self, open: usize, answered: usize) -> String {
        match self {
            Lang::Ko => format!("열린 질문 {open}개 중 {answered}개 답변함"),
            Lang::En => format!("{answered} of {open} open questions answered"),
        }
    }

    /// A filter chip's label and its hover text.
    pub fn filter_label(self, filter: crate::search::Filter) -> (&'static str, &'static str) {
        use crate::search::Filter;
        match (self, filter) {
            (Lang::Ko, Filter::All) => ("전체", "모든 질문"),
            (Lang::Ko, Filter::Open) => ("열린 질문", "강사님이 아직 답하지 않은 질문"),
            (Lang::Ko, Filter::Mine) => ("내 답변", "내가 답변이나 메모를 적은 질문"),
            (Lang::Ko, Filter::OpenNotMine) => ("할 일", "열린 질문 중 아직 내가 답하지 않은 것"),
            (Lang::Ko, Filter::Bookmarked) => ("★", "북마크한 질문"),
            (Lang::En, Filter::All) => ("All", "Every question"),
            (Lang::En, Filter::Open) => ("Open", "Questions the instructor left open"),
            (Lang::En, Filter::Mine) => ("Mine", "Questions I wrote an answer or note for"),
            (Lang::En, Filter::OpenNotMine) => ("To do", "Open questions I have not answered yet"),
            (Lang::En, Filter::Bookmarked) => ("★", "Bookmarked questions"),
        }
    }

    /// The status line after a load.
    pub fn loaded(self, source: &str, documents: usize, questions: usize, open: usize) -> String {
        match self {
            Lang::Ko => format!(
                "{source} · 수업 노트 {documents}개 · 질문 {questions}개 · 열린 질문 {open}개"
            ),
            Lang::En => {
                format!("{source} · {documents} session(s) · {questions} questions · {open} open")
            }
        }
    }

    pub fn builtin_source(self) -> &'static str {
        match self {
            Lang::Ko => "기본 노트",
            Lang::En => "Built-in notes",
        }
    }

    /// The last opened content is gone: say so, and that the built-in notes are shown.
    pub fn last_content_gone(self, path: &str) -> String {
        match self {
            Lang::Ko => format!("마지막으로 연 노트를 찾을 수 없어 기본 노트를 엽니다: {path}"),
            Lang::En => {
                format!("The last opened notes are gone; showing the built-in notes: {path}")
            }
        }
    }

    pub fn unsaved_blocks_open(self) -> &'static str {
        match self {
            Lang::Ko => {
                "저장하지 못한 답변이 있어 다른 노트를 열지 않았습니다. 저장 오류를 먼저 해결해 주세요."
            }
            Lang::En => {
                "Some answers are not saved yet, so other notes were not opened. Resolve the save error first."
            }
        }
    }

    pub fn no_file_dialog(self) -> &'static str {
        match self {
            Lang::Ko => {
                "파일 선택 창을 열 수 없습니다 (xdg-desktop-portal 또는 zenity가 필요합니다). 명령줄에서 `study-companion 경로` 로 여세요."
            }
            Lang::En => {
                "Cannot show a file dialog (needs xdg-desktop-portal or zenity). Open notes from the command line: `study-companion PATH`."
            }
        }
    }

    pub fn open_failed(self, error: &str) -> String {
        match self {
            Lang::Ko => format!("열 수 없습니다 — {error}"),
            Lang::En => format!("Could not open — {error}"),
        }
    }

    pub fn screenshot_failed(self, error: &str) -> String {
        match self {
            Lang::Ko => format!("스크린샷을 저장하지 못했습니다 — {error}"),
            Lang::En => format!("Could not save the screenshot — {error}"),
        }
    }

    /// "답변 2 / 3" on a slide: how much of the answer is revealed.
    pub fn builds(self, revealed: usize, total: usize) -> String {
        match self {
            Lang::Ko => format!("답변 {revealed} / {total}"),
            Lang::En => format!("Answer {revealed} / {total}"),
        }
    }

    /// The keys a new presenter needs, on each title slide.
    pub fn slide_hint(self, next: &str, help: &str, exit: &str) -> String {
        match self {
            Lang::Ko => format!("{next} 다음   ·   {help} 키 도움말   ·   {exit} 발표 끝내기"),
            Lang::En => format!("{next} next   ·   {help} keys   ·   {exit} leave"),
        }
    }

    /// "→ 7번": the question number being typed in presentation mode.
    pub fn jump_to(self, number: &str) -> String {
        match self {
            Lang::Ko => format!("→ {number}번 질문 (Enter)"),
            Lang::En => format!("→ question {number} (Enter)"),
        }
    }

    /// A jump to a number the topic does not have.
    pub fn no_such_question(self, number: usize, count: usize) -> String {
        match self {
            Lang::Ko => format!("{number}번 질문이 없습니다 (이 주제의 질문: 1–{count})"),
            Lang::En => format!("There is no question {number} (this topic has 1–{count})"),
        }
    }

    /// "Q7 / 21" on a card.
    pub fn question_number(self, n: usize, total: usize) -> String {
        match self {
            Lang::Ko => format!("질문 {n} / {total}"),
            Lang::En => format!("Question {n} / {total}"),
        }
    }

    /// A load problem as one line that names its file.
    pub fn problem(self, p: &Problem) -> String {
        let file = &p.file;
        match (self, &p.kind) {
            (Lang::Ko, ProblemKind::NotUtf8 { offset }) => {
                format!("{file}: UTF-8 텍스트가 아닙니다 (바이트 {offset}). 이 파일은 건너뜁니다.")
            }
            (Lang::En, ProblemKind::NotUtf8 { offset }) => {
                format!("{file}: not UTF-8 text (byte {offset}); this file was skipped.")
            }
            (Lang::Ko, ProblemKind::Unreadable(e)) => format!("{file}: 읽을 수 없습니다 ({e})"),
            (Lang::En, ProblemKind::Unreadable(e)) => format!("{file}: cannot be read ({e})"),
            (Lang::Ko, ProblemKind::NoMarkdown) => format!("{file}: 마크다운(.md) 파일이 없습니다"),
            (Lang::En, ProblemKind::NoMarkdown) => format!("{file}: no markdown (.md) files"),
            (Lang::Ko, ProblemKind::MissingImage { url }) => {
                format!("{file}: 이미지를 찾을 수 없습니다: {url}")
            }
            (Lang::En, ProblemKind::MissingImage { url }) => {
                format!("{file}: image not found: {url}")
            }
            (Lang::Ko, ProblemKind::HugeImage { url, bytes }) => format!(
                "{file}: 이미지가 너무 큽니다 ({} MB): {url}",
                bytes / (1024 * 1024)
            ),
            (Lang::En, ProblemKind::HugeImage { url, bytes }) => format!(
                "{file}: image too large ({} MB): {url}",
                bytes / (1024 * 1024)
            ),
        }
    }
}
