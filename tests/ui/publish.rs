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
    // The file before, kept in the data folder (not beside it, in the course's repository).
    let backup = study_companion::notes::DataDir::at(data.path()).published_backup(&file);
    assert_eq!(std::fs::read(backup).expect(".bak"), before);
    assert!(!study_companion::notes::backup_path(&file).exists());
}

/// In a git work tree, "git 커밋도" commits that one file after writing it (never pushes).
#[test]
fn in_a_git_work_tree_the_file_alone_is_committed() {
    const HOST: &str = "host 네트워크는 언제 쓰나요?";
    let git = |dir: &std::path::Path, args: &[&str]| -> String {
        let out = std::process::Command::new("git")
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .args(args)
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(std::env::var_os("CI").is_none(), "CI has git");
        return;
    }
    let repo = tempfile::tempdir().expect("tempdir");
    let root = repo.path();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["config", "user.name", "Instructor"]);
    git(root, &["config", "user.email", "i@example.com"]);
    let file = root.join("mspt3_23-7차.md");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/publish/placeholder.before.md"),
        &file,
    )
    .expect("copy");
    std::fs::write(root.join("README.md"), "# course\n").expect("write");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    std::fs::write(root.join("README.md"), "# course (draft)\n").expect("write");
    let data = tempfile::tempdir().expect("tempdir");
    let mut harness = common::builder().path(&file).data_dir(data.path()).build();
    common::wait_loaded(&mut harness);
    click_question(&mut harness, HOST);
    type_answer(&mut harness, "호스트의 네트워크를 그대로 씁니다.");
    harness
        .get_by_role_and_label(Role::CheckBox, "git 커밋도")
        .click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "노트 파일에 답변 쓰기")
        .click_accesskit();
    harness.run();
    for _ in 0..500 {
        if !harness.state().publishing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    harness.get_by_label_contains("· git 커밋 ");
    assert_eq!(
        git(
            root,
            &[
                "-c",
                "core.quotePath=false",
                "show",
                "--name-only",
                "--format=%s",
                "HEAD"
            ]
        ),
        format!("답변: {HOST}\n\nmspt3_23-7차.md")
    );
    // The other change stays uncommitted.
    assert_eq!(git(root, &["status", "--porcelain"]), "M README.md");
}

/// 다음 수업에 물어보기: a question written on a topic is kept, copied as bullets in the
/// session format, and once a later session asks it (with another ending) and answers it,
/// it says "답변이 달렸어요" and opens that card.
#[test]
fn a_question_for_the_next_class_is_answered_in_a_later_session() {
    const MINE: &str = "컨테이너를 삭제하면 이미지도 지워지나요?";
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("23-7.md"),
        "# MSP T3 - 23-7차\n\n## Docker\n\n- host 네트워크는 언제 쓰나요?\n  - ...\n",
    )
    .expect("write");
    let data = tempfile::tempdir().expect("tempdir");
    let mut harness = common::builder()
        .path(dir.path())
        .data_dir(data.path())
        .build();
    common::wait_loaded(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "다음 수업에 물어보기")
        .click_accesskit();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "다음 수업에 물어보기")
        .focus();
    harness.run();
    harness.event(egui::Event::Text(MINE.to_owned()));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "저장")
        .click_accesskit();
    harness.run();
    harness.get_by_label("아직 수업 노트에 없음");
    let saved = std::fs::read_to_string(data.path().join("asked.json")).expect("kept");
    assert!(saved.contains(MINE), "{saved}");
    // Copied as the session format.
    harness
        .get_by_role_and_label(Role::Button, "🗐 목록 복사")
        .click_accesskit();
    let copied = super::copied_after(&mut harness);
    assert_eq!(copied, [format!("## Docker\n\n- {MINE}\n")]);
    // The instructor pastes it into the next session, reworded, and answers it.
    std::fs::write(
        dir.path().join("23-8.md"),
        "# MSP T3 - 23-8차\n\n## Docker\n\n- 컨테이너를 삭제하면, 이미지도 지워지는 건가요?\n  - 아니요, 이미지는 그대로 남습니다.\n",
    )
    .expect("write");
    for _ in 0..300 {
        if harness.query_by_label("답변이 달렸어요").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness
        .get_by_role_and_label(Role::Link, "답변이 달렸어요")
        .click_accesskit();
    harness.run();
    assert_eq!(
        super::selected_text(&harness).as_deref(),
        Some("컨테이너를 삭제하면, 이미지도 지워지는 건가요?")
    );
}
