//! 내 답변 through the real app: the notes panel, the store behind it, import and export.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::{DIGEST, TAG_LABEL, advance, click_question, common, notes_file, search, type_answer};

#[test]
fn a_korean_answer_is_autosaved_after_a_second_and_shown_next_time() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut harness = common::builder().data_dir(data.path()).build();
    click_question(&mut harness, DIGEST);
    harness.get_by_label("아직 답이 없는 질문입니다 — 답을 적어 보세요");
    type_answer(&mut harness, "이미지 내용의 sha256 해시값입니다.");
    assert!(
        !notes_file(&harness).contains("sha256"),
        "saved before the delay"
    );
    advance(&mut harness, 1.2);
    let file = notes_file(&harness);
    assert!(
        file.contains("이미지 내용의 sha256 해시값입니다."),
        "{file}"
    );
    assert!(file.contains("digest는 뭔가요?"));
    harness.get_by_label_contains("저장됨");
    // The card and the sidebar mark it as mine.
    harness.get_by_label("내 답변 있음");
    drop(harness);

    // A new window on the same data folder shows it.
    let mut again = common::builder().data_dir(data.path()).build();
    click_question(&mut again, DIGEST);
    assert_eq!(
        again.get_by_label("내 답변").value().as_deref(),
        Some("이미지 내용의 sha256 해시값입니다.")
    );
    again.get_by_label("내 답변 있음");
}

#[test]
fn the_preview_renders_markdown() {
    let mut harness = common::app();
    click_question(&mut harness, TAG_LABEL);
    type_answer(
        &mut harness,
        "**tag**는 이름표, label은 `key=value` 메타데이터",
    );
    harness
        .get_by_role_and_label(Role::Button, "미리보기")
        .click();
    harness.run();
    harness.get_by_label("tag");
    harness.get_by_label("key=value");
    assert!(harness.query_by_label_contains("**tag**").is_none());
}

#[test]
fn switching_question_saves_at_once_and_bookmarks_are_kept() {
    let mut harness = common::app();
    click_question(&mut harness, TAG_LABEL);
    type_answer(&mut harness, "태그는 버전");
    click_question(&mut harness, DIGEST);
    assert!(notes_file(&harness).contains("태그는 버전"));
    harness
        .get_by_role_and_label(Role::Button, "☆ 북마크")
        .click();
    harness.run();
    assert!(notes_file(&harness).contains("\"bookmarked\": true"));
    harness.get_by_role_and_label(Role::Button, "★ 북마크");
}

#[test]
fn losing_focus_saves_immediately() {
    let mut harness = common::app();
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "포커스를 잃기 전에");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(false);
    harness.step();
    assert!(notes_file(&harness).contains("포커스를 잃기 전에"));
}

#[test]
fn hangul_composed_through_the_ime_reaches_the_file() {
    let mut harness = common::app();
    click_question(&mut harness, DIGEST);
    harness.get_by_label("내 답변").focus();
    harness.run();
    let preedit = |text: &str| {
        egui::Event::Ime(egui::ImeEvent::Preedit {
            text: text.to_owned(),
            active_range_chars: None,
        })
    };
    harness.event(preedit("ㅎ"));
    harness.event(preedit("하"));
    harness.event(preedit("한"));
    harness.run();
    // An autosave while composing keeps the composition; it is not lost or doubled.
    advance(&mut harness, 1.5);
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("한".to_owned())));
    harness.event(preedit("ㄱ"));
    harness.event(preedit("그"));
    harness.event(preedit("글"));
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("글".to_owned())));
    harness.run();
    advance(&mut harness, 1.5);
    let file = notes_file(&harness);
    assert!(file.contains("\"text\": \"한글\""), "{file}");
    assert_eq!(
        harness.get_by_label("내 답변").value().as_deref(),
        Some("한글")
    );
}

#[test]
fn a_failing_save_shows_an_error_until_it_succeeds_and_quitting_asks_first() {
    let mut harness = common::app();
    let data_dir = harness.data_dir().to_path_buf();
    let path = harness.state().notes_path().expect("notes").to_path_buf();
    // Root ignores permission bits: block the store with a folder where its lock file goes.
    let lock = path.with_extension("json.lock");
    std::fs::create_dir_all(&lock).expect("block");
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "저장이 안 되어도 사라지면 안 되는 답");
    advance(&mut harness, 1.5);
    harness.get_by_label_contains("저장하지 못했습니다 (다시 시도 중)");
    harness.get_by_label_contains("노트를 저장하지 못했습니다");
    assert!(!path.exists());

    // Quitting now asks first, and keeps the window.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    harness.run();
    harness.get_by_label("저장하지 못한 답변");
    harness
        .get_by_role_and_label(Role::Button, "취소 (계속 사용)")
        .click();
    harness.run();
    assert!(harness.query_by_label("저장하지 못한 답변").is_none());

    // The folder is writable again: the retry saves, the error goes away.
    std::fs::remove_dir(&lock).expect("unblock");
    advance(&mut harness, 6.0);
    assert!(
        std::fs::read_to_string(&path)
            .expect("saved")
            .contains("사라지면 안 되는 답")
    );
    assert!(
        harness
            .query_by_label_contains("노트를 저장하지 못했습니다")
            .is_none()
    );
    assert!(data_dir.exists());
}

