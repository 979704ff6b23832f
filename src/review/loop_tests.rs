//! The review loop closed: undo, bury, suspend, leeches, and the log written off the UI
//! thread (its write taken by another thread, its result back).

use jiff::Timestamp;

use super::queue::{LEECH_LAPSES, Queue};
use super::store::{Hold, HoldKind, ReviewBook};
use super::*;
use crate::course::{self, Course};
use crate::notes::{DataDir, Notebook};

fn clock() -> Clock {
    Clock::fixed(Timestamp::from_second(1_764_464_400).expect("time"))
}

fn book(dir: &std::path::Path, course: &Course) -> ReviewBook {
    let mut book = ReviewBook::new(DataDir::at(dir.to_path_buf()));
    assert!(book.open_sessions(course).errors.is_empty());
    book
}

fn queue_of(course: &Course, book: &ReviewBook, clock: &Clock) -> Queue {
    let notes = Notebook::new(DataDir::at(
        std::env::temp_dir().join("unused-by-this-test"),
    ));
    let (cards, unanswered) = cards_in(course, &notes, &Scope::Course);
    Queue::build(cards, unanswered, book, &Scheduler::default(), clock)
}

/// Writes as the app does: every pending save written (here, not on a thread), its result
/// taken back.
fn write(book: &mut ReviewBook) {
    for save in book.take_saves() {
        let done = save.write();
        drop(book.saved(done).expect("written"));
    }
    assert!(!book.is_dirty());
}

#[test]
fn undo_restores_the_queue_and_the_log_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let course = course::load_builtin();
    let session = course.documents[0].title.clone();
    let path = DataDir::at(dir.path()).session_review(&session);
    let s = Scheduler::default();
    let c = clock();
    let mut b = book(dir.path(), &course);
    let mut q = queue_of(&course, &b, &c);
    // One card rated and saved: the file as it was before the rating to undo.
    let first = q.entries[0].clone();
    let review = s.rate(&first.state, Rating::Good, &c, &first.card.answer);
    b.record(&session, &first.card.id, "q", "t", review);
    q.rated(0, b.reviews(&session, &first.card.id), &s, &c);
    write(&mut b);
    let before_bytes = std::fs::read(&path).expect("written");
    // Two ratings more: a new card, and the same card again.
    for (i, later) in [(1usize, 60), (0, 120)] {
        let e = q.entries[i].clone();
        let snapshot = q.snapshot(i).expect("entry");
        let before_log = b.card_log(&session, &e.card.id).cloned();
        let review = s.rate(&e.state, Rating::Again, &c.later(later), &e.card.answer);
        b.record(&session, &e.card.id, "q", "t", review.clone());
        q.rated(i, b.reviews(&session, &e.card.id), &s, &c.later(later));
        write(&mut b);
        // Undone at once: the queue as it was, the log as it was.
        let queue_before = snapshot.clone();
        assert!(b.undo(&session, &e.card.id, before_log, &review));
        q.undo(snapshot);
        assert_eq!(q.snapshot(i), Some(queue_before));
        write(&mut b);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before_bytes,
            "the file byte for byte as before the rating"
        );
    }
    // Another window that still has the undone review does not bring it back here.
    let other = book(dir.path(), &course);
    assert_eq!(other.reviews(&session, &first.card.id).len(), 1);
}

