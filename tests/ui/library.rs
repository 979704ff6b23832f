//! A course repository in the window: the library, a session of one course, a deck and a
//! lab read with their outline.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::common;

/// The fixture repository copied where the test may write. Its session titles end with
/// emoticons no bundled font has (as the real ones do); until the system-font fallback
/// draws them, the copy drops them so that the missing-glyph check stays on here.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course-repo");
    copy(&from, dir.path());
    dir
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else if entry.path().extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            let text: String = text
                .lines()
                .map(|line| match line.strip_prefix("# ") {
                    Some(title) => {
                        // Cut at the first character that is neither Hangul nor ASCII.
                        let end = title
                            .char_indices()
                            .find(|(_, c)| !(c.is_ascii() || ('가'..='힣').contains(c)))
                            .map_or(title.len(), |(i, _)| i);
                        format!("# {}\n", title[..end].trim_end_matches([' ', '(']))
                    }
                    None => format!("{line}\n"),
                })
                .collect();
            std::fs::write(&target, text).expect("write");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Opens the first deck from the library and picks its heading "이미지와 레이어" in the
/// outline (which scrolls there and is what the notes panel then writes on).
fn open_deck_at_layers(harness: &mut egui_kittest::Harness<'_, study_companion::StudyApp>) {
    harness
        .get_by_role_and_label(Role::Button, "01. Docker 개요 · 3장")
        .click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "3. 이미지와 레이어")
        .click_accesskit();
    harness.run();
}

#[test]
fn the_library_narrows_to_a_course_and_a_session_and_opens_a_deck_and_a_lab() {
    let repo = repository();
    let mut harness = common::builder().path(repo.path()).build();
    common::wait_loaded(&mut harness);
    harness.get_by_label("📚 라이브러리");
    // Only the sessions' questions count: 15, 3 open (the todo's plan, the playlists and
    // the textbook's bullets are none).
    harness.get_by_label_contains("질문 15개");
    harness.get_by_role_and_label(Role::Button, "MSP T3 (3)");
    harness.get_by_role_and_label(Role::Button, "MSP T2 (2)");
    // An answer's link to the textbook by its GitHub address opens the deck at that heading.
    harness.get_by_label("교재 1장").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "← 질문으로");
    harness.get_by_label("컨테이너란?");
    harness.get_by_role_and_label(Role::Button, "2. 컨테이너란?");
    harness
        .get_by_role_and_label(Role::Button, "← 질문으로")
        .click_accesskit();
    harness.run();
    // The earlier course's session, by its number: its three questions only.
    harness
        .get_by_role_and_label(Role::Button, "6차")
        .click_accesskit();
    harness.run();
    harness.get_by_label("전체 3");
    // No card of another session (a related question under a card may name one).
    assert!(
        harness
            .query_by(|n| n
                .label()
                .is_some_and(|l| l.starts_with("컨테이너와 VM의 차이는")))
            .is_none()
    );
    // A deck of the textbook: its slides in the viewer, its headings beside.
    harness
        .get_by_role_and_label(Role::Button, "01. Docker 개요 · 3장")
        .click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "← 질문으로");
    harness.get_by_label("이미지와 레이어");
    harness.get_by_label("이 문서의 목차");
    // A slide of the outline brings it up.
    harness
        .get_by_role_and_label(Role::Button, "3. 이미지와 레이어")
        .click_accesskit();
    harness.run();
    // A lab: its numbered steps.
    harness
        .get_by_role_and_label(Role::Button, "[실습] 01. 컨테이너 실행하기 · 3단계")
        .click_accesskit();
    harness.run();
    assert!(harness.query_all_by_label("1. 이미지 검색하기").count() >= 2);
    // Back to the questions, where they were.
    harness
        .get_by_role_and_label(Role::Button, "← 질문으로")
        .click_accesskit();
    harness.run();
    harness.get_by_label("전체 3");
    assert!(harness.query_by_label("이 문서의 목차").is_none());
}