#[test]
fn an_imported_backup_merges_without_replacing_newer_answers() {
    let mut harness = common::app();
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "지금 쓴 답");
    advance(&mut harness, 1.5);
    // A backup holding an older digest answer and a tag/label answer this window lacks.
    let course = harness.state().course().clone();
    let id_of = |text: &str| {
        course.topics[0]
            .questions
            .iter()
            .find(|q| q.text == text)
            .expect("question")
            .id
            .clone()
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut other = study_companion::notes::NoteStore::open(dir.path().join("b.json"), "b")
        .expect("open")
        .0;
    let info = study_companion::notes::QuestionInfo {
        question: "q".into(),
        topic: "Docker".into(),
        session: "MSP T3 - 23-5차".into(),
    };
    let old = jiff::Timestamp::from_second(1_000_000).expect("time");
    other.set_text(&id_of(DIGEST), &info, "오래된 답", old);
    other.set_text(&id_of(TAG_LABEL), &info, "백업에만 있는 답", old);
    other.save().expect("save backup");

    harness
        .state_mut()
        .import_backup(&dir.path().join("b.json"), 100.0);
    harness.run();
    harness.get_by_label_contains("답변 1개를 가져왔습니다");
    let file = notes_file(&harness);
    assert!(
        file.contains("지금 쓴 답") && !file.contains("오래된 답"),
        "{file}"
    );
    assert!(file.contains("백업에만 있는 답"));
}

/// A terminal session's block: 전체 복사 copies it as it is, 명령어만 복사 only what was
/// typed after the prompts.
#[test]
fn the_copy_buttons_copy_the_session_or_only_its_commands() {
    let mut harness = common::app();
    click_question(
        &mut harness,
        "이미지로부터 컨테이너를 run하여 생성한 후, 그 이미지를 삭제(?)하면 run하던 컨테이너는 어떻게 되나요?",
    );
    // A highlighted code block shows its language.
    harness.get_by_label("bash");
    let copied = super::copied_by(&mut harness, "🗐 전체 복사");
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(copied[0].starts_with("ubuntu $ docker run -d nginx\n"));
    assert!(copied[0].ends_with("is using its referenced image f9c14fe76d50"));
    let copied = super::copied_by(&mut harness, "$ 명령어만 복사");
    assert_eq!(
        copied,
        ["docker run -d nginx\ndocker ps\ndocker images\ndocker rmi nginx\n"]
    );
    // The button says it for a moment.
    harness.get_by_label("✔ 명령어만 복사");
}

#[test]
fn notes_from_a_newer_app_are_left_alone_and_editing_is_off() {
    let data = tempfile::tempdir().expect("tempdir");
    let path = study_companion::notes::DataDir::at(data.path()).session_notes("MSP T3 - 23-5차");
    std::fs::create_dir_all(path.parent().expect("sessions")).expect("mkdir");
    std::fs::write(&path, r#"{"schema": 7, "course": "future", "notes": []}"#).expect("write");
    let mut harness = common::builder().data_dir(data.path()).build();
    harness.get_by_label_contains("newer version of the app");
    super::typing_is_off(&mut harness, DIGEST);
    assert_eq!(
        std::fs::read_to_string(&path).expect("untouched"),
        r#"{"schema": 7, "course": "future", "notes": []}"#
    );
}

#[test]
fn unsaved_answers_keep_other_notes_from_replacing_them() {
    let mut harness = common::app();
    let path = harness.state().notes_path().expect("notes").to_path_buf();
    let lock = path.with_extension("json.lock");
    std::fs::create_dir_all(&lock).expect("block saving");
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "아직 저장 못 한 답");
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.md");
    std::fs::write(&other, "# 다른 수업\n\n## Docker\n\n- 질문?\n").expect("write");
    harness.state_mut().open(&other);
    harness.run();
    harness.get_by_label_contains("저장하지 못한 답변이 있어 다른 노트를 열지 않았습니다");
    assert_eq!(harness.state().course().title, "MSP T3 - 23-5차");
    // Once saving works again, the answer reaches the file and the other notes open.
    std::fs::remove_dir(&lock).expect("unblock");
    harness.state_mut().open(&other);
    common::wait_loaded(&mut harness);
    assert!(
        std::fs::read_to_string(&path)
            .expect("saved")
            .contains("아직 저장 못 한 답")
    );
    assert_eq!(harness.state().course().title, "다른 수업");
}

