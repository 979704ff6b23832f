//! The words of the textbook's slides and the labs' steps, both languages side by side.

use super::Lang;

impl Lang {
    pub fn copy_all(self) -> &'static str {
        self.ko_en("전체 복사", "Copy all")
    }

    pub fn copy_all_help(self) -> &'static str {
        self.ko_en(
            "블록 전체를 그대로 복사합니다 (프롬프트와 출력 포함)",
            "Copy the whole block as it is (prompts and output included)",
        )
    }

    pub fn copy_commands(self) -> &'static str {
        self.ko_en("명령어만 복사", "Copy commands")
    }

    pub fn copy_commands_help(self) -> &'static str {
        self.ko_en(
            "입력할 명령어만 복사합니다: 프롬프트와 출력은 빼고, 여러 줄 명령(\\, heredoc)은 그대로",
            "Copy only what is typed: no prompts, no output; continued lines (\\, heredocs) kept",
        )
    }

    /// Said after a copy: how many commands went to the clipboard.
    pub fn commands_copied(self, count: usize) -> String {
        match self {
            Lang::Ko => format!("명령어 {count}개를 복사했습니다"),
            Lang::En if count == 1 => "Copied 1 command".to_owned(),
            Lang::En => format!("Copied {count} commands"),
        }
    }

    pub fn step_done(self) -> &'static str {
        self.ko_en("완료", "Done")
    }

    pub fn step_done_help(self) -> &'static str {
        self.ko_en(
            "이 단계를 마쳤으면 표시하세요 (노트처럼 저장됩니다)",
            "Mark this step when you have done it (kept like your notes)",
        )
    }

    /// A lab's progress: "4단계 중 3단계".
    pub fn steps_done(self, done: usize, total: usize) -> String {
        match self {
            Lang::Ko => format!("{total}단계 중 {done}단계"),
            Lang::En => format!("{done} of {total} steps"),
        }
    }

    pub fn present_deck(self) -> &'static str {
        self.ko_en("▶ 발표 (F5)", "▶ Present (F5)")
    }

    pub fn present_deck_help(self) -> &'static str {
        self.ko_en(
            "보이는 슬라이드부터 전체 화면으로 발표합니다. Esc로 돌아옵니다",
            "Present fullscreen from the slide in view; Esc comes back here",
        )
    }

    /// Under a slide: "슬라이드 3 / 15".
    pub fn slide_of(self, number: usize, total: usize) -> String {
        match self {
            Lang::Ko => format!("슬라이드 {number} / {total}"),
            Lang::En => format!("Slide {number} of {total}"),
        }
    }

    /// A typed slide number that the deck does not have.
    pub fn no_such_slide(self, number: usize, total: usize) -> String {
        match self {
            Lang::Ko => format!("{number}번 슬라이드는 없습니다 (1–{total})"),
            Lang::En => format!("There is no slide {number} (1–{total})"),
        }
    }

    pub fn my_note(self) -> &'static str {
        self.ko_en("✎ 내 노트", "✎ My note")
    }

    pub fn write_note_here(self) -> &'static str {
        self.ko_en("✎ 노트", "✎ Note")
    }

    pub fn write_note_here_help(self) -> &'static str {
        self.ko_en(
            "이 슬라이드나 단계에 노트를 씁니다 (오른쪽 노트 패널)",
            "Write a note on this slide or step (the notes panel on the right)",
        )
    }

    /// The first comment lines of an exported commands script.
    pub fn script_header(self, course: &str) -> Vec<String> {
        match self {
            Lang::Ko => vec![
                format!(
                    "{course}: 터미널 세션의 명령어, 나온 차례대로 (study-companion --export-commands)"
                ),
                "프롬프트와 출력은 뺐습니다. 실행하기 전에 읽어 보세요.".to_owned(),
            ],
            Lang::En => vec![
                format!(
                    "{course}: the commands of its terminal sessions, in order (study-companion --export-commands)"
                ),
                "Prompts and output are left out. Read it before you run it.".to_owned(),
            ],
        }
    }

    /// The answer was written into the session file.
    pub fn published(
        self,
        file: &str,
        question: &str,
        commit: Option<&Result<String, String>>,
    ) -> String {
        let commit = match (self, commit) {
            (_, None) => String::new(),
            (Lang::Ko, Some(Ok(hash))) => format!(" · git 커밋 {hash} (push는 직접 하세요)"),
            (Lang::En, Some(Ok(hash))) => format!(" · git commit {hash} (push it yourself)"),
            (Lang::Ko, Some(Err(e))) => format!(" · git 커밋은 하지 못했습니다: {e}"),
            (Lang::En, Some(Err(e))) => format!(" · the git commit failed: {e}"),
        };
        match self {
            Lang::Ko => format!(
                "답변을 {file}에 썼습니다: “{question}” (이전 파일은 데이터 폴더에 .bak으로){commit}"
            ),
            Lang::En => {
                format!(
                    "The answer is in {file}: “{question}” (the file before: a .bak in the data folder){commit}"
                )
            }
        }
    }

    /// The commit message of a published answer.
    pub fn publish_commit_message(self, question: &str) -> String {
        let question = crate::course::shorten(question, 72);
        match self {
            Lang::Ko => format!("답변: {question}"),
            Lang::En => format!("Answer: {question}"),
        }
    }

    pub fn publish_commit_option(self) -> &'static str {
        self.ko_en("git 커밋도", "Also git commit")
    }

    pub fn publish_commit_help(self) -> &'static str {
        self.ko_en(
            "답변을 쓴 파일 하나만 커밋합니다 (push는 하지 않습니다)",
            "Commit that one file after writing (never pushes)",
        )
    }

    pub fn publish_failed(self, why: &str) -> String {
        match self {
            Lang::Ko => format!("노트 파일에 답변을 쓰지 못했습니다: {why}"),
            Lang::En => format!("The answer was not written into the notes file: {why}"),
        }
    }

    /// Why it was not written.
    pub fn publish_refusal(self, refusal: &crate::course::publish::PublishError) -> &'static str {
        use crate::course::publish::PublishError;
        match (self, refusal) {
            (Lang::Ko, PublishError::NotText) => "파일을 같은 모양으로 다시 쓸 수 없습니다",
            (Lang::Ko, PublishError::NotFound) => "파일에서 이 질문을 찾지 못했습니다",
            (Lang::Ko, PublishError::Unrepresentable(_)) => {
                "답변에 파일의 인코딩(CP949)으로 쓸 수 없는 글자가 있습니다"
            }
            (Lang::Ko, PublishError::Empty) => "쓸 답변이 없습니다 (내 답변이 비어 있음)",
            (Lang::En, e) => match e {
                PublishError::NotText => "the file cannot be written back as it is",
                PublishError::NotFound => "this question is not in the file",
                PublishError::Unrepresentable(_) => {
                    "the answer has characters the file's encoding (CP949) cannot hold"
                }
                PublishError::Empty => "there is no answer to write (my answer is empty)",
            },
        }
    }

    /// The file changed on disk since the app read it.
    pub fn publish_changed(self, file: &str) -> String {
        match self {
            Lang::Ko => format!(
                "{file} 파일이 읽은 뒤에 바뀌었습니다. 다시 읽힌 노트를 확인하고 한 번 더 쓰세요 (내 답변은 그대로 있습니다)"
            ),
            Lang::En => format!(
                "{file} changed on disk since it was read. Look at the notes as they are reloaded and write it again (my answer is kept)"
            ),
        }
    }

    pub fn publish_builtin(self) -> &'static str {
        self.ko_en(
            "내장 노트는 파일이 아닙니다: 수업 노트 파일이나 폴더를 열어 주세요",
            "The built-in notes are not a file: open the session's file or folder",
        )
    }

    /// "내 질문 (2)": my questions for the next class.
    pub fn my_questions(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("내 질문 ({n})"),
            Lang::En => format!("My questions ({n})"),
        }
    }

    pub fn ask_next_class(self) -> &'static str {
        self.ko_en("다음 수업에 물어보기", "Ask in the next class")
    }

    pub fn ask_next_class_help(self) -> &'static str {
        self.ko_en(
            "다음 수업에 물어볼 질문을 적어 둡니다. 강사님께 건넬 목록으로 내보낼 수 있습니다",
            "Write down a question for the next class; export the list to hand to the instructor",
        )
    }

    pub fn ask_hint(self) -> &'static str {
        self.ko_en(
            "예: 컨테이너를 삭제하면 이미지도 지워지나요?",
            "e.g. Does removing a container remove its image?",
        )
    }

    pub fn ask_topic(self) -> &'static str {
        self.ko_en("주제", "Topic")
    }

    pub fn ask_save(self) -> &'static str {
        self.ko_en("저장", "Save")
    }

    pub fn ask_cancel(self) -> &'static str {
        self.ko_en("취소", "Cancel")
    }

    pub fn asked_waiting(self) -> &'static str {
        self.ko_en("아직 수업 노트에 없음", "not in the notes yet")
    }

    pub fn asked_in_session(self) -> &'static str {
        self.ko_en(
            "수업에서 다뤘어요 (답변 전)",
            "asked in class (no answer yet)",
        )
    }

    pub fn asked_answered(self) -> &'static str {
        self.ko_en("답변이 달렸어요", "answered")
    }

    pub fn asked_remove(self) -> &'static str {
        self.ko_en("이 질문을 지웁니다", "Remove this question")
    }

    pub fn copy_my_questions(self) -> &'static str {
        self.ko_en("🗐 목록 복사", "🗐 Copy the list")
    }

    pub fn export_my_questions(self) -> &'static str {
        self.ko_en("파일로 내보내기…", "Export to a file…")
    }

    pub fn asked_not_kept(self, why: &str) -> String {
        match self {
            Lang::Ko => format!("내 질문을 저장하지 못했습니다: {why}"),
            Lang::En => format!("My questions could not be saved: {why}"),
        }
    }
}
