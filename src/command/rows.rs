//! The command table: one row per command. To add a command, add its variant, its row
//! here and its arm in the handler of its place (`app/actions.rs`, or the place's own
//! file: `files.rs`, `presenting.rs`, `reviewing.rs`); its keys, its button's name and
//! tooltip, the help overlays and the README's tables follow from the row.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Command, FileCommand, Keymap, ReviewCommand, Row, SearchCommand, SlideCommand, text};
use crate::export::Format;
use crate::i18n::Text;
use crate::review::Rating;

const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

use Keymap::{
    ClassNote, Image, Presenting, Reading, ReadingHelp, ReviewHelp, Reviewing, SearchBox,
    SlideHelp, SlideNumber,
};
const EVERYWHERE: &[Keymap] = &[Reading, Presenting, Reviewing];
const READING: &[Keymap] = &[Reading];
const PRESENTING: &[Keymap] = &[Presenting];
const REVIEWING: &[Keymap] = &[Reviewing];
const NO_KEYS: &[KeyboardShortcut] = &[];

const fn row(
    command: Command,
    keymaps: &'static [Keymap],
    keys: &'static [KeyboardShortcut],
    label: Text,
    help: Text,
) -> Row {
    Row {
        command,
        keymaps,
        keys,
        label,
        help,
    }
}

/// The row of one digit of a question number: every digit reads the same in the tables.
const fn digit(n: u8, keys: &'static [KeyboardShortcut]) -> Row {
    row(
        Command::Slide(SlideCommand::Digit(n)),
        PRESENTING,
        keys,
        text("질문 번호 입력", "Type a question number"),
        text(
            "번호를 누른 뒤 Enter로 그 질문으로 갑니다",
            "Type its number, then Enter, to go to that question",
        ),
    )
}

