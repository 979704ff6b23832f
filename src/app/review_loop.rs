//! The review loop closed: undo the last rating (Ctrl+Z or U), bury a card until tomorrow
//! (B), suspend it until released (!), release the suspended ones (in the statistics).
//! What is held is kept in the review log's file, like the ratings.

use super::StudyApp;
use crate::course::QuestionId;
use crate::notice::Notice;
use crate::review::queue::QueueSnapshot;
use crate::review::store::{CardLog, Hold, HoldKind};
use crate::review::{Review, Scope, cards_in};

/// A rating of this session and what undoing it puts back.
#[derive(Clone, Debug)]
pub struct Rated {
    /// The card's entry and today's tallies before the rating.
    pub snapshot: QueueSnapshot,
    pub session: String,
    pub id: QuestionId,
    /// The card's log before the rating (none: it had none).
    pub before: Option<CardLog>,
    pub review: Review,
}

impl StudyApp {
    /// Ctrl+Z or U: the last rating of this session undone: its review leaves the log (the
    /// file as it was before it, once saved) and the card is on screen again, its answer
    /// hidden.
    pub(super) fn undo_rating(&mut self) {
        let limits = self.state.review_limits;
        let clock = self.clock();
        let Some(run) = self.mode.review_mut() else {
            return;
        };
        let Some(rated) = run.undo.pop() else {
            return;
        };
        if !self
            .reviews
            .undo(&rated.session, &rated.id, rated.before, &rated.review)
        {
            self.notices.push(Notice::ReviewNotKept(rated.session));
            return;
        }
        let index = rated.snapshot.index;
        let same_card = run
            .queue
            .entries
            .get(index)
            .is_some_and(|e| e.card.id == rated.id);
        if same_card {
            run.queue.undo(rated.snapshot);
            run.current = Some(index);
            run.revealed = false;
        } else {
            // The queue was built anew since (another scope): build it again from the log.
            self.rebuild_queue();
            if let Some(run) = self.mode.review_mut() {
                run.current = run
                    .queue
                    .entries
                    .iter()
                    .position(|e| e.card.id == rated.id)
                    .or_else(|| run.queue.next(&clock, &limits));
            }
        }
        self.save_reviews();
        self.after_review_change();
    }

    /// B or !: the card on screen buried until tomorrow or suspended; the next one comes.
    pub(super) fn hold_card(&mut self, kind: HoldKind) {
        let clock = self.clock();
        let limits = self.state.review_limits;
        let Some(run) = self.mode.review_mut() else {
            return;
        };
        let Some(index) = run.current else {
            return;
        };
        let Some(entry) = run.queue.entries.get(index) else {
            return;
        };
        let card = entry.card.clone();
        let Some((topic, question)) = self.course.topics.get(card.topic).and_then(|t| {
            Some((
                t.name.as_str(),
                t.questions.get(card.question)?.text.as_str(),
            ))
        }) else {
            return;
        };
        let hold = Hold {
            kind,
            at: clock.now,
        };
        if !self
            .reviews
            .set_hold(&card.session, &card.id, question, topic, hold)
        {
            self.notices.push(Notice::ReviewNotKept(card.session));
            return;
        }
        if let Some(entry) = run.queue.entries.get_mut(index) {
            entry.held = Some(kind);
        }
        // A hold is not a rating: nothing to undo, and the card is simply not shown.
        run.current = run.queue.next(&clock, &limits);
        run.revealed = false;
        self.save_reviews();
        self.after_review_change();
    }

    /// The statistics' "보류한 카드 모두 풀기": every suspended card of the scope back in
    /// review.
    pub(super) fn release_suspended(&mut self) {
        let clock = self.clock();
        let scope = match self.mode.review() {
            Some(run) => run.scope.clone(),
            None => Scope::Course,
        };
        let (cards, _) = cards_in(&self.course, self.notes.store(), &scope);
        let mut released = 0;
        for card in cards {
            let suspended = self
                .reviews
                .hold(&card.session, &card.id)
                .is_some_and(|h| h.kind == HoldKind::Suspended);
            if !suspended {
                continue;
            }
            let Some((topic, question)) = self.course.topics.get(card.topic).and_then(|t| {
                Some((
                    t.name.as_str(),
                    t.questions.get(card.question)?.text.as_str(),
                ))
            }) else {
                continue;
            };
            let hold = Hold {
                kind: HoldKind::Released,
                at: clock.now,
            };
            released +=
                usize::from(
                    self.reviews
                        .set_hold(&card.session, &card.id, question, topic, hold),
                );
        }
        log::info!("{released} suspended cards released");
        self.save_reviews();
        self.rebuild_queue();
        self.after_review_change();
    }

    /// The statistics (when open) and the sidebar's due counts after the log changed.
    fn after_review_change(&mut self) {
        if self.mode.review().is_some_and(|r| r.stats.is_some()) {
            let stats = self.compute_stats();
            if let Some(run) = self.mode.review_mut() {
                run.stats = Some(stats);
            }
        }
        self.refresh_due();
    }
}
