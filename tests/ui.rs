//! The real app, driven headless through AccessKit (roles and labels), as a student would.

mod common;
#[path = "ui/presenter.rs"]
mod presenter;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

const DIGEST: &str = "digest는 뭔가요?";
const TAG_LABEL: &str = "tag와 label의 차이는 뭔가요?";
const MYSQL: &str = "볼륨을 사용하지 않으면 mysql 에 저장된 데이터도 삭제되나요?";
const EXPOSE: &str = "EXPOSE는 80으로 설정하고 docker run -p 8080:8080 로 하면 어떻게 되나요?";
const BRIDGE: &str = "Docker network의 bridge유형이 L4랑 비슷한 개념일까요?";

/// Clicks the sidebar row of a question (a button; the card heading is a label), through
/// AccessKit as a screen reader would: the row may be scrolled half out of view.
fn click_question(harness: &mut egui_kittest::Harness<'_, study_companion::StudyApp>, text: &str) {
    harness
        .get_by_role_and_label(Role::Button, text)
        .click_accesskit();
    harness.run();
}

#[test]
fn sidebar_shows_both_topics_with_counts() {
    let harness = common::app();
    harness.get_by_label("Docker (21) · 열린 질문 4");
    harness.get_by_label("Kubernetes (0) · 열린 질문 0");
    // Docker is selected: its 21 questions are listed.
    harness.get_by_role_and_label(Role::Button, DIGEST);
    harness.get_by_role_and_label(Role::Button, MYSQL);
    assert_eq!(harness.state().selection(), (0, None));
}

#[test]
fn clicking_a_question_shows_its_answer() {
    let mut harness = common::app();
    let answer = "mysql도 volume을 사용해서 데이터 디렉토리를 외부로 마운트해야 데이터를 유지할 수 있습니다.";
    // Far down the topic: not laid out until it is scrolled to.
    assert!(harness.query_by_label_contains(answer).is_none());
    click_question(&mut harness, MYSQL);
    harness.get_by_label_contains(answer);
    let (topic, question) = harness.state().selection();
    let q = &harness.state().course().topics[topic].questions[question.expect("selected")];
    assert_eq!(q.text, MYSQL);
}

#[test]
fn open_questions_show_their_badge_and_an_invitation() {
    let mut harness = common::app();
    click_question(&mut harness, TAG_LABEL);
    // The card heading, the open badge and the "no answer" line.
    assert!(
        !harness
            .query_all_by_label("열린 질문")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert!(harness.query_all_by_label("아직 답변이 없습니다.").count() >= 1);
    // The digest question's "..." placeholder is not shown as if it were an answer.
    click_question(&mut harness, DIGEST);
    assert!(harness.query_by_label("...").is_none());
}

#[test]
fn keyboard_arrows_move_between_questions() {
    let mut harness = common::app();
    click_question(&mut harness, DIGEST);
    let (_, before) = harness.state().selection();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let (_, after) = harness.state().selection();
    assert_eq!(after, before.map(|q| q + 1));
    harness.key_press(egui::Key::ArrowUp);
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selection().1, before.map(|q| q - 1));
}

#[test]
fn the_screenshot_is_loaded_not_a_placeholder() {
    let mut harness = common::app();
    click_question(&mut harness, EXPOSE);
    let image = harness.get_by_role_and_label(Role::Image, "img/expose-nginx_23-5.png");
    let _ = image;
    let poll = harness
        .ctx
        .try_load_image(
            "bytes://builtin/img/expose-nginx_23-5.png",
            egui::SizeHint::default(),
        )
        .expect("the built-in screenshot decodes");
    match poll {
        egui::load::ImagePoll::Ready { image } => assert_eq!(image.size, [1280, 800]),
        egui::load::ImagePoll::Pending { .. } => panic!("still loading after run()"),
    }
    // The code block of the same answer is there (a read-only text field holding the code).
    let code = harness
        .query_all(egui_kittest::kittest::By::new().predicate(|node| {
            node.value()
                .is_some_and(|v| v.contains("ubuntu $ docker run -dp 8080:8080 nginx"))
        }))
        .count();
    assert!(code >= 1);
}

