//! 발표 모드 through the real app: keys a presenter uses, what the slide shows.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use study_companion::StudyApp;
use study_companion::deck::Slide;
use study_companion::ui::presenter::SlideSizes;
use study_companion::ui::theme;

use super::common::{self, TestApp};
use super::{DIGEST, EXPOSE, MYSQL, advance, click_question, index_of, notes_file, type_answer};

const FULL_HD: egui::Vec2 = egui::vec2(1920.0, 1080.0);
/// "컨테이너 레이어에서 … 순서는 어떻게 정해지나요?": three bullets.
const LAYERS: &str = "컨테이너 레이어에서 어떤 파일을 사용할지 결정할 때 상위에 있는 Image layer 순서는 어떻게 정해지나요?";

/// The app at 1920×1080 with `question` selected (or the topic's title when `None`), in
/// presentation mode.
fn presenting(question: Option<&str>, builder: common::Builder) -> TestApp {
    let mut harness = builder.size(FULL_HD).build();
    let index = question.map(|text| index_of(&harness, text));
    harness.state_mut().select(0, index);
    harness.run();
    press(&mut harness, Key::F5);
    assert!(harness.state().presenting());
    harness
}

fn press(harness: &mut Harness<'_, StudyApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn key_down(key: Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

fn slide(harness: &Harness<'_, StudyApp>) -> Option<Slide> {
    harness.state().presenter().and_then(|p| p.deck.slide())
}

/// The plain text of answer block `i` of the question `text` (its first line, no bullet).
fn block_text(harness: &Harness<'_, StudyApp>, text: &str, i: usize) -> String {
    let q = &harness.state().course().topics[0].questions[index_of(harness, text)];
    let source = q.source(&q.blocks[i]);
    source
        .trim_start_matches("- ")
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn shown(harness: &Harness<'_, StudyApp>, text: &str) -> bool {
    harness.query_by_label_contains(text).is_some()
}

#[test]
fn f5_enters_and_esc_restores_the_exact_layout() {
    let mut harness = common::app();
    click_question(&mut harness, MYSQL);
    let selection = harness.state().selection();
    let zoom = harness.state().ui_state().zoom;
    let rects = |h: &Harness<'_, StudyApp>| -> Vec<egui::Rect> {
        let mut rects: Vec<egui::Rect> = h.get_all_by_label(MYSQL).map(|n| n.rect()).collect();
        rects.push(super::question_row(h, MYSQL).rect());
        rects
    };
    // The sidebar row, the card heading, the notes panel's question.
    let before = rects(&harness);
    assert_eq!(before.len(), 3);
    let notes = harness.get_by_label("내 답변").rect();

    // The top bar button enters too; its tooltip names the key.
    harness.get_by_role_and_label(Role::Button, "▶ 발표");
    // One frame, the key down only: its output carries the viewport command.
    harness.event(key_down(Key::F5));
    harness.step();
    let fullscreen = |h: &Harness<'_, StudyApp>, on: bool| {
        h.output().viewport_output.values().any(|v| {
            v.commands
                .iter()
                .any(|c| *c == egui::ViewportCommand::Fullscreen(on))
        })
    };
    assert!(fullscreen(&harness, true), "asks for fullscreen");
    harness.run();
    assert!(harness.state().presenting());
    // No chrome: no sidebar, no top bar, no notes panel.
    assert!(
        harness
            .query_by_label("Docker (21) · 열린 질문 4")
            .is_none()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "▶ 발표")
            .is_none()
    );
    assert!(harness.query_by_label("내 답변").is_none());
    let n = selection.1.expect("selected") + 1;
    harness.get_by_label(&format!("{n} / 21"));
    // Ctrl +/− on the slides is the slides' own zoom.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert_eq!(harness.state().ui_state().present_zoom, 1.1);
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);

    harness.event(key_down(Key::Escape));
    harness.step();
    assert!(fullscreen(&harness, false), "leaves fullscreen");
    harness.run();
    assert!(!harness.state().presenting());
    assert_eq!(harness.state().selection(), selection);
    assert_eq!(harness.state().ui_state().zoom, zoom);
    assert_eq!(rects(&harness), before);
    assert_eq!(harness.get_by_label("내 답변").rect(), notes);
}

