//! Korean input as input methods really send it: several IME events and keys in one frame,
//! a click while a syllable is composed, a commit that arrives after the focus moved, an
//! empty preedit from Backspace. Each asserts the text that is saved.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::{DIGEST, TAG_LABEL, advance, click_question, common, notes_file, question_row};

fn preedit(text: &str) -> egui::Event {
    egui::Event::Ime(egui::ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: Some(text.chars().count()..text.chars().count()),
    })
}

fn commit(text: &str) -> egui::Event {
    egui::Event::Ime(egui::ImeEvent::Commit(text.to_owned()))
}

fn key(key: egui::Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// These events in one frame, as a platform delivers them together.
fn frame(harness: &mut common::TestApp, events: Vec<egui::Event>) {
    for event in events {
        harness.event(event);
    }
    harness.step();
}

fn focus_editor(harness: &mut common::TestApp, question: &str) {
    click_question(harness, question);
    harness.get_by_label("내 답변").focus();
    harness.run();
}

fn editor_text(harness: &common::TestApp) -> String {
    harness.get_by_label("내 답변").value().unwrap_or_default()
}

/// The note of `question` in the notes file, as JSON text (`""` when it has none).
fn saved(harness: &common::TestApp, question: &str) -> String {
    let file = notes_file(harness);
    let json: serde_json::Value = serde_json::from_str(&file).unwrap_or_default();
    json["notes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|n| n["question"] == question)
        .and_then(|n| n["text"].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// Windows' Korean IME: Enter commits the syllable and then arrives itself, in one frame.
#[test]
fn a_commit_and_enter_in_one_frame_keep_their_order() {
    let mut harness = common::app();
    focus_editor(&mut harness, DIGEST);
    for p in ["ㅎ", "하", "한"] {
        frame(&mut harness, vec![preedit(p)]);
    }
    frame(
        &mut harness,
        vec![preedit(""), commit("한"), key(egui::Key::Enter)],
    );
    for p in ["ㄱ", "그", "글"] {
        frame(&mut harness, vec![preedit(p)]);
    }
    frame(&mut harness, vec![preedit(""), commit("글")]);
    harness.run();
    assert_eq!(editor_text(&harness), "한\n글");
    advance(&mut harness, 1.5);
    assert_eq!(saved(&harness, DIGEST), "한\n글");
}

/// X11 (fcitx5): a click on another question while 한 is composed. The syllable stays with
/// its question (as Notepad commits it); the empty preedits X11 sends when its input
/// context is made anew change neither question.
#[test]
fn a_click_elsewhere_while_composing_keeps_the_syllable_where_it_was_typed() {
    let mut harness = common::app();
    focus_editor(&mut harness, DIGEST);
    frame(&mut harness, vec![preedit("한"), commit("한")]);
    frame(&mut harness, vec![preedit("ㄱ")]);
    frame(&mut harness, vec![preedit("그")]);
    frame(&mut harness, vec![preedit("글")]);
    question_row(&harness, TAG_LABEL).click();
    harness.run();
    assert_eq!(
        saved(&harness, DIGEST),
        "한글",
        "saved on switching question"
    );
    focus_editor(&mut harness, TAG_LABEL);
    frame(&mut harness, vec![preedit(""), preedit("")]);
    assert_eq!(editor_text(&harness), "");
    // Back to the first question: its text is whole, and stays whole as X11 resets.
    focus_editor(&mut harness, DIGEST);
    assert_eq!(editor_text(&harness), "한글");
    frame(&mut harness, vec![preedit(""), preedit("")]);
    harness.run();
    assert_eq!(editor_text(&harness), "한글");
    advance(&mut harness, 1.5);
    assert_eq!(saved(&harness, DIGEST), "한글");
    assert_eq!(saved(&harness, TAG_LABEL), "");
}

/// macOS: the composition is interrupted by a click into another editor, and the input
/// method commits the syllable a frame later: it lands once, where it was typed.
#[test]
fn a_late_commit_after_the_focus_moved_lands_once_where_it_was_typed() {
    let mut harness = common::app();
    focus_editor(&mut harness, DIGEST);
    frame(&mut harness, vec![preedit("한")]);
    // Ctrl+F moves the focus to the search box.
    harness.get_by_label("검색").focus();
    harness.step();
    frame(&mut harness, vec![commit("한")]);
    harness.run();
    let search = harness
        .query_by_role_and_label(Role::TextInput, "검색")
        .and_then(|n| n.value())
        .unwrap_or_default();
    assert_eq!(search, "", "the late commit went to the search box");
    advance(&mut harness, 1.5);
    assert_eq!(saved(&harness, DIGEST), "한");
    // Typed anew in the search box, the same syllable is the user's and is kept.
    frame(&mut harness, vec![preedit("한")]);
    frame(&mut harness, vec![commit("한")]);
    harness.run();
    let search = harness
        .query_by_role_and_label(Role::TextInput, "검색")
        .and_then(|n| n.value())
        .unwrap_or_default();
    assert_eq!(search, "한");
}

/// Backspace through a composition: the input method clears it with an empty preedit.
#[test]
fn an_empty_preedit_from_backspace_removes_only_the_composition() {
    let mut harness = common::app();
    focus_editor(&mut harness, DIGEST);
    frame(&mut harness, vec![preedit("도"), commit("도")]);
    frame(&mut harness, vec![preedit("ㅋ")]);
    frame(&mut harness, vec![preedit("커")]);
    frame(&mut harness, vec![preedit("ㅋ")]);
    frame(&mut harness, vec![preedit("")]);
    harness.run();
    assert_eq!(editor_text(&harness), "도");
    advance(&mut harness, 1.5);
    assert_eq!(saved(&harness, DIGEST), "도");
}

/// Undo belongs to the question: Ctrl+Z in another question's editor never brings back
/// (or takes away) the first question's text.
#[test]
fn undo_history_never_crosses_to_another_question() {
    let mut harness = common::app();
    focus_editor(&mut harness, DIGEST);
    harness.get_by_label("내 답변").type_text("첫 질문의 답");
    harness.run();
    focus_editor(&mut harness, TAG_LABEL);
    harness.get_by_label("내 답변").type_text("태그");
    harness.run();
    advance(&mut harness, 1.5);
    for _ in 0..3 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
    }
    assert_eq!(editor_text(&harness), "", "undone in its own question only");
    click_question(&mut harness, DIGEST);
    assert_eq!(editor_text(&harness), "첫 질문의 답");
    advance(&mut harness, 1.5);
    assert_eq!(saved(&harness, DIGEST), "첫 질문의 답");
}