#[test]
fn clicking_a_link_requests_opening_it() {
    let mut harness = common::app();
    click_question(&mut harness, BRIDGE);
    harness
        .get_by_label("4. Docker 네트워크 (리눅스 용)")
        .click();
    let mut opened = Vec::new();
    for _ in 0..4 {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::OpenUrl(open) = command {
                opened.push(open.url.clone());
            }
        }
    }
    assert_eq!(opened, ["https://doitnow-man.tistory.com/m/183"]);
}

#[test]
fn kubernetes_shows_the_empty_state() {
    let mut harness = common::app();
    harness.get_by_label("Kubernetes (0) · 열린 질문 0").click();
    harness.run();
    harness.get_by_label("아직 질문이 없습니다");
    assert_eq!(harness.state().selection(), (1, None));
}

#[test]
fn switching_to_english_changes_the_labels() {
    let mut harness = common::app();
    harness.get_by_label("주제");
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run();
    harness.get_by_label("Topics");
    harness.get_by_label("Docker (21) · 4 open");
    assert!(harness.query_by_label("주제").is_none());
    harness.get_by_label("Kubernetes (0) · 0 open").click();
    harness.run();
    harness.get_by_label("No questions yet");
    // And back.
    harness
        .get_by_role_and_label(Role::Button, "한국어")
        .click();
    harness.run();
    harness.get_by_label("주제");
}

#[test]
fn help_lists_the_real_shortcuts() {
    let mut harness = common::app();
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_all_by_label("단축키").count() >= 1);
    let ctx = harness.ctx.clone();
    use study_companion::command::{Command, Mode};
    for command in Command::ALL {
        let label = command.label(study_companion::ui::i18n::Lang::Ko);
        let listed = harness.query_all_by_label(label).count() >= 1;
        if command.shortcuts().is_empty() || !command.available_in(Mode::Reading) {
            // The slide keys belong to the presentation's own help.
            assert!(!listed, "{label} listed");
            continue;
        }
        assert!(listed, "{label}");
        harness.get_by_label(&command.all_shortcuts_text(&ctx));
    }
    // F5 is listed, and ? opens the help too.
    harness.get_by_label("F5");
    harness.key_press(egui::Key::F1);
    harness.run();
    assert_eq!(harness.query_all_by_label("단축키").count(), 0);
    harness.key_press(egui::Key::Questionmark);
    harness.run();
    assert!(harness.query_all_by_label("단축키").count() >= 1);
}

#[test]
fn a_missing_last_content_falls_back_to_the_builtin_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gone = dir.path().join("gone.md");
    let harness = common::app_with(study_companion::AppOptions {
        path: Some(gone.clone()),
        ..common::options()
    });
    assert_eq!(harness.state().course().topics[0].questions.len(), 21);
    harness.get_by_label_contains("gone.md");
}

#[test]
fn the_window_idles_without_repainting() {
    let mut harness = common::app();
    // run() returns once no more repaints are requested; a second run takes one step.
    assert!(harness.run() <= 1);
}

/// A wgpu image snapshot of the main window on the EXPOSE question (code and screenshot).
fn snapshot(name: &str, theme: study_companion::ui::theme::ThemeChoice) {
    let Some(renderer) = common::gpu_renderer() else {
        return;
    };
    // A fixed notes folder: its path is on screen, so it must not change between runs.
    let data_dir = std::env::temp_dir().join(format!("study-companion-snapshot-{name}"));
    let _ = std::fs::remove_dir_all(&data_dir);
    let options = study_companion::AppOptions {
        theme: Some(theme),
        data_dir: Some(data_dir),
        ..common::options()
    };
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1100.0, 720.0))
        .renderer(renderer)
        .build_eframe(move |cc| study_companion::StudyApp::new(cc, options));
    harness.run();
    // Its sidebar row may be below the fold at this size: select it directly.
    let expose = harness.state().course().topics[0]
        .questions
        .iter()
        .position(|q| q.text == EXPOSE)
        .expect("EXPOSE question");
    harness.state_mut().select(0, Some(expose));
    harness.run();
    harness.snapshot(name);
}