#[test]
fn f5_works_while_typing_in_the_notes_and_keeps_what_was_typed() {
    let mut harness = common::app();
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "발표 직전에 적은 답");
    press(&mut harness, Key::F5);
    assert!(harness.state().presenting());
    // The slide of that question shows it as the class's answer.
    harness.get_by_label_contains("발표 직전에 적은 답");
    // Saved on entering, not a second later.
    assert!(notes_file(&harness).contains("발표 직전에 적은 답"));
}

#[test]
fn right_reveals_the_answer_block_by_block_then_moves_on_and_left_goes_back() {
    let mut harness = presenting(Some(LAYERS), common::builder());
    let blocks: Vec<String> = (0..3).map(|i| block_text(&harness, LAYERS, i)).collect();
    harness.get_by_label("2 / 21");
    harness.get_by_label(LAYERS);
    assert!(blocks.iter().all(|b| !shown(&harness, b)), "answer hidden");
    harness.get_by_label("답변 0 / 3");

    // What clickers send: → , Space, Enter, PageDown.
    for (step, key) in [Key::ArrowRight, Key::Space, Key::PageDown]
        .into_iter()
        .enumerate()
    {
        press(&mut harness, key);
        for (i, b) in blocks.iter().enumerate() {
            assert_eq!(
                shown(&harness, b),
                i <= step,
                "after {} presses: block {i}",
                step + 1
            );
        }
    }
    press(&mut harness, Key::Enter);
    harness.get_by_label("3 / 21");
    assert!(harness.query_by_label("2 / 21").is_none());

    // Back: the previous question, fully built; then its builds one by one.
    press(&mut harness, Key::ArrowLeft);
    harness.get_by_label("2 / 21");
    assert!(blocks.iter().all(|b| shown(&harness, b)));
    press(&mut harness, Key::PageUp);
    assert!(!shown(&harness, &blocks[2]) && shown(&harness, &blocks[1]));
    press(&mut harness, Key::Backspace);
    assert!(!shown(&harness, &blocks[1]) && shown(&harness, &blocks[0]));

    // Home and End: the first and the last slide.
    press(&mut harness, Key::End);
    assert_eq!(slide(&harness), Some(Slide::Title { topic: 1 }));
    press(&mut harness, Key::Home);
    assert_eq!(slide(&harness), Some(Slide::Title { topic: 0 }));
}

#[test]
fn b_blanks_to_black_w_to_white_and_any_key_only_returns() {
    let mut harness = presenting(Some(LAYERS), common::builder());
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::B);
    assert!(
        harness.query_by_label(LAYERS).is_none(),
        "blank shows nothing"
    );
    assert!(harness.query_by_label("2 / 21").is_none());
    // Any key returns, and does nothing else: → does not reveal the next block.
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label(LAYERS);
    assert_eq!(
        harness.state().presenter().map(|p| p.deck.revealed()),
        Some(1)
    );
    press(&mut harness, Key::W);
    assert!(harness.query_by_label(LAYERS).is_none());
    press(&mut harness, Key::Escape);
    assert!(
        harness.state().presenting(),
        "Esc on a blank screen only returns"
    );
    harness.get_by_label(LAYERS);
}

/// A click at `pos` (press and release in two frames, as a hand makes it).
fn click_at(harness: &mut Harness<'_, StudyApp>, pos: egui::Pos2, button: egui::PointerButton) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

#[test]
fn a_click_on_the_slide_moves_on_a_right_click_back_and_a_click_only_unblanks() {
    let mut harness = presenting(Some(LAYERS), common::builder());
    let empty = egui::pos2(960.0, 900.0);
    click_at(&mut harness, empty, egui::PointerButton::Primary);
    assert_eq!(
        harness.state().presenter().map(|p| p.deck.revealed()),
        Some(1)
    );
    click_at(&mut harness, empty, egui::PointerButton::Secondary);
    assert_eq!(
        harness.state().presenter().map(|p| p.deck.revealed()),
        Some(0)
    );
    press(&mut harness, Key::B);
    click_at(&mut harness, empty, egui::PointerButton::Primary);
    assert!(
        harness
            .state()
            .presenter()
            .is_some_and(|p| p.blank.is_none())
    );
    assert_eq!(
        harness.state().presenter().map(|p| p.deck.revealed()),
        Some(0)
    );
    // With the note open, a click beside it does not change the slide.
    press(&mut harness, Key::N);
    click_at(
        &mut harness,
        egui::pos2(20.0, 1060.0),
        egui::PointerButton::Primary,
    );
    assert_eq!(
        harness.state().presenter().map(|p| p.deck.revealed()),
        Some(0)
    );
}

#[test]
fn the_counter_and_the_open_slide_follow_the_deck() {
    let mut harness = presenting(None, common::builder());
    harness.get_by_label("질문 21개 · 열린 질문 4개");
    let mut open = Vec::new();
    for n in 1..=21 {
        // Through every build of the previous slide to this question.
        while !shown(&harness, &format!("{n} / 21")) {
            press(&mut harness, Key::ArrowRight);
        }
        if harness.query_by_label("열린 질문").is_some() {
            harness.get_by_label_contains("N 키로 수업에서 나온 답을 적으세요");
            open.push(n);
        }
    }
    assert_eq!(open.len(), 4, "open slides: {open:?}");
    let course = harness.state().course().clone();
    let expected: Vec<usize> = course.topics[0]
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.is_open())
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(open, expected);
    // Kubernetes: a clean title slide, not an error.
    press(&mut harness, Key::ArrowRight);
    assert_eq!(slide(&harness), Some(Slide::Title { topic: 1 }));
    // Its name at the top and as the title.
    assert_eq!(harness.query_all_by_label("Kubernetes").count(), 2);
    harness.get_by_label("이 주제에는 아직 질문이 없습니다.");
}

