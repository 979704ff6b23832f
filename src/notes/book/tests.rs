//! Notebook tests: answers follow their questions (single file, folder, renamed folder,
//! copy), courses that share a folder name stay apart, notes move with their question,
//! and the old layout migrates without losing a byte.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::*;
use crate::course::{self, Course};
use crate::notes::migrate::migrate_layout;

const SEED: &str = include_str!("../../../content/msp-t3-23-5.md");
const SESSION_6: &str = include_str!("../../../tests/fixtures/sessions/msp-t3-23-6.md");
const OLD_LAYOUT: &str = include_str!("../../../tests/fixtures/old-layout/course.notes.json");

fn t(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + seconds).expect("valid time")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    fs::create_dir_all(dir).expect("mkdir");
    let path = dir.join(name);
    fs::write(&path, text).expect("write");
    path
}

fn question<'a>(course: &'a Course, text: &str) -> &'a crate::course::Question {
    course
        .topics
        .iter()
        .flat_map(|t| &t.questions)
        .find(|q| q.text == text)
        .unwrap_or_else(|| panic!("no question {text}"))
}

/// Opens the notebook of `course` over `data`, as the app does on a load.
fn open(data: &Path, course: &Course) -> Notebook {
    let mut book = Notebook::new(crate::notes::DataDir::at(data.to_path_buf()));
    let opened = book.open_sessions(course, t(0));
    assert!(opened.errors.is_empty() && opened.warnings.is_empty());
    book
}

fn answer(book: &mut Notebook, course: &Course, text: &str, note: &str, at: i64) {
    let q = question(course, text);
    let info = QuestionInfo::find(course, &q.id).expect("info");
    assert!(book.set_text(&q.id, &info, note, t(at)));
}

const DIGEST: &str = "digest는 뭔가요?";
const CLUSTER_IP: &str = "Service의 ClusterIP는 클러스터 밖에서 접근할 수 없나요?";

#[test]
fn answers_follow_their_questions_wherever_the_session_is_opened() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let folder = root.path().join("msp");
    // Week 1: the session file alone.
    let file = write(&folder, "msp-t3-23-5.md", SEED);
    let alone = course::load_path(&file).expect("load");
    let mut book = open(&data, &alone);
    answer(&mut book, &alone, DIGEST, "이미지 내용의 해시", 1);
    book.save().expect("save");

    // Week 2: the folder, with the next session beside it.
    write(&folder, "msp-t3-23-6.md", SESSION_6);
    let both = course::load_path(&folder).expect("load");
    let mut book = open(&data, &both);
    assert_eq!(
        book.text(&question(&both, DIGEST).id),
        Some("이미지 내용의 해시")
    );
    answer(&mut book, &both, CLUSTER_IP, "NodePort가 필요합니다", 2);
    book.save().expect("save");

    // The folder renamed, then copied elsewhere under another name.
    let renamed = root.path().join("MSP T3 수업");
    fs::rename(&folder, &renamed).expect("rename");
    let copy = root.path().join("backup").join("copy");
    fs::create_dir_all(&copy).expect("mkdir");
    for entry in fs::read_dir(&renamed).expect("list") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), copy.join(entry.file_name())).expect("copy");
    }
    for place in [&renamed, &copy] {
        let course = course::load_path(place).expect("load");
        let book = open(&data, &course);
        assert_eq!(
            book.text(&question(&course, DIGEST).id),
            Some("이미지 내용의 해시")
        );
        assert_eq!(
            book.text(&question(&course, CLUSTER_IP).id),
            Some("NodePort가 필요합니다")
        );
        assert!(book.orphans(&course).is_empty());
    }
    // One file per session, named after it.
    let mut files: Vec<String> = fs::read_dir(crate::notes::DataDir::at(&data).sessions())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".notes.json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].starts_with("MSP-T3-23-5차-"), "{files:?}");
    assert!(files[1].starts_with("MSP-T3-23-6차-"), "{files:?}");
}

