//! Every user-visible string, in Korean (the default) and English, in one place.

mod desktop;
mod en;
mod ending;
mod ko;
mod library;
mod review;
mod slides;
mod window;

use serde::{Deserialize, Serialize};

pub use en::EN;
pub use ko::KO;

use crate::course::{Problem, ProblemKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

/// A string in both languages, written beside what it names (a command's row, in
/// `command/rows.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub ko: &'static str,
    pub en: &'static str,
}

impl Lang {
    pub fn text(self, text: Text) -> &'static str {
        match self {
            Lang::Ko => text.ko,
            Lang::En => text.en,
        }
    }
}

/// The fixed strings of one language.
pub struct Strings {
    pub open: &'static str,
    pub theme: &'static str,
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
    pub notes_menu: &'static str,
    pub still_open: &'static str,
    pub unsaved_title: &'static str,
    pub unsaved_body: &'static str,
    pub quit_anyway: &'static str,
    pub keep_open: &'static str,
    pub reveal_all: &'static str,
    pub present_button: &'static str,
    pub present_settings: &'static str,
    pub open_slide: &'static str,
    pub open_slide_hint: &'static str,
    pub class_answer: &'static str,
    pub note_overlay_hint: &'static str,
    pub done: &'static str,
    pub any_key: &'static str,
    pub any_key_action: &'static str,
    pub presenter_keys: &'static str,
    pub empty_topic_slide: &'static str,
    pub show_more: &'static str,
    pub code_cut: &'static str,
    pub image_not_shown: &'static str,
    pub open_in_browser: &'static str,
    pub image_not_loaded: &'static str,
    /// Tooltip of the line naming links that were not opened.
    pub links_allowed: &'static str,
    pub session: &'static str,
    pub all_sessions: &'static str,
}

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

    /// The headings of "my study sheet" in this language.
    pub fn sheet_labels(self) -> crate::notes::export::SheetLabels<'static> {
        let s = self.strings();
        crate::notes::export::SheetLabels {
            my_answer: s.my_answer,
            still_open: s.still_open,
            orphaned: s.orphaned,
            news: self.filter_label(crate::search::Filter::New).1,
            news_kind: match self {
                Lang::Ko => |k| Lang::Ko.news_badge(k).0,
                Lang::En => |k| Lang::En.news_badge(k).0,
            },
        }
    }

    /// The save status in one line, without "N초 전" (which would need a repaint a second):
    /// for the slides and the quit dialog.
    pub fn save_status(self, status: &crate::notes::SaveStatus) -> String {
        use crate::notes::SaveStatus;
        let s = self.strings();
        match status {
            SaveStatus::Idle => s.not_edited.to_owned(),
            SaveStatus::Saved { clock, .. } => self.saved_at(clock),
            SaveStatus::Pending => s.saving.to_owned(),
            SaveStatus::Failed(e) => format!("⚠ {} — {e}", s.save_failed),
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

    pub fn notes_moved_aside(
        self,
        file: &str,
        moved_to: &str,
        restored: Option<&str>,
        reason: &str,
    ) -> String {
        match (self, restored) {
            (Lang::Ko, Some(b)) => format!(
                "노트 파일이 손상되어 옮겨 두었습니다 ({reason}): {file} → {moved_to}. 백업에서 복구했습니다: {b}"
            ),
            (Lang::Ko, None) => format!(
                "노트 파일이 손상되어 옮겨 두었습니다 ({reason}): {file} → {moved_to}. 쓸 수 있는 백업이 없습니다."
            ),
            (Lang::En, Some(b)) => format!(
                "The notes file was corrupt ({reason}) and was moved aside: {file} → {moved_to}. Restored from the backup {b}"
            ),
            (Lang::En, None) => format!(
                "The notes file was corrupt ({reason}) and was moved aside: {file} → {moved_to}. No usable backup."
            ),
        }
    }

    pub fn notes_migrated(self, notes: usize, kept: &str) -> String {
        match self {
            Lang::Ko => format!(
                "노트를 수업(세션)별 파일로 옮겼습니다: 노트 {notes}개. 예전 파일은 그대로 보관합니다: {kept}"
            ),
            Lang::En => format!(
                "Moved {notes} note(s) into one file per class session; the old file is kept as {kept}"
            ),
        }
    }

    /// What a reload changed: "23-6차 추가 · 질문 8개 · 열린 질문 3개 / 23-5차: 답변 2개 추가".
    pub fn reloaded(self, changes: &[crate::course::diff::SessionChange]) -> String {
        use crate::course::diff::SessionChange;
        let parts: Vec<String> = changes
            .iter()
            .map(|c| match (self, c) {
                (
                    Lang::Ko,
                    SessionChange::Added {
                        session,
                        questions,
                        open,
                    },
                ) => {
                    format!("{session} 추가 · 질문 {questions}개 · 열린 질문 {open}개")
                }
                (
                    Lang::En,
                    SessionChange::Added {
                        session,
                        questions,
                        open,
                    },
                ) => {
                    format!("{session} added · {questions} questions · {open} open")
                }
                (Lang::Ko, SessionChange::Removed { session, questions }) => format!(
                    "{session} 빠짐 · 질문 {questions}개 (내 노트는 연결이 끊긴 노트로 남습니다)"
                ),
                (Lang::En, SessionChange::Removed { session, questions }) => format!(
                    "{session} removed · {questions} questions (my notes stay, as orphaned notes)"
                ),
                (_, SessionChange::Edited { session, edits }) => {
                    let counts = [
                        (
                            edits.questions_added,
                            "질문 {}개 추가",
                            "{} question(s) added",
                        ),
                        (edits.answered, "답변 {}개 추가", "{} answer(s) added"),
                        (
                            edits.answers_changed,
                            "답변 {}개 수정",
                            "{} answer(s) changed",
                        ),
                        (
                            edits.questions_removed,
                            "질문 {}개 삭제",
                            "{} question(s) removed",
                        ),
                    ];
                    let what: Vec<String> = counts
                        .iter()
                        .filter(|(n, _, _)| *n > 0)
                        .map(|(n, ko, en)| {
                            let pattern = if self == Lang::Ko { ko } else { en };
                            pattern.replace("{}", &n.to_string())
                        })
                        .collect();
                    format!("{session}: {}", what.join(", "))
                }
            })
            .collect();
        match self {
            Lang::Ko => format!("노트가 바뀌었습니다 — {}", parts.join(" / ")),
            Lang::En => format!("The notes changed — {}", parts.join(" / ")),
        }
    }

    pub fn reload_failed(self, e: &str) -> String {
        match self {
            Lang::Ko => format!("바뀐 노트를 다시 읽지 못해 이전 내용을 보여 줍니다 — {e}"),
            Lang::En => {
                format!("The changed notes could not be read again; showing what was there — {e}")
            }
        }
    }

    /// "불러오는 중…" with the path, while a course is read.
    pub fn loading(self, path: &str) -> String {
        match self {
            Lang::Ko => format!("불러오는 중… {path}"),
            Lang::En => format!("Loading… {path}"),
        }
    }

    /// The hover text of the live-reload mark in the status line.
    pub fn watching(self, polling: bool) -> &'static str {
        match (self, polling) {
            (Lang::Ko, false) => "노트 파일이 바뀌면 바로 다시 읽습니다",
            (Lang::Ko, true) => {
                "노트 파일이 바뀌면 다시 읽습니다 (네트워크 드라이브: 2초마다 확인)"
            }
            (Lang::En, false) => "Changes to the notes files show at once",
            (Lang::En, true) => {
                "Changes to the notes files show within seconds (network drive: checked every 2 s)"
            }
        }
    }

    pub fn watch_failed(self, e: &str) -> String {
        match self {
            Lang::Ko => {
                format!("노트 폴더의 변경을 지켜볼 수 없어, 바뀐 내용은 다시 열어야 보입니다 — {e}")
            }
            Lang::En => {
                format!("Cannot watch the notes for changes; reopen them to see updates — {e}")
            }
        }
    }

    pub fn seen_not_saved(self, e: &str) -> String {
        match self {
            Lang::Ko => format!(
                "어디까지 봤는지 저장하지 못해 다음에 새 소식이 다시 보일 수 있습니다 — {e}"
            ),
            Lang::En => format!(
                "What was seen could not be saved; some news may show again next time — {e}"
            ),
        }
    }

    pub fn link_refused(self, url: &str) -> String {
        match self {
            Lang::Ko => format!(
                "링크를 열지 않았습니다: {url} — 웹(http·https)과 메일 링크, 같은 수업의 노트만 엽니다"
            ),
            Lang::En => format!(
                "Link not opened: {url} — only web (http, https) and mail links, and notes of this course open"
            ),
        }
    }

    pub fn links_not_opened(self, links: &str) -> String {
        match self {
            Lang::Ko => format!("⛔ 열지 않는 링크: {links}"),
            Lang::En => format!("⛔ Links that do not open: {links}"),
        }
    }

    pub fn link_not_in_course(self, url: &str) -> String {
        match self {
            Lang::Ko => format!("링크가 가리키는 노트가 이 수업에 없습니다: {url}"),
            Lang::En => format!("The link points to notes that are not part of this course: {url}"),
        }
    }

    pub fn export_failed(self, e: &str) -> String {
        match self {
            Lang::Ko => format!("내보내지 못했습니다 — {e}"),
            Lang::En => format!("Export failed — {e}"),
        }
    }

    pub fn import_failed(self, e: &str) -> String {
        match self {
            Lang::Ko => format!("가져오지 못했습니다 — {e}"),
            Lang::En => format!("Import failed — {e}"),
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
            (Lang::Ko, Filter::New) => ("새 소식", "지난번에 본 뒤로 새로 생긴 질문과 답변"),
            (Lang::En, Filter::All) => ("All", "Every question"),
            (Lang::En, Filter::Open) => ("Open", "Questions the instructor left open"),
            (Lang::En, Filter::Mine) => ("Mine", "Questions I wrote an answer or note for"),
            (Lang::En, Filter::OpenNotMine) => ("To do", "Open questions I have not answered yet"),
            (Lang::En, Filter::Bookmarked) => ("★", "Bookmarked questions"),
            (Lang::En, Filter::New) => ("New", "Questions and answers new since I last looked"),
        }
    }

    /// A card's badge for what is new about its question, and the badge's hover text.
    pub fn news_badge(self, kind: crate::notes::seen::NewsKind) -> (&'static str, &'static str) {
        use crate::notes::seen::NewsKind;
        match (self, kind) {
            (Lang::Ko, NewsKind::Question) => ("새 질문", "지난번에 본 뒤로 새로 생긴 질문"),
            (Lang::Ko, NewsKind::Answer) => {
                ("새 답변", "열린 질문이었는데 강사님이 답을 달았습니다")
            }
            (Lang::Ko, NewsKind::AnswerChanged) => {
                ("답변 수정", "지난번에 본 뒤로 답변이 바뀌었습니다")
            }
            (Lang::En, NewsKind::Question) => ("New question", "Added since I last looked"),
            (Lang::En, NewsKind::Answer) => {
                ("Newly answered", "It was open; the instructor answered it")
            }
            (Lang::En, NewsKind::AnswerChanged) => {
                ("Answer changed", "The answer changed since I last looked")
            }
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

    /// Why a block is shown as plain text, in part.
    pub fn oversize(self, why: &crate::course::Oversize) -> String {
        use crate::course::Oversize;
        let what = match (self, why) {
            (Lang::Ko, Oversize::Long { bytes }) => format!("너무 길어서 ({} KB)", bytes / 1024),
            (Lang::En, Oversize::Long { bytes }) => format!("too long ({} KB)", bytes / 1024),
            (Lang::Ko, Oversize::LongLine { chars }) => format!("한 줄이 너무 길어서 ({chars}자)"),
            (Lang::En, Oversize::LongLine { chars }) => {
                format!("a line is too long ({chars} characters)")
            }
            (Lang::Ko, Oversize::Deep { depth }) => format!("너무 깊게 중첩되어서 ({depth}단계)"),
            (Lang::En, Oversize::Deep { depth }) => format!("nested too deeply ({depth} levels)"),
            (Lang::Ko, Oversize::Busy { spans }) => format!("서식이 너무 많아서 ({spans}개)"),
            (Lang::En, Oversize::Busy { spans }) => format!("too much formatting ({spans} spans)"),
        };
        match self {
            Lang::Ko => format!("이 부분은 {what} 서식 없이 글자 그대로, 앞부분만 보여 줍니다"),
            Lang::En => format!("This part is {what}: shown as plain text, its beginning only"),
        }
    }

    /// Why an image was not loaded, in a few words.
    pub fn refusal(self, reason: &crate::course::Refusal) -> String {
        use crate::course::Refusal;
        match (self, reason) {
            (Lang::Ko, Refusal::OutsideFolder) => "노트 폴더 밖의 파일".into(),
            (Lang::En, Refusal::OutsideFolder) => "a file outside the notes' folder".into(),
            (Lang::Ko, Refusal::Absolute) => "절대 경로".into(),
            (Lang::En, Refusal::Absolute) => "an absolute path".into(),
            (Lang::Ko, Refusal::Scheme(s)) => format!("{s}: 주소는 열지 않습니다"),
            (Lang::En, Refusal::Scheme(s)) => format!("{s}: addresses are not opened"),
            (Lang::Ko, Refusal::DataTooLarge(b)) => {
                format!("data: 이미지가 너무 큼 ({} KB)", b / 1024)
            }
            (Lang::En, Refusal::DataTooLarge(b)) => {
                format!("data: image too large ({} KB)", b / 1024)
            }
            (Lang::Ko, Refusal::NotAFile) => "보통 파일이 아님".into(),
            (Lang::En, Refusal::NotAFile) => "not a regular file".into(),
        }
    }

    /// A load problem as one line that names its file.
    pub fn problem(self, p: &Problem) -> String {
        let file = &p.file;
        match (self, &p.kind) {
            (Lang::Ko, ProblemKind::NotUtf8 { offset }) => format!(
                "{file}: 텍스트 파일이 아닙니다 (UTF-8·UTF-16·CP949 모두 아님, 바이트 {offset}). 이 파일은 건너뜁니다."
            ),
            (Lang::En, ProblemKind::NotUtf8 { offset }) => format!(
                "{file}: not text (neither UTF-8, UTF-16 nor CP949; byte {offset}); this file was skipped."
            ),
            (Lang::Ko, ProblemKind::Decoded(encoding)) => format!(
                "{file}: {} 인코딩으로 저장된 파일이라 변환해서 열었습니다",
                encoding.name()
            ),
            (Lang::En, ProblemKind::Decoded(encoding)) => {
                format!("{file}: saved as {}; converted to open it", encoding.name())
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
            (Lang::Ko, ProblemKind::RefusedImage { url, reason }) => {
                format!(
                    "{file}: 이미지를 불러오지 않았습니다 ({}): {url}",
                    self.refusal(reason)
                )
            }
            (Lang::En, ProblemKind::RefusedImage { url, reason }) => {
                format!("{file}: image not loaded ({}): {url}", self.refusal(reason))
            }
            (Lang::Ko, ProblemKind::NotAFile { kind }) => {
                format!("{file}: 보통 파일이 아니어서 읽지 않았습니다 ({kind})")
            }
            (Lang::En, ProblemKind::NotAFile { kind }) => {
                format!("{file}: not a regular file ({kind}); not read")
            }
            (Lang::Ko, ProblemKind::TooLarge { bytes }) => format!(
                "{file}: 수업 노트로는 너무 큽니다 ({} MB, 최대 {} MB). 읽지 않았습니다.",
                bytes / (1024 * 1024),
                crate::course::MAX_CLASS_FILE_BYTES / (1024 * 1024)
            ),
            (Lang::En, ProblemKind::TooLarge { bytes }) => format!(
                "{file}: too large for class notes ({} MB, at most {} MB); not read",
                bytes / (1024 * 1024),
                crate::course::MAX_CLASS_FILE_BYTES / (1024 * 1024)
            ),
            (_, ProblemKind::Bound(bound)) => self.walk_bound(file, *bound),
            (_, ProblemKind::LinkOutside) => self.link_outside(file),
        }
    }
}
