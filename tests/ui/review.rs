//! 복습 through the real app: keys and buttons of a review session, what it writes, what
//! the sidebar and the statistics then say, and the next (simulated) day.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;
use study_companion::StudyApp;

use super::common::{self, TestApp};
use super::{DIGEST, MYSQL, click_question, selected_text, type_answer};

/// 2026-11-30 10:00 in Seoul.
fn monday() -> Timestamp {
    Timestamp::from_second(1_764_464_400).expect("time")
}

fn press(harness: &mut Harness<'_, StudyApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The question on the review card now.
fn card_question(harness: &Harness<'_, StudyApp>) -> String {
    let app = harness.state();
    let run = app.review_run().expect("reviewing");
    let entry = &run.queue.entries[run.current.expect("a card")];
    app.course().topics[entry.card.topic].questions[entry.card.question]
        .text
        .clone()
}

fn reviewing_at(now: Timestamp) -> TestApp {
    let mut harness = common::builder().now(now).build();
    press(&mut harness, Key::R);
    assert!(harness.state().reviewing(), "R starts a review");
    harness
}

/// The session's review log once the writes under way are done.
fn written_log(harness: &mut TestApp) -> String {
    for _ in 0..200 {
        if !harness.state().review_writes_pending() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    assert!(
        !harness.state().review_writes_pending(),
        "written within 2 s"
    );
    let session = &harness.state().course().documents[0].title;
    let path = study_companion::notes::DataDir::at(harness.data_dir()).session_review(session);
    std::fs::read_to_string(&path).expect("the review log is saved")
}

/// U (or Ctrl+Z) undoes the last rating: the card is back, answer hidden, the session's
/// tally and the log as before; B buries a card until tomorrow and the next one comes; a
/// suspended card is counted in the statistics and released from there.
#[test]
fn undo_bury_and_suspend_in_a_review() {
    let mut harness = reviewing_at(monday());
    let first = card_question(&harness);
    press(&mut harness, Key::Space);
    press(&mut harness, Key::Num3);
    assert_ne!(card_question(&harness), first);
    assert!(written_log(&mut harness).contains("\"rating\": \"good\""));
    press(&mut harness, Key::U);
    assert_eq!(card_question(&harness), first, "the card is back");
    harness.get_by_role_and_label(Role::Button, "답 보기");
    harness.get_by_label_contains("오늘 남은 카드 17 · 새 카드 17");
    assert!(
        !written_log(&mut harness).contains("\"rating\""),
        "the log as before"
    );
    // Rated again, undone with Ctrl+Z.
    press(&mut harness, Key::Space);
    press(&mut harness, Key::Num4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(card_question(&harness), first);
    // B: buried until tomorrow, the next card comes and the first is not due today.
    press(&mut harness, Key::B);
    let second = card_question(&harness);
    assert_ne!(second, first);
    harness.get_by_label_contains("오늘 남은 카드 16 · 새 카드 16");
    assert!(written_log(&mut harness).contains("\"buried\""));
    // Suspend with its button; the statistics count it and release it.
    harness
        .get_by_role_and_label(Role::Button, "보류")
        .click_accesskit();
    harness.run();
    assert_ne!(card_question(&harness), second);
    press(&mut harness, Key::S);
    harness.get_by_label_contains("묻어둔 카드 1장 · 보류한 카드 1장");
    harness
        .get_by_role_and_label(Role::Button, "보류한 카드 모두 풀기")
        .click_accesskit();
    harness.run();
    harness.get_by_label_contains("묻어둔 카드 1장 · 보류한 카드 0장");
}

#[test]
fn r_opens_the_selected_topic_space_reveals_and_3_rates_and_moves_on() {
    let mut harness = reviewing_at(monday());
    harness.get_by_label_contains("주제: Docker");
    harness.get_by_label_contains("오늘 남은 카드 17 · 새 카드 17");
    let first = card_question(&harness);
    harness.get_by_label(&first);
    // The answer is hidden until asked for.
    assert!(harness.query_by_label_contains("알맞음").is_none());
    harness.get_by_role_and_label(Role::Button, "답 보기");
    press(&mut harness, Key::Space);
    // Four ratings, each with the interval it gives.
    harness.get_by_label_contains("1  다시\n1분");
    harness.get_by_label_contains("2  어려움\n6분");
    harness.get_by_label_contains("3  알맞음\n10분");
    harness.get_by_label_contains("4  쉬움\n");
    press(&mut harness, Key::Num3);
    let second = card_question(&harness);
    assert_ne!(first, second, "the next card");
    harness.get_by_label_contains("이번 세션 1장 복습");
    harness.get_by_label_contains("오늘 남은 카드 17 · 새 카드 16 · 학습 중 1");
    // Written at once (off the UI thread), apart from the notes.
    let log = written_log(&mut harness);
    assert!(log.contains("\"rating\": \"good\""), "{log}");
    assert!(log.contains("\"interval_secs\": 600"), "{log}");
    // Esc: the reading window, where Docker now has a card to review today.
    press(&mut harness, Key::Escape);
    assert!(!harness.state().reviewing());
    assert_eq!(harness.state().due_by_topic()[0], 1);
    harness.get_by_label_contains("Docker (21) · 열린 질문 4 · 복습 1");
}

#[test]
fn buttons_do_what_the_keys_do() {
    let mut harness = common::builder().now(monday()).build();
    harness
        .get_by_role_and_label(Role::Button, "🗘 복습")
        .click();
    harness.run();
    assert!(harness.state().reviewing());
    harness
        .get_by_role_and_label(Role::Button, "답 보기")
        .click();
    harness.run();
    harness.get_by_label_contains("1  다시\n1분").click();
    harness.run();
    assert_eq!(harness.state().review_run().expect("run").queue.done, 1);
    harness
        .get_by_role_and_label(Role::Button, "나가기")
        .click();
    harness.run();
    assert!(!harness.state().reviewing());
}

#[test]
fn esc_restores_the_reading_window_and_e_jumps_to_the_question() {
    let mut harness = common::app();
    click_question(&mut harness, MYSQL);
    press(&mut harness, Key::R);
    assert!(harness.state().reviewing());
    press(&mut harness, Key::Escape);
    assert!(!harness.state().reviewing());
    assert_eq!(selected_text(&harness).as_deref(), Some(MYSQL));

    press(&mut harness, Key::R);
    let card = card_question(&harness);
    press(&mut harness, Key::E);
    assert!(!harness.state().reviewing(), "E leaves the review");
    assert_eq!(selected_text(&harness).as_deref(), Some(card.as_str()));
}

#[test]
fn typing_in_the_notes_panel_while_reviewing_never_rates_a_card() {
    let mut harness = reviewing_at(monday());
    let card = card_question(&harness);
    press(&mut harness, Key::N);
    // The panel is on the card's question.
    harness.get_by_label("내 답변");
    type_answer(&mut harness, "1234 E S N 다시 봐야지");
    press(&mut harness, Key::Space);
    harness.get_by_label("내 답변").type_text("3");
    harness.run();
    let run = harness.state().review_run().expect("still reviewing");
    assert_eq!(run.queue.done, 0, "no key went to the card");
    assert!(!run.revealed);
    assert_eq!(card_question(&harness), card);
    let id = {
        let app = harness.state();
        let run = app.review_run().expect("run");
        run.queue.entries[run.current.expect("card")]
            .card
            .id
            .clone()
    };
    let text = harness.state().store().text(&id).expect("typed").to_owned();
    assert!(text.starts_with("1234 E S N 다시 봐야지"), "{text}");
    // (kittest's Space is a key press without text: it types nothing, and reveals nothing.)
    assert!(text.ends_with('3'), "{text}");
}

#[test]
fn my_answer_to_an_open_question_makes_it_a_card() {
    let mut harness = common::builder().now(monday()).build();
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "이미지 내용의 **sha256** 해시");
    // Out of the editor, then review the whole course.
    harness.get_by_label_contains("열린 질문 4개 중").click();
    harness.run();
    press(&mut harness, Key::R);
    let run = harness.state().review_run().expect("reviewing");
    assert_eq!(run.queue.entries.len(), 18, "17 answered + my answer");
    assert_eq!(run.queue.unanswered, 3);
    let mine: Vec<_> = run.queue.entries.iter().filter(|e| e.card.mine).collect();
    assert_eq!(mine.len(), 1);
}

#[test]
fn the_statistics_show_the_reviews_just_made() {
    let mut harness = reviewing_at(monday());
    for _ in 0..2 {
        press(&mut harness, Key::Space);
        press(&mut harness, Key::Num4);
    }
    press(&mut harness, Key::S);
    harness.get_by_label("오늘 2회 복습");
    harness.get_by_label("최근 12주 복습 기록 · 2회");
    harness.get_by_label("오늘: 2회");
    // Both were Easy: due in a few days, in the forecast.
    harness.get_by_label("앞으로 30일 복습 예정 · 2장");
    // The per-topic table: Docker with 15 new cards.
    harness.get_by_label("15");
    // S again: back to the card.
    press(&mut harness, Key::S);
    harness.get_by_role_and_label(Role::Button, "답 보기");
}

#[test]
fn the_next_day_the_due_cards_come_first_and_the_sidebar_says_how_many() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = {
        let mut harness = common::builder().now(monday()).data_dir(dir.path()).build();
        press(&mut harness, Key::R);
        let card = card_question(&harness);
        press(&mut harness, Key::Space);
        press(&mut harness, Key::Num2);
        // Hard on a new card: back in 6 minutes, still learning.
        card
    };
    let later = Timestamp::from_second(monday().as_second() + 40 * 86_400).expect("time");
    let mut harness = common::builder().now(later).data_dir(dir.path()).build();
    assert_eq!(
        harness.state().due_by_topic()[0],
        1,
        "the learning card is overdue"
    );
    harness.get_by_label_contains("복습 1");
    press(&mut harness, Key::R);
    assert_eq!(
        card_question(&harness),
        first,
        "the due card before new ones"
    );
}

#[test]
fn review_mode_idles_without_repainting() {
    let mut harness = reviewing_at(monday());
    assert!(harness.run() <= 1);
    press(&mut harness, Key::Space);
    assert!(harness.run() <= 1);
}