#[test]
fn an_imported_backup_updates_progress_counts_and_search_results_on_screen() {
    let mut harness = common::app();
    // Searching for the backup's words finds nothing yet.
    search(&mut harness, "백업에만");
    harness.get_by_label("검색 결과 0개");
    harness.get_by_label("열린 질문 4개 중 0개 답변함");
    harness.get_by_label("내 답변 0");
    harness.get_by_label("할 일 4");

    let tag_label = harness.state().course().topics[0].questions
        [super::index_of(&harness, TAG_LABEL)]
    .id
    .clone();
    let dir = tempfile::tempdir().expect("tempdir");
    let backup = dir.path().join("backup.json");
    let (mut other, _) =
        study_companion::notes::NoteStore::open(backup.clone(), "backup").expect("open");
    let info = study_companion::notes::QuestionInfo {
        question: TAG_LABEL.into(),
        topic: "Docker".into(),
        session: "MSP T3 - 23-5차".into(),
    };
    other.set_text(
        &tag_label,
        &info,
        "백업에만 있는 답",
        jiff::Timestamp::now(),
    );
    other.set_bookmarked(&tag_label, &info, true, jiff::Timestamp::now());
    other.save().expect("save backup");

    harness.state_mut().import_backup(&backup, 100.0);
    harness.run();
    harness.get_by_label_contains("답변 1개를 가져왔습니다");
    // Progress, the filter chips, the topic's badge and the results all follow.
    harness.get_by_label("열린 질문 4개 중 1개 답변함");
    harness.get_by_label("내 답변 1");
    harness.get_by_label("할 일 3");
    harness.get_by_label("북마크한 질문 1");
    harness.get_by_label("검색 결과 1개");
    let hits = harness.state().hits().to_vec();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].field, study_companion::search::Field::Note);
}

#[test]
fn a_corrupt_notes_file_is_moved_aside_and_the_status_line_says_why() {
    let data = tempfile::tempdir().expect("tempdir");
    let path = study_companion::notes::DataDir::at(data.path()).session_notes("MSP T3 - 23-5차");
    std::fs::create_dir_all(path.parent().expect("sessions")).expect("mkdir");
    std::fs::write(&path, b"{ \"schema\": 1, \"notes\": [ trunc").expect("write");
    let harness = common::builder().data_dir(data.path()).build();
    let notice = harness.get_by_label_contains("노트 파일이 손상되어 옮겨 두었습니다");
    let text = notice.value().unwrap_or_default();
    // The reason (serde's message) and where the file went.
    assert!(text.contains("line 1"), "{text}");
    assert!(text.contains(".corrupt-"), "{text}");
    let moved: Vec<_> = std::fs::read_dir(path.parent().expect("sessions"))
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        std::fs::read(moved[0].path()).expect("kept"),
        b"{ \"schema\": 1, \"notes\": [ trunc"
    );
}

#[test]
fn an_answer_given_in_the_single_file_is_there_when_its_folder_grows() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let folder = root.path().join("msp");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let file = folder.join("msp-t3-23-5.md");
    std::fs::write(&file, include_str!("../../content/msp-t3-23-5.md")).expect("write");
    let mut harness = common::builder().path(&file).data_dir(&data).build();
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "이미지 내용의 해시");
    advance(&mut harness, 1.5);
    drop(harness);

    // Next week's session arrives beside it; the folder is opened.
    std::fs::write(
        folder.join("msp-t3-23-6.md"),
        include_str!("../fixtures/sessions/msp-t3-23-6.md"),
    )
    .expect("write");
    let mut harness = common::builder().path(&folder).data_dir(&data).build();
    assert_eq!(harness.state().course().title, "MSP T3");
    harness.get_by_label("MSP T3");
    click_question(&mut harness, DIGEST);
    assert_eq!(
        harness.get_by_label("내 답변").value().as_deref(),
        Some("이미지 내용의 해시")
    );
    harness.get_by_label("내 답변 있음");
}

#[test]
fn a_narrow_window_folds_the_notes_panel_into_a_button_that_unfolds_it() {
    let data = tempfile::tempdir().expect("tempdir");
    // A 1366×768 laptop's window with the browser beside it, or a small screen zoomed.
    let mut harness = common::builder()
        .size(egui::vec2(1000.0, 700.0))
        .data_dir(data.path())
        .build();
    click_question(&mut harness, DIGEST);
    // Folded: no editor, the cards keep the width; the button says what it does.
    assert!(
        harness
            .query_by_role_and_label(Role::MultilineTextInput, "내 답변")
            .is_none()
    );
    // The fold is a strip at the right edge: the cards keep the rest.
    let unfold = harness.get_by_role_and_label(Role::Button, "노트 펼치기");
    assert!(unfold.rect().min.x > 950.0, "{:?}", unfold.rect());
    unfold.click();
    harness.run();
    type_answer(&mut harness, "매니페스트의 sha256");
    advance(&mut harness, 1.2);
    assert!(notes_file(&harness).contains("매니페스트의 sha256"));
    // Folded again, the button marks that the question has my note.
    harness
        .get_by_role_and_label(Role::Button, "▶ 노트 접기")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::MultilineTextInput, "내 답변")
            .is_none()
    );
    harness.get_by_role_and_label(Role::Button, "노트 펼치기");
    drop(harness);

    // A wide window shows the panel as always, with no fold button.
    let mut wide = common::builder().data_dir(data.path()).build();
    click_question(&mut wide, DIGEST);
    wide.get_by_label("내 답변");
    assert!(wide.query_by_label("▶ 노트 접기").is_none());
}