#[test]
fn snapshot_light() {
    snapshot("main_light", study_companion::ui::theme::ThemeChoice::Light);
}

#[test]
fn snapshot_dark() {
    snapshot("main_dark", study_companion::ui::theme::ThemeChoice::Dark);
}

#[test]
fn the_remembered_state_restores_selection_language_zoom_and_theme() {
    let mut harness = common::app();
    click_question(&mut harness, DIGEST);
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Dark").click();
    harness.run();
    let remembered = harness.state().state.clone();
    assert_eq!(remembered.zoom, 1.1);
    drop(harness);

    let options = study_companion::AppOptions {
        theme: None,
        ..common::options()
    };
    let mut again = egui_kittest::Harness::builder()
        .with_size(common::SIZE)
        .build_eframe(move |cc| {
            study_companion::StudyApp::with_state(cc, options, Some(remembered))
        });
    again.run();
    let (topic, question) = again.state().selection();
    let q = &again.state().course().topics[topic].questions[question.expect("restored")];
    assert_eq!(q.text, DIGEST);
    again.get_by_label("Topics");
    assert_eq!(again.ctx.zoom_factor(), 1.1);
    assert_eq!(again.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn remembered_content_that_is_gone_falls_back_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gone = dir.path().join("last-week.md");
    let remembered = study_companion::UiState {
        last_content: Some(gone),
        ..Default::default()
    };
    let options = common::options();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(common::SIZE)
        .build_eframe(move |cc| {
            study_companion::StudyApp::with_state(cc, options, Some(remembered))
        });
    harness.run();
    assert_eq!(harness.state().course().topics[0].questions.len(), 21);
    harness.get_by_label_contains("마지막으로 연 노트를 찾을 수 없어 기본 노트를 엽니다");
    harness.get_by_label_contains("last-week.md");
}

#[test]
fn ten_thousand_questions_open_and_jump_to_the_last() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.md");
    std::fs::write(&path, study_companion::course::synthetic::document(10_000)).expect("write");
    let mut harness = common::app_with(study_companion::AppOptions {
        path: Some(path),
        ..common::options()
    });
    assert_eq!(harness.state().course().topics[0].questions.len(), 10_000);
    harness.state_mut().select(0, Some(9_999));
    harness.run();
    // Its sidebar row, its card and the notes panel.
    assert_eq!(
        harness.query_all_by_label_contains("9999번 질문").count(),
        3
    );
    // Only a screenful of cards is laid out: the first question is not in the tree.
    let first = harness
        .query_all(egui_kittest::kittest::By::new().predicate(|node| {
            node.value()
                .or(node.label())
                .is_some_and(|l| l.starts_with("0번 질문"))
        }))
        .count();
    assert_eq!(first, 0);
    // Card headings are labels; sidebar rows are buttons.
    let cards = harness
        .query_all(egui_kittest::kittest::By::new().predicate(|node| {
            // AccessKit keeps a label's text in its value.
            node.role() == Role::Label && node.value().is_some_and(|l| l.contains("번 질문: "))
        }))
        .count();
    assert!((1..=12).contains(&cards), "{cards} cards laid out");
}

#[test]
fn clicking_the_screenshot_opens_it_full_size_and_escape_closes_it() {
    let mut harness = common::app();
    click_question(&mut harness, EXPOSE);
    // Through AccessKit: the image may be below the fold of the card.
    harness
        .get_by_role_and_label(Role::Image, "img/expose-nginx_23-5.png")
        .click_accesskit();
    harness.run();
    harness.get_by_label_contains("이미지: img/expose-nginx_23-5.png");
    // The window shows the image at its original size: two images now.
    assert_eq!(
        harness
            .query_all_by_role_and_label(Role::Image, "img/expose-nginx_23-5.png")
            .count(),
        2
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("이미지: img/expose")
            .is_none()
    );
}

