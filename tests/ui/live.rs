//! A living course through the real app and the real file watcher: a new session file, an
//! editor's save-by-rename, a deleted file, and what stays put across a reload.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use study_companion::StudyApp;

use super::{DIGEST, advance, click_question, common, notes_file, type_answer};

const SEED: &str = include_str!("../../content/msp-t3-23-5.md");
const SESSION_6: &str = include_str!("../fixtures/sessions/msp-t3-23-6.md");

/// Runs frames until `done` holds; panics after `limit`. Returns how long it took.
pub(super) fn wait_until(
    harness: &mut Harness<'static, StudyApp>,
    limit: Duration,
    what: &str,
    done: impl Fn(&Harness<'static, StudyApp>) -> bool,
) -> Duration {
    let started = Instant::now();
    loop {
        harness.step();
        if done(harness) {
            harness.run();
            return started.elapsed();
        }
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A course folder holding the seed session.
pub(super) fn folder_with_seed(root: &Path) -> PathBuf {
    let folder = root.join("msp");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("msp-t3-23-5.md"), SEED).expect("write");
    folder
}

/// Writes as editors save: a temporary file beside it, renamed over the old one.
fn save_like_an_editor(path: &Path, text: &str) {
    let tmp = path.with_extension("md.tmp~");
    std::fs::write(&tmp, text).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename over");
}

#[test]
fn next_weeks_session_appears_within_two_seconds_with_a_notice() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let mut harness = common::builder().path(&folder).build();
    assert_eq!(harness.state().course().documents.len(), 1);
    std::fs::write(folder.join("msp-t3-23-6.md"), SESSION_6).expect("write");
    let took = wait_until(&mut harness, Duration::from_secs(2), "new session", |h| {
        h.state().course().documents.len() == 2
    });
    eprintln!(
        "new session shown {} ms after the file was written",
        took.as_millis()
    );
    harness.get_by_label_contains("23-6차 추가 · 질문 8개 · 열린 질문 4개");
    // Reading the files is no change: no reload follows the reload.
    let quiet = Instant::now();
    while quiet.elapsed() < Duration::from_millis(1200) {
        harness.step();
        assert!(!harness.state().loading(), "a reload after the reload");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(harness.state().course().title, "MSP T3");
    let kubernetes = &harness.state().course().topics[1];
    assert_eq!(
        (kubernetes.questions.len(), kubernetes.open_count()),
        (5, 3)
    );
}

#[test]
fn an_editors_save_by_rename_of_the_open_file_is_picked_up() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let file = folder.join("msp-t3-23-5.md");
    let mut harness = common::builder().path(&file).build();
    let answered = SEED.replace(
        "- digest는 뭔가요?\n  - ...\n",
        "- digest는 뭔가요?\n  - 이미지 내용의 sha256 해시입니다.\n",
    );
    save_like_an_editor(&file, &answered);
    wait_until(&mut harness, Duration::from_secs(2), "answer", |h| {
        h.state().course().open_count() == 3
    });
    harness.get_by_label_contains("23-5차: 답변 1개 추가");
    // A second save of the same file is seen too (the folder is watched, not the file).
    save_like_an_editor(&file, &answered.replace("해시입니다.", "해시값입니다."));
    wait_until(&mut harness, Duration::from_secs(2), "second save", |h| {
        h.query_by_label_contains("23-5차: 답변 1개 수정").is_some()
    });
}

#[test]
fn the_selection_the_view_and_a_half_typed_note_survive_a_reload() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let mut harness = common::builder().path(&folder).build();
    click_question(&mut harness, DIGEST);
    type_answer(&mut harness, "이미지 내용의 ");
    // A syllable being composed when the reload lands.
    let preedit = |text: &str| {
        egui::Event::Ime(egui::ImeEvent::Preedit {
            text: text.to_owned(),
            active_range_chars: None,
        })
    };
    harness.event(preedit("ㅎ"));
    harness.event(preedit("해"));
    harness.run();
    let selection = harness.state().selection();
    let heading = |h: &Harness<'static, StudyApp>| {
        h.query_all_by_role_and_label(egui::accesskit::Role::Label, DIGEST)
            .map(|n| n.rect())
            .min_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("the card heading")
    };
    let before = heading(&harness);

    // The instructor adds a question above the selected one.
    let edited = SEED.replace(
        "- digest는 뭔가요?\n",
        "- 레지스트리는 뭔가요?\n  - 이미지를 저장하는 곳입니다.\n\n- digest는 뭔가요?\n",
    );
    std::fs::write(folder.join("msp-t3-23-5.md"), edited).expect("write");
    wait_until(&mut harness, Duration::from_secs(2), "reload", |h| {
        h.state().course().question_count() == 22
    });
    // The same question (one index further down), the editor still focused.
    let (topic, question) = harness.state().selection();
    assert_eq!((topic, question), (selection.0, selection.1.map(|q| q + 1)));
    assert_eq!(super::selected_text(&harness).as_deref(), Some(DIGEST));
    assert!(harness.get_by_label("내 답변").is_focused());
    // The card did not move on screen.
    let after = heading(&harness);
    assert!(
        (after.top() - before.top()).abs() < 2.0,
        "{before:?} → {after:?}"
    );
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("해".to_owned())));
    harness.get_by_label("내 답변").type_text("시값");
    harness.run();
    assert_eq!(
        harness.get_by_label("내 답변").value().as_deref(),
        Some("이미지 내용의 해시값")
    );
    advance(&mut harness, 1.5);
    assert!(notes_file(&harness).contains("이미지 내용의 해시값"));
}