#[test]
fn every_slide_and_build_idles_without_repainting() {
    let mut harness = presenting(None, common::builder());
    let slides = harness.state().presenter().map_or(0, |p| p.deck.len());
    let mut frames = 0;
    while harness.state().presenter().map(|p| p.deck.position()) != Some(slides - 1) {
        press(&mut harness, Key::ArrowRight);
        // At rest: a further run takes a single step, no repaint pending.
        assert!(
            harness.run() <= 1,
            "slide {:?} keeps repainting",
            slide(&harness)
        );
        frames += 1;
        assert!(frames < 200, "the deck never ended");
    }
}

#[test]
fn a_number_then_enter_jumps_to_that_question() {
    let mut harness = presenting(None, common::builder());
    press(&mut harness, Key::Num1);
    press(&mut harness, Key::Num9);
    harness.get_by_label("→ 19번 질문 (Enter)");
    press(&mut harness, Key::Enter);
    harness.get_by_label("19 / 21");
    harness.get_by_label(EXPOSE);
    press(&mut harness, Key::Num9);
    press(&mut harness, Key::Num9);
    press(&mut harness, Key::Enter);
    harness.get_by_label("99번 질문이 없습니다 (이 주제의 질문: 1–21)");
    harness.get_by_label("19 / 21");
}

/// A clicker or a fast hand sends the digits and Enter in one frame: each key meets the
/// state the keys before it made, so Enter goes to the number, not to the next slide.
#[test]
fn a_number_and_its_enter_in_one_frame_jump_and_backspace_and_esc_edit_it() {
    let mut harness = presenting(None, common::builder());
    for key in [Key::Num1, Key::Num9, Key::Backspace, Key::Num2, Key::Enter] {
        harness.event(key_down(key));
    }
    harness.run();
    harness.get_by_label("12 / 21");
    // Esc forgets a typed number and stays in the presentation; the next Esc leaves it.
    press(&mut harness, Key::Num5);
    harness.get_by_label("→ 5번 질문 (Enter)");
    press(&mut harness, Key::Escape);
    assert!(harness.state().presenting());
    assert!(harness.query_by_label("→ 5번 질문 (Enter)").is_none());
    press(&mut harness, Key::Escape);
    assert!(!harness.state().presenting());
}

