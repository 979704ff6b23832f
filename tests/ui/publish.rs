//! 노트 파일에 답변 쓰기 through the real app: the instructor's answer written into the
//! session's file under its question, and read back as an answer.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::{click_question, common, type_answer};

#[test]
fn the_answer_is_written_into_the_session_file_under_its_question() {
    const HOST: &str = "host 네트워크는 언제 쓰나요?";
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("mspt3_23-7차.md");
    let before = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/publish/placeholder.before.md"),
    )
    .expect("fixture");
    std::fs::write(&file, &before).expect("write");
    let data = tempfile::tempdir().expect("tempdir");
    let mut harness = common::builder().path(&file).data_dir(data.path()).build();
    common::wait_loaded(&mut harness);
    click_question(&mut harness, HOST);
    // Nothing to write before there is an answer of mine.
    assert!(harness.query_by_label("노트 파일에 답변 쓰기").is_none());
    type_answer(&mut harness, "호스트의 네트워크를 그대로 씁니다.");
    harness
        .get_by_role_and_label(Role::Button, "노트 파일에 답변 쓰기")
        .click_accesskit();
    harness.run();
    for _ in 0..200 {
        if !harness.state().publishing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    harness.get_by_label_contains("답변을 mspt3_23-7차.md에 썼습니다");
    let after = std::fs::read_to_string(&file).expect("read");
    let expected = String::from_utf8(before.clone())
        .expect("utf-8")
        .replace("  - ...\n", "  - 호스트의 네트워크를 그대로 씁니다.\n");
    assert_eq!(after, expected, "only the placeholder line changed");
    assert_eq!(
        std::fs::read(study_companion::notes::backup_path(&file)).expect(".bak"),
        before
    );
}