#[test]
fn two_courses_in_folders_of_the_same_name_keep_their_answers_apart() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let ours =
        course::load_path(&write(&root.path().join("a/course"), "w1.md", SEED)).expect("load");
    let theirs_text =
        "# 웹 개발 - 1주차\n\n## HTTP\n\n- digest는 뭔가요?\n  - 인증 방식의 하나입니다.\n";
    let theirs = course::load_path(&write(&root.path().join("b/course"), "w1.md", theirs_text))
        .expect("load");
    let mut book = open(&data, &ours);
    answer(&mut book, &ours, DIGEST, "이미지의 해시", 1);
    book.save().expect("save");

    let book = open(&data, &theirs);
    assert_eq!(book.text(&question(&theirs, DIGEST).id), None);
    assert!(book.orphans(&theirs).is_empty());
    assert_eq!(book.notes().count(), 0);
}

#[test]
fn a_question_moved_to_another_session_takes_its_note_along() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let folder = root.path().join("msp");
    write(&folder, "msp-t3-23-5.md", SEED);
    write(&folder, "msp-t3-23-6.md", SESSION_6);
    let before = course::load_path(&folder).expect("load");
    let mut book = open(&data, &before);
    answer(&mut book, &before, DIGEST, "해시", 1);
    book.save().expect("save");

    // The instructor moves the question from 23-5 to 23-6.
    write(
        &folder,
        "msp-t3-23-5.md",
        &SEED.replace("- digest는 뭔가요?\n  - ...\n", ""),
    );
    write(
        &folder,
        "msp-t3-23-6.md",
        &SESSION_6.replace("## Kubernetes\n", "- digest는 뭔가요?\n\n## Kubernetes\n"),
    );
    let after = course::load_path(&folder).expect("load");
    let moved = question(&after, DIGEST);
    assert_eq!(after.documents[moved.document].title, "MSP T3 - 23-6차");
    let mut book = Notebook::new(crate::notes::DataDir::at(data.clone()));
    book.open_sessions(&after, t(2));
    assert_eq!(book.text(&moved.id), Some("해시"));
    book.save().expect("save");
    // In the 23-6 file now, and gone from the 23-5 file (not an orphan there).
    let in_file = |session: &str| {
        fs::read_to_string(crate::notes::DataDir::at(&data).session_notes(session))
            .unwrap_or_default()
    };
    assert!(in_file("MSP T3 - 23-6차").contains("해시"));
    assert!(!in_file("MSP T3 - 23-5차").contains("해시"));
    let again = open(&data, &after);
    assert!(again.orphans(&after).is_empty());
}

#[test]
fn the_old_layout_migrates_without_losing_a_byte_and_only_once() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    // A notes file of the previous version: the folder course "course", two sessions.
    let old = write(&data, "course.notes.json", OLD_LAYOUT);
    let folder = root.path().join("course");
    write(&folder, "msp-t3-23-5.md", SEED);
    write(&folder, "msp-t3-23-6.md", SESSION_6);
    let both = course::load_path(&folder).expect("load");

    let migration = migrate_layout(&crate::notes::DataDir::at(&data), &both);
    assert_eq!(migration.notes, 2);
    assert!(migration.errors.is_empty(), "{:?}", migration.errors);
    let [(from, kept)] = migration.kept.as_slice() else {
        panic!("{migration:?}");
    };
    assert_eq!(from, &old);
    assert!(!old.exists());
    assert_eq!(fs::read_to_string(kept).expect("kept"), OLD_LAYOUT);

    let book = open(&data, &both);
    let old_file = crate::notes::parse_file(&old, OLD_LAYOUT.as_bytes()).expect("fixture");
    for note in &old_file.notes {
        assert_eq!(book.get(&note.id), Some(note), "{}", note.question);
    }
    assert!(book.is_bookmarked(&question(&both, DIGEST).id));
    // Nothing left to migrate: said once.
    assert!(migrate_layout(&crate::notes::DataDir::at(&data), &both).is_empty());
}