// ---- 내 답변: the notes panel and the store behind it ----

/// Moves egui's clock forward (autosave waits for it) and runs one frame.
fn advance(harness: &mut egui_kittest::Harness<'_, study_companion::StudyApp>, seconds: f64) {
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + seconds);
    harness.step();
    harness.run();
}

fn notes_file(harness: &egui_kittest::Harness<'_, study_companion::StudyApp>) -> String {
    let path = harness
        .state()
        .notes_path()
        .expect("notes open")
        .to_path_buf();
    std::fs::read_to_string(path).unwrap_or_default()
}

fn type_answer(harness: &mut egui_kittest::Harness<'_, study_companion::StudyApp>, text: &str) {
    harness.get_by_label("내 답변").focus();
    harness.run();
    harness.get_by_label("내 답변").type_text(text);
    harness.run();
}

#[test]
fn a_korean_answer_is_autosaved_after_a_second_and_shown_next_time() {
    let options = common::options();
    let data_dir = options.data_dir.clone();
    let mut harness = common::app_with(options);
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
    let mut again = common::app_with(study_companion::AppOptions {
        data_dir,
        ..common::options()
    });
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
    let options = common::options();
    let data_dir = options.data_dir.clone().expect("data dir");
    let mut harness = common::app_with(options);
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

#[test]
fn the_copy_button_copies_the_code_block() {
    let mut harness = common::app();
    click_question(
        &mut harness,
        "이미지로부터 컨테이너를 run하여 생성한 후, 그 이미지를 삭제(?)하면 run하던 컨테이너는 어떻게 되나요?",
    );
    // A highlighted code block shows its language.
    harness.get_by_label("bash");
    harness
        .query_all_by_label("🗐 복사")
        .next()
        .expect("a copy button")
        .click();
    let mut copied = Vec::new();
    for _ in 0..3 {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::CopyText(text) = command {
                copied.push(text.clone());
            }
        }
    }
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(copied[0].starts_with("ubuntu $ docker run -d nginx\n"));
    assert!(copied[0].ends_with("is using its referenced image f9c14fe76d50"));
}

#[test]
fn notes_from_a_newer_app_are_left_alone_and_editing_is_off() {
    let options = common::options();
    let data_dir = options.data_dir.clone().expect("data dir");
    let path = study_companion::notes::NoteStore::path_for(&data_dir, "MSP T3 - 23-5차");
    std::fs::write(&path, r#"{"schema": 7, "course": "future", "notes": []}"#).expect("write");
    let mut harness = common::app_with(options);
    harness.get_by_label_contains("newer version of the app");
    click_question(&mut harness, DIGEST);
    // Typing does nothing: nothing could be saved, so nothing pretends to be.
    harness.get_by_label("내 답변").focus();
    harness.get_by_label("내 답변").type_text("사라질 글");
    harness.run();
    assert_eq!(
        harness
            .get_by_label("내 답변")
            .value()
            .as_deref()
            .unwrap_or(""),
        ""
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("untouched"),
        r#"{"schema": 7, "course": "future", "notes": []}"#
    );
}

// ---- Search ----

fn search(harness: &mut egui_kittest::Harness<'_, study_companion::StudyApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search_box = harness.get_by_role(Role::TextInput);
    assert!(search_box.is_focused(), "Ctrl+F focuses the search box");
    search_box.type_text(text);
    harness.run();
}

#[test]
fn typing_digest_finds_its_question_first_and_enter_opens_it() {
    let mut harness = common::app();
    search(&mut harness, "digest");
    let first = harness.state().hits().first().cloned().expect("a hit");
    let course = harness.state().course().clone();
    assert_eq!(
        course.topics[first.topic].questions[first.question].text,
        DIGEST
    );
    harness.get_by_label_contains("검색 결과");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let (topic, question) = harness.state().selection();
    assert_eq!(
        course.topics[topic].questions[question.expect("opened")].text,
        DIGEST
    );
    // The card is on screen, and the notes panel is on it.
    harness.get_by_label("아직 답이 없는 질문입니다 — 답을 적어 보세요");
}

#[test]
fn choseong_search_finds_container_questions_and_escape_clears() {
    let mut harness = common::app();
    search(&mut harness, "ㅋㅌㅇㄴ");
    let course = harness.state().course().clone();
    let hits = harness.state().hits().to_vec();
    assert!(hits.len() >= 5, "{hits:?}");
    let first = &course.topics[hits[0].topic].questions[hits[0].question];
    assert!(first.text.contains("컨테이너"), "{}", first.text);
    // ↓ moves to the second result, Enter opens it.
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::Enter);
    harness.run();
    let (t, q) = harness.state().selection();
    assert_eq!((t, q), (hits[1].topic, Some(hits[1].question)));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    assert!(harness.get_by_role(Role::TextInput).is_focused());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some("")
    );
    assert!(harness.query_by_label_contains("검색 결과").is_none());
    harness.get_by_label("Docker (21) · 열린 질문 4");
}

