//! Notes a student is handed: links that must not open, images that must not load, files
//! that must not be read. Through the real app.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use study_companion::StudyApp;

use super::{click_question, common};

const SESSION_6: &str = include_str!("../fixtures/sessions/msp-t3-23-6.md");

#[test]
fn only_web_and_mail_links_leave_the_app_and_a_session_link_opens_inside() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = root.path().join("course");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("msp-t3-23-6.md"), SESSION_6).expect("write");
    std::fs::write(
        folder.join("links.md"),
        "# MSP T3 - 링크\n\n## Docker\n\n- 링크 모음\n  - [스크립트](javascript:alert(1)) 와 [파일](file:///etc/passwd)\n  - [문서](https://docs.docker.com/) 와 [Pod 질문](msp-t3-23-6.md#Pod와-컨테이너는-어떤-관계인가요)\n  - <b>굵게</b> <script>alert(1)</script>\n",
    )
    .expect("write");
    let mut harness = common::builder().path(&folder).build();
    click_question(&mut harness, "링크 모음");

    // The links that will not open are named under the answer, the tooltip says why.
    harness
        .get_by_label("⛔ 열지 않는 링크: javascript:alert(1), file:///etc/passwd")
        .hover();
    harness.run();
    harness.get_by_label_contains(
        "다른 링크(javascript:, file:, data: 등)는 눌러도 아무것도 하지 않습니다",
    );

    harness.get_by_label("스크립트").click();
    assert!(super::opened_urls(&mut harness).is_empty());
    harness.get_by_label_contains("링크를 열지 않았습니다: javascript:alert(1)");
    harness.get_by_label("파일").click();
    assert!(super::opened_urls(&mut harness).is_empty());
    harness.get_by_label_contains("링크를 열지 않았습니다: file:///etc/passwd");

    harness.get_by_label("문서").click();
    assert_eq!(
        super::opened_urls(&mut harness),
        ["https://docs.docker.com/"]
    );

    harness.get_by_label("Pod 질문").click();
    assert!(super::opened_urls(&mut harness).is_empty());
    assert_eq!(
        super::selected_text(&harness).as_deref(),
        Some("Pod와 컨테이너는 어떤 관계인가요?")
    );
    // Raw HTML is text, never interpreted.
    harness.state_mut().select(0, Some(0));
    harness.run();
    harness.get_by_label_contains("<script>");
}

#[test]
fn images_outside_the_folder_and_bombs_show_placeholders_saying_why() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = root.path().join("course");
    std::fs::create_dir_all(folder.join("img")).expect("mkdir");
    std::fs::write(root.path().join("secret.png"), b"not for the notes").expect("write");
    std::fs::write(
        folder.join("img/fake.png"),
        b"#!/bin/sh\necho not an image\n",
    )
    .expect("write");
    std::fs::write(
        folder.join("img/bomb.png"),
        study_companion::course::synthetic::bomb_png(60_000, 60_000),
    )
    .expect("write");
    std::fs::write(
        folder.join("images.md"),
        "# 이미지\n\n## Docker\n\n- 밖으로\n\n![](../secret.png)\n\n- 절대 경로\n\n![](/etc/passwd)\n\n- 가짜\n\n![](img/fake.png)\n\n- 폭탄\n\n![](img/bomb.png)\n\n- 원격\n\n![](https://example.com/cat.png)\n",
    )
    .expect("write");
    let mut harness = common::builder().path(&folder).build();
    harness.get_by_label_contains("../secret.png (노트 폴더 밖의 파일)");
    harness.get_by_label_contains("/etc/passwd (절대 경로)");
    harness.get_by_label_contains("img/fake.png (not an image");
    click_question(&mut harness, "폭탄");
    harness.get_by_label_contains("60000×60000 pixels: too large to show");
    click_question(&mut harness, "원격");
    harness.get_by_label_contains("외부 이미지: https://example.com/cat.png");
    harness.get_by_label("웹 브라우저에서 열기");
    // Whatever asks for a file outside the notes' folder gets an error, not the bytes.
    let outside = format!("file://{}", root.path().join("secret.png").display());
    let err = loaded_bytes(&harness, &outside).expect_err("not read");
    assert!(err.contains("outside the notes' folder"), "{err}");
    assert!(loaded_bytes(&harness, "file:///etc/hostname").is_err());
}

