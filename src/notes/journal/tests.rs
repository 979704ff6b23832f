//! The journal: edits on disk before the notes file is saved, forgotten once it is, and
//! replayed after an app that could not save (SIGKILL at a random moment while typing).

use std::time::Duration;

use super::*;

fn id(s: &str) -> QuestionId {
    QuestionId::new("MSP T3 - 23-5차", "Docker", s)
}

fn info(session: &str) -> QuestionInfo {
    QuestionInfo {
        question: "볼륨은 어디에 저장되나요?".into(),
        topic: "Docker".into(),
        session: session.into(),
    }
}

fn edit(q: &str, text: &str, at: i64) -> Edit {
    Edit::new(
        &id(q),
        &info("MSP T3 - 23-5차"),
        text,
        Timestamp::from_second(1_790_000_000 + at).expect("time"),
    )
}

fn lines(path: &Path) -> Vec<Edit> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a whole line"))
        .collect()
}

fn flush(journal: &Journal) {
    journal
        .flusher()
        .expect("running")
        .flush(Duration::from_secs(5));
}

#[test]
fn an_edit_is_on_disk_before_any_save_and_forgotten_after_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut journal = Journal::start(&crate::notes::DataDir::at(dir.path())).expect("start");
    journal.record(edit("q1", "한", 1));
    let last = journal.record(edit("q1", "한글", 2));
    flush(&journal);
    assert_eq!(
        lines(journal.path()),
        [edit("q1", "한글", 2)],
        "the last text of the note"
    );
    journal.record(edit("q2", "다른 답", 3));
    journal.saved(last);
    flush(&journal);
    assert_eq!(
        lines(journal.path()),
        [edit("q1", "한글", 2), edit("q2", "다른 답", 3)]
    );
    journal.saved(journal.last());
    flush(&journal);
    assert_eq!(
        std::fs::metadata(journal.path()).expect("file").len(),
        0,
        "emptied"
    );
    let path = journal.path().to_path_buf();
    drop(journal);
    assert!(!path.exists(), "an empty journal goes with its app");
}

#[test]
fn an_app_that_ends_without_saving_leaves_its_journal_and_the_next_start_replays_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut journal = Journal::start(&crate::notes::DataDir::at(dir.path())).expect("start");
    journal.record(edit("q1", "저장되지 않은 답", 1));
    let path = journal.path().to_path_buf();
    drop(journal);
    assert!(path.exists(), "kept: its edit is in no notes file");
    let recovered = recover(&crate::notes::DataDir::at(dir.path()));
    assert!(recovered.errors.is_empty(), "{:?}", recovered.errors);
    assert_eq!(recovered.notes, 1);
    assert!(!path.exists(), "removed once replayed");
    let file = crate::notes::DataDir::at(dir.path()).session_notes("MSP T3 - 23-5차");
    let (store, _) = NoteStore::open(file, "MSP T3 - 23-5차").expect("open");
    assert_eq!(
        store.get(&id("q1")).map(|n| n.text.as_str()),
        Some("저장되지 않은 답")
    );
    assert_eq!(
        recover(&crate::notes::DataDir::at(dir.path())).notes,
        0,
        "once"
    );
}

#[test]
fn a_note_saved_after_the_edit_wins_and_a_torn_line_is_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = "MSP T3 - 23-5차";
    let (mut store, _) = NoteStore::open(
        crate::notes::DataDir::at(dir.path()).session_notes(session),
        session,
    )
    .expect("open");
    let newer = edit("q1", "나중에 저장한 답", 9);
    store.set_text(&id("q1"), &newer.info(), &newer.text, newer.at);
    store.save().expect("save");
    let journal = dir.path().join("journal-1.jsonl");
    let mut text = String::new();
    for e in [edit("q1", "예전 답", 1), edit("q2", "새 답", 2)] {
        text.push_str(&serde_json::to_string(&e).expect("json"));
        text.push('\n');
    }
    text.push_str(&format!(
        "{{\"id\":\"{}\",\"text\":\"잘린",
        id("q3").as_str()
    ));
    std::fs::write(&journal, text).expect("write");
    let recovered = recover(&crate::notes::DataDir::at(dir.path()));
    assert_eq!(recovered.notes, 1, "only q2");
    let (store, _) = NoteStore::open(
        crate::notes::DataDir::at(dir.path()).session_notes(session),
        session,
    )
    .expect("open");
    assert_eq!(
        store.get(&id("q1")).map(|n| n.text.as_str()),
        Some("나중에 저장한 답")
    );
    assert_eq!(store.get(&id("q2")).map(|n| n.text.as_str()), Some("새 답"));
    assert!(store.get(&id("q3")).is_none());
}