#[test]
fn migrated_notes_of_a_session_not_open_yet_wait_in_its_file() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    write(&data, "course.notes.json", OLD_LAYOUT);
    let folder = root.path().join("course");
    let file = write(&folder, "msp-t3-23-5.md", SEED);
    // First start on 23-5 alone: the 23-6 answer goes to the 23-6 file all the same.
    let alone = course::load_path(&file).expect("load");
    assert_eq!(
        migrate_layout(&crate::notes::DataDir::at(&data), &alone).notes,
        2
    );
    let book = open(&data, &alone);
    assert_eq!(book.notes().count(), 1);
    write(&folder, "msp-t3-23-6.md", SESSION_6);
    let both = course::load_path(&folder).expect("load");
    let book = open(&data, &both);
    assert_eq!(
        book.text(&question(&both, CLUSTER_IP).id),
        Some("NodePort or LoadBalancer is needed from outside")
    );
}

#[test]
fn an_import_routes_each_note_to_its_session() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let seed = course::load_builtin();
    let mut book = open(&data, &seed);
    let backup =
        crate::notes::parse_file(Path::new("b.json"), OLD_LAYOUT.as_bytes()).expect("fixture");
    let (changed, errors) = book.import(backup);
    assert_eq!(changed, 2);
    assert!(errors.is_empty());
    book.save().expect("save");
    // The 23-6 note waits in its own file for that session.
    assert!(
        fs::read_to_string(crate::notes::DataDir::at(&data).session_notes("MSP T3 - 23-6차"))
            .expect("23-6 file")
            .contains("NodePort")
    );
}

#[test]
fn a_corrupt_old_file_is_moved_aside_its_backup_migrated() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let old = write(
        &data,
        "course.notes.json",
        "{ \"schema\": 1, \"notes\": [ trunc",
    );
    // The previous generation, as the old store kept it.
    write(&data, "course.notes.json.bak", OLD_LAYOUT);
    let seed = course::load_builtin();
    let migration = migrate_layout(&crate::notes::DataDir::at(&data), &seed);
    assert_eq!(migration.notes, 2, "{migration:?}");
    assert_eq!(migration.warnings.len(), 1);
    let [(_, kept)] = migration.kept.as_slice() else {
        panic!("{migration:?}");
    };
    assert!(kept.to_string_lossy().contains(".corrupt-"), "{kept:?}");
    assert_eq!(
        fs::read(kept).expect("kept"),
        b"{ \"schema\": 1, \"notes\": [ trunc"
    );
    assert!(!old.exists());
    assert!(migrate_layout(&crate::notes::DataDir::at(&data), &seed).is_empty());
}

#[test]
fn an_old_file_from_a_newer_app_is_left_alone_and_said() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let future = r#"{"schema": 7, "course": "future", "notes": []}"#;
    let old = write(&data, "course.notes.json", future);
    let migration = migrate_layout(&crate::notes::DataDir::at(&data), &course::load_builtin());
    assert_eq!(migration.errors.len(), 1, "{migration:?}");
    assert!(migration.kept.is_empty());
    assert_eq!(fs::read_to_string(&old).expect("untouched"), future);
}

/// Every file name in `dir`, in bytes, with the longest first.
fn name_lengths(dir: &Path) -> Vec<(usize, String)> {
    let mut names: Vec<(usize, String)> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let name = e.expect("entry").file_name().to_string_lossy().into_owned();
            (name.len(), name)
        })
        .collect();
    names.sort_by(|a, b| b.cmp(a));
    names
}