#[test]
fn my_notes_are_searched_and_progress_counts_them() {
    let mut harness = common::app();
    harness.get_by_label("열린 질문 4개 중 0개 답변함");
    click_question(&mut harness, TAG_LABEL);
    type_answer(&mut harness, "라벨은 메타데이터");
    harness.get_by_label("열린 질문 4개 중 1개 답변함");
    search(&mut harness, "메타데이터");
    let hits = harness.state().hits().to_vec();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].field, study_companion::search::Field::Note);
}

// ---- Filters ----

#[test]
fn the_bookmarked_filter_shows_the_bookmarked_question_alone() {
    let mut harness = common::app();
    harness.get_by_label("★ 0");
    click_question(&mut harness, MYSQL);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run();
    harness.get_by_label("★ 1").click();
    harness.run();
    let visible = harness.state().visible().to_vec();
    assert_eq!(visible.len(), 1);
    let course = harness.state().course().clone();
    assert_eq!(course.topics[0].questions[visible[0]].text, MYSQL);
    // The sidebar lists it and no other question.
    harness.get_by_role_and_label(Role::Button, MYSQL);
    assert!(harness.query_by_label(DIGEST).is_none());
}

#[test]
fn the_to_do_filter_shrinks_as_open_questions_get_answers() {
    let mut harness = common::app();
    harness.get_by_label("할 일 4").click();
    harness.run();
    assert_eq!(harness.state().visible().len(), 4);
    // ↓ walks the filtered list: the first open question, then the second.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let (t, q) = harness.state().selection();
    let course = harness.state().course().clone();
    assert_eq!(
        course.topics[t].questions[q.expect("selected")].text,
        DIGEST
    );
    type_answer(&mut harness, "해시");
    harness.get_by_label("할 일 3");
    // The course's and the topic's progress follow.
    harness.get_by_label("열린 질문 4개 중 1개 답변함");
    harness.get_by_label("내 답변 1");
    assert_eq!(harness.state().visible().len(), 3);
}

#[test]
fn a_result_found_in_an_answer_shows_where_in_its_card() {
    let mut harness = common::app();
    search(&mut harness, "기록됩니다");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let (t, q) = harness.state().selection();
    let course = harness.state().course().clone();
    let question = &course.topics[t].questions[q.expect("opened")];
    assert!(question.answer.contains("기록됩니다"), "{}", question.text);
    harness.get_by_label_contains("🔍 답변 · ");
    // Another selection clears the mark.
    harness.key_press(egui::Key::Escape);
    harness.run();
    click_question(&mut harness, DIGEST);
    assert!(harness.query_by_label_contains("🔍 답변 · ").is_none());
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
    harness.run();
    assert!(
        std::fs::read_to_string(&path)
            .expect("saved")
            .contains("아직 저장 못 한 답")
    );
    assert_eq!(harness.state().course().title, "다른 수업");
}
