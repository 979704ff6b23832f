//! The real app, driven headless through AccessKit (roles and labels), as a student would.

mod common;
#[path = "ui/desktop.rs"]
mod desktop;
#[path = "ui/ending.rs"]
mod ending;
#[path = "ui/hostile.rs"]
mod hostile;
#[path = "ui/ime.rs"]
mod ime;
#[path = "ui/library.rs"]
mod library;
#[path = "ui/live.rs"]
mod live;
#[path = "ui/notes.rs"]
mod notes;
#[path = "ui/presenter.rs"]
mod presenter;
#[path = "ui/publish.rs"]
mod publish;
#[path = "ui/review.rs"]
mod review;
#[path = "ui/search.rs"]
mod search;
#[path = "ui/slides.rs"]
mod slides;
#[path = "ui/spec.rs"]
mod spec;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use study_companion::StudyApp;
use study_companion::state::ThemeChoice;

const DIGEST: &str = "digest는 뭔가요?";
const TAG_LABEL: &str = "tag와 label의 차이는 뭔가요?";
const MYSQL: &str = "볼륨을 사용하지 않으면 mysql 에 저장된 데이터도 삭제되나요?";
const EXPOSE: &str = "EXPOSE는 80으로 설정하고 docker run -p 8080:8080 로 하면 어떻게 되나요?";
const BRIDGE: &str = "Docker network의 bridge유형이 L4랑 비슷한 개념일까요?";

/// Clicks the sidebar row of a question (a button; the card heading is a label), through
/// AccessKit as a screen reader would: the row may be scrolled half out of view.
fn click_question(harness: &mut Harness<'_, StudyApp>, text: &str) {
    question_row(harness, text).click_accesskit();
    harness.run();
}

/// The sidebar row of the question `text`; its name says its state after it
/// ("digest는 뭔가요? · 열린 질문 · 내 답변 있음"). A search result's row is named by the
/// question alone.
fn question_row<'h>(harness: &'h Harness<'_, StudyApp>, text: &str) -> egui_kittest::Node<'h> {
    let prefix = format!("{text} · ");
    let text = text.to_owned();
    harness.get_by(move |n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l == text || l.starts_with(&prefix))
    })
}

/// The index of the Docker question `text`.
fn index_of(harness: &Harness<'_, StudyApp>, text: &str) -> usize {
    harness.state().course().topics[0]
        .questions
        .iter()
        .position(|q| q.text == text)
        .unwrap_or_else(|| panic!("no question {text}"))
}

/// The text of the selected question.
fn selected_text(harness: &Harness<'_, StudyApp>) -> Option<String> {
    let (t, q) = harness.state().selection();
    let course = harness.state().course();
    Some(course.topics.get(t)?.questions.get(q?)?.text.clone())
}

/// Types into "내 답변" of `question` and checks nothing was taken: with the session's notes
/// file not writable, nothing pretends to be saved.
fn typing_is_off(harness: &mut Harness<'_, StudyApp>, question: &str) {
    click_question(harness, question);
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
}

/// The URLs the app asks the system to open in the next frames.
fn opened_urls(harness: &mut Harness<'_, StudyApp>) -> Vec<String> {
    let mut opened = Vec::new();
    for _ in 0..4 {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::OpenUrl(open) = command {
                opened.push(open.url.clone());
            }
        }
    }
    harness.run();
    opened
}

/// Moves egui's clock forward (autosave waits for it) and runs one frame.
pub(crate) fn advance(harness: &mut Harness<'_, StudyApp>, seconds: f64) {
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + seconds);
    harness.step();
    harness.run();
}