#[test]
fn the_journal_of_a_running_app_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut running = Journal::start(&crate::notes::DataDir::at(dir.path())).expect("start");
    running.record(edit("q1", "쓰는 중", 1));
    flush(&running);
    assert_eq!(recover(&crate::notes::DataDir::at(dir.path())).notes, 0);
    assert!(running.path().exists());
}

/// The child side of the SIGKILL test: types a character every 4 ms into the journal (the
/// note's text grows "0123456789012…"), never saving the notes file, and writes how many it
/// typed beside it after each keystroke.
#[test]
#[ignore = "runs forever; started and killed by the SIGKILL test"]
fn sigkill_child_types_forever() {
    let dir = std::env::var("STUDY_COMPANION_JOURNAL_CHILD")
        .expect("started by sigkill_while_typing_loses_at_most_the_last_300_ms");
    let dir = Path::new(&dir);
    let mut journal = Journal::start(&crate::notes::DataDir::at(dir)).expect("start");
    let mut counter = File::create(dir.join("typed")).expect("counter");
    let mut text = String::new();
    for typed in 1u64.. {
        text.push(char::from(b'0' + (typed % 10) as u8));
        journal.record(edit("q1", &text, typed as i64));
        // One write of a fixed width: a kill leaves the old count or the new one.
        counter.rewind().expect("rewind");
        counter
            .write_all(format!("{typed:020}").as_bytes())
            .expect("count");
        std::thread::sleep(Duration::from_millis(4));
    }
}

#[test]
fn sigkill_while_typing_loses_at_most_the_last_300_ms() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut worst = 0u64;
    let mut round_dir = 0;
    crate::testkit::kill_at_random_moments(
        "notes::journal::tests::sigkill_child_types_forever",
        "STUDY_COMPANION_JOURNAL_CHILD",
        root.path(),
        12,
        700,
        |round| {
            let typed: u64 = std::fs::read_to_string(root.path().join("typed"))
                .ok()
                .and_then(|t| t.trim().parse().ok())
                .unwrap_or(0);
            let recovered = recover(&crate::notes::DataDir::at(root.path()));
            assert!(
                recovered.errors.is_empty(),
                "round {round}: {:?}",
                recovered.errors
            );
            let file = crate::notes::DataDir::at(root.path()).session_notes("MSP T3 - 23-5차");
            let (store, _) = NoteStore::open(file.clone(), "MSP T3 - 23-5차").expect("open");
            let text = store.get(&id("q1")).map(|n| n.text.len()).unwrap_or(0) as u64;
            assert!(text <= typed, "round {round}: {text} of {typed}");
            // 300 ms of keystrokes at one per 4 ms (a little more: sleeps run long).
            let lost = typed - text;
            assert!(
                lost <= 75,
                "round {round}: lost {lost} of {typed} keystrokes"
            );
            worst = worst.max(lost);
            // Each round types anew.
            let _ = std::fs::remove_file(crate::notes::backup_path(&file));
            let _ = std::fs::remove_file(&file);
            let _ = std::fs::remove_file(root.path().join("typed"));
            round_dir += 1;
        },
    );
    eprintln!("at most {worst} keystrokes lost in {round_dir} kills");
}
