//! A real desktop app through the real app: files dropped on the window, the recent list of
//! the 열기 menu, 최신 노트 받기 from a git clone, a CP949 file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::common;
use super::live::{folder_with_seed, wait_until};

const SESSION_6: &str = include_str!("../fixtures/sessions/msp-t3-23-6.md");

/// A file dropped on the window, as egui-winit hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_folder_dropped_on_the_window_opens_and_hovering_shows_the_overlay() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    std::fs::write(folder.join("msp-t3-23-6.md"), SESSION_6).expect("write");
    let mut harness = common::app();
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(folder.clone()),
        mime: String::new(),
    });
    // (egui repaints while files hover: steps, not `run`.)
    harness.run_steps(2);
    harness.get_by_label_contains("여기에 놓으면 엽니다");
    harness.get_by_label("msp");
    harness.input_mut().hovered_files.clear();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(folder.clone())));
    harness.step();
    common::wait_loaded(&mut harness);
    assert_eq!(harness.state().course().title, "MSP T3");
    assert_eq!(harness.state().course().documents.len(), 2);
    assert!(
        harness
            .query_by_label_contains("여기에 놓으면 엽니다")
            .is_none()
    );
    assert_eq!(harness.state().ui_state().recent, [folder]);
}

#[test]
fn the_recent_list_orders_persists_and_prunes() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let single = root.path().join("23-6.md");
    std::fs::write(&single, SESSION_6).expect("write");
    let remembered = {
        let mut harness = common::builder().path(&folder).build();
        harness.state_mut().open(&single);
        common::wait_loaded(&mut harness);
        harness.state().ui_state().clone()
    };
    assert_eq!(remembered.recent, [single.clone(), folder.clone()]);
    // Remembered between runs; one of them gone meanwhile.
    std::fs::remove_file(&single).expect("rm");
    let mut harness = common::builder().remembered(remembered).build();
    harness
        .get_by_role_and_label(Role::Button, "🗁 열기")
        .click();
    harness.run();
    harness.get_by_label(&format!("{} (찾을 수 없음)", single.display()));
    harness.get_by_role_and_label(Role::Button, &folder.display().to_string());
    // The gone one is removed from the list.
    // The ✕ buttons are named for what they do.
    let forget: Vec<_> = harness
        .get_all_by_role_and_label(Role::Button, "목록에서 지우기")
        .collect();
    assert_eq!(forget.len(), 2);
    forget[0].click();
    harness.run();
    assert_eq!(
        harness.state().ui_state().recent,
        std::slice::from_ref(&folder)
    );
    // The other opens (the menu closed with the click).
    if harness
        .query_by_label(&folder.display().to_string())
        .is_none()
    {
        harness
            .get_by_role_and_label(Role::Button, "🗁 열기")
            .click();
        harness.run();
    }
    harness
        .get_by_role_and_label(Role::Button, &folder.display().to_string())
        .click();
    harness.step();
    common::wait_loaded(&mut harness);
    assert_eq!(harness.state().course().documents.len(), 1);
    assert_eq!(harness.state().course().title, "MSP T3 - 23-5차");
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Instructor",
            "-c",
            "user.email=i@example.com",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The instructor's bare repository with the seed session, the instructor's clone that
/// pushes, and the student's clone (opened in the app).
fn repositories(root: &Path) -> Option<(PathBuf, PathBuf)> {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("STUDY_COMPANION_REQUIRE_DESKTOP_VALIDATE").is_none(),
            "git is required on CI"
        );
        eprintln!("skipped: git is not installed");
        return None;
    }
    let bare = root.join("course.git");
    std::fs::create_dir_all(&bare).expect("mkdir");
    git(&bare, &["init", "--bare", "-q", "-b", "main"]);
    let url = format!("file://{}", bare.display());
    let instructor = root.join("instructor");
    git(root, &["clone", "-q", &url, "instructor"]);
    std::fs::write(
        instructor.join("msp-t3-23-5.md"),
        include_str!("../../content/msp-t3-23-5.md"),
    )
    .expect("write");
    git(&instructor, &["add", "."]);
    git(&instructor, &["commit", "-q", "-m", "23-5"]);
    git(&instructor, &["push", "-q", "origin", "HEAD:main"]);
    git(root, &["clone", "-q", &url, "student"]);
    Some((instructor, root.join("student")))
}

fn pull_from_the_menu(harness: &mut common::TestApp) {
    wait_until(harness, Duration::from_secs(10), "git detected", |h| {
        h.state().git_offered()
    });
    harness
        .get_by_role_and_label(Role::Button, "🗁 열기")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "최신 노트 받기 (git pull)")
        .click();
    // (The spinner turns while git runs: steps, not `run`.)
    harness.step();
    wait_until(harness, Duration::from_secs(20), "pull done", |h| {
        !h.state().git_pulling()
    });
}