#[test]
fn a_deleted_session_takes_its_questions_away_and_keeps_their_notes() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let six = folder.join("msp-t3-23-6.md");
    std::fs::write(&six, SESSION_6).expect("write");
    let mut harness = common::builder().path(&folder).build();
    // Kubernetes is below the fold of the sidebar under Docker's 24 questions.
    harness.state_mut().select(1, None);
    harness.run();
    click_question(
        &mut harness,
        "Service의 ClusterIP는 클러스터 밖에서 접근할 수 없나요?",
    );
    type_answer(&mut harness, "NodePort가 필요합니다");
    advance(&mut harness, 1.5);

    std::fs::remove_file(&six).expect("delete");
    wait_until(&mut harness, Duration::from_secs(2), "session gone", |h| {
        h.state().course().documents.len() == 1
    });
    harness.get_by_label_contains("23-6차 빠짐");
    harness.get_by_label("연결이 끊긴 노트 (1)");
    // Back again: the note re-attaches.
    std::fs::write(&six, SESSION_6).expect("write");
    wait_until(&mut harness, Duration::from_secs(2), "session back", |h| {
        h.state().course().documents.len() == 2
    });
    assert!(harness.query_by_label("연결이 끊긴 노트 (1)").is_none());
}

#[test]
fn a_big_course_loads_in_the_background_while_the_window_answers() {
    let root = tempfile::tempdir().expect("tempdir");
    let big = root.path().join("big.md");
    std::fs::write(&big, study_companion::course::synthetic::document(20_000)).expect("write");
    let mut harness = common::app();
    harness.state_mut().open(&big);
    harness.step();
    // The window still draws (the built-in notes, a spinner and what is being read).
    assert!(harness.state().loading());
    harness.get_by_label_contains("불러오는 중…");
    harness.get_by_label("Docker (21) · 열린 질문 4");
    common::wait_loaded(&mut harness);
    assert_eq!(harness.state().course().question_count(), 20_000);
    assert!(harness.query_by_label_contains("불러오는 중…").is_none());
}

/// The seed with the digest question answered by the instructor.
fn seed_with_digest_answered() -> String {
    SEED.replace(
        "- digest는 뭔가요?\n  - ...\n",
        "- digest는 뭔가요?\n  - 이미지 내용의 sha256 해시입니다.\n",
    )
}

#[test]
fn an_answer_given_between_two_runs_is_news_until_it_was_seen() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let folder = folder_with_seed(root.path());
    let run = || common::builder().path(&folder).data_dir(&data).build();

    // First run: the first look at a course is not news.
    let mut harness = run();
    harness.get_by_label("새 소식 0");
    advance(&mut harness, 3.5);
    drop(harness);

    std::fs::write(folder.join("msp-t3-23-5.md"), seed_with_digest_answered()).expect("write");
    let mut harness = run();
    harness.get_by_label("새 소식 1");
    click_question(&mut harness, DIGEST);
    harness.get_by_label("새 답변");
    // It stays badged for this run, though its card was seen...
    advance(&mut harness, 3.5);
    harness.get_by_label("새 답변");
    drop(harness);

    // ...and is no news the next time.
    let mut harness = run();
    harness.get_by_label("새 소식 0");
    click_question(&mut harness, DIGEST);
    assert!(harness.query_by_label("새 답변").is_none());
}

#[test]
fn an_answer_given_while_the_app_runs_is_news_at_once() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let mut harness = common::builder().path(&folder).build();
    click_question(&mut harness, DIGEST);
    std::fs::write(folder.join("msp-t3-23-5.md"), seed_with_digest_answered()).expect("write");
    wait_until(&mut harness, Duration::from_secs(2), "answer", |h| {
        h.state().course().open_count() == 3
    });
    harness.get_by_label("새 답변");
    harness.get_by_label("새 소식 1");
    harness.get_by_label("새 소식 1").click();
    harness.run();
    assert_eq!(harness.state().visible().len(), 1);
}

#[test]
fn the_sidebar_narrows_to_one_session_and_its_numbers_follow() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    std::fs::write(folder.join("msp-t3-23-6.md"), SESSION_6).expect("write");
    let mut harness = common::builder().path(&folder).build();
    harness.get_by_label("전체 29");
    harness.get_by_label("Docker (24) · 열린 질문 5");
    harness.get_by_label("수업").click();
    harness.run();
    harness.get_by_label("23-6차 — MSP T3 - 23-6차").click();
    harness.run();
    assert_eq!(
        harness.state().ui_state().session.as_deref(),
        Some("MSP T3 - 23-6차")
    );
    harness.get_by_label("전체 8");
    harness.get_by_label("Docker (3) · 열린 질문 1");
    harness.get_by_label("열린 질문 4개 중 0개 답변함");
    assert_eq!(harness.state().visible().len(), 3);
    // Every card shown is of that session.
    let course = harness.state().course().clone();
    for &q in harness.state().visible() {
        let doc = course.topics[0].questions[q].document;
        assert_eq!(course.documents[doc].short_label(), "23-6차");
    }
}