/// One search finds the questions and, under them, the slides, the lab steps and the
/// documents that match, by kind; a section found opens its document there.
#[test]
fn search_finds_the_textbook_and_the_labs_too() {
    let repo = repository();
    let mut harness = common::builder().path(repo.path()).build();
    common::wait_loaded(&mut harness);
    super::search(&mut harness, "레이어");
    // The question about layers…
    assert!(
        harness
            .query_all_by_label_contains("이미지 레이어는 어디에 저장되나요?")
            .count()
            >= 1
    );
    // …and the deck's slide about them, under 교재.
    harness.get_by_label_contains("교재·실습·문서");
    let slide = harness.get_by(|n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("이미지와 레이어 · "))
    });
    slide.click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "← 질문으로");
    // Korean-aware: the initial consonants find the lab's step too.
    super::search(&mut harness, "ㄱㅅ");
    assert!(
        harness
            .query_all_by(|n| n.role() == Role::Button
                && n.label()
                    .is_some_and(|l| l.starts_with("1. 이미지 검색하기 · ")))
            .count()
            >= 1
    );
}

/// A session title of 98 syllables is cut in the top bar: the buttons and the search box
/// stay in the window.
#[test]
fn a_long_title_leaves_the_toolbar_in_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let title: String = "가나다라마바사아자차카타파하"
        .chars()
        .cycle()
        .take(98)
        .collect();
    let file = dir.path().join("long.md");
    std::fs::write(
        &file,
        format!("# {title}\n\n## 주제\n\n- 질문인가요?\n  - 답\n"),
    )
    .expect("write");
    let mut harness = common::builder().path(&file).build();
    common::wait_loaded(&mut harness);
    let width = harness.ctx.content_rect().width();
    let search = harness.get_by_role_and_label(Role::TextInput, "검색");
    assert!(
        search.rect().right() <= width + 1.0,
        "{:?} in {width}",
        search.rect()
    );
    let review = harness.get_by_role_and_label(Role::Button, "🗘 복습");
    assert!(review.rect().right() <= width, "{:?}", review.rect());
}

/// A heading of a deck takes a note like a question: picked in the outline, typed in the
/// notes panel, saved in a file named after the deck, and there again when the repository
/// is opened from another folder; the study sheet has it.
#[test]
fn a_note_on_a_heading_of_the_textbook_follows_the_deck() {
    let repo = repository();
    let data = tempfile::tempdir().expect("tempdir");
    let mut harness = common::builder()
        .path(repo.path())
        .data_dir(data.path())
        .build();
    common::wait_loaded(&mut harness);
    open_deck_at_layers(&mut harness);
    harness.get_by_label("01. Docker 개요 › 이미지와 레이어");
    super::type_answer(
        &mut harness,
        "레이어는 읽기 전용, 컨테이너 레이어만 쓰기 가능",
    );
    super::advance(&mut harness, 1.2);
    let files: Vec<String> = std::fs::read_dir(data.path().join("sessions"))
        .expect("sessions")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let deck_file = files
        .iter()
        .find(|f| f.starts_with("01-Docker-개요-") && f.ends_with(".notes.json"))
        .unwrap_or_else(|| panic!("{files:?}"));
    let saved =
        std::fs::read_to_string(data.path().join("sessions").join(deck_file)).expect("read");
    assert!(saved.contains("컨테이너 레이어만 쓰기 가능"), "{saved}");
    let app = harness.state();
    let sheet = study_companion::notes::export::study_sheet(
        app.course(),
        app.store(),
        &Default::default(),
        &study_companion::i18n::Lang::Ko.sheet_labels(),
    );
    assert!(sheet.contains("## 01. Docker 개요"), "{sheet}");
    assert!(sheet.contains("컨테이너 레이어만 쓰기 가능"), "{sheet}");
    drop(harness);
    // The repository cloned elsewhere: the note is on its heading still, not an orphan.
    let moved = tempfile::tempdir().expect("tempdir");
    copy(repo.path(), moved.path());
    let mut harness = common::builder()
        .path(moved.path())
        .data_dir(data.path())
        .build();
    common::wait_loaded(&mut harness);
    assert!(
        harness
            .query_by_label_contains("연결이 끊긴 노트")
            .is_none()
    );
    open_deck_at_layers(&mut harness);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "내 답변")
            .value()
            .as_deref(),
        Some("레이어는 읽기 전용, 컨테이너 레이어만 쓰기 가능")
    );
}