/// The notes file as it is on disk ("" before the first save).
fn notes_file(harness: &Harness<'_, StudyApp>) -> String {
    let path = harness
        .state()
        .notes_path()
        .expect("notes open")
        .to_path_buf();
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Ctrl+F, then `text` typed into the search box.
pub(crate) fn search(harness: &mut Harness<'_, StudyApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search_box = harness.get_by_role_and_label(Role::TextInput, "검색");
    assert!(search_box.is_focused(), "Ctrl+F focuses the search box");
    search_box.type_text(text);
    harness.run();
}

/// Every line of `mode`'s key table (its keys and what they do) is on screen: the help
/// lists what the command table says.
pub(crate) fn assert_lists_the_keys_of(
    harness: &Harness<'_, StudyApp>,
    mode: study_companion::command::Keymap,
) {
    let mac = harness.ctx.os() == egui::os::OperatingSystem::Mac;
    let lines = study_companion::command::key_lines(mode, study_companion::i18n::Lang::Ko, mac);
    for line in lines {
        let listed = |label: &str| harness.query_all_by_label(label).count() >= 1;
        assert!(listed(line.label), "{}", line.label);
        assert!(listed(&line.keys), "{}", line.keys);
    }
}

/// Types into the notes panel's editor.
pub(crate) fn type_answer(harness: &mut Harness<'_, StudyApp>, text: &str) {
    harness.get_by_label("내 답변").focus();
    harness.run();
    harness.get_by_label("내 답변").type_text(text);
    harness.run();
}

#[test]
fn sidebar_shows_both_topics_with_counts() {
    let harness = common::app();
    harness.get_by_label("Docker (21) · 열린 질문 4");
    harness.get_by_label("Kubernetes (0) · 열린 질문 0");
    // Docker is selected: its 21 questions are listed.
    question_row(&harness, DIGEST);
    question_row(&harness, MYSQL);
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

/// Whether the card of question `text` carries an "열린 질문" badge: a badge in the line
/// right above its heading.
fn card_has_open_badge(harness: &Harness<'_, StudyApp>, text: &str) -> bool {
    // The card heading, not the notes panel's copy of the question (further right).
    let heading = harness
        .query_all_by_role_and_label(Role::Label, text)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the card heading");
    harness.query_all_by_label("열린 질문").any(|badge| {
        let r = badge.rect();
        r.bottom() <= heading.top() + 2.0
            && heading.top() - r.bottom() < 16.0
            && r.left() >= heading.left() - 1.0
    })
}

#[test]
fn open_questions_show_their_badge_and_an_invitation() {
    let mut harness = common::app();
    click_question(&mut harness, TAG_LABEL);
    assert!(card_has_open_badge(&harness, TAG_LABEL));
    // Its card says there is no answer; the notes panel invites one.
    harness.get_by_label("아직 답이 없는 질문입니다 — 답을 적어 보세요");
    assert!(harness.query_all_by_label("아직 답변이 없습니다.").count() >= 1);
    // An answered question's card has no badge.
    click_question(&mut harness, MYSQL);
    assert!(!card_has_open_badge(&harness, MYSQL));
    // The digest question's "..." placeholder is not shown as if it were an answer.
    click_question(&mut harness, DIGEST);
    assert!(card_has_open_badge(&harness, DIGEST));
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
    harness.get_by_role_and_label(Role::Image, "img/expose-nginx_23-5.png");
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
    assert_eq!(
        opened_urls(&mut harness),
        ["https://doitnow-man.tistory.com/m/183"]
    );
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
    use study_companion::command::{Command, Keymap};
    use study_companion::i18n::Lang;
    assert_lists_the_keys_of(&harness, Keymap::Reading);
    for command in Command::all() {
        // The slide and review keys belong to those modes' own help.
        if command
            .row()
            .keymaps
            .iter()
            .all(|k| k.mode() != Keymap::Reading)
        {
            let label = command.label(Lang::Ko);
            assert_eq!(
                harness.query_all_by_label(label).count(),
                0,
                "{label} listed"
            );
        }
    }
    // F5 is listed, and ? opens the help too.
    harness.get_by_label("F5");
    harness.key_press(egui::Key::F1);
    harness.run();
    // (The top bar's ? button is named 단축키 too: the overlay is what comes and goes.)
    let overlay = |h: &Harness<'_, StudyApp>| {
        h.query_all_by(|n| n.label().as_deref() == Some("단축키") && n.role() != Role::Button)
            .count()
    };
    assert_eq!(overlay(&harness), 0);
    harness.key_press(egui::Key::Questionmark);
    harness.run();
    assert!(overlay(&harness) >= 1);
    // Esc closes it (the table's row for the help keymap).
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(overlay(&harness), 0);
}

#[test]
fn a_missing_last_content_falls_back_to_the_builtin_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gone = dir.path().join("gone.md");
    let harness = common::builder().path(&gone).build();
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
fn snapshot(name: &str, theme: ThemeChoice) {
    let Some(renderer) = common::gpu_renderer() else {
        return;
    };
    // A fixed notes folder: its path is on screen, so it must not change between runs.
    let mut harness = common::builder()
        .size(egui::vec2(1100.0, 720.0))
        .theme(Some(theme))
        .fixed_data_dir(&format!("study-companion-snapshot-{name}"))
        .renderer(renderer)
        .build();
    // Its sidebar row may be below the fold at this size: select it directly.
    let expose = index_of(&harness, EXPOSE);
    harness.state_mut().select(0, Some(expose));
    harness.run();
    harness.snapshot(name);
}

#[test]
fn snapshot_light() {
    snapshot("main_light", ThemeChoice::Light);
}

#[test]
fn snapshot_dark() {
    snapshot("main_dark", ThemeChoice::Dark);
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
    harness
        .get_by_role_and_label(Role::Button, "Light ▾")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Dark").click();
    harness.run();
    let remembered = harness.state().ui_state().clone();
    assert_eq!(remembered.zoom, 1.1);
    drop(harness);

    let again = common::builder().theme(None).remembered(remembered).build();
    assert_eq!(selected_text(&again).as_deref(), Some(DIGEST));
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
    let harness = common::builder().remembered(remembered).build();
    assert_eq!(harness.state().course().topics[0].questions.len(), 21);
    harness.get_by_label_contains("마지막으로 연 노트를 찾을 수 없어 기본 노트를 엽니다");
    harness.get_by_label_contains("last-week.md");
}

#[test]
fn ten_thousand_questions_open_and_jump_to_the_last() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.md");
    std::fs::write(&path, study_companion::course::synthetic::document(10_000)).expect("write");
    let mut harness = common::builder().path(&path).build();
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

/// What a screen reader hears: the window named like its title, no button named by a glyph
/// alone (its command's label instead: 단축키, 확대, 축소, 원래 크기, 발표 설정, 북마크한
/// 질문 0), and each sidebar question saying its state.
#[test]
fn screen_readers_hear_names_not_glyphs_and_the_state_of_each_question() {
    let mut harness = common::app();
    harness.run();
    {
        use egui_kittest::kittest::NodeT as _;
        let root = harness.root();
        assert_eq!(
            root.accesskit_node().label().as_deref(),
            Some("MSP T3 - 23-5차 — Study Companion")
        );
    }
    for name in [
        "단축키",
        "확대",
        "축소",
        "원래 크기 (100%)",
        "발표 설정",
        "북마크한 질문 0",
    ] {
        harness.get_by_role_and_label(Role::Button, name);
    }
    let glyph_only = |h: &Harness<'_, StudyApp>| -> Vec<String> {
        h.query_all_by(|n| {
            n.role() == Role::Button
                && n.label()
                    .is_some_and(|l| !l.trim().is_empty() && !l.chars().any(char::is_alphabetic))
        })
        .map(|n| format!("{n:?}"))
        .collect()
    };
    assert_eq!(glyph_only(&harness), Vec::<String>::new());
    question_row(&harness, DIGEST);
    harness.get_by_role_and_label(Role::Button, &format!("{DIGEST} · 열린 질문"));
    harness.get_by_role_and_label(
        Role::Button,
        "이미지와 컨테이너는 상호 종속관계가 아니고 독립적인 관계인가요? · 답변됨",
    );
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "해시");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run();
    harness.get_by_role_and_label(
        Role::Button,
        &format!("{DIGEST} · 열린 질문 · 내 답변 있음 · 북마크"),
    );
    // Presentation and review: no glyph-only button either.
    harness.key_press(egui::Key::F5);
    harness.run();
    assert_eq!(glyph_only(&harness), Vec::<String>::new());
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::R);
    harness.run();
    assert!(harness.state().reviewing());
    assert_eq!(glyph_only(&harness), Vec::<String>::new());
}

/// What a copy button (the first labelled `button`) clicked puts on the clipboard.
pub(crate) fn copied_by(harness: &mut Harness<'_, StudyApp>, button: &str) -> Vec<String> {
    harness
        .query_all_by_label(button)
        .next()
        .unwrap_or_else(|| panic!("a {button} button"))
        .click();
    copied_after(harness)
}

/// What the next few frames put on the clipboard.
pub(crate) fn copied_after(harness: &mut Harness<'_, StudyApp>) -> Vec<String> {
    let mut copied = Vec::new();
    for _ in 0..3 {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::CopyText(text) = command {
                copied.push(text.clone());
            }
        }
    }
    copied
}
