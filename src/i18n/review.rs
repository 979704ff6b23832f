//! The words of 복습 (review mode) and its statistics, both languages side by side.

use super::Lang;
use crate::review::Interval;

impl Lang {
    pub fn undo_rating(self) -> &'static str {
        self.ko_en("↩ 되돌리기", "↩ Undo")
    }

    pub fn bury_card(self) -> &'static str {
        self.ko_en("내일까지 묻어두기", "Bury until tomorrow")
    }

    pub fn suspend_card(self) -> &'static str {
        self.ko_en("보류", "Suspend")
    }

    pub fn leech(self) -> &'static str {
        self.ko_en("거머리 카드", "Leech")
    }

    /// Under a leech's question: it was forgotten `lapses` times.
    pub fn leech_hint(self, lapses: u32) -> String {
        match self {
            Lang::Ko => format!(
                "{lapses}번 잊은 카드입니다. 복습을 더 하기보다 내 말로 노트를 쓰거나, 다음 수업에 강사님께 물어보세요."
            ),
            Lang::En => format!(
                "Forgotten {lapses} times. Rather than one more review, write a note in your own words, or ask the instructor in the next class."
            ),
        }
    }

    /// The statistics' line of held cards.
    pub fn held_counts(self, buried: usize, suspended: usize, leeches: usize) -> String {
        match self {
            Lang::Ko => format!(
                "묻어둔 카드 {buried}장 · 보류한 카드 {suspended}장 · 거머리 카드 {leeches}장"
            ),
            Lang::En => format!("Buried {buried} · suspended {suspended} · leeches {leeches}"),
        }
    }

    /// Picks the Korean or the English text.
    pub fn ko_en(self, ko: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }

    pub fn review_button(self) -> &'static str {
        self.ko_en("🗘 복습", "🗘 Review")
    }

    pub fn scope_selected_topic(self) -> &'static str {
        self.ko_en("선택한 주제", "The selected topic")
    }

    pub fn scope_selected_session(self) -> &'static str {
        self.ko_en("선택한 수업", "The selected session")
    }

    pub fn pick_another_scope(self) -> &'static str {
        self.ko_en(
            "위의 범위 메뉴에서 전체 과정이나 다른 주제를 고를 수 있습니다.",
            "Pick the whole course or another topic in the scope menu above.",
        )
    }

    /// The rows of the heatmap that are named: Monday, Wednesday, Friday.
    pub fn heatmap_days(self) -> [(usize, &'static str); 3] {
        [
            (0, self.ko_en("월", "Mon")),
            (2, self.ko_en("수", "Wed")),
            (4, self.ko_en("금", "Fri")),
        ]
    }

    /// The key table's heading: "키 | 동작".
    pub fn key_table_heading(self) -> (&'static str, &'static str) {
        (self.ko_en("키", "Key"), self.ko_en("동작", "Action"))
    }

    /// The sidebar's mark of what is new.
    pub fn new_mark(self) -> &'static str {
        self.ko_en("새", "new")
    }

    /// "10분", "3일", "2.5개월", "1.2년".
    pub fn interval(self, interval: Interval) -> String {
        match (interval, self) {
            (Interval::Minutes(m), Lang::Ko) => format!("{m}분"),
            (Interval::Minutes(m), Lang::En) => format!("{m} min"),
            (Interval::Days(d), Lang::Ko) if d < 30 => format!("{d}일"),
            (Interval::Days(d), Lang::En) if d < 30 => format!("{d} d"),
            (Interval::Days(d), Lang::Ko) if d < 365 => format!("{:.1}개월", d as f32 / 30.4),
            (Interval::Days(d), Lang::En) if d < 365 => format!("{:.1} mo", d as f32 / 30.4),
            (Interval::Days(d), Lang::Ko) => format!("{:.1}년", d as f32 / 365.0),
            (Interval::Days(d), Lang::En) => format!("{:.1} y", d as f32 / 365.0),
        }
    }

    pub fn show_answer(self) -> &'static str {
        self.ko_en("답 보기", "Show answer")
    }

    /// The header: "오늘 남은 카드 12 · 새 카드 5 · 학습 중 2 · 복습 5".
    pub fn review_left(self, total: usize, new: usize, learning: usize, review: usize) -> String {
        match self {
            Lang::Ko => format!(
                "오늘 남은 카드 {total} · 새 카드 {new} · 학습 중 {learning} · 복습 {review}"
            ),
            Lang::En => {
                format!("Left today {total} · new {new} · learning {learning} · review {review}")
            }
        }
    }

    /// "이번 세션 3장 복습".
    pub fn review_done_count(self, n: u32) -> String {
        match self {
            Lang::Ko => format!("이번 세션 {n}장 복습"),
            Lang::En => format!("{n} reviewed this session"),
        }
    }

    pub fn answer_changed(self) -> &'static str {
        self.ko_en(
            "답변이 바뀌었어요 — 지난 복습 뒤로 답이 수정되었습니다",
            "The answer changed since your last review",
        )
    }

    pub fn my_answer_back(self) -> &'static str {
        self.ko_en(
            "✎ 내 답 (강사님 답변이 아직 없는 질문)",
            "✎ My answer (the question is still open)",
        )
    }

    pub fn my_note_on_card(self) -> &'static str {
        self.ko_en("✎ 내 메모", "✎ My note")
    }

    pub fn review_finished(self) -> &'static str {
        self.ko_en("오늘 복습을 마쳤어요 ✔", "Done for today ✔")
    }

    pub fn review_nothing(self) -> &'static str {
        self.ko_en(
            "이 범위에는 복습할 카드가 없습니다.",
            "There are no cards to review in this scope.",
        )
    }

    /// The end of a session points at the open questions that are not cards yet.
    pub fn unanswered_become_cards(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("답이 없는 열린 질문 {n}개 — 답을 적으면 카드가 됩니다"),
            Lang::En => {
                format!("{n} open questions have no answer — write one and it becomes a card")
            }
        }
    }

    /// "다음 카드 4분 뒤".
    pub fn next_card_in(self, minutes: i64) -> String {
        match self {
            Lang::Ko => format!("학습 중인 카드가 {minutes}분 뒤에 다시 나옵니다"),
            Lang::En => format!("A learning card comes back in {minutes} min"),
        }
    }

    pub fn review_keys_hint(self) -> &'static str {
        self.ko_en(
            "Space 답 보기 · 1–4 평가 · E 원문 보기 · N 내 노트 · S 통계 · Esc 나가기",
            "Space show · 1–4 rate · E open in notes · N my note · S statistics · Esc leave",
        )
    }

    pub fn review_scope(self) -> &'static str {
        self.ko_en("범위", "Scope")
    }

    pub fn scope_course(self) -> &'static str {
        self.ko_en("전체 과정", "Whole course")
    }

    pub fn scope_bookmarked(self) -> &'static str {
        self.ko_en("★ 북마크만", "★ Bookmarked only")
    }

    pub fn scope_topic(self, name: &str) -> String {
        match self {
            Lang::Ko => format!("주제: {name}"),
            Lang::En => format!("Topic: {name}"),
        }
    }

    pub fn scope_session(self, label: &str) -> String {
        match self {
            Lang::Ko => format!("수업: {label}"),
            Lang::En => format!("Session: {label}"),
        }
    }

    pub fn new_per_day(self) -> &'static str {
        self.ko_en("하루 새 카드", "New cards/day")
    }

    pub fn reviews_per_day(self) -> &'static str {
        self.ko_en("하루 복습", "Reviews/day")
    }

    pub fn desired_retention(self) -> &'static str {
        self.ko_en("목표 기억률", "Desired retention")
    }

    pub fn review_settings(self) -> &'static str {
        self.ko_en("복습 설정", "Review settings")
    }

    pub fn statistics(self) -> &'static str {
        self.ko_en("📊 통계", "📊 Statistics")
    }

    pub fn leave_review(self) -> &'static str {
        self.ko_en("나가기", "Leave")
    }

    pub fn open_in_notes(self) -> &'static str {
        self.ko_en("원문 보기", "Open in notes")
    }

    pub fn show_my_note(self) -> &'static str {
        self.ko_en("내 노트", "My note")
    }

    /// The sidebar's "복습 5" on a topic.
    pub fn due_badge(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("복습 {n}"),
            Lang::En => format!("{n} due"),
        }
    }

    pub fn heatmap_title(self, total: u32) -> String {
        match self {
            Lang::Ko => format!("최근 12주 복습 기록 · {total}회"),
            Lang::En => format!("Reviews in the last 12 weeks · {total}"),
        }
    }

    pub fn heatmap_day(self, days_ago: usize, n: u32) -> String {
        match (self, days_ago) {
            (Lang::Ko, 0) => format!("오늘: {n}회"),
            (Lang::Ko, d) => format!("{d}일 전: {n}회"),
            (Lang::En, 0) => format!("Today: {n}"),
            (Lang::En, d) => format!("{d} days ago: {n}"),
        }
    }

    pub fn forecast_title(self, total: u32) -> String {
        match self {
            Lang::Ko => format!("앞으로 30일 복습 예정 · {total}장"),
            Lang::En => format!("Due in the next 30 days · {total}"),
        }
    }

    pub fn forecast_day(self, days: usize, n: u32) -> String {
        match (self, days) {
            (Lang::Ko, 0) => format!("오늘: {n}장"),
            (Lang::Ko, d) => format!("{d}일 뒤: {n}장"),
            (Lang::En, 0) => format!("Today: {n}"),
            (Lang::En, d) => format!("In {d} days: {n}"),
        }
    }

    /// "최근 30일 실제 기억률 92% (25/27)".
    pub fn true_retention(self, percent: Option<f32>, kept: u32, total: u32) -> String {
        match (self, percent) {
            (Lang::Ko, Some(p)) => format!("최근 30일 실제 기억률 {p:.0}% ({kept}/{total})"),
            (Lang::En, Some(p)) => {
                format!("True retention, last 30 days: {p:.0}% ({kept}/{total})")
            }
            (Lang::Ko, None) => "최근 30일 실제 기억률: 아직 복습한 카드가 없습니다".to_owned(),
            (Lang::En, None) => "True retention, last 30 days: no review cards yet".to_owned(),
        }
    }

    pub fn stats_today(self, n: u32) -> String {
        match self {
            Lang::Ko => format!("오늘 {n}회 복습"),
            Lang::En => format!("{n} reviews today"),
        }
    }

    /// Column heads of the per-topic table.
    pub fn topic_table_heads(self) -> [&'static str; 6] {
        match self {
            Lang::Ko => [
                "주제",
                "새 카드",
                "학습 중",
                "복습할 카드",
                "익히는 중",
                "익숙함",
            ],
            Lang::En => ["Topic", "New", "Learning", "Due", "Young", "Mature"],
        }
    }

    pub fn export_anki_labels(self) -> crate::review::anki::Labels<'static> {
        crate::review::anki::Labels {
            my_answer: self.ko_en("내 답", "My answer"),
            my_note: self.ko_en("내 메모", "My note"),
        }
    }

    pub fn review_not_saved(self, e: &str) -> String {
        match self {
            Lang::Ko => format!("복습 기록을 저장하지 못했습니다 (다시 시도합니다) — {e}"),
            Lang::En => format!("The review log could not be saved (retrying) — {e}"),
        }
    }

    pub fn review_not_kept(self, session: &str) -> String {
        match self {
            Lang::Ko => {
                format!("{session}의 복습 기록 파일을 열 수 없어 이 평가는 저장되지 않습니다")
            }
            Lang::En => {
                format!("The review log of {session} could not be opened: this rating is not kept")
            }
        }
    }

    pub fn anki_exported(self, path: &str, notes: usize, media: Option<&str>) -> String {
        match (self, media) {
            (Lang::Ko, None) => format!("Anki용으로 카드 {notes}장을 내보냈습니다: {path}"),
            (Lang::Ko, Some(m)) => format!(
                "Anki용으로 카드 {notes}장을 내보냈습니다: {path} — 이미지 폴더 {m}의 파일을 Anki의 collection.media 폴더에 넣으세요"
            ),
            (Lang::En, None) => format!("Exported {notes} cards for Anki: {path}"),
            (Lang::En, Some(m)) => format!(
                "Exported {notes} cards for Anki: {path} — put the files of {m} into Anki's collection.media folder"
            ),
        }
    }
}