/// A session whose `#` title is 98 Hangul syllables, and a file of a 200-byte name with no
/// heading (its title is its name): notes save, and every file written is named within 100
/// bytes (notes, backup, review log and its backup, a corrupt file moved aside).
#[test]
fn long_titles_and_long_file_names_still_save_their_notes() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let title: String = "가나다라마바사아자차카타파하"
        .chars()
        .cycle()
        .take(98)
        .collect();
    let long_title = write(
        &root.path().join("a"),
        "long.md",
        &format!("# {title}\n\n## Docker\n\n- 긴 제목의 질문?\n  - 답\n"),
    );
    let name = format!("{}.md", "컨테이너".repeat(17));
    assert!(name.len() >= 200, "{}", name.len());
    let long_name = write(&root.path().join("b"), &name, "- 제목 없는 파일의 질문?\n");
    for path in [long_title, long_name] {
        let course = course::load_path(&path).expect("load");
        let mut book = open(&data, &course);
        let q = &course.topics[0].questions[0];
        let info = QuestionInfo::find(&course, &q.id).expect("info");
        for (i, text) in ["첫 답", "고친 답"].into_iter().enumerate() {
            assert!(book.set_text(&q.id, &info, text, t(i as i64 + 1)));
            book.save().expect("saved");
        }
        let again = open(&data, &course);
        assert_eq!(again.text(&q.id), Some("고친 답"));
        // A corrupt file is moved aside under a name that fits too.
        let notes = crate::notes::DataDir::at(&data).session_notes(&course.documents[0].title);
        fs::write(&notes, "{ broken").expect("write");
        let mut reopened = Notebook::new(crate::notes::DataDir::at(data.clone()));
        let opened = reopened.open_sessions(&course, t(9));
        assert_eq!(opened.warnings.len(), 1, "moved aside and said");
        assert_eq!(reopened.text(&q.id), Some("첫 답"), "the backup loaded");
    }
    let names = name_lengths(&crate::notes::DataDir::at(&data).sessions());
    assert!(
        names.iter().any(|(_, n)| n.contains(".corrupt-")),
        "{names:?}"
    );
    assert!(names.iter().all(|(len, _)| *len <= 100), "{names:?}");
}

/// Notes an earlier version saved under a long name (under 255 bytes, so it could be
/// written) are found and renamed on open, with their review log and backups.
#[test]
fn files_named_by_an_earlier_version_are_renamed_keeping_their_notes() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let title: String = "도커와쿠버네티스".chars().cycle().take(60).collect();
    let path = write(
        root.path(),
        "s.md",
        &format!("# {title}\n\n## Docker\n\n- 질문?\n  - 답\n"),
    );
    let course = course::load_path(&path).expect("load");
    let session = course.documents[0].title.clone();
    let legacy = crate::notes::DataDir::at(&data).legacy_session_notes(&session);
    assert!(legacy.file_name().map_or(0, |n| n.len()) > 100);
    {
        // What the earlier version wrote there.
        let mut store = NoteStore::open(legacy.clone(), &session).expect("open").0;
        let q = &course.topics[0].questions[0];
        let info = QuestionInfo::find(&course, &q.id).expect("info");
        store.set_text(&q.id, &info, "예전 이름의 노트", t(1));
        store.save().expect("save");
        store.save().expect("save");
    }
    let legacy_review = legacy
        .to_string_lossy()
        .replace(".notes.json", ".review.json");
    fs::write(&legacy_review, "{}").expect("write");
    let book = open(&data, &course);
    let q = &course.topics[0].questions[0];
    assert_eq!(book.text(&q.id), Some("예전 이름의 노트"));
    assert!(!legacy.exists(), "renamed");
    assert!(
        crate::notes::DataDir::at(&data)
            .session_notes(&session)
            .exists()
    );
    assert!(
        !Path::new(&legacy_review).exists(),
        "the review log renamed too"
    );
    let review = crate::notes::DataDir::at(&data)
        .session_notes(&session)
        .to_string_lossy()
        .replace(".notes.json", ".review.json");
    assert!(
        Path::new(&review).exists(),
        "the review log renamed beside its notes"
    );
    let names = name_lengths(&crate::notes::DataDir::at(&data).sessions());
    assert!(names.iter().all(|(len, _)| *len <= 100), "{names:?}");
}
