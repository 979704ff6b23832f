//! Find anything, and what is still to do: the search box and the filters through the real
//! app, with keys as a person (or a fast typist) sends them.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::{DIGEST, MYSQL, TAG_LABEL, click_question, common, search, type_answer};

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
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "검색")
            .is_focused()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "검색")
            .value()
            .as_deref(),
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
    harness.get_by_label("북마크한 질문 0");
    click_question(&mut harness, MYSQL);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run();
    harness.get_by_label("북마크한 질문 1").click();
    harness.run();
    let visible = harness.state().visible().to_vec();
    assert_eq!(visible.len(), 1);
    let course = harness.state().course().clone();
    assert_eq!(course.topics[0].questions[visible[0]].text, MYSQL);
    // The sidebar lists it and no other question.
    super::question_row(&harness, MYSQL);
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

// ---- The search keys at machine speed ----

const EXPOSE_Q: &str = super::EXPOSE;
const DOCKER_PULL: &str = "docker run을 실행하면 docker pull은 같이 수행되나요?";

/// Types `text` and presses Enter in one frame, as a fast typist's keys arrive.
fn type_and_enter_in_one_frame(
    harness: &mut egui_kittest::Harness<'_, study_companion::StudyApp>,
    text: &str,
) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.run();
}

#[test]
fn a_query_and_enter_in_one_frame_open_the_first_result_of_that_query() {
    let mut harness = common::app();
    // Start from a remembered selection elsewhere, as a restarted app would.
    click_question(&mut harness, MYSQL);
    for (query, expected) in [
        ("expose", EXPOSE_Q),
        ("digest", DIGEST),
        ("docker pull", DOCKER_PULL),
    ] {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
        harness.run();
        type_and_enter_in_one_frame(&mut harness, query);
        assert_eq!(
            super::selected_text(&harness).as_deref(),
            Some(expected),
            "{query}"
        );
        // The box keeps the query and the focus; the results stay listed.
        let search_box = harness.get_by_role_and_label(Role::TextInput, "검색");
        assert_eq!(search_box.value().as_deref(), Some(query));
        assert!(search_box.is_focused(), "{query}: focus stays in the box");
        harness.get_by_label_contains("검색 결과");
    }
}

#[test]
fn ctrl_f_text_and_enter_all_in_one_frame_still_open_the_right_question() {
    let mut harness = common::app();
    click_question(&mut harness, MYSQL);
    // Ctrl+F, the query and Enter arrive in the same frame.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    type_and_enter_in_one_frame(&mut harness, "digest");
    assert_eq!(super::selected_text(&harness).as_deref(), Some(DIGEST));
}

#[test]
fn after_enter_arrows_move_in_the_results_and_ctrl_f_selects_the_old_query() {
    let mut harness = common::app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    type_and_enter_in_one_frame(&mut harness, "docker");
    let hits = harness.state().hits().to_vec();
    assert!(hits.len() >= 3, "{hits:?}");
    // ↓ then Enter opens the second result, not the next question of the reading view.
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        (hits[1].topic, Some(hits[1].question))
    );
    // Ctrl+F selects the query: typing replaces it instead of appending.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    type_and_enter_in_one_frame(&mut harness, "digest");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "검색")
            .value()
            .as_deref(),
        Some("digest")
    );
    assert_eq!(super::selected_text(&harness).as_deref(), Some(DIGEST));
}

#[test]
fn escape_clears_and_hands_the_arrows_back_to_the_reading_view() {
    let mut harness = common::app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    type_and_enter_in_one_frame(&mut harness, "digest");
    let digest = super::index_of(&harness, DIGEST);
    harness.key_press(egui::Key::Escape);
    harness.run();
    let search_box = harness.get_by_role_and_label(Role::TextInput, "검색");
    assert_eq!(search_box.value().as_deref(), Some(""));
    assert!(!search_box.is_focused());
    // ↓ is the reading view's again: the next question.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selection(), (0, Some(digest + 1)));
}

#[test]
fn escape_right_after_ctrl_f_clears_instead_of_escaping_the_box() {
    let mut harness = common::app();
    search(&mut harness, "digest");
    // A click on the first result: the box loses focus, the query stays.
    super::question_row(&harness, DIGEST).click();
    harness.run();
    assert!(
        !harness
            .get_by_role_and_label(Role::TextInput, "검색")
            .is_focused()
    );
    let digest = harness.state().selection();
    // Ctrl+F, then Esc in the very next frame. egui applies the box's claim on Esc only
    // from its second focused pass on; with one pass per frame (nothing asks for a second)
    // it drops the focus on that Esc before the app runs.
    harness
        .ctx
        .options_mut(|o| o.max_passes = std::num::NonZeroUsize::MIN);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.step();
    harness.key_press(egui::Key::Escape);
    harness.step();
    harness.run();
    let search_box = harness.get_by_role_and_label(Role::TextInput, "검색");
    assert_eq!(search_box.value().as_deref(), Some(""));
    assert!(!search_box.is_focused());
    assert_eq!(harness.state().selection(), digest);
}

/// Under a card, "관련 질문" links the questions about the same thing (here `docker
/// commit`, asked twice in the session); one clicked opens its card.
#[test]
fn a_related_question_under_a_card_opens_its_card() {
    const COMMIT: &str = "commit을 하게되면 image에 변경되어 저장되나요?";
    const MOUNT: &str = "R/W 레이어를 마운트하지 않고 커밋으로 이미지화 하면 동일하게 삭제되지 않고 사용할 수 있지 않나요?";
    let mut harness = common::app();
    click_question(&mut harness, COMMIT);
    assert!(harness.query_all_by_label("관련 질문").count() >= 1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, &format!("↪ {MOUNT}"))
        .click_accesskit();
    harness.run();
    assert_eq!(super::selected_text(&harness).as_deref(), Some(MOUNT));
}
