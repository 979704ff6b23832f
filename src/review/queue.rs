//! A review session's queue: the cards of the scope with their states, what is due today
//! within the daily limits, and which card comes next.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Card, CardState, Clock, Due, LEARN_AHEAD_MINUTES, Phase, Review, Scheduler};
use crate::review::store::{HoldKind, ReviewBook};

/// How many new cards and reviews a day at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            new_per_day: 20,
            reviews_per_day: 200,
        }
    }
}

impl Limits {
    pub const MAX: u32 = 9999;

    /// Brings hand-edited numbers back into range.
    pub fn clamped(self) -> Self {
        Self {
            new_per_day: self.new_per_day.min(Self::MAX),
            reviews_per_day: self.reviews_per_day.min(Self::MAX),
        }
    }
}

/// One card and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub card: Card,
    pub state: CardState,
    /// The answer changed since the card's last review ("답변이 바뀌었어요").
    pub answer_changed: bool,
    /// Buried for today or suspended: not shown, not counted as due.
    pub held: Option<HoldKind>,
}

impl Entry {
    /// A leech: forgotten [`LEECH_LAPSES`] times or more (Anki's default), worth a note or
    /// a question for the instructor rather than one more review.
    pub fn is_leech(&self) -> bool {
        self.state.lapses >= LEECH_LAPSES
    }
}

/// Lapses that make a card a leech (Anki's default).
pub const LEECH_LAPSES: u32 = 8;

/// What is left today: the three numbers of the header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

/// A card of the queue and today's tallies as they were before a rating.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueSnapshot {
    pub index: usize,
    pub entry: Entry,
    pub new_today: u32,
    pub reviews_today: u32,
    pub done: u32,
}

/// The cards of one scope, their states, and today's tally.
#[derive(Clone, Debug, Default)]
pub struct Queue {
    pub entries: Vec<Entry>,
    /// Open questions of the scope without an answer (not cards yet).
    pub unanswered: usize,
    /// New cards first seen today, and reviews of review cards done today.
    pub new_today: u32,
    pub reviews_today: u32,
    /// Ratings given in this session.
    pub done: u32,
}

impl Queue {
    /// Replays every card's log.
    pub fn build(
        cards: Vec<Card>,
        unanswered: usize,
        book: &ReviewBook,
        scheduler: &Scheduler,
        clock: &Clock,
    ) -> Self {
        let mut queue = Queue {
            unanswered,
            ..Default::default()
        };
        let today = clock.today();
        for card in cards {
            let reviews = book.reviews(&card.session, &card.id);
            let state = scheduler.replay_each(reviews, clock, |before, review| {
                if clock.day_of(review.at) == today {
                    match before.phase {
                        Phase::New => queue.new_today += 1,
                        Phase::Review => queue.reviews_today += 1,
                        _ => {}
                    }
                }
            });
            let answer_changed = reviews.last().is_some_and(|r| r.answer != card.answer);
            let held = book
                .hold(&card.session, &card.id)
                .and_then(|h| h.holds_on(today));
            queue.entries.push(Entry {
                card,
                state,
                answer_changed,
                held,
            });
        }
        queue
    }

    /// A card was rated: its new state from its whole log, and today's tally.
    pub fn rated(
        &mut self,
        index: usize,
        reviews: &[Review],
        scheduler: &Scheduler,
        clock: &Clock,
    ) {
        let Some(entry) = self.entries.get_mut(index) else {
            return;
        };
        match entry.state.phase {
            Phase::New => self.new_today += 1,
            Phase::Review => self.reviews_today += 1,
            _ => {}
        }
        entry.state = scheduler.replay(reviews, clock);
        entry.answer_changed = false;
        self.done += 1;
    }

    /// What [`Self::undo`] puts back: an entry and the tallies before a rating.
    pub fn snapshot(&self, index: usize) -> Option<QueueSnapshot> {
        Some(QueueSnapshot {
            index,
            entry: self.entries.get(index)?.clone(),
            new_today: self.new_today,
            reviews_today: self.reviews_today,
            done: self.done,
        })
    }

    /// Undoes a rating: the card and today's tallies as they were before it.
    pub fn undo(&mut self, snapshot: QueueSnapshot) {
        if let Some(entry) = self.entries.get_mut(snapshot.index) {
            *entry = snapshot.entry;
        }
        self.new_today = snapshot.new_today;
        self.reviews_today = snapshot.reviews_today;
        self.done = snapshot.done;
    }

    /// The card to show now, if any: learning cards that are due, then due reviews (most
    /// overdue first), then new cards in course order, both within today's limits; when
    /// nothing else is left, a learning card due within the next minutes.
    pub fn next(&self, clock: &Clock, limits: &Limits) -> Option<usize> {
        let learning_due = |e: &Entry, by: Timestamp| match e.state.due {
            Due::At(t) if e.state.is_learning() && e.held.is_none() => (t <= by).then_some(t),
            _ => None,
        };
        let learning = |by: Timestamp| {
            self.entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| learning_due(e, by).map(|t| (t, i)))
                .min()
                .map(|(_, i)| i)
        };
        if let Some(i) = learning(clock.now) {
            return Some(i);
        }
        if self.reviews_today < limits.reviews_per_day {
            let review = self
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.held.is_none())
                .filter_map(|(i, e)| match e.state.due {
                    Due::Day(d) if e.state.phase == Phase::Review && d <= clock.today() => {
                        Some((d, i))
                    }
                    _ => None,
                })
                .min();
            if let Some((_, i)) = review {
                return Some(i);
            }
        }
        if self.new_today < limits.new_per_day
            && let Some(i) = self
                .entries
                .iter()
                .position(|e| e.state.phase == Phase::New && e.held.is_none())
        {
            return Some(i);
        }
        learning(clock.later(LEARN_AHEAD_MINUTES * 60).now)
    }

    /// What is left today.
    pub fn counts(&self, clock: &Clock, limits: &Limits) -> Counts {
        let today = clock.today();
        let mut counts = Counts::default();
        for e in self.entries.iter().filter(|e| e.held.is_none()) {
            match (e.state.phase, e.state.due) {
                (Phase::New, _) => counts.new += 1,
                (_, Due::At(t)) if e.state.is_learning() && clock.day_of(t) <= today => {
                    counts.learning += 1;
                }
                (Phase::Review, Due::Day(d)) if d <= today => counts.review += 1,
                _ => {}
            }
        }
        let left = |limit: u32, done: u32| usize::try_from(limit.saturating_sub(done)).unwrap_or(0);
        counts.new = counts.new.min(left(limits.new_per_day, self.new_today));
        counts.review = counts
            .review
            .min(left(limits.reviews_per_day, self.reviews_today));
        counts
    }

    /// When the next learning card falls due after now (to wake the window then).
    pub fn next_wake(&self, clock: &Clock) -> Option<Timestamp> {
        self.entries
            .iter()
            .filter(|e| e.state.is_learning() && e.held.is_none())
            .filter_map(|e| match e.state.due {
                Due::At(t) if t > clock.now => Some(t),
                _ => None,
            })
            .min()
    }
}