#[test]
fn a_new_session_pushed_by_the_instructor_arrives_through_get_the_latest_notes() {
    let root = tempfile::tempdir().expect("tempdir");
    let Some((instructor, student)) = repositories(root.path()) else {
        return;
    };
    let mut harness = common::builder().path(&student).build();
    assert_eq!(harness.state().course().documents.len(), 1);
    std::fs::write(instructor.join("msp-t3-23-6.md"), SESSION_6).expect("write");
    git(&instructor, &["add", "."]);
    git(&instructor, &["commit", "-q", "-m", "23-6"]);
    git(&instructor, &["push", "-q", "origin", "HEAD:main"]);
    pull_from_the_menu(&mut harness);
    harness.get_by_label_contains("최신 노트 받기: 1개 파일 갱신");
    wait_until(&mut harness, Duration::from_secs(10), "reloaded", |h| {
        h.state().course().documents.len() == 2
    });
    assert_eq!(harness.state().course().title, "MSP T3");
    // Nothing was committed or pushed from the student's clone.
    assert_eq!(git(&student, &["status", "--porcelain"]), "");
    assert_eq!(
        git(&student, &["rev-parse", "HEAD"]),
        git(&instructor, &["rev-parse", "HEAD"])
    );
}

#[test]
fn a_dirty_work_tree_gives_gits_error_and_changes_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let Some((instructor, student)) = repositories(root.path()) else {
        return;
    };
    // The instructor answers a question; the student edited the same file locally.
    let seed = include_str!("../../content/msp-t3-23-5.md");
    std::fs::write(
        instructor.join("msp-t3-23-5.md"),
        format!("{seed}\n- 새 질문\n"),
    )
    .expect("write");
    git(&instructor, &["commit", "-q", "-am", "edit"]);
    git(&instructor, &["push", "-q", "origin", "HEAD:main"]);
    let local = format!("{seed}\n<!-- 내 메모 -->\n");
    std::fs::write(student.join("msp-t3-23-5.md"), &local).expect("write");
    let head = git(&student, &["rev-parse", "HEAD"]);
    let mut harness = common::builder().path(&student).build();
    pull_from_the_menu(&mut harness);
    harness.get_by_label_contains("최신 노트를 받지 못했습니다 (아무것도 바뀌지 않았습니다)");
    harness.get_by_label_contains("local changes");
    assert_eq!(git(&student, &["rev-parse", "HEAD"]), head);
    assert_eq!(
        std::fs::read_to_string(student.join("msp-t3-23-5.md")).expect("read"),
        local
    );
}

/// A program a hostile setting names; it leaves `MARK` beside it.
fn evil_program(root: &Path) -> PathBuf {
    let evil = root.join("evil.sh");
    std::fs::write(
        &evil,
        format!("#!/bin/sh\ntouch '{}'\n", root.join("MARK").display()),
    )
    .expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&evil, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    evil
}

/// The instructor adds a question and pushes.
fn instructor_adds_a_question(instructor: &Path) {
    let file = instructor.join("msp-t3-23-5.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\n- 새 질문\n")).expect("write");
    git(instructor, &["commit", "-q", "-am", "new question"]);
    git(instructor, &["push", "-q", "origin", "HEAD:main"]);
}

/// A classmate's clone whose own settings name a filter: nothing of it runs, the refusal
/// names the key and the file, the notes stay open.
#[test]
fn a_clone_whose_settings_run_a_command_is_not_pulled_and_says_why() {
    let root = tempfile::tempdir().expect("tempdir");
    let Some((instructor, student)) = repositories(root.path()) else {
        return;
    };
    let evil = evil_program(root.path());
    git(
        &student,
        &["config", "filter.x.smudge", &evil.display().to_string()],
    );
    std::fs::write(student.join(".git/info/attributes"), "*.md filter=x\n").expect("write");
    instructor_adds_a_question(&instructor);
    let head = git(&student, &["rev-parse", "HEAD"]);
    let mut harness = common::builder().path(&student).build();
    pull_from_the_menu(&mut harness);
    harness.get_by_label_contains(
        "이 폴더의 git 설정이 명령을 실행할 수 있어 최신 노트 받기를 하지 않았습니다: filter.x.smudge (.git/config)",
    );
    assert!(!root.path().join("MARK").exists(), "the filter ran");
    assert_eq!(git(&student, &["rev-parse", "HEAD"]), head);
    assert_eq!(harness.state().course().documents.len(), 1);
}