#[test]
fn n_opens_a_large_note_the_class_answer_is_typed_in_korean_and_saved() {
    let mut harness = presenting(Some(DIGEST), common::builder());
    harness.get_by_label("열린 질문");
    press(&mut harness, Key::N);
    let editor = harness.get_by_role_and_label(Role::MultilineTextInput, "✎ 수업 답변");
    assert!(editor.is_focused(), "the editor takes the keys at once");
    let preedit = |text: &str| {
        egui::Event::Ime(egui::ImeEvent::Preedit {
            text: text.to_owned(),
            active_range_chars: None,
        })
    };
    for (steps, commit) in [(["ㄷ", "다", "다"], "다"), (["ㅇ", "이", "이"], "이")] {
        for s in steps {
            harness.event(preedit(s));
        }
        harness.event(egui::Event::Ime(egui::ImeEvent::Commit(commit.to_owned())));
    }
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "✎ 수업 답변")
        .type_text("제스트: 이미지 내용의 sha256 해시");
    harness.run();
    // While typing, slide keys are the editor's: B does not blank, → does not move.
    let before = slide(&harness);
    press(&mut harness, Key::B);
    press(&mut harness, Key::ArrowRight);
    assert!(
        harness
            .state()
            .presenter()
            .is_some_and(|p| p.blank.is_none())
    );
    assert_eq!(slide(&harness), before);
    press(&mut harness, Key::Escape);
    assert!(harness.state().presenting(), "Esc closes the overlay first");
    assert!(harness.state().presenter().is_some_and(|p| !p.note_open));
    // Saved on close.
    let file = notes_file(&harness);
    assert!(
        file.contains("다이제스트: 이미지 내용의 sha256 해시"),
        "{file}"
    );
    // The slide shows the class's answer instead of the invitation.
    harness.get_by_label_contains("다이제스트: 이미지 내용의 sha256 해시");
    assert!(harness.query_by_label_contains("N 키로").is_none());
    // Back in the reading window the card carries it as my answer.
    press(&mut harness, Key::Escape);
    assert!(!harness.state().presenting());
    harness.get_by_label_contains("다이제스트: 이미지 내용의 sha256 해시");
}

#[test]
fn a_failing_save_is_said_on_the_slide_until_it_succeeds() {
    let mut harness = presenting(Some(DIGEST), common::builder());
    let path = harness.state().notes_path().expect("notes").to_path_buf();
    // Root ignores permission bits: block the store with a folder where its lock file goes.
    let lock = path.with_extension("json.lock");
    std::fs::create_dir_all(&lock).expect("block");
    press(&mut harness, Key::N);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "✎ 수업 답변")
        .type_text("저장이 막혀도 남아야 하는 답");
    harness.run();
    press(&mut harness, Key::Escape);
    harness.get_by_label_contains("저장하지 못했습니다 (다시 시도 중)");
    // The answer is still on the slide (in memory), and stays after the block is gone.
    harness.get_by_label_contains("저장이 막혀도 남아야 하는 답");
    std::fs::remove_dir(&lock).expect("unblock");
    advance(&mut harness, 6.0);
    assert!(
        harness
            .query_by_label_contains("저장하지 못했습니다")
            .is_none()
    );
    // Saved by the retry.
    assert!(notes_file(&harness).contains("저장이 막혀도 남아야 하는 답"));
}

#[test]
fn text_is_projector_sized_at_full_hd_and_ctrl_plus_grows_it() {
    let sizes = SlideSizes::for_screen(FULL_HD, 1.0, 1.0);
    assert!(sizes.question >= 40.0, "{sizes:?}");
    assert!(sizes.body >= 28.0 && sizes.code >= 28.0, "{sizes:?}");
    // Pixels, not points: a 200 % reading zoom on the same screen gives the same pixels.
    let hidpi = SlideSizes::for_screen(FULL_HD, 2.0, 1.0);
    assert!((hidpi.question * 2.0 - sizes.question).abs() < 0.01);

    // Measured on the real slide: a one-line bullet and the question.
    let mut harness = presenting(Some(LAYERS), common::builder());
    press(&mut harness, Key::ArrowRight);
    let block = block_text(&harness, LAYERS, 0);
    let body = harness.get_by_label_contains(&block).rect().height();
    assert!(body >= 28.0, "body line {body} px");
    let question = harness.get_by_label(LAYERS).rect().height();
    assert!(question >= 2.0 * 40.0, "two-line question {question} px");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    harness.run();
    let bigger = harness.get_by_label_contains(&block).rect().height();
    assert!(bigger > body, "{bigger} > {body}");
}

#[test]
fn slide_code_is_highlighted_at_projector_contrast() {
    let course = study_companion::course::load_builtin();
    let code = course.topics[0]
        .questions
        .iter()
        .flat_map(|q| &q.blocks)
        .find_map(|b| match &b.kind {
            study_companion::course::BlockKind::Code { lang, code, .. } if lang == "bash" => {
                Some(code.clone())
            }
            _ => None,
        })
        .expect("a bash block");
    let mut checked = 0;
    let mut harness = Harness::new_ui(|ui| {
        ui.style_mut().visuals = theme::projector_visuals();
        let job = study_companion::ui::widgets::code_job(ui, "bash", &code, true);
        let bg = ui.visuals().extreme_bg_color;
        let colours: std::collections::HashSet<egui::Color32> =
            job.sections.iter().map(|s| s.format.color).collect();
        assert!(colours.len() >= 3, "still highlighted: {colours:?}");
        for c in colours {
            let ratio = theme::contrast(c, bg);
            assert!(
                ratio >= theme::PROJECTOR_MIN_CONTRAST,
                "{c:?}: {ratio:.2}:1"
            );
            checked += 1;
        }
    });
    harness.run();
    drop(harness);
    assert!(checked >= 3);
}