/// Every command, in the order the help lists them.
pub const ROWS: &[Row] = &[
    row(
        Command::File(FileCommand::OpenFile),
        READING,
        &[k(CMD, Key::O)],
        text("파일 열기…", "Open file…"),
        text(
            "수업 노트 파일(.md) 하나를 엽니다",
            "Open one class-notes file (.md)",
        ),
    ),
    row(
        Command::File(FileCommand::OpenFolder),
        READING,
        &[k(CMD_SHIFT, Key::O)],
        text("폴더 열기…", "Open folder…"),
        text(
            "노트 파일이 든 폴더(또는 강의 저장소)를 엽니다",
            "Open a folder of notes files (or the course repository)",
        ),
    ),
    row(
        Command::OpenBuiltin,
        READING,
        NO_KEYS,
        text("기본 노트 열기", "Open built-in notes"),
        text(
            "앱에 들어 있는 첫 수업 노트를 엽니다",
            "Open the first class's notes, built in",
        ),
    ),
    row(
        Command::CloneCourse,
        READING,
        NO_KEYS,
        text("강의 받기…", "Get a course…"),
        text(
            "강의 저장소 주소를 붙여 넣으면 내려받아 엽니다 (git 없이)",
            "Paste the course repository's address: it is downloaded and opened (no git needed)",
        ),
    ),
    row(
        Command::GitPull,
        READING,
        NO_KEYS,
        text(
            "최신 노트 받기 (git pull)",
            "Get the latest notes (git pull)",
        ),
        text(
            "강의 저장소에서 강사가 올린 새 노트를 받습니다",
            "Fetch what the instructor published to the course repository",
        ),
    ),
    row(
        Command::PrevQuestion,
        READING,
        &[k(NONE, Key::ArrowUp), k(NONE, Key::K)],
        text("이전 질문", "Previous question"),
        text("목록에서 위의 질문을 고릅니다", "Select the question above"),
    ),
    row(
        Command::NextQuestion,
        READING,
        &[k(NONE, Key::ArrowDown), k(NONE, Key::J)],
        text("다음 질문", "Next question"),
        text(
            "목록에서 아래의 질문을 고릅니다",
            "Select the question below",
        ),
    ),
    row(
        Command::PrevTopic,
        READING,
        &[k(CMD, Key::ArrowUp)],
        text("이전 주제", "Previous topic"),
        text(
            "사이드바에서 위의 주제로 갑니다",
            "Go to the topic above in the sidebar",
        ),
    ),
    row(
        Command::NextTopic,
        READING,
        &[k(CMD, Key::ArrowDown)],
        text("다음 주제", "Next topic"),
        text(
            "사이드바에서 아래의 주제로 갑니다",
            "Go to the topic below in the sidebar",
        ),
    ),
    row(
        Command::ZoomIn,
        EVERYWHERE,
        &[k(CMD, Key::Plus), k(CMD, Key::Equals)],
        text("확대", "Zoom in"),
        text(
            "글자와 화면을 크게 합니다",
            "Make text and everything larger",
        ),
    ),
    row(
        Command::ZoomOut,
        EVERYWHERE,
        &[k(CMD, Key::Minus)],
        text("축소", "Zoom out"),
        text(
            "글자와 화면을 작게 합니다",
            "Make text and everything smaller",
        ),
    ),
    row(
        Command::ZoomReset,
        EVERYWHERE,
        &[k(CMD, Key::Num0)],
        text("원래 크기", "Actual size"),
        text("확대/축소를 100%로 되돌립니다", "Set the zoom back to 100%"),
    ),
    row(
        Command::ToggleLanguage,
        EVERYWHERE,
        &[k(CMD, Key::L)],
        text("English로 전환", "한국어로 전환"),
        text("화면의 언어를 바꿉니다", "Switch the interface language"),
    ),
    row(
        Command::ShowHelp,
        EVERYWHERE,
        &[k(NONE, Key::F1), k(NONE, Key::Questionmark)],
        text("단축키", "Keyboard shortcuts"),
        text(
            "이 화면의 키 목록을 보이거나 숨깁니다",
            "Show or hide the keys of this screen",
        ),
    ),
    row(
        Command::CloseHelp,
        &[ReadingHelp, SlideHelp, ReviewHelp],
        &[k(NONE, Key::Escape)],
        text("키 목록 닫기", "Close the list of keys"),
        text(
            "키 목록을 닫고 하던 곳으로 돌아갑니다",
            "Close the list of keys",
        ),
    ),
    row(
        Command::ToggleBookmark,
        READING,
        &[k(CMD, Key::D)],
        text("북마크에 추가", "Bookmark this question"),
        text(
            "고른 질문을 북마크하거나 북마크를 뺍니다",
            "Bookmark the selected question, or remove its bookmark",
        ),
    ),
    row(
        Command::PublishAnswer,
        &[Reading, ClassNote],
        NO_KEYS,
        text(
            "노트 파일에 답변 쓰기",
            "Write the answer into the notes file",
        ),
        text(
            "내 답을 수업 노트 파일의 이 질문 아래에 씁니다 (강사용: 학생들은 새 답변으로 받습니다)",
            "Write my answer under this question in the session's markdown file (for the instructor: students get it as a new answer)",
        ),
    ),
    row(
        Command::File(FileCommand::Export(Format::StudySheet)),
        READING,
        NO_KEYS,
        text(
            "내 학습 노트 내보내기 (Markdown)…",
            "Export my study sheet (Markdown)…",
        ),
        text(
            "질문, 답변, 내 답과 메모를 한 Markdown 파일로 씁니다",
            "Write the questions, answers, my answers and notes to one Markdown file",
        ),
    ),
    row(
        Command::File(FileCommand::Export(Format::Backup)),
        READING,
        NO_KEYS,
        text(
            "답변 백업 내보내기 (JSON)…",
            "Export a backup of my answers (JSON)…",
        ),
        text(
            "내 답, 메모, 북마크를 다른 컴퓨터로 옮길 파일로 씁니다",
            "Write my answers, notes and bookmarks to a file to carry elsewhere",
        ),
    ),
    row(
        Command::File(FileCommand::ImportBackup),
        READING,
        NO_KEYS,
        text(
            "답변 백업 가져오기 (JSON)…",
            "Import a backup of my answers (JSON)…",
        ),
        text(
            "백업의 답을 합칩니다 (지금 있는 글은 지우지 않습니다)",
            "Merge a backup's answers in (nothing already written is lost)",
        ),
    ),
    row(
        Command::FocusSearch,
        READING,
        &[k(CMD, Key::F), k(CMD, Key::K)],
        text("검색", "Search"),
        text(
            "검색창으로 갑니다 (한글 초성 검색도 됩니다)",
            "Go to the search box (Hangul initials work too)",
        ),
    ),
    row(
        Command::Search(SearchCommand::Up),
        &[SearchBox],
        &[k(NONE, Key::ArrowUp)],
        text("이전 검색 결과", "Previous search result"),
        text("검색 결과에서 위로 갑니다", "Highlight the result above"),
    ),
    row(
        Command::Search(SearchCommand::Down),
        &[SearchBox],
        &[k(NONE, Key::ArrowDown)],
        text("다음 검색 결과", "Next search result"),
        text("검색 결과에서 아래로 갑니다", "Highlight the result below"),
    ),
    row(
        Command::Search(SearchCommand::Open),
        &[SearchBox],
        &[k(NONE, Key::Enter)],
        text("검색 결과 열기", "Open the search result"),
        text(
            "고른 검색 결과의 질문을 엽니다",
            "Open the highlighted result's question",
        ),
    ),
    row(
        Command::Search(SearchCommand::Clear),
        &[SearchBox],
        &[k(NONE, Key::Escape)],
        text("검색 지우기", "Clear the search"),
        text(
            "검색어를 지우고 노트로 돌아갑니다",
            "Clear the query and return to the notes",
        ),
    ),
    row(
        Command::CloseImage,
        &[Image],
        &[k(NONE, Key::Escape)],
        text("이미지 닫기", "Close the image"),
        text(
            "크게 본 이미지를 닫습니다",
            "Close the image shown full size",
        ),
    ),
    row(
        Command::ThemeSystem,
        EVERYWHERE,
        NO_KEYS,
        text("시스템 설정", "System"),
        text(
            "운영체제의 밝기 설정을 따릅니다",
            "Follow the system's light or dark setting",
        ),
    ),
    row(
        Command::ThemeLight,
        EVERYWHERE,
        NO_KEYS,
        text("밝게", "Light"),
        text("밝은 화면", "Light colours"),
    ),
    row(
        Command::ThemeDark,
        EVERYWHERE,
        NO_KEYS,
        text("어둡게", "Dark"),
        text("어두운 화면", "Dark colours"),
    ),
    row(
        Command::Present,
        READING,
        &[k(NONE, Key::F5)],
        text("발표 모드", "Presentation mode"),
        text(
            "고른 질문부터 전체 화면 슬라이드로 보여 줍니다 (교재를 열었으면 보이는 슬라이드부터)",
            "Show the notes as fullscreen slides from the selected question (an open deck from the slide in view)",
        ),
    ),
    row(
        Command::Review,
        READING,
        &[k(NONE, Key::R)],
        text("복습 시작", "Start a review"),
        text(
            "오늘 복습할 카드를 간격 반복으로 봅니다",
            "Go through today's cards, spaced repetition",
        ),
    ),
    row(
        Command::File(FileCommand::Export(Format::Commands)),
        READING,
        NO_KEYS,
        text(
            "명령어 스크립트 내보내기 (.sh)…",
            "Export the commands as a script (.sh)…",
        ),
        text(
            "터미널 세션의 명령어만, 질문과 단계 이름을 주석으로 달아 셸 스크립트로 씁니다",
            "Write the terminal sessions' commands, under comments naming their question or step, as a shell script",
        ),
    ),
    row(
        Command::File(FileCommand::Export(Format::MyQuestions)),
        READING,
        NO_KEYS,
        text(
            "내 질문 내보내기 (Markdown)…",
            "Export my questions (Markdown)…",
        ),
        text(
            "다음 수업에 물어볼 질문을 수업 노트 형식의 목록으로 씁니다",
            "Write my questions for the next class as a list in the session format",
        ),
    ),
    row(
        Command::File(FileCommand::Export(Format::Anki)),
        READING,
        NO_KEYS,
        text("Anki로 내보내기…", "Export for Anki…"),
        text(
            "복습 카드를 Anki가 가져오는 텍스트 파일로 씁니다",
            "Write the cards as a text file Anki imports",
        ),
    ),
    row(
        Command::Slide(SlideCommand::Next),
        PRESENTING,
        // What presenters' hands and clickers send (PowerPoint, reveal.js).
        &[
            k(NONE, Key::ArrowRight),
            k(NONE, Key::Space),
            k(NONE, Key::Enter),
            k(NONE, Key::PageDown),
        ],
        text(
            "다음 (답변 한 단계 → 다음 질문)",
            "Next (one more answer block, then the next question)",
        ),
        text(
            "답변을 한 단계 더 보이고, 다 보이면 다음 질문으로 갑니다",
            "Reveal one more block of the answer, then go to the next question",
        ),
    ),
    row(
        Command::Slide(SlideCommand::Prev),
        PRESENTING,
        &[
            k(NONE, Key::ArrowLeft),
            k(NONE, Key::PageUp),
            k(NONE, Key::Backspace),
        ],
        text("이전", "Back"),
        text("한 단계 뒤로 갑니다", "Go one step back"),
    ),
    row(
        Command::Slide(SlideCommand::First),
        PRESENTING,
        &[k(NONE, Key::Home)],
        text("처음 슬라이드", "First slide"),
        text("첫 슬라이드로 갑니다", "Go to the first slide"),
    ),
    row(
        Command::Slide(SlideCommand::Last),
        PRESENTING,
        &[k(NONE, Key::End)],
        text("마지막 슬라이드", "Last slide"),
        text("마지막 슬라이드로 갑니다", "Go to the last slide"),
    ),
    row(
        Command::Slide(SlideCommand::ScrollDown),
        PRESENTING,
        &[k(NONE, Key::ArrowDown)],
        text("슬라이드 아래로 스크롤", "Scroll the slide down"),
        text("긴 슬라이드의 아래를 보입니다", "Show more of a long slide"),
    ),
    row(
        Command::Slide(SlideCommand::ScrollUp),
        PRESENTING,
        &[k(NONE, Key::ArrowUp)],
        text("슬라이드 위로 스크롤", "Scroll the slide up"),
        text(
            "긴 슬라이드의 위를 보입니다",
            "Show the top of a long slide",
        ),
    ),
    row(
        Command::Slide(SlideCommand::BlankBlack),
        PRESENTING,
        &[k(NONE, Key::B)],
        text(
            "검은 화면 (아무 키나 누르면 돌아옴)",
            "Black screen (any key returns)",
        ),
        text("화면을 검게 가립니다", "Black out the screen"),
    ),
    row(
        Command::Slide(SlideCommand::BlankWhite),
        PRESENTING,
        &[k(NONE, Key::W)],
        text(
            "흰 화면 (아무 키나 누르면 돌아옴)",
            "White screen (any key returns)",
        ),
        text("화면을 하얗게 가립니다", "White out the screen"),
    ),
    row(
        Command::Slide(SlideCommand::ClassNote),
        PRESENTING,
        &[k(NONE, Key::N)],
        text("수업 답변 적기", "Type the class's answer"),
        text(
            "이 질문에 수업에서 나온 답을 적습니다 (노트에 저장됩니다)",
            "Write down the answer given in class (kept with the notes)",
        ),
    ),
    row(
        Command::Slide(SlideCommand::CloseNote),
        &[ClassNote],
        &[k(NONE, Key::Escape)],
        text("수업 답변 닫기", "Close the class's answer"),
        text(
            "적은 답을 저장하고 슬라이드로 돌아갑니다",
            "Save the answer and return to the slide",
        ),
    ),
    digit(0, &[k(NONE, Key::Num0)]),
    digit(1, &[k(NONE, Key::Num1)]),
    digit(2, &[k(NONE, Key::Num2)]),
    digit(3, &[k(NONE, Key::Num3)]),
    digit(4, &[k(NONE, Key::Num4)]),
    digit(5, &[k(NONE, Key::Num5)]),
    digit(6, &[k(NONE, Key::Num6)]),
    digit(7, &[k(NONE, Key::Num7)]),
    digit(8, &[k(NONE, Key::Num8)]),
    digit(9, &[k(NONE, Key::Num9)]),
    row(
        Command::Slide(SlideCommand::GoToNumber),
        &[SlideNumber],
        &[k(NONE, Key::Enter)],
        text(
            "입력한 번호의 질문으로 이동",
            "Go to the typed question number",
        ),
        text(
            "이 주제에서 그 번호의 질문으로 갑니다",
            "Go to that question of the topic",
        ),
    ),
    row(
        Command::Slide(SlideCommand::EraseDigit),
        &[SlideNumber],
        &[k(NONE, Key::Backspace)],
        text("입력한 번호 한 자리 지우기", "Erase a digit of the number"),
        text(
            "입력한 번호의 마지막 자리를 지웁니다",
            "Erase the number's last digit",
        ),
    ),
    row(
        Command::Slide(SlideCommand::CancelNumber),
        &[SlideNumber],
        &[k(NONE, Key::Escape)],
        text("입력한 번호 취소", "Cancel the number"),
        text("입력한 번호를 잊습니다", "Forget the typed number"),
    ),
    row(
        Command::ToggleRevealAll,
        PRESENTING,
        &[k(NONE, Key::A)],
        text("답변을 한 번에 모두 보이기", "Reveal answers all at once"),
        text(
            "답변을 단계별로 보일지 한 번에 보일지 바꿉니다",
            "Switch between revealing answers block by block and all at once",
        ),
    ),
    row(
        Command::ExitPresentation,
        PRESENTING,
        &[k(NONE, Key::Escape)],
        text("발표 모드 끝내기", "Leave presentation mode"),
        text(
            "읽던 화면으로 그대로 돌아갑니다",
            "Return to the reading window as it was",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Reveal),
        REVIEWING,
        &[k(NONE, Key::Space), k(NONE, Key::Enter)],
        text("답 보기 (보인 뒤: 알맞음)", "Show the answer (then: Good)"),
        text(
            "답을 보입니다. 보인 뒤에는 '알맞음'으로 평가합니다",
            "Show the answer; once shown, rate it Good",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Rate(Rating::Again)),
        REVIEWING,
        &[k(NONE, Key::Num1)],
        text("다시", "Again"),
        text(
            "기억하지 못했습니다: 곧 다시 봅니다",
            "Forgotten: see it again soon",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Rate(Rating::Hard)),
        REVIEWING,
        &[k(NONE, Key::Num2)],
        text("어려움", "Hard"),
        text(
            "겨우 기억했습니다: 짧은 간격",
            "Recalled with effort: a short interval",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Rate(Rating::Good)),
        REVIEWING,
        &[k(NONE, Key::Num3)],
        text("알맞음", "Good"),
        text("기억했습니다: 보통 간격", "Recalled: the usual interval"),
    ),
    row(
        Command::InReview(ReviewCommand::Rate(Rating::Easy)),
        REVIEWING,
        &[k(NONE, Key::Num4)],
        text("쉬움", "Easy"),
        text(
            "쉽게 기억했습니다: 긴 간격",
            "Recalled easily: a long interval",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::OpenSource),
        REVIEWING,
        &[k(NONE, Key::E)],
        text("노트에서 이 질문 보기", "Open this question in the notes"),
        text(
            "복습을 멈추고 이 카드의 질문을 노트에서 엽니다",
            "Pause the review and open the card's question in the notes",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Note),
        REVIEWING,
        &[k(NONE, Key::N)],
        text("내 노트 보이기/숨기기", "Show or hide my note"),
        text(
            "이 질문에 적은 내 답과 메모를 보입니다",
            "Show what I wrote on this question",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Stats),
        REVIEWING,
        &[k(NONE, Key::S)],
        text("복습 통계", "Review statistics"),
        text(
            "복습 기록, 앞으로의 일정, 정답률을 봅니다",
            "See the review history, what is due and how well it goes",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Undo),
        REVIEWING,
        &[k(CMD, Key::Z), k(NONE, Key::U)],
        text("평가 되돌리기", "Undo the rating"),
        text(
            "방금 한 평가를 지우고 그 카드를 다시 보입니다",
            "Remove the last rating and show its card again",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Bury),
        REVIEWING,
        &[k(NONE, Key::B), k(NONE, Key::Minus)],
        text("내일까지 묻어두기", "Bury until tomorrow"),
        text(
            "이 카드를 오늘은 더 보이지 않습니다",
            "Do not show this card again today",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Suspend),
        REVIEWING,
        &[k(NONE, Key::Exclamationmark)],
        text("보류하기", "Suspend"),
        text(
            "풀 때까지 이 카드를 복습하지 않습니다 (통계에서 풀 수 있음)",
            "Keep this card out of review until it is released (in the statistics)",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::ReleaseSuspended),
        REVIEWING,
        NO_KEYS,
        text("보류한 카드 모두 풀기", "Release the suspended cards"),
        text(
            "이 범위에서 보류한 카드를 모두 복습으로 되돌립니다",
            "Put every suspended card of this scope back in review",
        ),
    ),
    row(
        Command::InReview(ReviewCommand::Exit),
        REVIEWING,
        &[k(NONE, Key::Escape)],
        text("복습 끝내기", "Leave the review"),
        text(
            "복습을 끝내고 읽던 화면으로 돌아갑니다 (평가는 저장됨)",
            "Leave the review for the reading window (ratings are kept)",
        ),
    ),
];