/// `study-companion --pull …`, the real binary, with a home of its own (nothing of this
/// machine's git or app settings read): its exit status and what it printed.
fn pull_command(home: &Path, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .arg("--pull")
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("GIT_DIR")
        .output()
        .expect("run the app");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn pull_on_the_command_line_says_what_it_did_or_why_not() {
    let root = tempfile::tempdir().expect("tempdir");
    let Some((instructor, student)) = repositories(root.path()) else {
        return;
    };
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).expect("mkdir");
    // The user's own git settings define a filter the course names: not read either.
    let evil = evil_program(root.path());
    std::fs::write(
        home.join(".gitconfig"),
        format!("[filter \"lfs\"]\n\tsmudge = {}\n", evil.display()),
    )
    .expect("write");
    std::fs::write(instructor.join(".gitattributes"), "*.md filter=lfs\n").expect("write");
    git(&instructor, &["add", ".gitattributes"]);
    instructor_adds_a_question(&instructor);

    let (ok, said) = pull_command(&home, &[student.as_os_str()]);
    assert!(ok, "{said}");
    assert!(said.contains("최신 노트 받기: 2개 파일 갱신"), "{said}");
    assert!(!root.path().join("MARK").exists(), "the user's filter ran");
    let (ok, said) = pull_command(&home, &[student.join("msp-t3-23-5.md").as_os_str()]);
    assert!(ok, "{said}");
    assert!(said.contains("이미 최신입니다"), "{said}");

    // Refused: non-zero, the key and the file named, nothing run.
    git(
        &student,
        &["config", "core.fsmonitor", &evil.display().to_string()],
    );
    instructor_adds_a_question(&instructor);
    let (ok, said) = pull_command(&home, &[student.as_os_str()]);
    assert!(!ok, "{said}");
    assert!(said.contains("core.fsmonitor (.git/config)"), "{said}");
    assert!(!root.path().join("MARK").exists(), "fsmonitor ran");

    // Not a clone; nothing given and nothing open last time.
    let plain = folder_with_seed(&root.path().join("plain"));
    let (ok, said) = pull_command(&home, &[plain.as_os_str()]);
    assert!(!ok, "{said}");
    assert!(said.contains("git으로 받은 폴더가 아니어서"), "{said}");
    let (ok, said) = pull_command(&home, &[]);
    assert!(!ok, "{said}");
    assert!(said.contains("no course to pull"), "{said}");

    // The proof that the user's filter is real: plain git with that home runs it.
    std::fs::remove_file(student.join("msp-t3-23-5.md")).expect("rm");
    let checkout = Command::new("git")
        .arg("-C")
        .arg(&student)
        .args(["checkout", "--", "msp-t3-23-5.md"])
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .status()
        .expect("git runs");
    assert!(checkout.success());
    assert!(
        root.path().join("MARK").exists(),
        "plain git did not run the user's filter: the test proves nothing"
    );
}

#[test]
fn outside_a_git_work_tree_the_pull_is_not_offered() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = folder_with_seed(root.path());
    let mut harness = common::builder().path(&folder).build();
    // Give the background check time to answer.
    for _ in 0..50 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!harness.state().git_offered());
    harness
        .get_by_role_and_label(Role::Button, "🗁 열기")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label("최신 노트 받기 (git pull)")
            .is_none()
    );
}

#[test]
fn a_cp949_file_opens_in_korean_and_says_which_encoding_it_was() {
    let root = tempfile::tempdir().expect("tempdir");
    let (cp949, _, _) = encoding_rs::EUC_KR.encode(include_str!("../../content/msp-t3-23-5.md"));
    let path = root.path().join("23-5-notepad.md");
    std::fs::write(&path, &cp949).expect("write");
    let harness = common::builder().path(&path).build();
    assert_eq!(harness.state().course().title, "MSP T3 - 23-5차");
    harness.get_by_label_contains("CP949 (EUC-KR) 인코딩으로 저장된 파일이라 변환해서 열었습니다");
    harness.get_by_label_contains("digest는 뭔가요?");
}

#[test]
fn a_course_is_downloaded_by_its_address_from_the_open_menu_and_opened() {
    let root = tempfile::tempdir().expect("tempdir");
    let Some((_, _)) = repositories(root.path()) else {
        return;
    };
    let url = format!("file://{}", root.path().join("course.git").display());
    let into = root.path().join("Documents/msp-t3");
    let mut harness = common::app();
    harness
        .get_by_role_and_label(Role::Button, "🗁 열기")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "강의 받기…")
        .click();
    harness.run();
    // An ssh address is refused in the dialog, with the reason.
    harness.get_by_label("저장소 주소").focus();
    harness.run();
    harness
        .get_by_label("저장소 주소")
        .type_text("git@github.com:teacher/msp-t3.git");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "받기").click();
    harness.run();
    wait_until(&mut harness, Duration::from_secs(10), "refused", |h| {
        !h.state().cloning()
    });
    harness.run();
    harness.get_by_label_contains("https:// 로 시작하는 주소만 받을 수 있습니다");

    // The real address, into a folder of its own.
    harness.get_by_label("저장소 주소").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("저장소 주소").type_text(&url);
    harness.run();
    harness.get_by_label("받을 폴더").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_label("받을 폴더")
        .type_text(&into.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "받기").click();
    harness.step();
    wait_until(&mut harness, Duration::from_secs(20), "cloned", |h| {
        !h.state().cloning()
    });
    wait_until(&mut harness, Duration::from_secs(10), "opened", |h| {
        h.state().course().documents.len() == 1 && h.state().course().title.contains("MSP T3")
    });
    assert!(into.join("msp-t3-23-5.md").is_file());
    assert!(into.join(".git").is_dir());
    harness.get_by_label_contains("강의를 받아 열었습니다");
    // A git clone: 최신 노트 받기 is offered on it.
    wait_until(&mut harness, Duration::from_secs(10), "git detected", |h| {
        h.state().git_offered()
    });
}