#[test]
fn a_long_answer_never_clips_the_newest_block_scrolls_into_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("long.md");
    let mut md = String::from("# 긴 답변\n\n## Docker\n\n- 아주 긴 답변이 있는 질문\n");
    for i in 1..=40 {
        md.push_str(&format!(
            "  - 설명 줄 번호 {i}: 컨테이너와 이미지의 관계를 다시 정리합니다.\n"
        ));
    }
    std::fs::write(&file, md).expect("write");
    let mut harness = common::builder().size(FULL_HD).path(&file).build();
    harness.state_mut().select(0, Some(0));
    harness.run();
    press(&mut harness, Key::F5);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, FULL_HD);
    for i in 1..=40 {
        press(&mut harness, Key::ArrowRight);
        let rect = harness
            .get_by_label_contains(&format!("설명 줄 번호 {i}:"))
            .rect();
        assert!(screen.contains_rect(rect), "block {i} at {rect:?}");
    }
    // The slide scrolled to keep the newest block in view: the first is above it now.
    let first = harness.get_by_label_contains("설명 줄 번호 1:").rect();
    assert!(!screen.contains_rect(first), "first block at {first:?}");
}

#[test]
fn long_code_lines_shrink_or_wrap_on_a_slide_never_clip() {
    // Question 5: a bash session whose last line is 150 characters long.
    let rmi = "이미지로부터 컨테이너를 run하여 생성한 후, 그 이미지를 삭제(?)하면 run하던 컨테이너는 어떻게 되나요?";
    let mut harness = presenting(Some(rmi), common::builder());
    for _ in 0..3 {
        press(&mut harness, Key::ArrowRight);
    }
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, FULL_HD);
    let code = harness
        .query_all_by_role(Role::Label)
        .find(|n| {
            n.value()
                .is_some_and(|v| v.contains("Error response from daemon"))
        })
        .expect("the code block");
    let rect = code.rect();
    assert!(
        rect.left() >= 0.0 && rect.right() <= screen.right(),
        "code at {rect:?}"
    );
}

#[test]
fn the_help_lists_the_presentation_keys_from_the_command_table() {
    let mut harness = presenting(Some(LAYERS), common::builder());
    press(&mut harness, Key::F1);
    harness.get_by_label("발표 모드 키");
    super::assert_lists_the_keys_of(&harness, study_companion::command::Keymap::Presenting);
    // The digits of a question number share one line.
    harness.get_by_label("0–9");
    // Esc closes the help, not the presentation.
    press(&mut harness, Key::Escape);
    assert!(harness.state().presenting());
    assert!(harness.query_by_label("발표 모드 키").is_none());
    // The reveal-all setting: A, or its box in the help.
    press(&mut harness, Key::A);
    assert!(harness.state().ui_state().reveal_all);
    let blocks: Vec<String> = (0..3).map(|i| block_text(&harness, LAYERS, i)).collect();
    assert!(blocks.iter().all(|b| shown(&harness, b)));
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("3 / 21");
}

#[test]
fn slides_speak_english_too() {
    let mut harness = presenting(
        Some(DIGEST),
        common::builder().lang(study_companion::i18n::Lang::En),
    );
    harness.get_by_label("Open question");
    harness.get_by_label_contains("press N to type the class's answer");
    press(&mut harness, Key::Home);
    harness.get_by_label("21 questions · 4 open");
    press(&mut harness, Key::End);
    harness.get_by_label("No questions in this topic yet.");
}

/// A wgpu snapshot of the EXPOSE slide, fully revealed: code and screenshot, 1920×1080.
#[test]
fn snapshot_expose_slide() {
    let Some(renderer) = common::gpu_renderer() else {
        return;
    };
    let mut harness = common::builder()
        .size(FULL_HD)
        .fixed_data_dir("study-companion-snapshot-slide")
        .renderer(renderer)
        .build();
    let expose = index_of(&harness, EXPOSE);
    harness.state_mut().select(0, Some(expose));
    harness.run();
    press(&mut harness, Key::F5);
    for _ in 0..3 {
        press(&mut harness, Key::ArrowRight);
    }
    harness.snapshot("slide_expose");
}
