//! 노트 파일에 답변 쓰기's commit: only the session file, with the repository's identity,
//! and no hook run.

use super::tests::{git, git_ok, have_git};
use super::*;

#[test]
fn the_commit_touches_only_the_session_file_and_runs_no_hook() {
    if !have_git() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git_ok(root, &["init", "-q", "-b", "main"]);
    git_ok(root, &["config", "user.name", "Instructor"]);
    git_ok(root, &["config", "user.email", "i@example.com"]);
    std::fs::create_dir_all(root.join("qna")).expect("mkdir");
    std::fs::write(root.join("qna/mspt3_23-7.md"), "- q?\n  - ...\n").expect("write");
    std::fs::write(root.join("README.md"), "# course\n").expect("write");
    git_ok(root, &["add", "."]);
    git_ok(root, &["commit", "-q", "-m", "first"]);
    // A hook that would leave a mark, and another file changed and staged.
    let hooks = root.join(".git/hooks");
    std::fs::create_dir_all(&hooks).expect("hooks");
    let marker = root.join("hook-ran");
    std::fs::write(
        hooks.join("pre-commit"),
        format!("#!/bin/sh\ntouch '{}'\n", marker.display()),
    )
    .expect("hook");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(
            hooks.join("pre-commit"),
            std::fs::Permissions::from_mode(0o755),
        )
        .expect("chmod");
    }
    std::fs::write(root.join("README.md"), "# course (draft)\n").expect("write");
    git_ok(root, &["add", "README.md"]);
    std::fs::write(root.join("qna/mspt3_23-7.md"), "- q?\n  - 답입니다.\n").expect("write");
    let hash = commit_file(&root.join("qna/mspt3_23-7.md"), "답변: q?").expect("committed");
    assert!(!hash.is_empty());
    assert_eq!(
        git(root, &["show", "--name-only", "--format=%s", "HEAD"]),
        "답변: q?\n\nqna/mspt3_23-7.md"
    );
    assert_eq!(git(root, &["log", "-1", "--format=%an"]), "Instructor");
    // The other change is still staged, uncommitted; the hook never ran; nothing pushed.
    assert_eq!(git(root, &["diff", "--cached", "--name-only"]), "README.md");
    assert!(!marker.exists(), "no hook runs");
}

#[test]
fn a_file_outside_a_work_tree_is_said() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("notes.md");
    std::fs::write(&file, "- q?\n").expect("write");
    assert!(matches!(
        commit_file(&file, "m"),
        Err(PullError::NotInRepo(_))
    ));
}
