//! The textbook's decks as slides and the labs step by step, through the real app.

use egui::Key;
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use study_companion::StudyApp;

use super::common;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn press(harness: &mut Harness<'_, StudyApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The slide being presented (from 0), while a deck is.
fn shown_slide(harness: &Harness<'_, StudyApp>) -> Option<usize> {
    harness
        .state()
        .presenter()
        .and_then(|p| p.marp.as_ref())
        .map(|m| m.slide)
}

/// A deck opens as its slides; F5 presents it from the slide in view with the keys of
/// presentation mode; Esc comes back to the deck as it was.
#[test]
fn a_deck_reads_as_slides_and_is_presented_with_the_slide_keys() {
    let mut harness = common::builder()
        .path(fixture("decks"))
        .size(egui::vec2(1600.0, 1000.0))
        .build();
    common::wait_loaded(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "01. Docker 개요 · 6장")
        .click_accesskit();
    harness.run();
    // The first slide: its header and footer, its content; the outline numbers the slides.
    harness.get_by_label("슬라이드 1 / 6");
    // (The header is on every slide in view.)
    assert!(
        harness
            .query_all_by_label("Docker & Kubernetes - 01. Docker overview")
            .count()
            >= 1
    );
    harness.get_by_label("컨테이너로 애플리케이션을 실행합니다");
    harness.get_by_role_and_label(Role::Button, "2. 컨테이너란?");
    // The outline brings slide 5 into view; F5 starts there.
    harness
        .get_by_role_and_label(Role::Button, "5. 명령어")
        .click_accesskit();
    harness.run();
    harness.run();
    press(&mut harness, Key::F5);
    assert!(harness.state().presenting());
    assert_eq!(shown_slide(&harness), Some(4));
    harness.get_by_label("명령어");
    // Next, previous, last, first, a number and Enter.
    press(&mut harness, Key::ArrowRight);
    assert_eq!(shown_slide(&harness), Some(5));
    press(&mut harness, Key::ArrowRight);
    assert_eq!(shown_slide(&harness), Some(5), "the last slide stays");
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(shown_slide(&harness), Some(4));
    press(&mut harness, Key::Home);
    assert_eq!(shown_slide(&harness), Some(0));
    harness.get_by_label("01. Docker 개요");
    press(&mut harness, Key::Space);
    assert_eq!(shown_slide(&harness), Some(1));
    harness.get_by_label("컨테이너란?");
    press(&mut harness, Key::Num3);
    press(&mut harness, Key::Enter);
    assert_eq!(shown_slide(&harness), Some(2));
    press(&mut harness, Key::Num9);
    press(&mut harness, Key::Enter);
    assert_eq!(shown_slide(&harness), Some(2));
    harness.get_by_label("9번 슬라이드는 없습니다 (1–6)");
    press(&mut harness, Key::End);
    assert_eq!(shown_slide(&harness), Some(5));
    // Esc: the deck's view again, the slides still there.
    press(&mut harness, Key::Escape);
    assert!(!harness.state().presenting());
    harness.get_by_role_and_label(Role::Button, "← 질문으로");
    harness.get_by_label("슬라이드 5 / 6");
}

fn open_lab(harness: &mut common::TestApp, row: &str) {
    common::wait_loaded(harness);
    harness
        .get_by_role_and_label(Role::Button, row)
        .click_accesskit();
    harness.run();
}

/// A lab's step checked stays checked after a restart, and the lab's progress says so,
/// above the lab and in its row of the library.
#[test]
fn a_lab_step_checked_stays_checked_after_a_restart() {
    let data = tempfile::tempdir().expect("tempdir");
    let step = "완료 — 2. 컨테이너 안에서";
    let mut harness = common::builder()
        .path(fixture("labs"))
        .data_dir(data.path())
        .build();
    open_lab(&mut harness, "[실습] 03. 볼륨과 컨테이너 안의 셸 · 3단계");
    harness.get_by_label("3단계 중 0단계");
    let checkbox = harness.get_by_role_and_label(Role::CheckBox, step);
    assert_eq!(checkbox.accesskit_node().toggled(), Some(Toggled::False));
    checkbox.click();
    harness.run();
    harness.get_by_label("3단계 중 1단계");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::CheckBox, step)
            .accesskit_node()
            .toggled(),
        Some(Toggled::True)
    );
    drop(harness);
    let mut harness = common::builder()
        .path(fixture("labs"))
        .data_dir(data.path())
        .build();
    open_lab(
        &mut harness,
        "[실습] 03. 볼륨과 컨테이너 안의 셸 · 3단계 중 1단계",
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::CheckBox, step)
            .accesskit_node()
            .toggled(),
        Some(Toggled::True)
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::CheckBox, "완료 — 1. Dockerfile 만들기")
            .accesskit_node()
            .toggled(),
        Some(Toggled::False)
    );
    // A step is no review card: the lab has no questions to review.
    assert_eq!(harness.state().course().question_count(), 0);
}

/// In a lab, 명령어만 복사 on a session puts its commands on the clipboard, the heredoc and
/// the continued line with them.
#[test]
fn copy_commands_in_a_lab_copies_what_is_typed() {
    let mut harness = common::builder().path(fixture("labs")).build();
    common::wait_loaded(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "[실습] 03. 볼륨과 컨테이너 안의 셸 · 3단계")
        .click_accesskit();
    harness.run();
    let copied = super::copied_by(&mut harness, "$ 명령어만 복사");
    assert_eq!(
        copied,
        [
            "cat <<EOF > Dockerfile\n# syntax=docker/dockerfile:1\nFROM nginx:1.25\n$ 이 줄도 파일 내용입니다\nEOF\ndocker build -t web:1 \\\n  --progress plain .\n"
        ]
    );
}