#[test]
fn bury_and_suspend_survive_a_restart_and_two_windows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let course = course::load_builtin();
    let session = course.documents[0].title.clone();
    let c = clock();
    let mut one = book(dir.path(), &course);
    let q = queue_of(&course, &one, &c);
    let (a, b_id) = (q.entries[0].card.id.clone(), q.entries[1].card.id.clone());
    let buried = HoldKind::Buried {
        until_day: c.today() + 1,
    };
    one.set_hold(
        &session,
        &a,
        "q",
        "t",
        Hold {
            kind: buried,
            at: c.now,
        },
    );
    write(&mut one);
    // A second window suspends another card, later.
    let mut two = book(dir.path(), &course);
    two.set_hold(
        &session,
        &b_id,
        "q",
        "t",
        Hold {
            kind: HoldKind::Suspended,
            at: c.later(10).now,
        },
    );
    write(&mut two);
    write(&mut one);
    // After a restart: both held today; the first card is back tomorrow, the second not.
    let three = book(dir.path(), &course);
    let q = queue_of(&course, &three, &c);
    assert_eq!(q.entries[0].held, Some(buried));
    assert_eq!(q.entries[1].held, Some(HoldKind::Suspended));
    let next = q.next(&c, &Limits::default()).expect("a card");
    assert!(next >= 2, "held cards are not shown: {next}");
    let tomorrow = c.later(86_400);
    let q = queue_of(&course, &three, &tomorrow);
    assert_eq!(q.entries[0].held, None);
    assert_eq!(q.entries[1].held, Some(HoldKind::Suspended));
    assert_eq!(q.next(&tomorrow, &Limits::default()), Some(0));
    // Released in one window, later than the suspension: released everywhere.
    let mut four = book(dir.path(), &course);
    four.set_hold(
        &session,
        &b_id,
        "q",
        "t",
        Hold {
            kind: HoldKind::Released,
            at: c.later(20).now,
        },
    );
    write(&mut four);
    write(&mut two);
    let five = book(dir.path(), &course);
    assert_eq!(queue_of(&course, &five, &c).entries[1].held, None);
    let stats = stats::Stats::compute(
        &queue_of(&course, &five, &c).entries,
        course.topics.len(),
        &five,
        &Scheduler::default(),
        &c,
    );
    assert_eq!((stats.buried, stats.suspended), (1, 0));
}

#[test]
fn a_card_forgotten_eight_times_is_a_leech() {
    let dir = tempfile::tempdir().expect("tempdir");
    let course = course::load_builtin();
    let session = course.documents[0].title.clone();
    let s = Scheduler::default();
    let mut b = book(dir.path(), &course);
    let mut c = clock();
    let mut q = queue_of(&course, &b, &c);
    let id = q.entries[0].card.id.clone();
    let rate = |q: &mut Queue, b: &mut ReviewBook, c: &Clock, r: Rating| {
        let e = q.entries[0].clone();
        let review = s.rate(&e.state, r, c, &e.card.answer);
        b.record(&session, &id, "q", "t", review);
        q.rated(0, b.reviews(&session, &id), &s, c);
    };
    // Learned (Good, Good), then forgotten and relearned, again and again.
    rate(&mut q, &mut b, &c, Rating::Good);
    c = c.later(600);
    rate(&mut q, &mut b, &c, Rating::Good);
    for lapse in 1..=LEECH_LAPSES {
        c = c.later(40 * 86_400);
        rate(&mut q, &mut b, &c, Rating::Again);
        assert_eq!(q.entries[0].state.lapses, lapse);
        assert_eq!(
            q.entries[0].is_leech(),
            lapse >= LEECH_LAPSES,
            "lapse {lapse}"
        );
        c = c.later(600);
        rate(&mut q, &mut b, &c, Rating::Good);
    }
}

#[test]
fn a_cards_history_follows_its_question_into_a_renamed_topic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = course::load_builtin();
    let session = old.documents[0].title.clone();
    let c = clock();
    let mut b = book(dir.path(), &old);
    let q = queue_of(&old, &b, &c);
    let e = q.entries[3].clone();
    let text = old.topics[e.card.topic].questions[e.card.question]
        .text
        .clone();
    let review = Scheduler::default().rate(&e.state, Rating::Good, &c, &e.card.answer);
    b.record(&session, &e.card.id, &text, "Docker", review);
    write(&mut b);
    // The instructor renames the topic (every id of it changes) and puts two spaces for
    // one in the question; the app reloads.
    let source = crate::course::builtin::DOCUMENTS[0]
        .1
        .replacen("## Docker", "## 도커 (Docker)", 1)
        .replace(&text, &text.replacen(' ', "  ", 1));
    let renamed = crate::course::load_sources(
        "",
        &[("notes.md".to_owned(), source)],
        &crate::course::ImageBase::None,
    );
    assert_eq!(renamed.documents[0].title, session);
    assert!(!renamed.knows(&e.card.id), "its id changed");
    assert!(b.open_sessions(&renamed).errors.is_empty());
    assert_eq!(b.reattach(&renamed), 1);
    write(&mut b);
    let moved = renamed.topics[0]
        .questions
        .iter()
        .find(|q| {
            crate::course::normalize_question(&q.text) == crate::course::normalize_question(&text)
        })
        .expect("the question is there");
    // After a restart too.
    let b = book(dir.path(), &renamed);
    assert_eq!(
        b.reviews(&session, &moved.id).len(),
        1,
        "its history came with it"
    );
    assert!(b.reviews(&session, &e.card.id).is_empty());
}