/// The bytes egui's loaders give for `uri`, once they are done (read on a thread).
fn loaded_bytes(harness: &Harness<'static, StudyApp>, uri: &str) -> Result<usize, String> {
    let started = std::time::Instant::now();
    loop {
        match harness.ctx.try_load_bytes(uri) {
            Ok(egui::load::BytesPoll::Ready { bytes, .. }) => return Ok(bytes.len()),
            Ok(egui::load::BytesPoll::Pending { .. }) => {}
            Err(e) => return Err(e.to_string()),
        }
        assert!(started.elapsed().as_secs() < 5, "{uri} still loading");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Each pathological answer from `course::synthetic::pathological` (the cases that make a
/// naive markdown pipeline quadratic or recursive) is loaded, selected and drawn for a few
/// frames: the question shows, nothing panics or overflows the stack. Frame times are
/// measured in release by `tools/pathological-xvfb.sh`, not here.
#[test]
fn pathological_answers_load_and_draw() {
    for (name, text) in study_companion::course::synthetic::pathological() {
        let root = tempfile::tempdir().expect("tempdir");
        let file = root.path().join("p.md");
        std::fs::write(&file, &text).expect("write");
        let mut harness = common::builder().path(&file).build();
        assert!(harness.state().course().question_count() >= 1, "{name}");
        harness.state_mut().select(0, Some(0));
        for _ in 0..3 {
            harness.step();
        }
        assert!(
            harness
                .query_all_by_label_contains("이 답변은 어떻게 보이나요?")
                .next()
                .is_some(),
            "{name}: the question is not shown"
        );
    }
}

/// A session's notes file grown past any real notes (or a disk image renamed): not read,
/// left as it is, said; typing is off rather than pretending to save.
#[test]
fn a_huge_notes_file_is_left_alone_and_said() {
    let data = tempfile::tempdir().expect("tempdir");
    let path = study_companion::notes::DataDir::at(data.path()).session_notes("MSP T3 - 23-5차");
    std::fs::create_dir_all(path.parent().expect("sessions")).expect("mkdir");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(study_companion::notes::MAX_DATA_FILE_BYTES + 1)
        .expect("sparse");
    drop(file);
    let mut harness = common::builder().data_dir(data.path()).build();
    harness.get_by_label_contains("too large to be a notes file");
    super::typing_is_off(&mut harness, super::DIGEST);
    assert_eq!(
        std::fs::metadata(&path).expect("kept").len(),
        study_companion::notes::MAX_DATA_FILE_BYTES + 1
    );
}

/// Backups handed over by others: a pipe, deeply nested JSON, a newer app's file. Each is
/// refused at once with the file named; the notes stay as they were.
#[test]
fn hostile_backups_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nested = dir.path().join("nested.json");
    std::fs::write(
        &nested,
        format!(
            r#"{{"schema": 1, "course": "x", "notes": [], "x": {}{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    )
    .expect("write");
    let newer = dir.path().join("newer.json");
    std::fs::write(&newer, r#"{"schema": 9, "course": "x", "notes": []}"#).expect("write");
    #[cfg_attr(not(unix), allow(unused_mut))] // Unix adds a pipe below
    let mut backups = vec![
        (
            nested,
            "nested.json is not a notes file: recursion limit exceeded",
        ),
        (
            newer,
            "newer.json was written by a newer version of the app",
        ),
    ];
    #[cfg(unix)]
    {
        let pipe = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        backups.push((pipe, "pipe.json is a named pipe (FIFO), not a notes file"));
    }
    let mut harness = common::app();
    for (backup, said) in backups {
        harness.state_mut().import_backup(&backup, 100.0);
        harness.run();
        harness.get_by_label_contains(&format!(
            "가져오지 못했습니다 — {}",
            dir.path().join(said).display()
        ));
    }
    // Nothing was imported, so nothing was written.
    let notes = harness.state().notes_path().expect("notes").to_path_buf();
    assert!(!notes.exists(), "{}", notes.display());
}
